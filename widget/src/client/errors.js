// Typed errors, so callers branch with `instanceof` or `error.name` instead of parsing messages.
// One identity per page: tryon-client.js puts the classes on window.TryOn, and a copy of this module loaded later
// (another bundle's) takes those instead of defining its own. The classes only carry fields; the factories below
// say which fields each error has.
const page = globalThis.TryOn || {};

export const TryOnError =
  page.TryOnError ||
  class TryOnError extends Error {
    constructor(message, fields) {
      super(message);
      Object.assign(this, fields);
    }
  };
TryOnError.prototype.name = 'TryOnError';

/** Every class by name, for window.TryOn. */
export const ERRORS = { TryOnError };

function named(name, Base = TryOnError) {
  const Class = page[name] || class extends Base {};
  Class.prototype.name = name;
  return (ERRORS[name] = Class);
}

/** An HTTP answer the client could not use: `status` (0 when none came), `code`, `body`, `retryable`, `retryAfterMs`. */
export const ApiError = named('ApiError');
export const GenerationNotFoundError = named('GenerationNotFoundError', ApiError);
/** A status answer that breaks the contract: unknown status, missing or unsafe result URL. */
export const InvalidResponseError = named('InvalidResponseError', ApiError);
export const GenerationFailedError = named('GenerationFailedError');
export const GenerationTimeoutError = named('GenerationTimeoutError');

const API_FIELDS = { status: 0, code: null, body: null, retryable: false, retryAfterMs: null };

/** An ApiError with every field present; `cause` is the underlying error, if any. */
export const apiError = (message, fields) => new ApiError(message, { ...API_FIELDS, ...fields });

export const invalidResponse = (message, body) =>
  new InvalidResponseError(message, { ...API_FIELDS, status: 200, code: 'INVALID_RESPONSE', body });

export const notFound = (generationId, body) =>
  new GenerationNotFoundError('Generation not found', {
    ...API_FIELDS,
    status: 404,
    code: 'GENERATION_NOT_FOUND',
    body,
    generationId,
  });

/** FAILED: `code` is the errorCode, `generation` the whole status; the message is errorMessage. */
export const generationFailed = (generation) =>
  new GenerationFailedError(generation.errorMessage || 'Generation failed', { code: generation.errorCode, generation });

export const generationTimeout = (generationId, attempts, elapsedMs, lastStatus) =>
  new GenerationTimeoutError('Generation timeout - please try again', {
    generationId,
    attempts,
    elapsedMs,
    lastStatus,
  });
