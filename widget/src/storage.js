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
