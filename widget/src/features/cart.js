// Add to cart through Shopify's Ajax Cart API, as the theme's own product form would.

/** The storefront's locale-aware root ("/fr/" on a French storefront), where cart URLs start. */
export const storeRoot = () => window.Shopify?.routes?.root || '/';

/** POST {root}cart/add.js for one variant (a GID or a number); resolves the line item, rejects {status, description}. */
export async function addToCart(variantId, quantity = 1) {
  const id = Number(String(variantId).split('/').pop());
  let response;
  let body = {};
  try {
    response = await fetch(storeRoot() + 'cart/add.js', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ items: [{ id, quantity }] }),
      signal: AbortSignal.timeout(15_000),
    });
    body = await response.json();
  } catch {}
  if (!response?.ok)
    throw Object.assign(new Error('Cart'), { status: response?.status ?? 0, description: body?.description });
  return body.items?.[0] ?? body;
}
