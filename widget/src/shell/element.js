// The page-load part of <tryon-widget>: a themable button that costs next to nothing until pressed.
// The dialog (tryon-dialog.js, tryon-features.js, tryon-client.js) is fetched on first hover, focus or press.
import { PROXY_PATH } from '../client/config.js';
import { DISCONNECT } from '../contract.js';
import { adopt } from '../styles.js';
import { remembered } from '../tries.js';
import { loadUI } from './load.js';

const STYLE =
  ':host{display:block;--a:var(--tryon-accent,currentColor)}button{box-sizing:border-box;width:100%;' +
  'min-height:48px;padding:0 16px;font:inherit;cursor:pointer;border:1px solid var(--a);' +
  'border-radius:var(--tryon-radius,6px);background:none;color:var(--a)}:focus-visible{outline:2px solid var(--a);outline-offset:2px}';
// The button's text by the `state` the dialog reflects (others: the `label` attribute or the `button` string).
const LABELS = {
  uploading: 'button_running',
  pending: 'button_running',
  processing: 'button_running',
  completed: 'button_done',
};
// An object (from any window: a page may set strings across frames), not null, an array, a string or a number.
const isCatalog = (value) => value && typeof value == 'object' && !Array.isArray(value);

/**
 * <tryon-widget product-id="gid://shopify/Product/1">: a "Try it on" button; pressing it opens the try-on.
 * Attributes, state, events and parts: see README.md ("The <tryon-widget> element").
 */
export class TryOnWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return ['label', 'locale', 'state'];
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      adopt(root, STYLE);
      root.innerHTML = '<button part="button" type="button"></button><div part="body"></div>';
      const button = root.firstChild;
      // Hover or focus: load the dialog and ask the store whether try-ons are available, before any press.
      button.onpointerenter = button.onfocus = () =>
        this.reach().then(
          ([, dialog]) => dialog.warm(this),
          () => {},
        );
      button.onclick = () => this.open();
      this.attributeChangedCallback();
    }
    if (!this.hasAttribute('state')) this.setAttribute('state', 'idle');
    // Resume a generation given by attribute, or what this browser remembers of the product (a generation running,
    // a result to show again): told by a cookie, so a page with nothing to resume touches no storage at all.
    if (remembered(this.getAttribute('product-id')) || this.getAttribute('generation-id')) this.open({ resume: '' });
  }

  disconnectedCallback() {
    // A widget taken off the page stops every request and timer it started (the dialog listens).
    this.dispatchEvent(new Event(DISCONNECT));
  }

  attributeChangedCallback(name) {
    if (name == 'locale') this._strings = null;
    const button = this.shadowRoot?.firstChild;
    const key = LABELS[this.getAttribute('state')];
    if (button) button.textContent = (!key && this.getAttribute('label')) || this._string(key || 'button');
  }

  /** A string of the page's catalog, or built-in English when it is missing or not a string. */
  _string(key) {
    const value = this.strings[key];
    return typeof value == 'string' ? value : SHELL_EN[key];
  }

  /**
   * Strings from a JSON <script type="application/json"> child (one catalog, or catalogs by locale chosen by
   * the `locale` attribute or the page's lang), or set as a property. Missing keys fall back to English.
   */
  get strings() {
    if (!this._strings) {
      let all;
      try {
        all = JSON.parse(this.querySelector('script[type="application/json"]').textContent);
      } catch {}
      all = isCatalog(all) ? all : {};
      const locale = this.getAttribute('locale') || document.documentElement.lang || 'en';
      const single = Object.values(all).some((value) => typeof value == 'string');
      this._strings = single ? all : [all[locale], all[locale.split('-')[0]], all.en, {}].find(isCatalog);
    }
    return this._strings;
  }

  set strings(value) {
    this._strings = isCatalog(value) ? value : {};
    this.attributeChangedCallback();
  }

  /**
   * The shopper reaches for the button: the credits check leaves at once, in parallel with the parts (the dialog
   * takes its answer, `creditsCheck`: true unless the store says no; a failing check counts as allowed).
   */
  reach() {
    this.creditsCheck ??= fetch((this.getAttribute('proxy-path') || PROXY_PATH) + '/check-credits')
      .then((response) => response.json())
      .then(
        (body) => body.allowed != false,
        () => true,
      );
    return loadUI();
  }

  /** Open the try-on dialog (loading its parts first); `resume` follows a generation without opening it. */
  open(options) {
    // A resume (reload, attribute) is not the shopper reaching: no credits check for it.
    return (options && 'resume' in options ? loadUI() : this.reach()).then(
      ([, dialog]) => this.isConnected && dialog.open(this, options),
      (error) => {
        // The error names the file that did not load ("Could not load …/tryon-dialog.js").
        console.error(error);
        this.setAttribute('state', 'error');
        // The dialog's files did not arrive: the button says so, and pressing it again loads them again.
        this.shadowRoot.firstChild.textContent = this._string('button_retry');
      },
    );
  }
}
