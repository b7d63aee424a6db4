// The client's core: config, status reads and the wait, credits and creation. The page loads this up front.
import { adapterFor } from './adapters.js';
import { ApiError, InvalidResponseError } from './errors.js';
import { requestJson } from './http.js';
import { waitFor } from './poll.js';

const CREDITS_TTL_MS = 120_000;

/** Returns {ctx, api}: `ctx` is what the after-press actions need, `api` the core methods. */
export function createCore(options) {
  const config = options ?? {};
  const proxyPath = (config.proxyPath ?? '/apps/proxy_genlook-x/public').replace(/\/+$/, '');
  const fetchImpl = config.fetch ?? ((...args) => globalThis.fetch(...args));
  const adapterName = config.adapter ?? 'genlook-proxy';
  const adapter = adapterFor(adapterName);
  const statusUrl = config.statusUrl ?? adapter._url(proxyPath);
  if (typeof statusUrl !== 'string' || !statusUrl.includes('{id}')) {
    throw new TypeError(`Expected \`statusUrl\` to contain {id}, got ${statusUrl}`);
  }
  const timeoutMs = config.requestTimeoutMs ?? 15_000;
  const request = (url, options) => requestJson(fetchImpl, url, { timeoutMs, headers: config.headers, ...options });
  const call = (path, options) => request(proxyPath + path, options);
  let credits = null;

  const getGeneration = async (id, options) => {
    if (typeof id !== 'string' || !id) throw new TypeError('Expected `id` to be a non-empty string');
    return adapter._normalize(await request(statusUrl.replace('{id}', encodeURIComponent(id)), options), id);
  };

  const api = {
    adapter: adapterName,

    /** Whether the shop can generate; cached 2 minutes and failing open, as the docs ask. */
    async checkCredits({ signal } = {}) {
      if (!credits || Date.now() - credits.at > CREDITS_TTL_MS) {
        try {
          credits = { allowed: (await call('/check-credits', { signal })).allowed !== false, at: Date.now() };
        } catch (error) {
          if (signal?.aborted) throw error;
          return true;
        }
      }
      return credits.allowed;
    },

    /** POST /fitting-room; a blocked answer (2xx body with `code`, or an error status) rejects with ApiError. */
    async createGeneration({ userImageId, productId, variantId, signal } = {}) {
      const data = await call('/fitting-room', { method: 'POST', body: { userImageId, productId, variantId }, signal });
      if (typeof data.code === 'string' && data.code) throw new ApiError(data.message || data.code, { status: 200, code: data.code, body: data });
      if (typeof data.jobId !== 'string' || !data.jobId) throw new InvalidResponseError('No jobId', data);
      return { generationId: data.jobId, message: data.message ?? '' };
    },

    getGeneration,

    waitForGeneration(id, options) {
      return waitFor(
        (signal, opts) => getGeneration(id, { signal, timeoutMs: opts.requestTimeoutMs }),
        id,
        { pollIntervalMs: adapter._interval, ...options },
      );
    },
  };
  // The error classes travel in ctx so that tryon-ui.js throws the very classes window.TryOn exports.
  return { ctx: { call, shares: new Map(), errors: { ApiError, InvalidResponseError } }, api };
}
