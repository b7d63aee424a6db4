// A React app that renders the element, typed by "tryon-widget/jsx". tsc must accept every line, and must reject
// each line under `@ts-expect-error`.
import type {} from 'tryon-widget/jsx';
import { useRef } from 'react';
import type { TryOnWidgetElement } from 'tryon-widget/element';

export function TryOnButton({ productId }: { productId: string }) {
  const ref = useRef<TryOnWidgetElement>(null);
  return (
    <tryon-widget
      key={productId}
      ref={ref}
      id="try-on"
      className="try-on"
      style={{ display: 'block', minHeight: 48 }}
      product-id={productId}
      poll-interval={3000}
      max-attempts="60"
      adapter="genlook-api"
      status-url="/api/tryon/generations/{id}"
      no-share
    >
      <button type="button" part="button">
        Try it on
      </button>
    </tryon-widget>
  );
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error: an adapter the client does not know */}
      <tryon-widget product-id="gid://shopify/Product/1" adapter="genlook" />
      {/* @ts-expect-error: poll-interval is a number of ms */}
      <tryon-widget product-id="gid://shopify/Product/1" poll-interval={{ ms: 3000 }} />
      {/* @ts-expect-error: product-id is required */}
      <tryon-widget />
    </>
  );
}
