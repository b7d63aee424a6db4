// The page-load script: window.TryOn (the headless client) and the <tryon-widget> element shell.
// The client's after-press actions live in tryon-ui-base.js and load on first call, with the same API.
import { ACTION_NAMES } from './client/actions.js';
import { createCore } from './client/core.js';
import {
  ApiError,
  GenerationFailedError,
  GenerationNotFoundError,
  GenerationTimeoutError,
  InvalidResponseError,
  TryOnError,
} from './client/errors.js';
import { loadUI, TryOnWidgetElement } from './element/tryon-widget.js';

function createClient(config) {
  const { ctx, api } = createCore(config);
  let actions;
  for (const name of ACTION_NAMES) {
    api[name] = (...args) =>
      loadUI().then(
        (tryon) => (actions ??= tryon.base.createActions(ctx))[name](...args),
        (error) => (name === 'collectEmail' ? { success: false } : Promise.reject(error)),
      );
  }
  return api;
}

window.TryOn = Object.assign(window.TryOn || {}, {
  createClient,
  TryOnWidgetElement,
  TryOnError,
  ApiError,
  GenerationFailedError,
  GenerationNotFoundError,
  GenerationTimeoutError,
  InvalidResponseError,
});

if (!customElements.get('tryon-widget')) customElements.define('tryon-widget', TryOnWidgetElement);
