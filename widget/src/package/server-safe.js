// Injected into the npm package's modules only (build.py, esbuild --inject): where there is no DOM (server
// rendering, Node tests), the page's globals the modules read at import are stand-ins, so importing
// "tryon-widget/element" throws nothing and defines nothing. In a browser they are the page's own.
const HTMLElementOrStandIn = globalThis.HTMLElement ?? class {};
const documentOrStandIn = globalThis.document ?? { currentScript: null };

export { documentOrStandIn as document, HTMLElementOrStandIn as HTMLElement };
