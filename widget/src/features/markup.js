// Markup and styles of the optional features; static, every text is set later with textContent.

export const CSS =
  '[part=compare]{position:relative;width:fit-content;margin:0 auto}[part=result]{max-height:min(60dvh,640px)}' +
  '[part=before]{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;clip-path:inset(0 calc(100% - var(--x,50%)) 0 0)}' +
  '[part=divider]{position:absolute;top:0;bottom:0;left:var(--x,50%);width:2px;margin-left:-1px;background:#fff;box-shadow:0 0 0 1px rgb(0 0 0/.4)}' +
  '[part=slider]{display:block;width:100%;height:44px;margin:4px 0 0;accent-color:var(--a)}' +
  '[part=email]{margin-top:16px;padding-top:12px;border-top:1px solid rgb(127 127 127/.4)}.field{display:grid;gap:4px}' +
  'input[type=email],[data-x-link]{font:inherit;min-height:44px;padding:8px;border:1px solid #767676;border-radius:var(--tryon-radius,6px);width:100%;box-sizing:border-box}';

// Goes around the result image.
export const COMPARE = '<img part="before" alt="" hidden><i part="divider" hidden></i>';
export const SLIDER = '<input type="range" part="slider" min="0" max="100" value="50" hidden>';

export const ACTIONS =
  '<button type="button" part="primary cart" data-x="cart" data-t="add_to_cart"></button>' +
  '<div class="row"><button type="button" part="share" data-x="share" data-t="share"></button>' +
  '<button type="button" part="download" data-x="download" data-t="download"></button></div>' +
  '<p part="message" role="status" data-x-ok></p><a part="view-cart" data-x-view data-t="view_cart" hidden></a>' +
  '<input readonly data-x-link hidden><p part="error" role="alert" data-x-err></p>';

export const EMAIL =
  '<form part="email" data-x-email hidden><label class="field"><span data-t="email_label"></span>' +
  '<input type="email" name="email" autocomplete="email" required></label>' +
  '<label><input type="checkbox" name="consent"><span data-t="email_consent"></span></label>' +
  '<button type="submit" data-t="email_send"></button></form><p role="status" tabindex="-1" data-x-thanks hidden></p>';
