// The wait for a generation: one request at a time, backoff on transient trouble, pause while hidden.
import { badOption } from './config.js';
import { generationFailed, generationTimeout, invalidResponse, notFound } from './errors.js';

const STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'];
const MAX_BACKOFF_MS = 30_000;
// A poll waits for Retry-After at most this long (the error keeps the server's value, for the shopper's words).
const MAX_RETRY_AFTER_MS = 60_000;

const positive = (v) => typeof v == 'number' && v > 0 && v < Infinity;
const POSITIVE = 'a positive number';
const RULES = [
  ['pollIntervalMs', positive, POSITIVE, 2000],
  ['maxAttempts', (v) => Number.isInteger(v) && v > 0, 'a positive integer', 60],
  // A wall-clock bound too: hidden tabs wake timers once a minute, and outages don't count as attempts.
  ['timeoutMs', positive, POSITIVE, 600_000],
  ['requestTimeoutMs', positive, POSITIVE, 15_000],
  ['onStatus', (v) => typeof v === 'function', 'a function'],
  ['signal', (v) => typeof v?.addEventListener === 'function' && 'aborted' in v, 'an AbortSignal'],
];

/** Fill defaults and validate, naming the bad option in a TypeError. */
export function pollOptions(input) {
  const options = { ...input };
  for (const [name, test, expected, fallback] of RULES) {
    const value = options[name];
    if (value === undefined) options[name] = fallback;
    else if (!test(value)) throw badOption(name, expected, value);
  }
  return options;
}

/** Result URLs the page may show: http(s), blob: and data:image/ only. */
export function isSafeImageUrl(url) {
  if (typeof url !== 'string' || !url.trim()) return false;
  if (/^data:image\//i.test(url)) return true;
  try {
    return ['https:', 'http:', 'blob:'].includes(new URL(url, globalThis.location?.href).protocol);
  } catch {
    return false;
  }
}

/** Check a normalized status; return it, or throw the error it stands for. */
export function settle(status) {
  if (!STATUSES.includes(status.status))
    throw invalidResponse(`Unknown status ${JSON.stringify(status.status)}`, status.raw);
  if (status.status === 'FAILED') throw generationFailed(status);
  if (status.status === 'COMPLETED' && !isSafeImageUrl(status.resultImageUrl)) {
    throw invalidResponse('No usable resultImageUrl', status.raw);
  }
  return status;
}

const doc = () => globalThis.document;

/** Resolve after `ms`, early when `wake` fires (page shown, back online); reject when `signal` aborts. */
function pause(ms, signal, wakeOn = []) {
  return new Promise((resolve, reject) => {
    const done = (fn, value) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      for (const [target, type] of wakeOn) target?.removeEventListener(type, onWake);
      fn(value);
    };
    const onAbort = () => done(reject, signal.reason);
    const onWake = () => done(resolve);
    const timer = ms === Infinity ? 0 : setTimeout(onWake, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    for (const [target, type] of wakeOn) target?.addEventListener(type, onWake);
  });
}

/** Wait until the page is visible; hidden time is neither an attempt nor a request. */
async function whileHidden(signal) {
  while (doc()?.hidden) await pause(Infinity, signal, [[doc(), 'visibilitychange']]);
}

/**
 * Poll `read(signal)` (one normalized status per call) until COMPLETED, FAILED, maxAttempts, timeoutMs or abort.
 * Polls keep a steady cadence: each starts pollIntervalMs after the previous one started (at once when an answer
 * took longer), so slow answers do not add up; never two at a time, never closer than the interval.
 * Transient errors (`error.retryable`) back off from pollIntervalMs, doubling to 30 s with up to 25 % jitter,
 * or wait Retry-After; they count toward timeoutMs, not toward maxAttempts.
 */
export async function waitFor(read, generationId, input) {
  const options = pollOptions(input);
  const { signal, pollIntervalMs, maxAttempts, timeoutMs, onStatus } = options;
  signal?.throwIfAborted();
  const started = Date.now();
  const deadline = started + timeoutMs;
  let attempts = 0;
  let failures = 0;
  let last = null;
  const timeout = () => generationTimeout(generationId, attempts, Date.now() - started, last);
  for (;;) {
    // Back from a long hidden spell past the deadline: one last read, since the job has likely ended.
    const hidden = doc()?.hidden;
    await whileHidden(signal);
    if (Date.now() >= deadline && !hidden) throw timeout();
    let wait;
    const sent = Date.now();
    try {
      last = await read(signal, options);
      attempts += 1;
      failures = 0;
      onStatus?.(last);
      if (settle(last).status === 'COMPLETED') return last;
      if (attempts >= maxAttempts) {
        // As the documented loop does: the last attempt still gets its interval before giving up.
        await pause(Math.min(pollIntervalMs, Math.max(0, deadline - Date.now())), signal);
        throw timeout();
      }
      wait = pollIntervalMs - (Date.now() - sent);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error?.status === 404) throw notFound(generationId, error.body);
      if (!error?.retryable) throw error;
      failures += 1;
      const backoff = Math.min(MAX_BACKOFF_MS, pollIntervalMs * 2 ** (failures - 1)) * (1 + Math.random() * 0.25);
      wait = Math.max(Math.min(error.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS), backoff);
      options.onRetry?.(error, failures);
    }
    const left = deadline - Date.now();
    if (left <= 0) throw timeout();
    const wakeOn = failures
      ? [
          [globalThis, 'online'],
          [doc(), 'visibilitychange'],
        ]
      : [];
    await pause(Math.min(wait, left), signal, wakeOn);
  }
}
