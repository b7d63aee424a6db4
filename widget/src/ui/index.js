// tryon-ui.js, loaded on first use with tryon-ui-base.js: the try-on flow of each widget.
import { Session } from './flow.js';

/** Open (or resume) the try-on of one widget; its session lives on the element, shared with the shell. */
function open(host, options) {
  (host.$session ??= new Session(host)).open(options);
}

window.TryOn = Object.assign(window.TryOn || {}, { ui: { open } });
