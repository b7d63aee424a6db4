// What the client does only after a shopper presses the button: upload, share, email, analytics.
import { uploadBytes } from './upload.js';

export function createActions({ call, shares, errors }) {
  const { InvalidResponseError } = errors;
  return {
    /** The three-step signed-URL upload; resolves {fileId, fileUrl}. */
    async uploadPhoto(file, { signal, onProgress } = {}) {
      if (!file || typeof file.size !== 'number') throw new TypeError('Expected `file` to be a File or Blob');
      const prepared = await call('/prepare-upload', { method: 'POST', signal });
      if (!prepared.uploadUrl || !prepared.uploadKey) throw new InvalidResponseError('No uploadUrl', prepared);
      await uploadBytes(prepared.uploadUrl, file, errors.ApiError, { signal, onProgress });
      const done = await call('/upload-complete', { method: 'POST', body: { uploadKey: prepared.uploadKey }, signal });
      if (typeof done.fileId !== 'string' || !done.fileId) throw new InvalidResponseError('No fileId', done);
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
      return call('/collect-email', { method: 'POST', body: { email, marketingConsent } }).catch(() => ({ success: false }));
    },

    /** Send one batch of analytics events with their shared context. */
    track(events, context = {}) {
      return call('/tracking/events', { method: 'POST', body: { events, context } });
    },
  };
}

export const ACTION_NAMES = ['uploadPhoto', 'shareGeneration', 'collectEmail', 'track'];
