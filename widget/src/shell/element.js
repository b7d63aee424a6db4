// The page-load part of <tryon-widget>: it takes the button the page rendered and costs next to nothing until the
// shopper reaches for it: no shadow root, no Web Storage, no strings but the button's own words.
// The dialog and its strings (tryon-dialog.js, tryon-<language>.js, …) are fetched on first hover, focus or press.
import { attr } from '../attr.js';
import { PROXY_PATH } from '../contract.js';
import { remembered } from '../tries.js';
import { loadUI, part } from './load.js';

/**
 * <tryon-widget product-id="gid://shopify/Product/1"><button type="button" part="button">Try it on</button>
 * </tryon-widget>: pressing the button opens the try-on. Attributes, state, events: see docs/widget.md.
 */
export class TryOnWidgetElement extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    // Markup without a button (before 0.2): tryon-button.js builds the old shadow-root one, for one release.
    if (!this.button) button ? this.upgrade(button) : part('button').then((legacy) => legacy.mount(this));
    this.setAttribute('state', attr(this, 'state') || 'idle');
    // Resume a generation given by attribute, or what this browser remembers of the product (a generation running,
    // a result to show again): told by a cookie, looked up at idle time (tries.js); no Web Storage.
    (self.requestIdleCallback || setTimeout)(async () => {
      try {
        // No product-id: null.split throws, and there is nothing of this product to resume.
        (attr(this, 'generation-id') || (await remembered(attr(this, 'product-id')))) && this.open({ resume: '' });
      } catch {}
    });
  }

  disconnectedCallback() {
    // A widget taken off the page stops every request and timer it started (`gone`: set by the dialog).
    this.gone?.();
  }

  /**
   * Make `button` the widget's: hover or focus gets the dialog ready, a press opens it. (Its words change with the
   * try-on's state, which only the dialog sets: the dialog relabels it.)
   */
  upgrade(button) {
    this.button = button;
    button.onpointerenter = button.onfocus = () => this.reach().then(([, dialog]) => dialog.warm(this), Object);
    button.onclick = () => this.open();
    // Pressed before the script arrived: its loading dialog is open (the button's command); the try-on follows.
    if (this.querySelector('[open]')) this.open();
  }

  /**
   * The shopper reaches for the button: the credits check leaves at once, in parallel with the parts (the dialog
   * takes its answer, `creditsCheck`: true unless the store says no; a failing check counts as allowed).
   */
  reach() {
    this.creditsCheck ??= fetch((attr(this, 'proxy-path') || PROXY_PATH) + '/check-credits')
      .then((response) => response.json())
      .then(
        (body) => body.allowed != false,
        () => true,
      );
    return loadUI(this);
  }

  /** Open the try-on dialog (loading its parts first); `resume` follows a generation without opening it. */
  open(options) {
    // A resume (reload, attribute; the only options) is not the shopper reaching: no credits check for it.
    return (options ? loadUI(this) : this.reach()).then(
      ([, dialog]) => this.isConnected && dialog.open(this, options),
      () => {
        // The dialog's files did not arrive (the browser's console names them): the loading dialog closes, the
        // button says so, and pressing it again loads them again.
        this.setAttribute('state', 'error');
        this.querySelector('dialog')?.close();
        const button = this.button || {};
        button.textContent = button.dataset?.retry || button.textContent;
      },
    );
  }
}
