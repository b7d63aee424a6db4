// What a try-on is made for: the variant the shopper selected in the theme, and that variant's picture. Read from
// the theme's product form (Dawn, Horizon and plain forms all keep the selection in [name=id]); a page without one
// (headless) keeps the element's attributes. A lazy part (tryon-theme.js): the page-load file has none of it.

const FORM = 'form[action*="/cart/add"]';
/** A variant id as the client sends it: Shopify's forms hold numbers, the element takes GIDs. */
const gid = (id) => (/^\d+$/.test(id) ? 'gid://shopify/ProductVariant/' + id : id);

/**
 * The theme's product form of the widget's own section (Shopify wraps each in .shopify-section), else the page's
 * only one; not a form that states another product (Horizon's data-product-id, a product-id field) than the
 * element's, as after a quick view or a headless page switched the element to another product.
 */
export function productForm(host) {
  const all = document.querySelectorAll(FORM);
  const form =
    host.closest('.shopify-section')?.querySelector(FORM + ' [name=id]')?.form || (all.length == 1 ? all[0] : null);
  const stated = form && (form.closest('[data-product-id]')?.dataset.productId || form.elements['product-id']?.value);
  const product = String(host.getAttribute('product-id')).split('/').pop();
  return form?.elements.id && (!stated || stated == product) ? form : null;
}

/**
 * The variant selected now: the form's id, else the URL's ?variant= when the block lists it (a theme without a form
 * in the page), else the element's variant-id attribute.
 */
export function selectedVariant(host) {
  const fromForm = productForm(host)?.elements.id.value;
  if (fromForm) return gid(fromForm);
  const fromUrl = new URLSearchParams(location.search).get('variant');
  const listed = (host.getAttribute('variant-images') || '').split(/\s+/);
  return fromUrl && listed.includes(fromUrl) ? gid(fromUrl) : host.getAttribute('variant-id') || undefined;
}

/**
 * A variant's picture from the block's `variant-images`: "<url> <id>… <url> <id>…", each URL followed by the numeric
 * ids of the variants it pictures (the first URL, the product's, also pictures every variant not listed). Undefined
 * without the attribute: then the element's product-image is the picture.
 */
export function pictureOf(host, variantId) {
  const number = String(variantId || '')
    .split('/')
    .pop();
  let url;
  let first;
  for (const token of (host.getAttribute('variant-images') || '').split(/\s+/)) {
    if (/^\d+$/.test(token)) {
      if (token == number) return url;
    } else if (token) {
      url = token;
      first ??= url;
    }
  }
  return first;
}

/**
 * What a try-on started now is for (or one made for `variantId`): {productId, variantId, productImage}, the picture
 * unchecked (the dialog checks it).
 */
export function target(host, variantId = selectedVariant(host)) {
  return { productId: host.getAttribute('product-id'), variantId, productImage: pictureOf(host, variantId) };
}

/**
 * Call `changed()` whenever the shopper may have picked another variant: a change in the product form (Dawn
 * dispatches one on [name=id]; a plain <select name=id> fires its own), Horizon's shopify:product:select on the
 * section once its promise settles (its product form fills [name=id] then, without a change event), and the
 * element's own product-id, variant-id or variant-images attributes (headless pages, a theme's re-render).
 */
export function watchVariant(host, changed) {
  const settle = (event) =>
    Promise.resolve(event.promise).then(
      () => changed(),
      () => {},
    );
  productForm(host)?.addEventListener('change', () => changed());
  (host.closest('.shopify-section') || document).addEventListener('shopify:product:select', settle);
  const attributeFilter = ['product-id', 'variant-id', 'variant-images'];
  new MutationObserver(() => changed()).observe(host, { attributes: true, attributeFilter });
}
