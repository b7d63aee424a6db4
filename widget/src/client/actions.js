// What the client does after a shopper presses the button: upload, share, email, analytics.
import { invalidResponse } from './errors.js';
import { uploadBytes } from './upload.js';

export function createActions({ call, url, fetchImpl, shares }) {
  return {
    /** The three-step signed-URL upload; resolves {fileId, fileUrl}. */
    async uploadPhoto(file, { signal, onProgress } = {}) {
      if (!file || typeof file.size !== 'number') throw new TypeError('Expected `file` to be a File or Blob');
      const prepared = await call('/prepare-upload', { method: 'POST', signal });
      if (!prepared.uploadUrl || !prepared.uploadKey) throw invalidResponse('No uploadUrl', prepared);
      await uploadBytes(prepared.uploadUrl, file, { signal, onProgress });
      const done = await call('/upload-complete', { method: 'POST', body: { uploadKey: prepared.uploadKey }, signal });
      if (typeof done.fileId !== 'string' || !done.fileId) throw invalidResponse('No fileId', done);
      return { fileId: done.fileId, fileUrl: done.fileUrl ?? null };
    },

    /** A public share link; the same generation reuses its link. */
    shareGeneration(generationId, { effectiveDomain, signal } = {}) {
      if (!shares.has(generationId)) {
        const pending = call('/share-generation', { method: 'POST', body: { generationId, effectiveDomain }, signal });
        shares.set(generationId, pending);
        pending.catch(() => shares.delete(generationId));
      }
      return shares.get(generationId);
    },

    /** Fire-and-forget: never rejects; resolves the answer, or {success: false} on any trouble. */
    collectEmail({ email, marketingConsent = false } = {}) {
      return call('/collect-email', { method: 'POST', body: { email, marketingConsent } }).catch(() => ({
        success: false,
      }));
    },

    /**
     * Send one batch of analytics events with their shared context. `{leaving: true}` (page hidden or left) hands
     * it to navigator.sendBeacon, or a keepalive fetch, which outlive the page; it then resolves at once.
     */
    async track(events, context = {}, { leaving } = {}) {
      const body = { events, context };
      if (!leaving) return call('/tracking/events', { method: 'POST', body });
      const json = JSON.stringify(body);
      if (!navigator.sendBeacon?.(url('/tracking/events'), new Blob([json], { type: 'application/json' }))) {
        const headers = { 'Content-Type': 'application/json' };
        fetchImpl(url('/tracking/events'), { method: 'POST', body: json, keepalive: true, headers }).catch(() => {});
      }
      return { success: true };
    },
  };
}

export const ACTION_NAMES = ['uploadPhoto', 'shareGeneration', 'collectEmail', 'track'];
