// Web Storage as a cache only: every access guarded, so blocked, throwing or full storage costs a feature, never a journey.

/** The parsed JSON under `key` in 'localStorage' or 'sessionStorage', or null when absent or unusable. */
export function load(area, key) {
  try {
    return JSON.parse(window[area].getItem(key));
  } catch {
    return null;
  }
}

/** Write `value` as JSON (null removes the key); failures are ignored, since memory holds the truth. */
export function save(area, key, value) {
  if (value == null) return remove(area, key);
  try {
    window[area].setItem(key, JSON.stringify(value));
  } catch {}
}

export function remove(area, key) {
  try {
    window[area].removeItem(key);
  } catch {}
}

/** Where the uploaded photo ({fileId, preview}) is cached for the browser session, so another product needs no upload. */
export const PHOTO_KEY = 'tryon:photo';

/** Where a generation in flight for a product ({id, startedAt, expires, variantId, image}) is cached, so a reload resumes it. */
export const jobKey = (productId) => 'tryon:job:' + productId;

/** Where the last result of a product ({id, variantId}) is cached for the browser session, so a reload shows it again. */
export const resultKey = (productId) => 'tryon:result:' + productId;

/**
 * What this browser left for a product: a generation in flight ({id, startedAt}), or its last result ({id, done});
 * null otherwise. An unusable entry is removed (an absent key costs no write).
 */
export function loadJob(productId) {
  const job = load('localStorage', jobKey(productId));
  if (job && typeof job.id == 'string' && job.id && job.expires > Date.now()) return job;
  if (job !== null) remove('localStorage', jobKey(productId));
  const done = load('sessionStorage', resultKey(productId));
  return typeof done?.id == 'string' && done.id ? { ...done, done: 1 } : null;
}
