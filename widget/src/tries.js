// What this browser remembers of a product's try-on from one page to the next, in one small cookie per product:
// a generation running (kept 15 minutes, so a reload resumes it) or the last result (kept for the browser session,
// so a reload or Back shows it again). A cookie rather than Web Storage: the page-load file can tell from it, at
// idle time and for a third of a millisecond, whether there is anything to resume (a first localStorage read blocks
// the main thread for milliseconds), and it still works where Web Storage is blocked. Every access is guarded.
//   tryon_<product number>=<generation id, URI-encoded>|<started at, ms>|<variant number>|<r: running, d: done>

const RUNNING_S = 15 * 60;
const name = (productId) => 'tryon_' + String(productId).split('/').pop().replace(/\W/g, '');
const pattern = (productId) => RegExp(`(?:^|; )${name(productId)}=([^|;]+)\\|(\\d+)\\|(\\d*)\\|([rd])`);

/**
 * Whether a cookie for the product may be there (recall() reads it): the page-load file's idle-time check, no Web
 * Storage. Through the Cookie Store API where there is one: asynchronous, where a page's first document.cookie read is
 * a synchronous trip to the browser's cookie store (2-3 ms of main thread, BENCHMARKS.md). Shopify's ids end in
 * digits, so the last segment is name()'s. It may throw or reject (an opaque origin): the caller guards it.
 */
export const remembered = (productId, cookie = 'tryon_' + productId.split('/').pop()) =>
  self.cookieStore ? cookieStore.get(cookie) : document.cookie.includes(cookie + '=');

/** {id, startedAt, variantId, done} remembered for the product, or null when nothing usable is. */
export function recall(productId) {
  try {
    const [, id, startedAt, variant, kind] = document.cookie.match(pattern(productId));
    return {
      id: decodeURIComponent(id),
      startedAt: +startedAt,
      variantId: variant ? 'gid://shopify/ProductVariant/' + variant : undefined,
      done: kind == 'd',
    };
  } catch {
    return null;
  }
}

/** Remember {id, startedAt, variantId, done} for the product (null forgets it). */
export function remember(productId, entry) {
  const variant = String(entry?.variantId || '')
    .split('/')
    .pop()
    .replace(/\D/g, '');
  const value = entry && [encodeURIComponent(entry.id), Math.round(entry.startedAt), variant, entry.done ? 'd' : 'r'];
  try {
    document.cookie =
      `${name(productId)}=${value ? value.join('|') : ''}; path=/; SameSite=Lax` +
      (value ? (entry.done ? '' : '; max-age=' + RUNNING_S) : '; max-age=0');
  } catch {}
}
