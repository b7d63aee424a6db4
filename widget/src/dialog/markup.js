// The dialog's markup and styles. Static markup only: every text is set later with textContent; styles are adopted
// as a stylesheet (no <style> element, no style attributes), so a strict Content-Security-Policy changes nothing.
// Logical properties throughout (inline-start/end), so right-to-left languages mirror.
import { adopt } from '../styles.js';

const CSS =
  // --a is given a solid fallback here: currentColor would resolve to white on the white-text primary button.
  // max-width/max-height: none, because the browser's own dialog:modal limits would win over ours on phones.
  'dialog{--a:var(--tryon-accent,var(--tryon-text,#1d1d1f));box-sizing:border-box;width:min(480px,calc(100vw - 16px));' +
  'max-width:none;max-height:calc(100dvh - 16px);padding:16px 20px 20px;border:0;border-radius:var(--tryon-radius,8px);' +
  'background:var(--tryon-surface,#fff);color:var(--tryon-text,#1d1d1f);font:inherit;font-family:var(--tryon-font,inherit);' +
  'text-align:start}dialog::backdrop{background:rgb(0 0 0/.55)}[hidden]{display:none!important}' +
  // Phones: a full-screen sheet, the same height at every step.
  '@media (max-width:600px){dialog{width:100%;height:100%;max-height:none;margin:0;border-radius:0;padding:12px 16px 16px}}' +
  '[part=header]{display:flex;align-items:flex-start;gap:8px}h2{flex:1;min-width:0;margin:0;padding-block:9px;' +
  'font-size:1.2em;overflow-wrap:anywhere}h3{margin:8px 0;font-size:1.05em}h3:focus{outline:0}' +
  'button{font:inherit;min-height:44px;min-width:44px;padding:8px 14px;border-radius:var(--tryon-radius,6px);' +
  'border:1px solid var(--a);background:none;color:inherit;cursor:pointer}button:disabled{opacity:.5;cursor:not-allowed}' +
  '[part=close]{flex:none;width:44px;height:44px;padding:0;display:grid;place-items:center;border-color:transparent}' +
  '[part~=primary]{background:var(--a);color:var(--tryon-on-accent,#fff);width:100%;margin-top:12px}' +
  ':focus-visible{outline:2px solid var(--a);outline-offset:2px}label{display:flex;gap:10px;align-items:flex-start;margin-top:12px}' +
  'input[type=checkbox]{width:24px;height:24px;margin:0;flex:none;accent-color:var(--a)}p{margin:8px 0}a{color:var(--a)}' +
  // Errors and successes look different, and not by colour alone.
  '[part~=error]{color:var(--tryon-error,#b3261e);font-weight:600}[part~=error]:not(:empty)::before{content:"⚠ "}' +
  '[part~=success]:not(:empty)::before{content:"✓ "}' +
  'img{display:block;max-width:100%;height:auto;margin:0 auto;border-radius:var(--tryon-radius,6px)}' +
  '.wait{display:flex;gap:12px;justify-content:center}[part=product],[part=thumb]' +
  '{max-height:120px;margin:0}progress{width:100%;height:12px;accent-color:var(--a)}' +
  '.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}.row>*{flex:1 1 auto}small{display:block;opacity:.85}' +
  '@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}';

const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" ' +
  'stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6 6 18"/></svg>';

const MARKUP = `<dialog part="dialog" aria-labelledby="tryon-title">
<div part="header"><h2 id="tryon-title" part="title"></h2><button type="button" part="close" data-act="close">${CLOSE_ICON}</button></div>
<div data-step="unavailable" hidden><p part="error" role="alert" data-t="unavailable"></p></div>
<div data-step="photo" hidden><label part="consent"><input type="checkbox" data-consent><span data-t="consent"></span></label>
<p part="error" role="alert" data-consent-needed hidden></p>
<small part="privacy" data-t="privacy"></small>
<div part="drop" data-drop><img part="preview" alt="" hidden><p data-note></p>
<div class="row"><button type="button" data-act="choose" data-t="choose_photo"></button>
<button type="button" data-act="take" data-t="take_photo"></button></div><p data-hint="drop" data-t="drop_photo"></p></div>
<small part="tip" data-t="photo_tip"></small>
<input type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif" hidden data-file>
<input type="file" accept="image/*" capture="user" hidden data-camera>
<p part="error" role="alert" data-photo-error hidden></p>
<button type="button" part="primary" data-act="start" data-t="start"></button>
<button type="button" part="different" data-act="different" data-t="different_photo" hidden></button></div>
<div data-step="wait" hidden><div class="wait"><img part="thumb" alt="" hidden><img part="product" alt="" hidden></div>
<p part="status" role="status" aria-live="polite" data-status></p>
<progress part="progress" max="1"></progress><p part="elapsed" data-elapsed></p><small part="hint" data-t="wait_hint"></small></div>
<div data-step="result" hidden><h3 tabindex="-1" data-completed></h3><img part="result" alt="">
<div class="row" data-more><button type="button" data-act="again" data-t="new_try_on"></button><button type="button" data-act="another" data-t="another_photo"></button></div></div>
<div data-step="failed" hidden><p part="error" role="alert" data-error></p><small part="tip" data-t="photo_tip" data-tip></small>
<div class="row"><button type="button" data-act="retry" data-t="try_again" data-retry></button><button type="button" data-act="another" data-t="another_photo"></button></div></div>
<div data-step="timeout" hidden><p role="alert" data-t="timeout"></p>
<div class="row"><button type="button" data-act="keep" data-t="keep_waiting"></button><button type="button" data-act="over" data-t="start_over"></button></div></div>
</dialog>`;

/**
 * Put the dialog into the widget's shadow root once (made now: the page paid nothing for it until the shopper
 * reached for the button, which stays in the light DOM, shown through the slot); return it with query helpers.
 */
export function mountDialog(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  let body = root.querySelector('[part=body]');
  if (!body) {
    adopt(root, CSS);
    if (!root.querySelector('slot')) root.append(document.createElement('slot'));
    body = document.createElement('div');
    body.setAttribute('part', 'body');
    body.innerHTML = MARKUP;
    root.append(body);
  }
  const dialog = body.querySelector('dialog');
  return {
    dialog,
    $: (selector) => dialog.querySelector(selector),
    $$: (selector) => dialog.querySelectorAll(selector),
  };
}
