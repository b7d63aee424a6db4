// The raw PUT to the signed storage URL. XMLHttpRequest, because fetch reports no upload progress.
import { apiError } from './errors.js';

// No byte sent and no answer for this long: the upload is stuck (a slow line still makes progress).
const STALL_MS = 30_000;

/** PUT `file` to `url`; failures reject with `ApiError`. */
export function uploadBytes(url, file, { signal, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    let stall;
    let stalled;
    const arm = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        stalled = 1;
        xhr.abort();
      }, STALL_MS);
    };
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      arm();
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onloadend = () => clearTimeout(stall);
    xhr.onload = () => {
      signal?.removeEventListener('abort', onAbort);
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      const message = body?.message || `Upload failed (HTTP ${xhr.status})`;
      reject(apiError(message, { status: xhr.status, code: body?.code ?? null, body, retryable: xhr.status >= 500 }));
    };
    xhr.onerror = () => reject(apiError('Network error during upload', { code: 'NETWORK_ERROR', retryable: true }));
    xhr.onabort = () =>
      reject(
        stalled
          ? apiError('Upload stalled', { code: 'TIMEOUT', retryable: true })
          : (signal?.reason ?? new DOMException('Upload aborted', 'AbortError')),
      );
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
    arm();
  });
}
