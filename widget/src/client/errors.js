// Typed errors, so callers branch with `instanceof` or `error.name` instead of parsing messages.

export class TryOnError extends Error {
  constructor(message, fields, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'TryOnError';
    Object.assign(this, fields);
  }
}

/** An HTTP answer the client could not use: `status` (0 when none came), `code`, `body`, `retryable`, `retryAfterMs`. */
export class ApiError extends TryOnError {
  constructor(message, { status = 0, code = null, body = null, retryable = false, retryAfterMs = null, cause } = {}) {
    super(message, { status, code, body, retryable, retryAfterMs }, cause);
    this.name = 'ApiError';
  }
}

export class GenerationNotFoundError extends ApiError {
  constructor(generationId, body) {
    super('Generation not found', { status: 404, code: 'GENERATION_NOT_FOUND', body });
    this.name = 'GenerationNotFoundError';
    this.generationId = generationId;
  }
}

/** A status answer that breaks the contract: unknown status, missing or unsafe result URL. */
export class InvalidResponseError extends ApiError {
  constructor(message, body) {
    super(message, { status: 200, code: 'INVALID_RESPONSE', body });
    this.name = 'InvalidResponseError';
  }
}

export class GenerationFailedError extends TryOnError {
  constructor(generation) {
    super(generation.errorMessage || 'Generation failed', { code: generation.errorCode, generation });
    this.name = 'GenerationFailedError';
  }
}

export class GenerationTimeoutError extends TryOnError {
  constructor(generationId, attempts, elapsedMs, lastStatus) {
    super('Generation timeout - please try again', { generationId, attempts, elapsedMs, lastStatus });
    this.name = 'GenerationTimeoutError';
  }
}
