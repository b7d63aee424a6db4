// What the shopper is told about each failure: one table, code -> [text key, a new try can help, the photo is the
// likely cause]. Documented codes, plus the photo-rejection codes Genlook's docs describe without naming
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
  // Not an API code: the finished result's image would not load, even from a freshly read URL.
  RESULT_IMAGE: ['result', 1],
};

/**
 * {key, retry, tip, failed}: `failed` when the generation failed or was refused (state `failed`), as opposed
 * to transport or other trouble (state `error`).
 */
export function failure(error) {
  const known = FAILURES[error?.code];
  const failed = error?.name === 'GenerationFailedError' || (!!known && error.code !== 'RESULT_IMAGE');
  const [key, retry, tip] =
    known ?? (failed ? ['unknown', 1, 1] : error?.status === 0 || error?.status >= 500 ? ['network', 1] : ['unknown', 1]);
  return { key: 'error_' + key, retry: !!retry, tip: !!tip, failed };
}
