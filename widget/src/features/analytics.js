// Funnel analytics: Genlook's widget:* events, batched (at most 50) to /tracking/events, never in the shopper's way.
import { load, save } from '../storage.js';
const BATCH = 50;
const FLUSH_MS = 5000;
const PAGEVIEW = uuid();

function uuid() {
  return (
    crypto.randomUUID?.() ??
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16),
    )
  );
}

const ids = {};

/** An id kept for the page in memory, and across pages in `area` ('localStorage', 'sessionStorage') when it can be. */
function kept(area, key) {
  if (!ids[key]) {
    const stored = load(area, key);
    ids[key] = typeof stored == 'string' ? stored : uuid();
    if (ids[key] !== stored) save(area, key, ids[key]);
  }
  return ids[key];
}

/**
 * track(event, properties) queues an event; batches go by `send(events, context, leaving)` after FLUSH_MS, at 50
 * events, and as a beacon when the page is hidden or left. Off with the `no-analytics` attribute or when Shopify's
 * Customer Privacy API disallows analytics.
 */
export function createTracker(host, send) {
  const queue = [];
  let timer;
  const attr = (name) => host.getAttribute(name) || undefined;
  const context = () => {
    const referrer = document.referrer;
    return {
      $current_url: location.href,
      $pathname: location.pathname,
      $host: location.host,
      $referrer: referrer,
      $referring_domain: referrer ? new URL(referrer).host : '',
      $screen_width: screen.width,
      $screen_height: screen.height,
      $viewport_width: innerWidth,
      $viewport_height: innerHeight,
      $raw_user_agent: navigator.userAgent,
      $browser_language: navigator.language,
      $timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      $session_id: kept('sessionStorage', 'tryon:session'),
      $pageview_id: PAGEVIEW,
      genlook_client_id: kept('localStorage', 'tryon:client'),
      genlook_widget_enabled: true,
      genlook_product_id: attr('product-id'),
      genlook_variant_id: attr('variant-id'),
      genlook_lib_version: VERSION,
    };
  };
  const flush = (leaving) => {
    clearTimeout(timer);
    timer = null;
    // A page being left may not finish a fetch; the client then sends a beacon, which outlives it.
    while (queue.length) send(queue.splice(0, BATCH), context(), leaving).catch(() => {});
  };
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush(true));
  addEventListener('pagehide', () => flush(true));
  return {
    track(event, properties) {
      if (
        host.hasAttribute('no-analytics') ||
        window.Shopify?.customerPrivacy?.analyticsProcessingAllowed?.() === false
      )
        return;
      queue.push({
        event,
        properties: { product_id: attr('product-id'), variant_id: attr('variant-id'), ...properties },
        timestamp: new Date().toISOString(),
        $insert_id: uuid(),
      });
      if (queue.length >= BATCH) flush();
      else timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}
