// tryon-dialog.js, loaded on first use with tryon-client.js and tryon-features.js: the try-on dialog.
import { register } from '../contract.js';
import { Flow } from './flow.js';

// One flow per widget, kept here: nothing is written on the element from this file.
const flows = new WeakMap();

function flowOf(host) {
  let flow = flows.get(host);
  if (!flow) {
    flows.set(host, (flow = new Flow(host)));
    // The element calls it when it leaves the page.
    host.gone = () => flow.stop();
  }
  return flow;
}

register('dialog', {
  /** Open (or resume) the try-on of one widget. */
  open: (host, options) => flowOf(host).open(options),
  /** The shopper is about to press: ask whether try-ons are available (the client caches the answer). */
  warm: (host) => flowOf(host).available(),
});
