// Add to cart through Shopify's Ajax Cart API, then tell the theme's own cart UI, as its product form would:
// Dawn-like themes redraw from the sections they name (renderContents), Horizon-like themes and any listener of
// Shopify's standard events hear shopify:cart:lines-update, and every page hears our own tryon-cart-add.

/** The storefront's locale-aware root ("/fr/" on a French storefront), where cart URLs start. */
export const storeRoot = () => window.Shopify?.routes?.root || '/';

/** Dawn's cart UI (cart-notification or cart-drawer): it names its sections and redraws from them. */
function dawnCart() {
  const cart = document.querySelector('cart-notification, cart-drawer');
  return typeof cart?.renderContents == 'function' && typeof cart.getSectionsToRender == 'function' ? cart : null;
}

/** The sections the theme's cart UI redraws after an add (Dawn's getSectionsToRender, Horizon's cart items). */
function sectionsToRender() {
  const ids =
    dawnCart()
      ?.getSectionsToRender()
      .map((section) => section.id) || [];
  for (const items of document.querySelectorAll('cart-items-component[data-section-id]'))
    ids.push(items.dataset.sectionId);
  return ids;
}

async function request(path, init) {
  let response;
  let body = {};
  try {
    response = await fetch(storeRoot() + path, { ...init, signal: AbortSignal.timeout(15_000) });
    body = await response.json();
  } catch {}
  if (!response?.ok)
    throw Object.assign(new Error('Cart'), { status: response?.status ?? 0, description: body?.description });
  return body;
}

/**
 * POST {root}cart/add.js for one variant (a GID or a number), with the theme's sections; resolves the line item (with
 * `sections`), rejects {status, description}.
 */
export function addToCart(variantId, quantity = 1) {
  const id = Number(String(variantId).split('/').pop());
  const sections = sectionsToRender();
  return request('cart/add.js', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ id, quantity, ...(sections.length && { sections, sections_url: location.pathname }) }),
  });
}

/**
 * Tell the theme about an added line item, from `host`. When the theme shows a confirmation of its own (Dawn's
 * notification or drawer, a cart drawer that opens on add), `beforeShowing(dawnCart)` runs first, so our dialog
 * steps aside.
 */
export function tellTheme(host, item, quantity, beforeShowing) {
  const dawn = dawnCart();
  const shows = !!(dawn || document.querySelector('cart-drawer-component[auto-open]'));
  if (shows) beforeShowing(dawn);
  // Shopify's standard storefront event (Horizon's cart icon, drawer and cart items listen): its promise carries the
  // cart, read once more since the add's answer has no totals.
  const event = new Event('shopify:cart:lines-update', { bubbles: true });
  const cart = request('cart.js').then((cart) => ({
    cart: { id: cart.token, totalQuantity: cart.item_count, lines: cart.items },
    detail: {
      items: cart.items,
      itemCount: quantity,
      sections: item.sections,
      source: 'tryon-widget',
      didError: false,
    },
  }));
  cart.catch(() => {});
  host.dispatchEvent(
    Object.assign(event, {
      action: 'add',
      context: 'product',
      lines: [{ merchandiseId: 'gid://shopify/ProductVariant/' + item.variant_id, quantity }],
      promise: cart,
    }),
  );
  // Dawn's pubsub (assets/pubsub.js: a global publish; PUB_SUB_EVENTS.cartUpdate is 'cart-update').
  if (typeof window.publish == 'function')
    window.publish('cart-update', { source: 'tryon-widget', productVariantId: item.variant_id, cartData: item });
  if (dawn && item.sections) dawn.renderContents(item);
}
