// The one contract between the built files. Every name here crosses a bundle boundary, so none starts with `_`
// (only `_` names are mangled, and build.py checks that a mangled name reads the same in every file).
//
// - tryon-widget.js (page load) defines window.TryOn.createClient and <tryon-widget>. The element's `button` is
//   the <button> it took (the page's, in its light DOM) and `upgrade(button)` takes one; `strings` is what the page
//   set as a property. tryon-client.js adds the error classes and TryOnWidgetElement to window.TryOn.
// - Each lazy file, tryon-<part>.js, registers what it offers as window.TryOn.parts[<part>] once it has run:
//     client   -> { createClient(config) }             the headless client (tryon-client.js)
//     dialog   -> { open(host, options), warm(host) }  the try-on dialog of one <tryon-widget> (tryon-dialog.js);
//                                                      warm: hovered or focused, get ready (check credits)
//     photo    -> { mount(flow), waiting(flow) }       the photo step: consent, pick, drop, downscale; and the
//                                                      waiting step: stage, progress, elapsed time (tryon-photo.js)
//     en       -> { [key]: text }                      the built-in English strings (tryon-en.js)
//     <code>   -> { [key]: text }                      one language's strings, named by its code (tryon-fr.js,
//                                                      tryon-pt-BR.js, … from extension/locales; strings/language.js)
//     button   -> { mount(host) }                      the old shadow-root button, for markup without a <button>
//                                                      (tryon-button.js, kept for one release)
//     features -> { mount(flow) }                      result features and analytics (tryon-features.js)
//     theme    -> { target(host, variantId?), watchVariant(host, changed), recall(productId), remember(productId, entry),
//                   strings(host) }
//                                                      the page around the widget (tryon-theme.js): what a try-on
//                                                      started now is for (the product, the variant the theme's page
//                                                      has selected, its picture), and what this browser remembers of
//                                                      a product's try-on from one page to the next (tries.js),
//                                                      every string the widget has (strings/catalog.js)
// - tryon-embed.js (the app embed's page-load file) shares nothing with the others: it reads the embed's
//   <template data-tryon-embed> (data-placement, data-after, data-src) and loads tryon-widget.js by its data-src.
// - The element starts the credits check itself when the shopper reaches for the button (hover, focus, press), in
//   parallel with the parts: `creditsCheck` on the element, a promise of true unless the store says no; the dialog
//   takes it instead of asking again.
// - The dialog talks back to the element only through attributes (`state`, `generation-id`) and DOM events
//   (tryon-status, tryon-complete, tryon-fail); the element tells the dialog it left the page by calling its
//   `gone()`, which the dialog sets. The dialog relabels the element's `button`, closes the page's loading dialog
//   (a <dialog> child the button's command opens before any script) and removes that command once it is ready.

/** The Genlook app proxy's public path, the default of the element, the client and the editor preview. */
export const PROXY_PATH = '/apps/proxy_genlook-x/public';

/** A lazy part's file, resolved next to tryon-widget.js (build.py names its outputs so). */
export const fileOf = (part) => 'tryon-' + part + '.js';

/** The parts a press needs, loaded in parallel with the widget's language (the dialog is the second). */
export const UI_PARTS = ['client', 'dialog', 'photo', 'features', 'en', 'theme'];

/** The client's methods: the page-load facade offers each at once and loads the client on first call. */
export const CLIENT_METHODS = [
  'checkCredits',
  'uploadPhoto',
  'createGeneration',
  'getGeneration',
  'waitForGeneration',
  'shareGeneration',
  'collectEmail',
  'track',
];

/** Register a lazy part on window.TryOn.parts. */
export function register(part, exports) {
  const tryon = (window.TryOn ||= {});
  (tryon.parts ||= {})[part] = exports;
}
