// tryon-ui-base.js: what the flow builds on, in its own file to keep each within Shopify's 10,000 bytes:
// the dialog markup and styles, the built-in English strings, and the client's after-press actions.
import catalog from '../../../extension/locales/en.default.json';
import { createActions } from '../client/actions.js';
import { mountDialog } from './dialog.js';

window.TryOn = Object.assign(window.TryOn || {}, { base: { mountDialog, EN: catalog.tryon, createActions } });
