// The page-load part of <tryon-widget>: a themable button that costs next to nothing until pressed.
// The flow UI (tryon-ui.js) is fetched on first hover, focus or press, next to this script's own URL.

const SCRIPT_URL = document.currentScript?.src;
const STYLE =
  ':host{display:block;--a:var(--tryon-accent,currentColor)}[part=button]{box-sizing:border-box;width:100%;' +
  'min-height:48px;padding:12px 16px;font:inherit;cursor:pointer;border:1px solid var(--a);' +
  'border-radius:var(--tryon-radius,6px);background:none;color:var(--a)}:focus-visible{outline:2px solid var(--a);outline-offset:2px}';

let ui;

/** Load tryon-ui.js once per page (again after a failure); resolves window.TryOn.ui. */
export function loadUI() {
  ui ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('tryon-ui.js', SCRIPT_URL || document.baseURI).href;
    script.onload = () => resolve(window.TryOn.ui);
    script.onerror = () => reject(new Error(`Could not load ${script.src}`), (ui = null));
    document.head.append(script);
  });
  return ui;
}

/**
 * <tryon-widget product-id="gid://shopify/Product/1">: a "Try it on" button; pressing it runs a try-on.
 * Attributes, state, events and parts: see README.md ("The <tryon-widget> element").
 */
export class TryOnWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return ['label'];
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      this.attachShadow({ mode: 'open' }).innerHTML =
        `<style>${STYLE}</style><button part="button" type="button"></button><div part="body"></div>`;
      const button = this.shadowRoot.querySelector('button');
      const warm = () => loadUI().catch(() => {});
      button.onpointerenter = button.onfocus = warm;
      button.onclick = () => this.open();
      this.attributeChangedCallback();
    }
    if (!this.hasAttribute('state')) this.setAttribute('state', 'idle');
    if (this.getAttribute('generation-id')) this.open({ resume: true });
  }

  disconnectedCallback() {
    // A widget taken off the page stops every request and timer it started.
    this._session?.abort();
  }

  attributeChangedCallback() {
    const button = this.shadowRoot?.querySelector('button');
    if (button) button.textContent = this.getAttribute('label') || this.strings.button || 'Try it on';
  }

  /** Strings for this widget: a JSON <script type="application/json"> child, or set as a property. */
  get strings() {
    try {
      this._strings ??= JSON.parse(this.querySelector('script[type="application/json"]')?.textContent || '{}');
    } catch {
      this._strings = {};
    }
    return this._strings;
  }

  set strings(value) {
    this._strings = Object(value);
    this.attributeChangedCallback();
  }

  /** Open the try-on flow, loading its UI first; `resume` follows the generation-id attribute. */
  open(options) {
    return loadUI().then(
      (loaded) => this.isConnected && loaded.open(this, options),
      (error) => {
        console.error('<tryon-widget>', error);
        this.setAttribute('state', 'error');
      },
    );
  }
}
