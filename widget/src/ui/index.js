// The UI script, loaded on first use: the try-on flow, and the client's after-press actions.
import { createActions } from '../client/actions.js';
import { open } from './flow.js';

window.TryOn = Object.assign(window.TryOn || {}, { ui: { open, createActions } });
