// Types of "tryon-widget/element": importing it defines <tryon-widget> (widget/src/shell/element.js).
// docs/widget.md says what each attribute, state and event means.
import type { CompletedGeneration, Generation } from './client.js';

/** The `state` attribute the element reflects. */
export type WidgetState =
  | 'idle'
  | 'unavailable'
  | 'consent'
  | 'uploading'
  | 'pending'
  | 'processing'
  | 'completed'
  | 'failed'
  | 'timeout'
  | 'error';

/** The element's attributes (all strings in HTML); for JSX typings and setAttribute calls. */
export interface TryOnWidgetAttributes {
  /** `gid://shopify/Product/<number>` (required). */
  'product-id': string;
  /** Used when the page has no product form; in a theme, the form's selected variant wins. */
  'variant-id'?: string;
  'product-title'?: string;
  /** An http(s) or same-site URL. */
  'product-image'?: string;
  /** Every variant's picture: `"<url> <id>… <url> <id>…"` (the first URL also for the ids right after it). */
  'variant-images'?: string;
  /** Base of the storefront API; default `/apps/proxy_genlook-x/public`. */
  'proxy-path'?: string;
  /** `genlook-api` for a headless store's own status route (with `status-url`). */
  adapter?: 'genlook-proxy' | 'genlook-api' | 'sellerpic';
  /** A URL with `{id}`, for example `/api/tryon/generations/{id}`. */
  'status-url'?: string;
  'generation-id'?: string;
  /** ms between status polls; default 2000. */
  'poll-interval'?: string;
  /** Status answers before the timeout state; default 60. */
  'max-attempts'?: string;
  locale?: string;
  label?: string;
  'no-compare'?: '' | boolean;
  'no-cart'?: '' | boolean;
  'no-share'?: '' | boolean;
  'no-download'?: '' | boolean;
  'email-capture'?: '' | boolean;
  'no-analytics'?: '' | boolean;
}

/** A strings catalog (keys of extension/locales/en.default.json's `tryon`); missing keys fall back to English. */
export type TryOnStrings = Record<string, string>;

export interface TryOnStatusDetail {
  state: WidgetState;
  generationId?: string;
  status?: Generation;
  error?: Error;
}

export interface TryOnFailDetail {
  state: 'failed' | 'timeout' | 'error';
  /** A TryOnError subclass from the client, or an Error with `code: 'RESULT_IMAGE'` when the result would not load. */
  error: Error & { code?: string | null };
}

export interface TryOnCartAddDetail {
  variantId: string;
  quantity: number;
  /** The line item Shopify's /cart/add.js answered. */
  item: unknown;
}

export interface OpenOptions {
  /** Follow this generation (as the `generation-id` attribute does) instead of opening the dialog. */
  resume?: string;
  /** When it started (ms since the epoch): the elapsed time goes on from there. */
  startedAt?: number;
}

export class TryOnWidgetElement extends HTMLElement {
  /** The <button> the element took over (the page's own child; a shadow-root one for markup without it). */
  readonly button?: HTMLButtonElement;
  /** Take `button` over: hover or focus gets the dialog ready, a press opens it. */
  upgrade(button: HTMLButtonElement): void;
  /** Strings over the page's catalog and the widget's language file, key by key; read when the dialog opens. */
  strings?: Partial<TryOnStrings>;
  /** Open the try-on dialog, loading its parts first. */
  open(options?: OpenOptions): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tryon-widget': TryOnWidgetElement;
  }
  interface HTMLElementEventMap {
    'tryon-status': CustomEvent<TryOnStatusDetail>;
    'tryon-complete': CustomEvent<CompletedGeneration>;
    'tryon-fail': CustomEvent<TryOnFailDetail>;
    'tryon-cart-add': CustomEvent<TryOnCartAddDetail>;
  }
}
