// The dialog's markup and styles. Static markup only: every text is set later with textContent; styles are adopted
// as a stylesheet (no <style> element, no style attributes), so a strict Content-Security-Policy changes nothing.
import { adopt } from '../styles.js';

const CSS =
  // --a is given a solid fallback here: currentColor would resolve to white on the white-text primary button.
  'dialog{--a:var(--tryon-accent,var(--tryon-text,#1d1d1f));box-sizing:border-box;width:min(480px,calc(100vw - 16px));max-height:calc(100dvh - 16px);padding:16px 20px 20px;' +
  'border:0;border-radius:var(--tryon-radius,8px);background:var(--tryon-surface,#fff);color:var(--tryon-text,#1d1d1f);' +
  'font:inherit;font-family:var(--tryon-font,inherit)}dialog::backdrop{background:rgb(0 0 0/.55)}[hidden]{display:none!important}' +
  '[part=header]{display:flex;justify-content:space-between;align-items:center;gap:8px}h2{margin:0;font-size:1.2em}' +
  'button{font:inherit;min-height:44px;min-width:44px;padding:8px 14px;border-radius:var(--tryon-radius,6px);' +
  'border:1px solid var(--a);background:none;color:inherit;cursor:pointer}button:disabled{opacity:.5;cursor:not-allowed}' +
  '[part~=primary]{background:var(--a);color:var(--tryon-on-accent,#fff);width:100%;margin-top:12px}' +
  ':focus-visible{outline:2px solid var(--a);outline-offset:2px}label{display:flex;gap:10px;align-items:flex-start;margin-top:12px}' +
  'input[type=checkbox]{width:24px;height:24px;margin:0;flex:none;accent-color:var(--a)}p{margin:8px 0}' +
  '[part=drop]{border:2px dashed #767676;border-radius:var(--tryon-radius,6px);padding:12px;text-align:center;margin:12px 0}' +
  '[part=drop].over{border-color:var(--a)}img{display:block;max-width:100%;height:auto;margin:0 auto;border-radius:var(--tryon-radius,6px)}' +
  '[part=preview]{max-height:200px}[part=product]{max-height:120px}progress{width:100%;height:12px;accent-color:var(--a)}' +
  '.row{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}.row>*{flex:1 1 auto}small{display:block;opacity:.85}' +
  '@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}';

const MARKUP = `<dialog part="dialog" aria-labelledby="tryon-title">
<div part="header"><h2 id="tryon-title" part="title"></h2><button type="button" part="close" data-act="close" data-t="close"></button></div>
<div data-step="photo"><label part="consent"><input type="checkbox" data-consent><span data-t="consent"></span></label>
<small part="privacy" data-t="privacy"></small>
<div part="drop" data-drop><img part="preview" alt="" hidden><p data-note></p>
<div class="row"><button type="button" data-act="choose" data-t="choose_photo"></button>
<button type="button" data-act="take" data-t="take_photo"></button></div><p data-t="drop_photo"></p></div>
<small part="tip" data-t="photo_tip"></small>
<input type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif" hidden data-file>
<input type="file" accept="image/*" capture="user" hidden data-camera>
<p part="error" role="alert" data-photo-error hidden></p>
<button type="button" part="primary" data-act="start" data-t="start"></button>
<button type="button" part="different" data-act="different" data-t="different_photo" hidden></button></div>
<div data-step="wait" hidden><img part="product" alt="" hidden><p part="status" role="status" aria-live="polite" data-status></p>
<progress part="progress" max="1"></progress><p part="elapsed" data-elapsed></p></div>
<div data-step="result" hidden><img part="result" alt=""><p data-completed></p>
<div class="row"><button type="button" data-act="again" data-t="try_again"></button><button type="button" data-act="another" data-t="another_photo"></button></div></div>
<div data-step="failed" hidden><p part="error" role="alert" data-error></p><small part="tip" data-t="photo_tip" data-tip></small>
<div class="row"><button type="button" data-act="retry" data-t="try_again" data-retry></button><button type="button" data-act="another" data-t="another_photo"></button></div></div>
<div data-step="timeout" hidden><p role="alert" data-t="timeout"></p>
<div class="row"><button type="button" data-act="keep" data-t="keep_waiting"></button><button type="button" data-act="over" data-t="start_over"></button></div></div>
</dialog>`;

/** Put the dialog into the widget's shadow root once; return it with query helpers over it. */
export function mountDialog(host) {
  const body = host.shadowRoot.querySelector('[part=body]');
  if (!body.firstChild) {
    adopt(host.shadowRoot, CSS);
    body.innerHTML = MARKUP;
  }
  const dialog = body.querySelector('dialog');
  return { dialog, $: (selector) => dialog.querySelector(selector), $$: (selector) => dialog.querySelectorAll(selector) };
}
