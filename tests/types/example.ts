// How a headless store (Hydrogen, or any bundler) uses the package, typed. tsc must accept every line, and must
// reject each line under `@ts-expect-error` (tsc fails on an expected error that does not happen).
import {
  ApiError,
  createClient,
  GenerationFailedError,
  GenerationTimeoutError,
  type Generation,
  type GenerationStatus,
} from 'tryon-widget/client';
import { TryOnWidgetElement, type TryOnWidgetAttributes, type WidgetState } from 'tryon-widget/element';

// The key stays on the store's server: the browser asks the store's own routes.
const client = createClient({
  proxyPath: '/api/tryon',
  adapter: 'genlook-api',
  statusUrl: '/api/tryon/generations/{id}',
});

export async function tryOn(photo: File, productId: string, variantId: string): Promise<string | null> {
  if (!(await client.checkCredits())) return null;
  const { fileId } = await client.uploadPhoto(photo, { onProgress: (fraction: number) => void fraction.toFixed(2) });
  const { generationId } = await client.createGeneration({ userImageId: fileId, productId, variantId });
  try {
    const done = await client.waitForGeneration(generationId, {
      pollIntervalMs: 2000,
      onStatus: (status: Generation) => console.log(status.status),
    });
    // COMPLETED always carries the result.
    const url: string = done.resultImageUrl;
    return url;
  } catch (error) {
    if (error instanceof GenerationFailedError) console.log(error.code, error.generation.errorMessage);
    else if (error instanceof GenerationTimeoutError) console.log(error.attempts, error.lastStatus?.status);
    else if (error instanceof ApiError && error.retryable) console.log(error.status, error.retryAfterMs);
    return null;
  }
}

export async function describe(id: string): Promise<string> {
  const status = await client.getGeneration(id);
  // The union narrows: only COMPLETED has a string result URL.
  if (status.status === 'COMPLETED') return status.resultImageUrl.toUpperCase();
  const other: 'PENDING' | 'PROCESSING' | 'FAILED' = status.status;
  const none: null = status.resultImageUrl;
  return `${other} ${none}`;
}

const all: GenerationStatus[] = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'];

// The element: created by tag name, its events typed through HTMLElementEventMap.
const widget = document.createElement('tryon-widget');
const same: TryOnWidgetElement = widget;
const attributes: TryOnWidgetAttributes = { 'product-id': 'gid://shopify/Product/1', adapter: 'genlook-api' };
for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, String(value));
widget.strings = { button: 'Essayer' };
widget.addEventListener('tryon-complete', (event) => console.log(event.detail.resultImageUrl.length));
widget.addEventListener('tryon-status', (event) => {
  const state: WidgetState = event.detail.state;
  console.log(state, event.detail.status?.status);
});
widget.addEventListener('tryon-fail', (event) => console.log(event.detail.state, event.detail.error.message));
widget.addEventListener('tryon-cart-add', (event) => console.log(event.detail.variantId, event.detail.quantity));
document.querySelector('tryon-widget')?.open({ resume: 'gen_1' });
console.log(all, same);

// What must not compile:
// @ts-expect-error a generation id is a string, not a number
client.getGeneration(42);
// @ts-expect-error not one of the four statuses
const unknown: GenerationStatus = 'DONE';
// @ts-expect-error not an adapter the client knows
createClient({ adapter: 'genlook' });
// @ts-expect-error a status URL needs {id}
createClient({ statusUrl: '/api/tryon/generations' });
// @ts-expect-error a pending status has no result URL to read
export const early = (status: Generation) => status.status === 'PENDING' && status.resultImageUrl.length;
// @ts-expect-error creation needs the uploaded photo's id
client.createGeneration({ productId: 'gid://shopify/Product/1' });
// @ts-expect-error the detail of tryon-complete is the COMPLETED status, not a state
widget.addEventListener('tryon-complete', (event) => event.detail.state);
// @ts-expect-error product-id is required
export const missing: TryOnWidgetAttributes = { 'variant-id': 'gid://shopify/ProductVariant/1' };
console.log(unknown);
