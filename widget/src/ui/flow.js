// The try-on flow of one <tryon-widget>: consent and photo, upload, generation, waiting, result or failure.
import { jobKey } from '../element/keys.js';
import { megabytes, preparePhoto, savedPhoto } from './photo.js';
import { failure, format } from './strings.js';

const JOB_TTL_MS = 15 * 60_000;
// Where focus goes when a step is shown: its first useful control.
const FOCUS = {
  wait: '[part=close]',
  result: '[data-act=again]',
  failed: '[data-step=failed] [data-act]:not([hidden])',
  timeout: '[data-act=keep]',
};
const TYPICAL_MS = 60_000;

function number(host, name, fallback, min) {
  const raw = host.getAttribute(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() && Number.isFinite(value) && value >= min) return value;
  console.warn(`<tryon-widget>: ignoring ${name}="${raw}"; using ${fallback}`);
  return fallback;
}

export class Session {
  constructor(host) {
    this.host = host;
    Object.assign(this, window.TryOn.base.mountDialog(host));
    // Compare, cart, share, download, email and analytics (tryon-ui-extras.js).
    this.extras = window.TryOn.extras.mount(this);
    this.photo = null;
    const { dialog, $ } = this;
    dialog.addEventListener('click', (event) => {
      const act = event.target.closest('[data-act]')?.dataset.act;
      if (act) this[act]();
    });
    // The dialog can be closed while a generation runs: it goes on, and the button says so.
    dialog.addEventListener('close', () => host.shadowRoot.querySelector('[part=button]').focus());
    $('[data-consent]').onchange = () => this.refresh();
    for (const input of this.$$('input[type=file]')) {
      input.onchange = () => {
        if (input.files[0]) this.pick(input.files[0]);
        input.value = '';
      };
    }
    const drop = $('[data-drop]');
    drop.ondragover = (event) => {
      event.preventDefault();
      drop.classList.add('over');
    };
    drop.ondragleave = () => drop.classList.remove('over');
    drop.ondrop = (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      if (event.dataTransfer.files[0]) this.pick(event.dataTransfer.files[0]);
    };
  }

  t(key, values) {
    return format(this.host.strings, key, { product: this.host.getAttribute('product-title') || '', ...values });
  }

  /** One client per widget, so its share links are reused. */
  client() {
    return (this._client ??= window.TryOn.createClient({ proxyPath: this.host.getAttribute('proxy-path') || undefined }));
  }

  /** Reflect `state` on the host; tryon-status goes out on each change and each polled status. */
  state(state, detail) {
    if (state === this.host.getAttribute('state') && !detail?.status) return;
    this.host.setAttribute('state', state);
    this.emit('tryon-status', { state, ...detail });
  }

  emit(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  label(key) {
    this.host.$label = key === 'button' ? null : this.t(key);
    this.host.attributeChangedCallback();
  }

  show(step, focus) {
    for (const section of this.$$('[data-step]')) section.hidden = section.dataset.step !== step;
    this.current = step;
    this.extras.show(step);
    if (focus && this.dialog.open) this.$(focus).focus();
  }

  /** Open the dialog where the shopper left it, or attach to a generation (`resume`: reload, attribute). */
  open(options = {}) {
    const resumed = options.resume || this.host.getAttribute('generation-id');
    if ('resume' in options) {
      if (resumed && !this.signal) this.follow(resumed, this.restart(), options.startedAt);
      return;
    }
    this.extras.track('widget:button_click');
    for (const node of this.$$('[data-t]')) node.textContent = this.t(node.dataset.t);
    this.$('h2').textContent = this.t('title');
    this.$('[part=close]').setAttribute('aria-label', this.t('close'));
    if (!this.dialog.open) this.dialog.showModal();
    if (!this.current || this.current === 'photo') this.photoStep();
    else this.show(this.current, FOCUS[this.current]);
  }

  close() {
    this.dialog.close();
  }

  /** Stop every request and timer (widget removed from the page). */
  stop() {
    this.restart();
    this.signal = null;
    if (this.dialog.open) this.dialog.close();
  }

  restart() {
    this.controller?.abort(new DOMException('Stopped', 'AbortError'));
    clearInterval(this.ticker);
    this.controller = new AbortController();
    return (this.signal = this.controller.signal);
  }

  photoStep() {
    const saved = savedPhoto.get();
    this.state('consent');
    this.label('button');
    this.$('[data-consent]').checked ||= !!saved;
    this.$('[data-photo-error]').hidden = true;
    this.showPhoto(this.photo?.preview ?? saved?.preview, this.photo ? this.t('photo_size', { size: megabytes(this.photo.blob.size) }) : saved ? this.t('saved_photo') : '');
    this.show('photo', this.$('[data-consent]').checked ? '[data-act=start]' : '[data-consent]');
  }

  showPhoto(preview, note) {
    const image = this.$('[part=preview]');
    image.hidden = !preview;
    if (preview) image.src = preview;
    image.alt = this.t('photo_alt');
    this.$('[data-note]').textContent = note;
    this.refresh();
  }

  refresh() {
    const consent = this.$('[data-consent]').checked;
    const photo = this.photo || savedPhoto.get();
    for (const act of ['choose', 'take']) this.$(`[data-act=${act}]`).disabled = !consent;
    this.$('[data-act=start]').disabled = !(consent && photo);
    this.$('[data-act=different]').hidden = !photo;
  }

  choose() {
    this.$('[data-file]').click();
  }

  take() {
    this.$('[data-camera]').click();
  }

  async pick(file) {
    if (!this.$('[data-consent]').checked) return;
    const error = this.$('[data-photo-error]');
    try {
      this.photo = await preparePhoto(file);
      error.hidden = true;
      this.showPhoto(this.photo.preview, this.t('photo_size', { size: megabytes(this.photo.blob.size) }));
      this.$('[data-act=start]').focus();
    } catch {
      error.hidden = false;
      error.textContent = this.t('error_file');
    }
  }

  different() {
    savedPhoto.set(null);
    this.photo = null;
    this.showPhoto(null, '');
    this.$('[data-act=choose]').focus();
  }

  another() {
    this.different();
    this.photoStep();
  }

  over() {
    this.photoStep();
  }

  /** Upload the chosen photo (or reuse the session's), then create and follow a generation. */
  async start() {
    const signal = this.restart();
    try {
      if (this.photo) {
        this.waiting('uploading');
        const progress = this.$('progress');
        const { fileId } = await this.client().uploadPhoto(this.photo.blob, { signal, onProgress: (f) => (progress.value = f) });
        this.extras.track('widget:image_upload', { file_size: this.photo.blob.size });
        savedPhoto.set({ fileId, preview: this.photo.preview });
        this.photo = null;
      }
      await this.generate(savedPhoto.get().fileId, signal);
    } catch (error) {
      this.fail(error, signal);
    }
  }

  /** A new generation from an uploaded photo: the retry after a failure reuses the upload. */
  async generate(fileId, signal) {
    this.fileId = fileId;
    this.waiting('pending');
    const { generationId } = await this.client().createGeneration({
      userImageId: fileId,
      productId: this.host.getAttribute('product-id'),
      variantId: this.host.getAttribute('variant-id') || undefined,
      signal,
    });
    this.extras.track('widget:generation_start', { generation_id: generationId });
    const startedAt = Date.now();
    try {
      localStorage.setItem(jobKey(this.host.getAttribute('product-id')), JSON.stringify({ id: generationId, startedAt, expires: startedAt + JOB_TTL_MS }));
    } catch {}
    await this.follow(generationId, signal, startedAt);
  }

  /** Try again: resend a photo whose upload failed, else a new generation from the uploaded photo. */
  again() {
    if (this.photo) return this.start();
    if (!this.fileId) return this.photoStep();
    const signal = this.restart();
    this.generate(this.fileId, signal).catch((error) => this.fail(error, signal));
  }

  keep() {
    this.follow(this.host.getAttribute('generation-id'), this.restart(), this.startedAt);
  }

  /** Show the waiting step in `stage` (uploading, pending, processing), announcing only stage changes. */
  waiting(stage, detail) {
    this.state(stage, detail);
    this.label('button_running');
    if (this.stage !== stage) this.$('[data-status]').textContent = this.t(stage);
    this.stage = stage;
    // Focus moves only on arriving at the wait step: a stage change must not pull it from the email field.
    this.show('wait', this.current != 'wait' && FOCUS.wait);
  }

  /** Poll a generation to its end; one tab at a time polls a given generation (Web Locks). */
  async follow(generationId, signal, startedAt = Date.now()) {
    this.host.setAttribute('generation-id', generationId);
    // The garment being tried on, while the shopper waits (http(s) or same-site images only).
    const product = this.$('[part=product]');
    const src = this.host.getAttribute('product-image');
    product.hidden = !(src && /^https?:$/.test(new URL(src, location.href).protocol));
    if (!product.hidden) product.src = src;
    this.startedAt = startedAt;
    const progress = this.$('progress');
    const tick = () => {
      const elapsed = Date.now() - startedAt;
      this.$('[data-elapsed]').textContent = this.t('elapsed', { seconds: Math.floor(elapsed / 1000) });
      if (this.stage === 'processing') progress.value = Math.min(0.95, elapsed / TYPICAL_MS);
    };
    this.waiting('pending', { generationId });
    progress.removeAttribute('value');
    clearInterval(this.ticker);
    this.ticker = setInterval(tick, 1000);
    tick();
    const wait = () =>
      this.client().waitForGeneration(generationId, {
        signal,
        pollIntervalMs: number(this.host, 'poll-interval', 2000, 1),
        maxAttempts: Math.floor(number(this.host, 'max-attempts', 60, 1)),
        onStatus: (status) => {
          const stage = status.status.toLowerCase();
          if (stage === 'pending' || stage === 'processing') this.waiting(stage, { generationId, status });
        },
        onRetry: () => (this.$('[data-status]').textContent = this.t('still_working'), (this.stage = 'retry')),
      });
    try {
      const done = await (navigator.locks ? navigator.locks.request('tryon:' + generationId, { signal }, wait) : wait());
      const image = this.$('[part=result]');
      image.alt = this.t('result_alt');
      image.src = done.resultImageUrl;
      // Shown only once decoded, never half drawn.
      await image.decode().catch(() => {});
      signal.throwIfAborted();
      this.finish();
      this.$('[data-completed]').textContent = this.t('completed');
      this.label('button_done');
      this.state('completed', { generationId, status: done });
      this.extras.result(done, savedPhoto.get()?.preview);
      this.show('result', FOCUS.result);
      this.emit('tryon-complete', done);
    } catch (error) {
      this.fail(error, signal);
    }
  }

  finish() {
    clearInterval(this.ticker);
    this.stage = null;
    try {
      localStorage.removeItem(jobKey(this.host.getAttribute('product-id')));
    } catch {}
  }

  fail(error, signal) {
    if (signal.aborted) return;
    this.finish();
    this.label('button');
    if (error?.name === 'GenerationTimeoutError') {
      this.state('timeout', { error });
      this.show('timeout', FOCUS.timeout);
    } else {
      const info = failure(error);
      this.$('[data-error]').textContent = this.t(info.key);
      this.$('[data-tip]').hidden = !info.tip;
      this.$('[data-retry]').hidden = !(info.retry && (this.fileId || this.photo));
      this.state(info.failed ? 'failed' : 'error', { error });
      this.show('failed', FOCUS.failed);
    }
    this.emit('tryon-fail', { state: this.host.getAttribute('state'), error });
  }
}
