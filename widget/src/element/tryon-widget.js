// The page-load part of <tryon-widget>: a themable button that costs next to nothing until pressed.
// The UI (tryon-ui.js, tryon-ui-base.js, tryon-ui-extras.js) is fetched on first hover, focus or press, next to this script.
import { jobKey } from './keys.js';

const SCRIPT_URL = document.currentScript?.src;
const STYLE =
  ':host{display:block;--a:var(--tryon-accent,currentColor)}[part=button]{box-sizing:border-box;width:100%;' +
  'min-height:48px;padding:0 16px;font:inherit;line-height:1.2;cursor:pointer;border:1px solid var(--a);' +
  'border-radius:var(--tryon-radius,6px);background:none;color:var(--a)}:focus-visible{outline:2px solid var(--a);outline-offset:2px}';

let ui;

const load = (file) =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, SCRIPT_URL || document.baseURI).href;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Could not load ${script.src}`));
    document.head.append(script);
  });

/** Load the UI files once per page, in parallel (again after a failure); resolves window.TryOn. */
export function loadUI() {
  ui ??= Promise.all(['tryon-ui-base.js', 'tryon-ui.js', 'tryon-ui-extras.js'].map(load)).then(
    () => window.TryOn,
    (error) => {
      ui = null;
      throw error;
    },
  );
  return ui;
}


/**
 * <tryon-widget product-id="gid://shopify/Product/1">: a "Try it on" button; pressing it opens the try-on.
 * Attributes, state, events and parts: see README.md ("The <tryon-widget> element").
 */
export class TryOnWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return ['label', 'locale'];
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: 'open' }).innerHTML =
        `<style>${STYLE}</style><button part="button" type="button"></button><div part="body"></div>`;
      const button = this.shadowRoot.querySelector('button');
      button.onpointerenter = button.onfocus = () => loadUI().catch(() => {});
      button.onclick = () => this.open();
      this.attributeChangedCallback();
    }
    if (!this.hasAttribute('state')) this.setAttribute('state', 'idle');
    // Resume a generation given by attribute, or one this browser left running (reload, navigation).
    let saved;
    try {
      saved = JSON.parse(localStorage.getItem(jobKey(this.getAttribute('product-id'))));
    } catch {}
    if (this.getAttribute('generation-id') || saved?.expires > Date.now()) this.open({ resume: saved?.id });
  }

  disconnectedCallback() {
    // A widget taken off the page stops every request and timer it started.
    this.$session?.stop();
  }

  attributeChangedCallback(name) {
    if (name === 'locale') this._strings = null;
    const button = this.shadowRoot?.querySelector('button');
    // $label: the running/done text the UI sets while a try-on is under way.
    if (button) button.textContent = this.$label || this.getAttribute('label') || this.strings.button || 'Try it on';
  }

  /**
   * Strings from a JSON <script type="application/json"> child (one catalog, or catalogs by locale chosen by
   * the `locale` attribute or the page's lang), or set as a property. Missing keys fall back to English.
   */
  get strings() {
    if (!this._strings) {
      let all = {};
      try {
        all = JSON.parse(this.querySelector('script[type="application/json"]').textContent);
      } catch {}
      const locale = this.getAttribute('locale') || document.documentElement.lang || 'en';
      this._strings = typeof all.button == 'string' ? all : all[locale] || all[locale.split('-')[0]] || all.en || {};
    }
    return this._strings;
  }

  set strings(value) {
    this._strings = Object(value);
    this.attributeChangedCallback();
  }

  /** Open the try-on dialog (loading its UI first); `resume` follows a generation without opening it. */
  open(options) {
    return loadUI().then(
      (tryon) => this.isConnected && tryon.ui.open(this, options),
      (error) => {
        console.error('<tryon-widget>', error);
        this.setAttribute('state', 'error');
      },
    );
  }
}
