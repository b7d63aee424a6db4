// The complete headless client as one ES module, for integrators who bundle widget/ themselves.
import { createActions } from './actions.js';
import { createCore } from './core.js';

/**
 * createClient({proxyPath, fetch, adapter, statusUrl, headers, requestTimeoutMs}) -> client with
 * checkCredits, uploadPhoto, createGeneration, getGeneration, waitForGeneration, shareGeneration, collectEmail, track.
 */
export function createClient(config) {
  const { ctx, api } = createCore(config);
  return Object.assign(api, createActions(ctx));
}
