// What the shopper is told about each failure: one table, code -> [text key, a new try can help, the photo is the
// likely cause]. Documented codes, plus the photo-rejection codes Genlook's docs describe without naming
// (INVALID_IMAGE and CUSTOMER_IMAGE_FETCH_FAILED are v1 codes; the other two are our guesses).
const PHOTO = ['error_photo', 0, 1];
// The store cannot generate (no credits, no billing): said as unavailable, with Close only.
const UNAVAILABLE = ['unavailable'];
const FAILURES = {
  PRODUCT_IMAGE_FETCH_FAILED: ['error_product_image', 1],
  QUOTA_EXCEEDED: UNAVAILABLE,
  BILLING_NOT_ALLOWED: UNAVAILABLE,
  RATE_LIMIT_EXCEEDED: ['error_rate', 1],
  CREATION_FAILED: ['error_creation', 1],
  INVALID_IMAGE: PHOTO,
  CUSTOMER_IMAGE_FETCH_FAILED: PHOTO,
  CUSTOMER_IMAGE_REJECTED: PHOTO,
  NO_PERSON_DETECTED: PHOTO,
  // Not an API code: the finished result's image would not load, even from a freshly read URL.
  RESULT_IMAGE: ['error_result', 1],
};

/**
 * {key, retry, tip, failed}: `failed` when the generation failed or was refused (state `failed`), as opposed to
 * transport or other trouble (state `error`). Only photo codes blame the photo: an untyped failure may be the store's.
 */
export function failure(error) {
  const known = FAILURES[error?.code];
  const failed = error?.name === 'GenerationFailedError' || (!!known && error.code !== 'RESULT_IMAGE');
  const network = error?.status === 0 || error?.status >= 500;
  const [key, retry, tip] = known ?? (failed || !network ? ['error_unknown', 1] : ['error_network', 1]);
  return { key, retry: !!retry, tip: !!tip, failed };
}
