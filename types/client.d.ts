// Types of "tryon-widget/client": the headless client (widget/src/client/) and its error classes.
// docs/headless.md ("The headless client") says what each does; docs/contract.md what the API answers.

/** The four statuses a generation goes through; anything else is rejected with InvalidResponseError. */
export type GenerationStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

/** Which status API the client reads (the upload and creation always go to `proxyPath`). */
export type Adapter = 'genlook-proxy' | 'genlook-api' | 'sellerpic';

/** A status URL template: `{id}` is replaced by the generation id. */
export type StatusUrl = `${string}{id}${string}`;

interface GenerationBase {
  generationId: string;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** The answer as the API sent it. */
  raw: unknown;
}

export type CompletedGeneration = GenerationBase & { status: 'COMPLETED'; resultImageUrl: string };
export type FailedGeneration = GenerationBase & { status: 'FAILED'; resultImageUrl: null };
export type RunningGeneration = GenerationBase & { status: 'PENDING' | 'PROCESSING'; resultImageUrl: null };

/** A status answer, normalized from whichever adapter read it; `status` tells which of the three it is. */
export type Generation = CompletedGeneration | RunningGeneration | FailedGeneration;

export interface ClientOptions {
  /** Base of the storefront API. Default `/apps/proxy_genlook-x/public` (the Genlook app proxy). */
  proxyPath?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default `genlook-proxy`. */
  adapter?: Adapter;
  /** Default: the adapter's own (`{proxyPath}/generation/{id}` for `genlook-proxy`). */
  statusUrl?: StatusUrl;
  headers?: Record<string, string>;
  /** Each request's own timeout, in ms. Default 15000. */
  requestTimeoutMs?: number;
}

export interface WaitOptions {
  /** Wait after each status answer, in ms. Default 2000 (SellerPic: 60000). */
  pollIntervalMs?: number;
  /** Status answers before GenerationTimeoutError. Default 60. */
  maxAttempts?: number;
  /** Wall-clock bound on the whole wait, in ms. Default 600000. */
  timeoutMs?: number;
  requestTimeoutMs?: number;
  /** Called once per status answer. */
  onStatus?: (status: Generation) => void;
  /** Called for each transient failure, before its backoff. */
  onRetry?: (error: ApiError, failures: number) => void;
  signal?: AbortSignal;
}

export interface Signalled {
  signal?: AbortSignal;
}

export interface UploadedPhoto {
  fileId: string;
  fileUrl: string | null;
}

export interface CreatedGeneration {
  generationId: string;
  message: string;
}

export interface CreateGenerationInput extends Signalled {
  /** The `fileId` of an uploaded photo. */
  userImageId: string;
  /** A Shopify product GID, `gid://shopify/Product/<number>`. */
  productId: string;
  /** A Shopify variant GID; default the product's default variant. */
  variantId?: string;
}

export interface SharedGeneration {
  shareToken: string;
  shareUrl: string;
  expiresAt: string;
}

/** One analytics event; see docs/widget.md ("Analytics") for the names the widget sends. */
export interface TrackingEvent {
  event: string;
  timestamp: string;
  $insert_id: string;
  [property: string]: unknown;
}

export interface Client {
  readonly adapter: Adapter;
  /** Whether the shop can generate; cached 2 minutes, and true when the check itself fails. */
  checkCredits(options?: Signalled): Promise<boolean>;
  /** The signed-URL upload; `onProgress` gets the fraction sent, 0 to 1. */
  uploadPhoto(file: Blob, options?: Signalled & { onProgress?: (fraction: number) => void }): Promise<UploadedPhoto>;
  /** A refused creation rejects with ApiError carrying `code` (QUOTA_EXCEEDED, RATE_LIMIT_EXCEEDED, …). */
  createGeneration(input: CreateGenerationInput): Promise<CreatedGeneration>;
  getGeneration(id: string, options?: Signalled & { timeoutMs?: number }): Promise<Generation>;
  /** Resolves with the COMPLETED status; FAILED rejects with GenerationFailedError. */
  waitForGeneration(id: string, options?: WaitOptions): Promise<CompletedGeneration>;
  /** The same generation reuses its link. */
  shareGeneration(generationId: string, options?: Signalled & { effectiveDomain?: string }): Promise<SharedGeneration>;
  /** Never rejects: `{success: false}` on any trouble. */
  collectEmail(input: { email: string; marketingConsent?: boolean }): Promise<{ success: boolean; message?: string }>;
  /** `leaving: true` hands the batch to navigator.sendBeacon (or a keepalive fetch) and resolves at once. */
  track(
    events: TrackingEvent[],
    context?: Record<string, unknown>,
    options?: { leaving?: boolean },
  ): Promise<{ success: boolean }>;
}

/** Throws a TypeError naming the option when `adapter` or `statusUrl` cannot work. */
export function createClient(options?: ClientOptions): Client;

export class TryOnError extends Error {
  name: string;
}

/** An HTTP answer the client could not use. */
export class ApiError extends TryOnError {
  /** The HTTP status; 0 when no answer came (network, timeout). */
  status: number;
  code: string | null;
  body: unknown;
  /** Worth trying again later (network trouble, 5xx, 408, 429). */
  retryable: boolean;
  /** From Retry-After, in ms. */
  retryAfterMs: number | null;
  cause?: unknown;
}

export class GenerationNotFoundError extends ApiError {
  status: 404;
  code: 'GENERATION_NOT_FOUND';
  generationId: string;
}

/** An answer that breaks the contract: an unknown status, a missing or unsafe result URL. */
export class InvalidResponseError extends ApiError {}

/** The generation ended FAILED: `code` is its errorCode, the message its errorMessage. */
export class GenerationFailedError extends TryOnError {
  code: string | null;
  generation: FailedGeneration;
}

export class GenerationTimeoutError extends TryOnError {
  generationId: string;
  attempts: number;
  elapsedMs: number;
  lastStatus: Generation | null;
}
