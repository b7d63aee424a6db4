// Markup and styles of the optional features; static, every text is set later with textContent.

export const CSS =
  // The result, whole and as large as the screen allows; the compare view is exactly as wide as the image.
  '[part=compare]{position:relative;width:fit-content;max-width:100%;margin:0 auto;touch-action:pan-y}' +
  '[part=result]{max-height:min(62dvh,640px);object-fit:contain}' +
  '@media (max-width:600px){[part=result]{max-height:calc(100dvh - 260px)}}' +
  // Over the image only: the slider's row (44 px) below it stays clear.
  '[part=before]{position:absolute;inset:0 0 44px;width:100%;height:calc(100% - 44px);object-fit:cover;' +
  'clip-path:inset(0 calc(100% - var(--x,50%)) 0 0)}' +
  '[dir=rtl] [part=before]{clip-path:inset(0 0 0 calc(100% - var(--x,50%)))}' +
  '[part=divider]{position:absolute;top:0;bottom:44px;inset-inline-start:var(--x,50%);width:2px;margin-inline-start:-1px;' +
  'background:#fff;box-shadow:0 0 0 1px rgb(0 0 0/.4)}' +
  '[part~=label]{position:absolute;top:8px;padding:2px 8px;border-radius:4px;background:rgb(0 0 0/.6);color:#fff;font-size:.85em}' +
  '[part~=label-before]{inset-inline-start:8px}[part~=label-after]{inset-inline-end:8px}' +
  // The thumb's centre travels the image's whole width: the track is wider by one thumb, half on each side.
  '[part=slider]{display:block;box-sizing:border-box;width:calc(100% + 24px);height:44px;margin:0 -12px;background:none;' +
  '-webkit-appearance:none;appearance:none;accent-color:var(--a)}' +
  '[part=slider]::-webkit-slider-runnable-track{height:4px;background:#767676;border-radius:2px}' +
  '[part=slider]::-webkit-slider-thumb{-webkit-appearance:none;width:24px;height:24px;margin-top:-10px;border-radius:50%;' +
  'background:var(--a);border:2px solid #fff}[part=slider]::-moz-range-thumb{width:20px;height:20px;border-radius:50%;' +
  'background:var(--a);border:2px solid #fff}[part=slider]::-moz-range-track{height:4px;background:#767676}' +
  '[aria-pressed=true]{background:var(--a);color:var(--tryon-on-accent,#fff)}' +
  '[part=email]{margin-top:16px;padding-top:12px;border-top:1px solid rgb(127 127 127/.4)}.field{display:grid;gap:4px}' +
  'input[type=email],[data-x-link]{font:inherit;min-height:44px;padding:8px;border:1px solid #767676;border-radius:var(--tryon-radius,6px);width:100%;box-sizing:border-box}';

// Goes around the result image.
export const COMPARE =
  '<img part="before" alt="" hidden><i part="divider" hidden></i><span part="label label-before" hidden></span>' +
  '<span part="label label-after" hidden></span><input type="range" part="slider" min="0" max="100" value="50" hidden>';

export const ACTIONS =
  '<button type="button" part="primary cart" data-x="cart" data-t="add_to_cart"></button>' +
  '<div class="row"><button type="button" part="compare-toggle" data-x="compare" data-t="compare" aria-pressed="false"></button>' +
  '<button type="button" part="share" data-x="share" data-t="share"></button>' +
  '<button type="button" part="download" data-x="download" data-t="download"></button></div>' +
  '<p part="message success" role="status" data-x-ok></p><a part="view-cart" data-x-view data-t="view_cart" hidden></a>' +
  '<input readonly data-x-link hidden><p part="error" role="alert" data-x-err></p>';

export const EMAIL =
  '<form part="email" data-x-email hidden><label class="field"><span data-t="email_label"></span>' +
  '<input type="email" name="email" autocomplete="email" required></label>' +
  '<label><input type="checkbox" name="consent"><span data-t="email_consent"></span></label>' +
  '<button type="submit" data-t="email_send"></button></form><p part="success" role="status" tabindex="-1" data-x-thanks hidden></p>';
