// tryon-editor.js: only in Shopify's theme editor (the block renders it when request.design_mode is true). A widget
// whose block has an `editor_preview` state (its `editor-preview` attribute) shows that state with built-in sample
// pictures, in the store's theme and language, when the merchant selects the block or presses the button; deselecting
// closes it. Every request the widget makes to its proxy is answered here, in the page, so nothing reaches the proxy:
// no credits, no upload, no analytics. It uses only the element's public surface (attributes, open(), events) and
// the dialog's part name (`[part=dialog]`, documented in docs/widget.md).
import { PROXY_PATH } from '../contract.js';
import { remember } from '../tries.js';

const ID = 'editor-preview';
const STATES = ['photo', 'waiting', 'result', 'failed', 'unavailable'];
const svg = (body) =>
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800" viewBox="0 0 300 400">${body}</svg>`,
  );
// A person wearing a top: the result shown for `result` (a data: URL, as the widget accepts for results).
const SAMPLE_RESULT = svg(
  '<rect width="300" height="400" fill="#e9e4dc"/><circle cx="150" cy="90" r="44" fill="#d9a57e"/>' +
    '<path d="M70 400V230q0-60 80-70 80 10 80 70v170z" fill="#b86c48"/>',
);

// Where the sample's photo is "uploaded": the widget's PUT to it is answered in the page (no byte leaves it).
const UPLOAD_URL = 'https://tryon-editor.invalid/upload';

const json = (body) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/** What the proxy would answer for `path` while `state` is previewed (the generation is the sample's). */
function answer(path, state) {
  const generation = { generationId: ID, createdAt: new Date().toISOString() };
  const route = {
    '/check-credits': { allowed: state != 'unavailable' },
    '/prepare-upload': { uploadUrl: UPLOAD_URL, uploadKey: ID },
    '/upload-complete': { fileId: ID, fileUrl: SAMPLE_RESULT },
    '/fitting-room': { jobId: ID },
    ['/generation/' + ID]:
      state == 'waiting'
        ? { ...generation, status: 'PROCESSING' }
        : state == 'failed'
          ? { ...generation, status: 'FAILED', errorCode: 'INVALID_IMAGE', errorMessage: 'Sample failure' }
          : { ...generation, status: 'COMPLETED', resultImageUrl: SAMPLE_RESULT },
  }[path];
  return json(route || { success: true });
}

// The proxy path of the widgets previewed (the first one's; a store uses one app proxy).
const proxyPath = () =>
  document.querySelector('tryon-widget[editor-preview]')?.getAttribute('proxy-path') || PROXY_PATH;
const previewed = () => document.querySelector('tryon-widget[editor-preview]')?.getAttribute('editor-preview');

/** Answer the widget's proxy requests in the page while a state is previewed (fetch and sendBeacon). */
function intercept() {
  const realFetch = window.fetch;
  const ours = (url) => {
    const path = new URL(url, location.href);
    const base = proxyPath();
    return path.origin == location.origin && path.pathname.startsWith(base + '/') && previewed()
      ? path.pathname.slice(base.length)
      : null;
  };
  window.fetch = (input, init) => {
    const path = ours(input instanceof Request ? input.url : input);
    return path ? Promise.resolve(answer(path, previewed())) : realFetch(input, init);
  };
  const realBeacon = navigator.sendBeacon?.bind(navigator);
  if (realBeacon) navigator.sendBeacon = (url, data) => (ours(url) ? true : realBeacon(url, data));
  // The photo's PUT (XMLHttpRequest, for its progress) is read from an empty data: URL instead: a success.
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    return url == UPLOAD_URL ? open.call(this, 'GET', 'data:,', ...rest) : open.call(this, method, url, ...rest);
  };
}

const prepared = new WeakSet();

/** Put a previewed widget in its state: a generation to follow for waiting, result and failed. */
function prepare(widget) {
  const state = widget.getAttribute('editor-preview');
  if (prepared.has(widget) || !STATES.includes(state)) return;
  prepared.add(widget);
  if (['waiting', 'result', 'failed'].includes(state)) widget.open({ resume: ID });
  // The sample is not the shopper's: it is not remembered for the next page.
  widget.addEventListener('tryon-complete', () => remember(widget.getAttribute('product-id'), null));
}

const widgets = () => document.querySelectorAll('tryon-widget[editor-preview]');
const ofBlock = (event) =>
  [...widgets()].filter((widget) => widget.id == 'tryon-' + event.detail?.blockId || event.target.contains?.(widget));

if (window.Shopify?.designMode && !window.TryOnEditor) {
  // Loaded once per page, however often the editor renders the block's script tag.
  window.TryOnEditor = true;
  intercept();
  const scan = () => customElements.whenDefined('tryon-widget').then(() => widgets().forEach(prepare));
  scan();
  // The editor re-renders a section when a setting changes: its new widget is prepared in turn.
  document.addEventListener('shopify:section:load', scan);
  document.addEventListener('shopify:block:select', (event) => {
    for (const widget of ofBlock(event)) {
      prepare(widget);
      widget.open();
    }
  });
  document.addEventListener('shopify:block:deselect', (event) => {
    for (const widget of ofBlock(event)) widget.shadowRoot?.querySelector('[part=dialog]')?.close();
  });
}
