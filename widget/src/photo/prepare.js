// The shopper's photo, made ready in the browser: upright, at most 2048 px, JPEG, no EXIF (so no location).
const MAX_SIDE = 2048;
const MAX_BYTES = 20 * 1024 * 1024;

const isHeic = (file) => /hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name || '');

function draw(bitmap, side) {
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas;
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
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const blob = await new Promise((resolve) => draw(bitmap, MAX_SIDE).toBlob(resolve, 'image/jpeg', 0.9));
  const preview = draw(bitmap, 320).toDataURL('image/jpeg', 0.7);
  bitmap.close();
  if (!blob || blob.size > MAX_BYTES) throw new RangeError('too large');
  return { blob, preview };
}

/** "1.2 MB" or "340 KB", for telling the shopper what is sent. */
export const megabytes = (bytes) =>
  bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
