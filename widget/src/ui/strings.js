// Shopper-facing text. Built-in English (tryon-ui-base.js) comes from extension/locales/en.default.json.

/**
 * A string by key with {name} placeholders filled; plain text for textContent, never HTML.
 * Single braces, because {{ }} would be Liquid (and Shopify's `t` interpolation) in the app block.
 */
export function format(strings, key, values = {}) {
  const template = strings[key] ?? window.TryOn.base.EN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// Documented codes, plus the photo-rejection codes Genlook's docs describe without naming
// (INVALID_IMAGE and CUSTOMER_IMAGE_FETCH_FAILED are v1 codes; the other two are our guesses).
const PHOTO = ['photo', 0, 1];
const FAILURES = {
  PRODUCT_IMAGE_FETCH_FAILED: ['product_image', 1],
  QUOTA_EXCEEDED: ['quota'],
  BILLING_NOT_ALLOWED: ['billing'],
  RATE_LIMIT_EXCEEDED: ['rate', 1],
  CREATION_FAILED: ['creation', 1],
  INVALID_IMAGE: PHOTO,
  CUSTOMER_IMAGE_FETCH_FAILED: PHOTO,
  CUSTOMER_IMAGE_REJECTED: PHOTO,
  NO_PERSON_DETECTED: PHOTO,
};

/**
 * What to tell the shopper about an error: {key, retry (a new try can help), tip (the photo is the likely cause),
 * failed (the generation failed or was refused, as opposed to transport or other trouble)}.
 */
export function failure(error) {
  const failed = error?.name === 'GenerationFailedError' || !!FAILURES[error?.code];
  const [key, retry, tip] =
    FAILURES[error?.code] ?? (failed ? ['unknown', 1, 1] : error?.status === 0 || error?.status >= 500 ? ['network', 1] : ['unknown', 1]);
  return { key: 'error_' + key, retry: !!retry, tip: !!tip, failed };
}
