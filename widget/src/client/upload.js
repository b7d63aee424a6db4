// The raw PUT to the signed storage URL. XMLHttpRequest, because fetch reports no upload progress.
/** PUT `file` to `url`; failures reject with `ApiError` (passed in, so every bundle throws one class). */
export function uploadBytes(url, file, ApiError, { signal, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress?.(event.loaded / event.total);
    xhr.onload = () => {
      signal?.removeEventListener('abort', onAbort);
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      const message = body?.message || `Upload failed (HTTP ${xhr.status})`;
      reject(new ApiError(message, { status: xhr.status, code: body?.code ?? null, body, retryable: xhr.status >= 500 }));
    };
    xhr.onerror = () => reject(new ApiError('Network error during upload', { code: 'NETWORK_ERROR', retryable: true }));
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
  });
}
