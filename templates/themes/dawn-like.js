// A Dawn-like theme's scripts, written for our fixtures (not Dawn's code): the contracts the widget relies on, as
// Shopify's Dawn defines them (docs/contract.md cites each file and function).

// assets/constants.js and assets/pubsub.js: global event names and publish/subscribe.
const PUB_SUB_EVENTS = { cartUpdate: 'cart-update', variantChange: 'variant-change', cartError: 'cart-error' };
const subscribers = {};
function subscribe(name, callback) {
  (subscribers[name] ||= []).push(callback);
  return () => (subscribers[name] = subscribers[name].filter((cb) => cb !== callback));
}
function publish(name, data) {
  return Promise.all((subscribers[name] || []).map((callback) => callback(data)));
}
window.publishedLog = [];
subscribe(PUB_SUB_EVENTS.cartUpdate, (data) => window.publishedLog.push(['cart-update', data.source]));
subscribe(PUB_SUB_EVENTS.variantChange, (data) => window.publishedLog.push(['variant-change', data.data.variant.id]));

// assets/product-info.js: a variant picked -> the form's input[name="id"] (with a bubbling change), the URL, media,
// [data-selected-variant], then publish(variantChange).
customElements.define('product-info', class extends HTMLElement {
  connectedCallback() {
    this.addEventListener('change', (event) => {
      if (!event.target.closest('variant-selects')) return;
      const input = event.target;
      const variant = { id: Number(input.value), title: input.labels[0].textContent };
      this.querySelector('[data-selected-variant]').textContent = JSON.stringify(variant);
      this.querySelector('[data-product-image]').src = input.dataset.image;
      window.history.replaceState({}, '', `${this.dataset.url}?variant=${variant.id}`);
      this.updateVariantInputs(variant.id);
      publish(PUB_SUB_EVENTS.variantChange, { data: { sectionId: this.dataset.section, html: document, variant } });
    });
  }

  updateVariantInputs(variantId) {
    this.querySelectorAll(`#product-form-${this.dataset.section}`).forEach((form) => {
      const input = form.querySelector('input[name="id"]');
      input.value = variantId ?? '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
});

// assets/product-form.js: the add posts the form with the cart UI's sections, then publish(cartUpdate) and
// renderContents(response) on cart-notification.
customElements.define('product-form', class extends HTMLElement {
  connectedCallback() {
    this.form = this.querySelector('form');
    this.cart = document.querySelector('cart-notification') || document.querySelector('cart-drawer');
    this.form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = new FormData(this.form);
      body.append('sections', this.cart.getSectionsToRender().map((section) => section.id));
      body.append('sections_url', window.location.pathname);
      this.cart.setActiveElement(document.activeElement);
      const response = await (await fetch('/cart/add.js', { method: 'POST', body, headers: { Accept: 'application/javascript', 'X-Requested-With': 'XMLHttpRequest' } })).json();
      if (response.status) return;
      publish(PUB_SUB_EVENTS.cartUpdate, { source: 'product-form', productVariantId: body.get('id'), cartData: response });
      this.cart.renderContents(response);
    });
  }
});

// assets/cart-notification.js: redraws its sections from the add's answer and opens.
customElements.define('cart-notification', class extends HTMLElement {
  connectedCallback() {
    this.notification = document.getElementById('cart-notification');
    this.querySelector('.cart-notification__close').addEventListener('click', () => this.close());
    this.notification.addEventListener('keyup', (event) => event.code === 'Escape' && this.close());
  }

  open() {
    this.notification.classList.add('active');
    // As Dawn: focus once it has slid in (hidden until then, so not focusable).
    this.notification.addEventListener('transitionend', () => this.notification.focus(), { once: true });
  }

  close() {
    this.notification.classList.remove('active');
    this.activeElement?.focus();
  }

  renderContents(parsedState) {
    this.cartItemKey = parsedState.key;
    this.getSectionsToRender().forEach((section) => {
      document.getElementById(section.id).innerHTML = this.getSectionInnerHTML(parsedState.sections[section.id], section.selector);
    });
    this.open();
  }

  getSectionsToRender() {
    return [
      { id: 'cart-notification-product', selector: `[id="cart-notification-product-${this.cartItemKey}"]` },
      { id: 'cart-notification-button' },
      { id: 'cart-icon-bubble' },
    ];
  }

  getSectionInnerHTML(html, selector = '.shopify-section') {
    return new DOMParser().parseFromString(html, 'text/html').querySelector(selector).innerHTML;
  }

  setActiveElement(element) {
    this.activeElement = element;
  }
});
