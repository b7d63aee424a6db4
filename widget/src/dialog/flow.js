// The try-on of one <tryon-widget>: its states and transitions. Memory owns the state (the chosen photo, the
// upload, the generation); Web Storage is only a write-through cache, read to resume after a reload or to reuse
// the photo on another product.
//
//   (credits?) --no--> unavailable
//   photo --start--> uploading --> pending --> processing --> completed (the image is on screen)
//                                     \-------------\---------> failed | error | timeout
import { failure } from './failures.js';
import { mountDialog } from './markup.js';
import { imageUrl, settings, warn } from './settings.js';
import { format } from './strings.js';

// Where focus goes when a step is shown: the result's heading (announced), else the first useful control.
const FOCUS = {
  unavailable: '[part=close]',
  result: '[data-completed]',
  failed: '[data-step=failed] [data-act]:not([hidden])',
  timeout: '[data-act=keep]',
};
// Languages written right to left: the dialog mirrors when the widget's locale is one of them.
const RTL = /^(ar|he|fa|ur)\b/i;
// The button's words (its data-* and the strings' button_*) while a try-on runs or waits to be seen.
const LABELS = { uploading: 'running', pending: 'running', processing: 'running', completed: 'done' };
// The states of a try-on still being made: it goes on under its own variant whatever the shopper selects meanwhile.
const RUNNING = /^(uploading|pending|processing)$/;

// What this browser remembers of a product from one page to the next (tryon-theme.js, from tries.js).
const recall = (productId) => window.TryOn.parts.theme.recall(productId);
const remember = (productId, entry) => window.TryOn.parts.theme.remember(productId, entry);

/**
 * What a try-on started now is made for (or one made for `variantId`), fixed for its whole life:
 * {productId, variantId, productImage}.
 */
function target(host, variantId) {
  const made = window.TryOn.parts.theme.target(host, variantId);
  return { ...made, productImage: imageUrl(host, made.productImage) };
}

export class Flow {
  constructor(host) {
    this.host = host;
    this.strings = window.TryOn.parts.theme.strings(host);
    // The button's own words, shown whenever no try-on runs or waits to be seen; from now on a press opens this
    // dialog, not the page's loading one (the button's command, for presses before the parts arrived).
    this.idle = host.button?.textContent;
    host.button?.removeAttribute('command');
    new MutationObserver(() => this.relabel()).observe(host, { attributeFilter: ['label'] });
    // Results made on this page, by variant id: back on a variant, its try-on is shown again.
    this.results = {};
    Object.assign(this, mountDialog(host));
    // Consent and the photo (tryon-photo.js), which sets `upload`: the photo uploaded in this browser session
    // ({fileId, preview}), from memory, or from its cache.
    this.photo = window.TryOn.parts.photo.mount(this);
    this.wait = window.TryOn.parts.photo.waiting(this);
    // Compare, cart, share, download, email and analytics (tryon-features.js).
    this.features = window.TryOn.parts.features.mount(this);
    // What each button does; `retry` is set by the failure that shows it.
    const actions = {
      close: () => this.dialog.close(),
      choose: () => this.$('[data-file]').click(),
      take: () => this.$('[data-camera]').click(),
      start: () => this.start(),
      different: () => {
        this.photo.clear();
        this.$('[data-file]').click();
      },
      another: () => {
        this.photo.clear();
        this.photo.show();
      },
      again: () => this.again(),
      retry: () => this.retry?.(),
      keep: () => this.follow(this.generation.id, this.restart()),
      over: () => this.photo.show(),
    };
    this.dialog.addEventListener('click', (event) => {
      const act = event.target.closest('[data-act]')?.dataset.act;
      if (act) actions[act]();
    });
    // The dialog can be closed while a generation runs: it goes on, and the button says so.
    this.dialog.addEventListener('close', () => {
      // Back to the button, unless the theme moved focus on (its cart drawer, after our Add to cart).
      const active = document.activeElement;
      if (!active || active === document.body || active === host) host.button?.focus();
      this.select();
    });
    this.productId = host.getAttribute('product-id');
    window.TryOn.parts.theme.watchVariant(host, () => this.select());
  }

  /**
   * The shopper may have selected another variant, or the page another product. A try-on being made goes on under
   * its own; a finished one stays with its variant, and the button offers the selected variant's own try-on (shown
   * again if this page made one). Another product-id starts clean: what ran stops, kept under its own product.
   */
  select() {
    const productId = this.host.getAttribute('product-id');
    if (productId !== this.productId) {
      this.productId = productId;
      this.results = {};
      this.stop();
      return this.reset();
    }
    const { variantId } = target(this.host);
    const id = this.results[variantId];
    // Nothing to change: the same variant, nothing shown and nothing to show, the dialog open, or a try-on running.
    if (this.job ? this.job.variantId === variantId : !id) return;
    if (this.dialog.open || RUNNING.test(this.host.getAttribute('state'))) return;
    this.restart();
    this.reset(id && { id, done: 1 });
  }

  /** Back to the button (idle), then show again or follow `job` ({id, done?, startedAt?}) when there is one. */
  reset(job) {
    this.current = this.job = this.generation = null;
    this.host.removeAttribute('generation-id');
    this.state('idle');
    if (job) this.open({ ...job, resume: job.id });
  }

  t(key, values) {
    return format(this.strings, key, { product: this.host.getAttribute('product-title') || '', ...values });
  }

  /** One client per widget, so its share links are reused; only what the merchant set is passed. */
  client() {
    if (!this._client) {
      const { createClient } = window.TryOn.parts.client;
      const { proxyPath, adapter, statusUrl } = settings(this.host);
      try {
        this._client = createClient({ proxyPath, adapter, statusUrl });
      } catch (error) {
        // An unknown adapter, or a status-url without {id}: said once, and the defaults are used.
        warn(`ignoring adapter and status-url: ${error.message}`);
        this._client = createClient({ proxyPath });
      }
    }
    return this._client;
  }

  /** Reflect `state` on the host and its button's words; tryon-status on each change and status. */
  state(state, detail) {
    if (state === this.host.getAttribute('state') && !detail?.status) return;
    this.host.setAttribute('state', state);
    this.relabel();
    this.emit('tryon-status', { state, ...detail });
  }

  /** The button says a try-on runs or waits to be seen (its data-running/data-done, else the strings), else its own. */
  relabel() {
    const { button } = this.host;
    const key = LABELS[this.host.getAttribute('state')];
    if (button)
      button.textContent = key
        ? button.dataset[key] || this.t('button_' + key)
        : this.host.getAttribute('label') || this.idle;
  }

  emit(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  /**
   * Show a step. Focus moves only when the step changes (or the dialog opens: `changed`), and never out of a form
   * field the shopper is using.
   */
  show(step, focus, changed = step !== this.current) {
    for (const section of this.$$('[data-step]')) section.hidden = section.dataset.step !== step;
    this.current = step;
    this.features.show(step);
    const active = this.host.shadowRoot.activeElement;
    const busy = active?.closest('form') || active?.matches('input:not([type=checkbox]),textarea,select');
    if (focus && changed && this.dialog.open && !busy) this.$(focus).focus();
  }

  /** Whether try-ons can be made here: the element's own check, sent when the shopper reached for the button. */
  available() {
    return (this._credits ??= this.host.creditsCheck || this.client().checkCredits());
  }

  unavailable() {
    this.state('unavailable');
    this.show('unavailable', FOCUS.unavailable);
  }

  /** Open the dialog where the shopper left it, or attach to a generation (`resume`: reload, attribute). */
  open(options = {}) {
    if ('resume' in options) {
      // The element's resume (''): what this browser remembers of the product, else the generation-id attribute.
      const remembered = options.resume === '' && recall(this.host.getAttribute('product-id'));
      // A cookie the element saw but that holds nothing usable is dropped: the next page view loads nothing for it.
      if (remembered === null) remember(this.host.getAttribute('product-id'), null);
      const saved = remembered || options;
      const { variantId, done, startedAt } = saved;
      const id = saved.id || options.resume || this.host.getAttribute('generation-id');
      if (!id || this.job) return;
      // A result remembered for another variant waits for the shopper to select that variant again.
      if (done && variantId && variantId !== target(this.host).variantId) return (this.results[variantId] = id);
      // A remembered try-on is for its own variant; one given by attribute for what is selected now.
      this.job = target(this.host, variantId);
      done ? this.showAgain(id, this.restart()) : this.follow(id, this.restart(), startedAt);
      return;
    }
    this.select();
    // The shopper's language now (the element loaded its file with the parts), over the page's and the property's.
    this.strings = window.TryOn.parts.theme.strings(this.host);
    this.features.track('widget:button_click');
    for (const node of this.$$('[data-t]')) node.textContent = this.t(node.dataset.t);
    this.$('h2').textContent = this.t('title');
    this.$('[part=close]').setAttribute('aria-label', this.t('close'));
    const locale = this.host.getAttribute('locale');
    if (locale) this.dialog.dir = RTL.test(locale) ? 'rtl' : 'ltr';
    this.host.querySelector('dialog[data-loading]')?.close();
    if (!this.dialog.open) this.dialog.showModal();
    if (this.current && this.current !== 'photo') return this.show(this.current, FOCUS[this.current], true);
    // Said before any consent, photo or upload: a store that cannot generate is told at once. (A try-on started
    // or resumed meanwhile keeps its step.)
    this.available().then((allowed) => this.current || (allowed ? this.photo.show() : this.unavailable()));
  }

  /** Stop every request and timer (the widget left the page). */
  stop() {
    this.restart();
    this.signal = this.job = null;
    if (this.dialog.open) this.dialog.close();
  }

  /** Abort whatever runs; returns the signal of what starts now. */
  restart() {
    this.controller?.abort(new DOMException('Stopped', 'AbortError'));
    this.wait.end();
    this.controller = new AbortController();
    return (this.signal = this.controller.signal);
  }

  /** Upload the chosen photo (or reuse this session's upload), then create and follow a generation. */
  async start() {
    const signal = this.restart();
    // What this try-on is made for, fixed now (attributes read and warned about before anything is uploaded).
    this.job = target(this.host);
    try {
      const chosen = this.photo.chosen;
      if (chosen) {
        this.wait.enter('uploading');
        const progress = this.$('progress');
        const { fileId } = await this.client().uploadPhoto(chosen.blob, {
          signal,
          onProgress: (f) => (progress.value = f),
        });
        this.features.track('widget:image_upload', { file_size: chosen.blob.size });
        this.photo.keep({ fileId, preview: chosen.preview });
      }
      await this.generate(signal);
    } catch (error) {
      this.fail(error, signal);
    }
  }

  /** A new generation of this.job from this session's upload: the retry after a failure reuses it (no new upload). */
  async generate(signal) {
    const { productId, variantId } = this.job;
    this.wait.enter('pending');
    const { generationId } = await this.client()
      .createGeneration({ userImageId: this.upload.fileId, productId, variantId, signal })
      .catch((error) => {
        // 400: the service no longer knows this photo (a restart, an expiry). It is asked for again, saying why,
        // instead of Try again sending the same photo id for ever.
        if (error?.status != 400) throw error;
        return {};
      });
    if (!generationId) {
      this.finish();
      return this.photo.gone();
    }
    this.features.track('widget:generation_start', { generation_id: generationId });
    const startedAt = Date.now();
    remember(productId, { id: generationId, startedAt, variantId });
    await this.follow(generationId, signal, startedAt);
  }

  /** Try again after a failure: a new generation from the same upload, or the photo step without one. */
  again() {
    if (!this.upload) return this.photo.show();
    const signal = this.restart();
    this.job ??= target(this.host);
    this.generate(signal).catch((error) => this.fail(error, signal));
  }

  /** Poll a generation to its end; one tab at a time polls a given generation (Web Locks). */
  async follow(id, signal, startedAt = this.generation?.id === id ? this.generation.startedAt : Date.now()) {
    this.generation = { id, startedAt };
    this.host.setAttribute('generation-id', id);
    const { pollIntervalMs, maxAttempts } = settings(this.host);
    const { productImage } = (this.job ??= target(this.host));
    // The garment being tried on, while the shopper waits.
    const product = this.$('[part=product]');
    product.hidden = !productImage;
    if (productImage) product.src = productImage;
    this.wait.enter('pending', { generationId: id });
    this.wait.begin(startedAt, this.upload?.preview);
    const poll = () =>
      this.client().waitForGeneration(id, {
        signal,
        pollIntervalMs,
        maxAttempts,
        onStatus: (status) => {
          const stage = status.status.toLowerCase();
          if (stage === 'pending' || stage === 'processing') this.wait.enter(stage, { generationId: id, status });
        },
        onRetry: (error) => this.wait.retrying(error),
      });
    try {
      const done = await (navigator.locks ? navigator.locks.request('tryon:' + id, { signal }, poll) : poll());
      await this.complete(done, signal);
    } catch (error) {
      this.fail(error, signal, id);
    }
  }

  /**
   * `completed` only once the image has decoded. An image that will not load is read again once (a fresh signed
   * URL); if that fails too, the error offers Try again, which follows the same generation (no new credit).
   */
  async complete(done, signal) {
    const image = this.$('[part=result]');
    image.alt = this.t('result_alt');
    const shown = async (status) => {
      image.src = status.resultImageUrl;
      await image.decode();
      return status;
    };
    try {
      done = await shown(done).catch(async () =>
        shown(await this.client().waitForGeneration(done.generationId, { signal })),
      );
    } catch (error) {
      signal.throwIfAborted();
      throw Object.assign(new Error('The result image did not load'), { code: 'RESULT_IMAGE', cause: error });
    }
    signal.throwIfAborted();
    this.finish();
    const { productId, variantId } = this.job;
    this.results[variantId] = done.generationId;
    // Seen again after a reload or Back, for the browser session, without a new generation.
    remember(productId, { id: done.generationId, startedAt: this.generation.startedAt, variantId, done: 1 });
    this.$('[data-completed]').textContent = this.t('completed');
    this.state('completed', { generationId: done.generationId, status: done });
    this.features.result(done, this.upload?.preview);
    this.show('result', FOCUS.result);
    this.emit('tryon-complete', done);
    // Finished in the background while the shopper selected another variant: the button offers that one's.
    if (!this.dialog.open) this.select();
  }

  /** A result this browser made earlier in the session: read its status again (no credit) and show it. */
  async showAgain(id, signal) {
    this.generation = { id, startedAt: Date.now() };
    this.host.setAttribute('generation-id', id);
    try {
      await this.complete(await this.client().waitForGeneration(id, { signal, maxAttempts: 1 }), signal);
    } catch {
      // Gone (expired, another store): forget it quietly; the button offers a new try-on.
      delete this.results[this.job.variantId];
      remember(this.job.productId, null);
      this.host.removeAttribute('generation-id');
    }
  }

  finish() {
    this.wait.end();
    if (this.job) remember(this.job.productId, null);
  }

  /**
   * What "Try again" does after `error`: send the chosen photo again, follow a generation that may still be running
   * (`id`), or make a new generation from this session's upload; null when none of these can help.
   */
  retryFor(error, id) {
    if (this.photo.chosen) return () => this.start();
    if (id && error?.name !== 'GenerationFailedError' && error?.status !== 404)
      return () => this.follow(id, this.restart());
    return this.upload ? () => this.again() : null;
  }

  /** Say what went wrong, worded for who is at fault, with the action its words promise. */
  fail(error, signal, id) {
    if (signal.aborted) return;
    this.finish();
    const info = failure(error);
    if (error?.name === 'GenerationTimeoutError') {
      this.state('timeout', { error });
      this.show('timeout', FOCUS.timeout);
    } else if (info.key === 'unavailable') {
      this.unavailable();
    } else {
      this.retry = info.retry && this.retryFor(error, id);
      // A refusal that says when: "try again in about N min" (Retry-After), else "wait a moment".
      const minutes = info.key === 'error_rate' && Math.ceil(error.retryAfterMs / 60_000);
      this.$('[data-error]').textContent = minutes > 0 ? this.t('error_rate_wait', { minutes }) : this.t(info.key);
      this.$('[data-tip]').hidden = !info.tip;
      this.$('[data-retry]').hidden = !this.retry;
      this.state(info.failed ? 'failed' : 'error', { error });
      this.show('failed', FOCUS.failed);
    }
    this.emit('tryon-fail', { state: this.host.getAttribute('state'), error });
  }
}
