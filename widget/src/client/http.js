// One JSON request with its own timeout, turned into data or an ApiError that says if a retry can help.
import { ApiError, apiError } from './errors.js';

/** Retry-After as milliseconds (seconds or an HTTP date), as the server said it; null when absent. */
export function retryAfterMs(value, now = Date.now()) {
  if (!value) return null;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.max(ms, 0) : null;
}

/** Abort when the caller aborts or after `ms`; returns the signal and a cleanup. */
function linkedSignal(outer, ms) {
  const controller = new AbortController();
  const abort = () => controller.abort(outer.reason);
  if (outer) {
    if (outer.aborted) abort();
    else outer.addEventListener('abort', abort, { once: true });
  }
  const timer = ms
    ? setTimeout(() => controller.abort(apiError('Request timed out', { code: 'TIMEOUT', retryable: true })), ms)
    : 0;
  return [
    controller.signal,
    () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    },
  ];
}

export async function requestJson(fetchImpl, url, { method = 'GET', body, headers, signal, timeoutMs = 15_000 } = {}) {
  const [linked, done] = linkedSignal(signal, timeoutMs);
  let response;
  let text;
  try {
    response = await fetchImpl(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: linked,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (linked.aborted && linked.reason instanceof ApiError) throw linked.reason;
    throw apiError('Network error', { code: 'NETWORK_ERROR', retryable: true, cause: error });
  } finally {
    done();
  }
  const { status } = response;
  let data;
  const isJson = /json/i.test(response.headers.get('Content-Type') || '');
  try {
    data = isJson && text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (status < 200 || status > 299) {
    throw apiError(typeof data?.message === 'string' ? data.message : `HTTP ${status}`, {
      status,
      code: typeof data?.code === 'string' ? data.code : null,
      body: data ?? text,
      retryable: status >= 500 || status === 408 || status === 429,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
    });
  }
  if (data === null || typeof data !== 'object') {
    // A misconfigured proxy answers 200 with a storefront HTML page; that passes, so try again.
    throw apiError('Not JSON', { status, code: 'BAD_RESPONSE', body: text, retryable: true });
  }
  return data;
}
