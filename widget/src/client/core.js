// The client's core: config, status reads and the wait, credits and creation.
import { ADAPTERS } from './adapters.js';
import { checkConfig, PROXY_PATH } from './config.js';
import { apiError, invalidResponse } from './errors.js';
import { requestJson } from './http.js';
import { waitFor } from './poll.js';

const CREDITS_TTL_MS = 120_000;

/** Returns {ctx, api}: `ctx` is what the after-press actions need, `api` the core methods. */
export function createCore(options) {
  const config = checkConfig(options);
  const proxyPath = (config.proxyPath ?? PROXY_PATH).replace(/\/+$/, '');
  const fetchImpl = config.fetch ?? ((...args) => globalThis.fetch(...args));
  const adapterName = config.adapter ?? 'genlook-proxy';
  const adapter = ADAPTERS[adapterName];
  const statusUrl = String(config.statusUrl ?? adapter._url(proxyPath));
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
      if (typeof data.code === 'string' && data.code)
        throw apiError(data.message || data.code, { status: 200, code: data.code, body: data });
      if (typeof data.jobId !== 'string' || !data.jobId) throw invalidResponse('No jobId', data);
      return { generationId: data.jobId, message: data.message ?? '' };
    },

    getGeneration,

    waitForGeneration(id, options) {
      return waitFor((signal, opts) => getGeneration(id, { signal, timeoutMs: opts.requestTimeoutMs }), id, {
        pollIntervalMs: adapter._interval,
        ...options,
      });
    },
  };
  return { ctx: { call, url: (path) => proxyPath + path, fetchImpl, shares: new Map() }, api };
}
