// Every attribute the dialog reads, read and checked in one place. What the merchant did not set stays undefined,
// so the client's own defaults apply (they are defined once, in widget/src/client/).

// Each problem is said once per page, however often the attributes are read (start, then follow).
const warned = new Set();
export function warn(message) {
  if (!warned.has(message)) console.warn('<tryon-widget>: ' + message);
  warned.add(message);
}

function number(host, name, valid) {
  const raw = host.getAttribute(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw.trim() && valid(value)) return value;
  warn(`ignoring ${name}="${raw}"; using the default`);
}

/** A product picture to show while waiting (product-image, or `src`): an http(s) or same-site URL, else null, warned. */
export function imageUrl(host, src = host.getAttribute('product-image')) {
  try {
    if (!src || /^https?:$/.test(new URL(src, location.href).protocol)) return src || null;
  } catch {}
  warn(`ignoring the product picture "${src}"; not an http(s) URL`);
  return null;
}

export function settings(host) {
  const attr = (name) => host.getAttribute(name) || undefined;
  return {
    productId: attr('product-id'),
    variantId: attr('variant-id'),
    productImage: imageUrl(host),
    proxyPath: attr('proxy-path'),
    // A headless store's own server route for the status (the Try-On API v1 shape: adapter="genlook-api").
    adapter: attr('adapter'),
    statusUrl: attr('status-url'),
    pollIntervalMs: number(host, 'poll-interval', (value) => value > 0 && value < Infinity),
    maxAttempts: number(host, 'max-attempts', (value) => Number.isInteger(value) && value > 0),
  };
}
