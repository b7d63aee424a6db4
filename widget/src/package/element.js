// The npm package's "tryon-widget/element": importing it defines <tryon-widget>. Its parts load through the app's
// own bundler (import(), so they become the app's lazy chunks) instead of script tags next to tryon-widget.js.
import { register } from '../contract.js';
import { TryOnWidgetElement } from '../shell/element.js';
import { hooks } from '../shell/load.js';

const PARTS = {
  client: () => import('../client/part.js'),
  dialog: () => import('../dialog/index.js'),
  photo: () => import('../photo/index.js'),
  features: () => import('../features/index.js'),
  en: () => import('../strings/index.js'),
  theme: () => import('../theme/index.js'),
  button: () => import('../button/index.js'),
};
// Each part registers itself on window.TryOn.parts when it runs (contract.js); a language (a part named by its code,
// strings/language.js) is its locale file's catalog, one chunk per language.
hooks.load = (name) =>
  PARTS[name]
    ? PARTS[name]().then(() => window.TryOn.parts[name])
    : import(`../../../extension/locales/${name}.json`).then(({ default: file }) => {
        register(name, file.tryon);
        return file.tryon;
      });

// Defined only where there are custom elements (not during server rendering).
if (globalThis.customElements && !customElements.get('tryon-widget'))
  customElements.define('tryon-widget', TryOnWidgetElement);

export { TryOnWidgetElement };
