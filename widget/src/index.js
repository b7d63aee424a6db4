// The page-load script: window.TryOn (the headless client) and the <tryon-widget> element shell.
// The client's after-press actions live in tryon-ui.js and load on first call, with the same API.
import { ACTION_NAMES } from './client/actions.js';
import { createCore } from './client/core.js';
import * as errors from './client/errors.js';
import { loadUI, TryOnWidgetElement } from './element/tryon-widget.js';

function createClient(config) {
  const { ctx, api } = createCore(config);
  let actions;
  for (const name of ACTION_NAMES) {
    api[name] = (...args) =>
      loadUI().then(
        (ui) => (actions ??= ui.createActions(ctx))[name](...args),
        (error) => (name === 'collectEmail' ? { success: false } : Promise.reject(error)),
      );
  }
  return api;
}

window.TryOn = Object.assign(window.TryOn || {}, { createClient, TryOnWidgetElement, ...errors });

if (!customElements.get('tryon-widget')) customElements.define('tryon-widget', TryOnWidgetElement);
