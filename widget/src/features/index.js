// tryon-features.js, loaded on first use with the dialog: what a merchant can switch off.
// Compare, add to cart, share, download, email capture and analytics, each with its own attribute.
import { register } from '../contract.js';
import { adopt } from '../styles.js';
import { createTracker } from './analytics.js';
import { addToCart, storeRoot, tellTheme } from './cart.js';
import { ACTIONS, COMPARE, CSS, EMAIL } from './markup.js';

const insert = (node, where, html) => node.insertAdjacentHTML(where, html);

/** A file name from the product title and the image's type: "linen-overshirt-try-on.jpg". */
const fileName = (title, type) =>
  [
    ...(title || '')
      .toLowerCase()
      .normalize('NFKD')
      .matchAll(/[\p{L}\p{N}]+/gu),
    'try-on',
  ].join('-') +
  '.' +
  // The image's real type: image/svg+xml -> svg, image/avif -> avif; JPEG (or anything unnamed) -> jpg.
  (/^image\/(?!jpeg)([a-z0-9]+)/.exec(type)?.[1] || 'jpg');

/**
 * Add the features to one flow's dialog. The flow gives host, dialog, $, t, client() and emit (contract.js);
 * returns the hooks it calls: track, show, result.
 */
function mount(session) {
  const { host, dialog, $ } = session;
  const on = (name) => !host.hasAttribute('no-' + name);
  const t = (key, values) => session.t(key, values);
  const tracker = createTracker(host, (events, context, leaving) =>
    session.client().track(events, context, { leaving }),
  );
  const track = (event, properties) => tracker.track(event, properties);
  const generationId = () => host.getAttribute('generation-id');
  let done = {};
  let busy;
  let sent;

  adopt(host.shadowRoot, CSS);
  const result = $('[part=result]');
  const compare = document.createElement('div');
  compare.setAttribute('part', 'compare');
  result.replaceWith(compare);
  compare.append(result);
  insert(compare, 'beforeend', COMPARE);
  insert(compare, 'afterend', ACTIONS);
  insert(dialog, 'beforeend', EMAIL);
  const before = $('[part=before]');
  const slider = $('[part=slider]');
  const toggle = $('[data-x=compare]');
  const comparing = [before, slider, $('[part=divider]'), ...dialog.querySelectorAll('[part~=label]')];
  const form = $('[data-x-email]');
  const thanks = $('[data-x-thanks]');
  const view = $('[data-x-view]');
  const link = $('[data-x-link]');
  // The shopper's photo shows before (inline-start of) the slider's value, the try-on after it.
  slider.oninput = () => compare.style.setProperty('--x', slider.value + '%');
  // Dragging or tapping on the image moves the divider too (mirrored right to left).
  const drag = (event) => {
    if (slider.hidden || event.target === slider || (event.type == 'pointermove' && !event.buttons)) return;
    const box = result.getBoundingClientRect();
    const at = ((event.clientX - box.left) / box.width) * 100;
    slider.value = Math.round(dialog.dir == 'rtl' ? 100 - at : at);
    slider.oninput();
  };
  compare.onpointerdown = compare.onpointermove = drag;
  // The images must not start a native drag, which would cancel the pointer's moves.
  compare.ondragstart = (event) => event.preventDefault();
  const showCompare = (on) => {
    for (const node of comparing) node.hidden = !on;
    toggle.setAttribute('aria-pressed', on);
  };

  const say = (text, error) => {
    $('[data-x-ok]').textContent = error ? '' : text;
    $('[data-x-err]').textContent = error ? text : '';
    view.hidden = link.hidden = true;
  };

  const actions = {
    compare() {
      showCompare(toggle.getAttribute('aria-pressed') != 'true');
    },

    async cart() {
      if (busy) return;
      busy = true;
      // The variant this try-on was made for, whatever is selected now.
      const { variantId } = session.job;
      track('widget:add_to_cart_clicked', { generation_id: generationId() });
      say('');
      try {
        const item = await addToCart(variantId);
        track('widget:add_to_cart_success', { generation_id: generationId() });
        say(t('added_to_cart'));
        view.href = storeRoot() + 'cart';
        view.hidden = false;
        // The line item as before (the theme's sections are for the theme).
        const line = { ...item };
        delete line.sections;
        session.emit('tryon-cart-add', { variantId, quantity: 1, item: line });
        // The theme's own confirmation is shown as after its own button, never behind our modal dialog.
        tellTheme(host, item, 1, (dawn) => {
          dawn?.setActiveElement?.(host.button);
          dialog.close();
        });
      } catch (error) {
        // Shopify's own 422 description says why in the store's language ("… is already sold out.").
        const said = typeof error.description == 'string' && error.description.length < 300 && error.description;
        say(error.status === 422 ? said || t('cart_sold_out') : t(error.status ? 'cart_error' : 'error_network'), 1);
      }
      busy = false;
    },

    async share() {
      track('widget:share_clicked', { generation_id: generationId() });
      say('');
      let url;
      try {
        ({ shareUrl: url } = await session
          .client()
          .shareGeneration(generationId(), { effectiveDomain: location.hostname }));
        if (!/^https?:\/\//.test(url)) throw url;
      } catch {
        return say(t('share_error'), 1);
      }
      try {
        if (navigator.share) return await navigator.share({ title: t('completed'), url });
      } catch (error) {
        if (error.name == 'AbortError') return;
      }
      try {
        await navigator.clipboard.writeText(url);
        say(t('link_copied'));
      } catch {
        // No clipboard (permission, insecure page): show the link to copy by hand.
        say(t('copy_link'));
        link.value = url;
        link.setAttribute('aria-label', t('copy_link'));
        link.hidden = false;
        link.select();
      }
    },

    async download() {
      track('widget:download_clicked', { generation_id: generationId() });
      const url = done.resultImageUrl;
      try {
        const response = await fetch(url);
        if (!response.ok) throw response;
        const blob = await response.blob();
        const href = URL.createObjectURL(blob);
        Object.assign(document.createElement('a'), {
          href,
          download: fileName(host.getAttribute('product-title'), blob.type),
        }).click();
        setTimeout(() => URL.revokeObjectURL(href), 60_000);
      } catch {
        // A storage host without CORS: the image opens in a new tab, where the shopper can save it.
        open(url, '_blank', 'noopener');
      }
    },
  };
  dialog.addEventListener('click', (event) => {
    const name = event.target.closest('[data-x]')?.dataset.x;
    if (name) actions[name]();
  });

  form.onsubmit = (event) => {
    event.preventDefault();
    const marketingConsent = form.elements.consent.checked;
    // Fire and forget: whatever the answer, the shopper is thanked and the try-on goes on.
    session.client().collectEmail({ email: form.elements.email.value.trim(), marketingConsent });
    track('widget:email_collected', { marketing_consent: marketingConsent });
    sent = true;
    thanks.textContent = t('email_thanks');
    thanks.hidden = false;
    form.hidden = true;
    thanks.focus();
  };

  let step;
  let shownPhoto;
  /** Steps where the optional email form shows: while waiting and with the result. */
  function show(current) {
    step = current;
    const here = step == 'wait' || step == 'result';
    form.hidden = sent || !here || !host.hasAttribute('email-capture');
    thanks.hidden = !sent || !here;
  }
  /** Each feature as its attribute says, now: a merchant's change applies to a result already on screen. */
  function switches() {
    $('[data-x=cart]').hidden = !on('cart') || !session.job?.variantId;
    $('[data-x=share]').hidden = !on('share');
    $('[data-x=download]').hidden = !on('download');
    toggle.hidden = !on('compare') || !shownPhoto;
    if (toggle.hidden) showCompare(false);
    show(step);
  }
  const attributes = ['no-cart', 'no-share', 'no-download', 'no-compare', 'email-capture', 'variant-id'];
  new MutationObserver(switches).observe(host, { attributes: true, attributeFilter: attributes });

  return {
    track,
    tracker,

    show,

    /** The result is on screen: set up compare and actions for it. */
    result(status, photo) {
      done = status;
      shownPhoto = photo;
      say('');
      // Comparing is a choice: the result is shown whole first.
      showCompare(false);
      switches();
      if (photo) {
        before.src = photo;
        before.alt = t('photo_alt');
      }
      slider.setAttribute('aria-label', t('compare'));
      $('[part~=label-before]').textContent = t('before');
      $('[part~=label-after]').textContent = t('after');
      track('widget:result_view', { generation_id: generationId() });
    },
  };
}

register('features', { mount });
