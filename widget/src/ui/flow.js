// The try-on flow inside a <tryon-widget>: photo, upload, generation, wait, result or failure.
import { format } from './strings.js';

const TERMINAL = ['completed', 'failed', 'timeout', 'error'];
const STYLE =
  '[part=panel]{margin-top:12px}[hidden]{display:none!important}progress{width:100%}' +
  '[part=result]{display:block;max-width:100%;height:auto;border-radius:var(--tryon-radius,6px)}';

function number(host, name, fallback, min) {
  const raw = host.getAttribute(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() && Number.isFinite(value) && value >= min) return value;
  console.warn(`<tryon-widget>: ignoring ${name}="${raw}"; using ${fallback}`);
  return fallback;
}

/** Build the panel once per widget; return its parts. */
function panel(host) {
  const body = host.shadowRoot.querySelector('[part=body]');
  if (!body.firstChild) {
    body.innerHTML = `<style>${STYLE}</style><div part="panel" hidden>
<input type="file" accept="image/jpeg,image/png,image/webp,image/heic,image/heif" hidden>
<p part="status" role="status" aria-live="polite"></p><progress part="progress" hidden></progress>
<img part="result" alt="" hidden><p part="error" hidden></p></div>`;
  }
  const $ = (selector) => body.querySelector(selector);
  return { root: $('[part=panel]'), input: $('input'), status: $('[part=status]'), progress: $('progress'),
    result: $('[part=result]'), error: $('[part=error]') };
}

class Session {
  constructor(host) {
    this.host = host;
    this.ui = panel(host);
    this.controller = null;
    this.ui.input.addEventListener('change', () => {
      const [file] = this.ui.input.files;
      this.ui.input.value = '';
      if (file) this.run(file);
    });
  }

  t(key) {
    return format(this.host.strings, key, { product: this.host.getAttribute('product-title') || '' });
  }

  abort() {
    this.controller?.abort(new DOMException('Try-on stopped', 'AbortError'));
    this.controller = null;
  }

  state(state, detail = {}) {
    this.host.setAttribute('state', state);
    this.emit('tryon-status', { state, ...detail });
  }

  emit(type, detail) {
    this.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  show({ status = '', progress = false, result = null, error = null }) {
    const ui = this.ui;
    ui.root.hidden = false;
    ui.status.textContent = status;
    ui.progress.hidden = !progress;
    ui.error.hidden = !error;
    ui.error.textContent = error ?? '';
    ui.result.hidden = !result;
    if (result) {
      ui.result.alt = this.t('result_alt');
      ui.result.src = result;
    }
  }

  open({ resume } = {}) {
    const id = this.host.getAttribute('generation-id');
    if (resume && id) this.follow(id);
    else this.ui.input.click();
  }

  /** Upload the photo and create a generation, then follow it. */
  async run(file) {
    const signal = this.restart();
    try {
      this.state('uploading');
      this.show({ status: this.t('uploading'), progress: true });
      const client = this.client();
      const { fileId } = await client.uploadPhoto(file, { signal });
      const { generationId } = await client.createGeneration({
        userImageId: fileId,
        productId: this.host.getAttribute('product-id'),
        variantId: this.host.getAttribute('variant-id') || undefined,
        signal,
      });
      this.host.setAttribute('generation-id', generationId);
      await this.wait(generationId, signal);
    } catch (error) {
      this.fail(error, signal);
    }
  }

  follow(id) {
    const signal = this.restart();
    this.wait(id, signal).catch((error) => this.fail(error, signal));
  }

  restart() {
    this.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  client() {
    return window.TryOn.createClient({ proxyPath: this.host.getAttribute('proxy-path') || undefined });
  }

  async wait(generationId, signal) {
    const done = await this.client().waitForGeneration(generationId, {
      signal,
      pollIntervalMs: number(this.host, 'poll-interval', 2000, 1),
      maxAttempts: Math.floor(number(this.host, 'max-attempts', 60, 1)),
      onStatus: (status) => {
        const state = status.status.toLowerCase();
        if (TERMINAL.includes(state)) return;
        this.state(state, { generationId, status });
        this.show({ status: this.t(state), progress: true });
      },
    });
    // Show the image only once it is decoded, never half drawn.
    const image = new Image();
    image.src = done.resultImageUrl;
    await image.decode().catch(() => {});
    signal.throwIfAborted();
    this.state('completed', { generationId, status: done });
    this.show({ status: this.t('completed'), result: done.resultImageUrl });
    this.emit('tryon-complete', done);
  }

  fail(error, signal) {
    if (signal.aborted) return;
    const state = { GenerationFailedError: 'failed', GenerationTimeoutError: 'timeout' }[error?.name] ?? 'error';
    this.state(state, { error });
    this.show({ error: this.t(state) });
    this.emit('tryon-fail', { state, error });
  }
}

/** Open (or reopen) the flow of one widget. */
export function open(host, options) {
  host._session ??= new Session(host);
  host._session.open(options);
}
