// A Horizon-like theme's scripts, written for our fixtures (not Horizon's code): the contracts the widget relies on,
// as Shopify's Horizon defines them (docs/contract.md cites each file and function). Shopify's standard events carry
// their payload as properties of the event, and a promise of the outcome.

/** A deferred promise, as the standard events' createPromise() gives. */
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}
const standardEvent = (type, payload) => Object.assign(new Event(type, { bubbles: true }), payload);

// assets/variant-picker.js: a variant picked -> shopify:product:select on the picker (bubbling to the section); its
// promise resolves once the section's new HTML has arrived.
customElements.define('variant-picker', class extends HTMLElement {
  connectedCallback() {
    this.addEventListener('change', (event) => {
      const input = event.target;
      const outcome = deferred();
      this.dispatchEvent(standardEvent('shopify:product:select', {
        product: { id: this.dataset.productId },
        selectedOptions: [{ name: 'Variant', value: input.labels[0].textContent }],
        promise: outcome.promise,
      }));
      const url = `${this.dataset.productUrl}?variant=${input.value}`;
      fetch(url).then(() => {
        history.replaceState({}, '', url);
        document.querySelector('[data-product-image]').src = input.dataset.image;
        const variant = { id: input.value, title: input.labels[0].textContent };
        outcome.resolve({ variant, detail: { html: document, resource: { id: Number(input.value) }, productId: this.dataset.productId } });
      }, outcome.reject);
    });
  }
});

// assets/product-form.js: listens on its .shopify-section for shopify:product:select, fills input[name="id"] from
// the resolved resource WITHOUT a change event; an add dispatches shopify:cart:lines-update, posts with the cart
// items' sections, then reads /cart.js and resolves {cart, detail}.
customElements.define('product-form-component', class extends HTMLElement {
  connectedCallback() {
    this.closest('.shopify-section').addEventListener('shopify:product:select', async (event) => {
      const { detail } = await event.promise;
      this.querySelector('input[name="id"]').value = detail?.resource?.id ?? '';
    });
    const form = this.querySelector('form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = new FormData(form);
      const ids = [...document.querySelectorAll('cart-items-component')].map((items) => items.dataset.sectionId);
      body.append('sections', ids.join(','));
      const outcome = deferred();
      this.dispatchEvent(standardEvent('shopify:cart:lines-update', {
        action: 'add', context: 'product', lines: [{ merchandiseId: body.get('id'), quantity: 1 }], promise: outcome.promise,
      }));
      const response = await (await fetch('/cart/add.js', { method: 'POST', body, headers: { Accept: 'application/json' } })).json();
      const cart = await (await fetch('/cart.js')).json();
      outcome.resolve({ cart: { totalQuantity: cart.item_count }, detail: { sections: response.sections, didError: !!response.status } });
    });
  }
});

// assets/cart-icon.js: the count from cart.totalQuantity once the event's promise resolves.
customElements.define('cart-icon', class extends HTMLElement {
  connectedCallback() {
    document.addEventListener('shopify:cart:lines-update', (event) => {
      event.promise?.then(({ cart, detail }) => {
        this.querySelector('[data-cart-count]').textContent = cart?.totalQuantity ?? detail?.itemCount ?? 0;
      });
    });
  }
});

// assets/cart-drawer.js and component-cart-items.js: an add opens the drawer ([auto-open]), deferred until a modal
// dialog the event came from has closed; the cart items redraw from detail.sections.
customElements.define('cart-drawer-component', class extends HTMLElement {
  connectedCallback() {
    const dialog = this.querySelector('dialog');
    this.querySelector('.cart-drawer__close').addEventListener('click', () => dialog.close());
    document.addEventListener('shopify:cart:lines-update', (event) => {
      const source = event.target instanceof Element ? event.target.closest('dialog:modal') : null;
      event.promise?.then(({ detail }) => {
        const items = this.querySelector('cart-items-component');
        const html = detail?.sections?.[items.dataset.sectionId];
        if (html) items.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
        if (!this.hasAttribute('auto-open') || event.action !== 'add' || detail?.didError) return;
        const open = () => dialog.open || dialog.showModal();
        source?.open ? source.addEventListener('close', open, { once: true }) : open();
      });
    });
  }
});
