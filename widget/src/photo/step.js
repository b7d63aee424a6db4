// The photo step: consent, choose, take or drop a photo, see what will be sent.
import { load, PHOTO_KEY, save } from '../storage.js';
import { adopt } from '../styles.js';
import { megabytes, preparePhoto } from './prepare.js';

// The photo step's own styles, adopted with it (the dialog's stylesheet has the shared ones).
const CSS =
  '[part=drop]{border:2px dashed #767676;border-radius:var(--tryon-radius,6px);padding:12px;text-align:center;margin:12px 0}' +
  '[part=drop].over{border-color:var(--a)}[part=preview]{max-height:200px}' +
  // A camera button only where a camera capture is offered; the drop hint only where there is a mouse.
  '@media not (pointer:coarse){[data-act=take]{display:none}}@media not (pointer:fine){[data-hint=drop]{display:none}}';

/**
 * The flow gives t(), state(), show(), $, $$; the step keeps the flow's `upload` (this session's uploaded photo,
 * {fileId, preview}, cached in sessionStorage for the next pages) and offers show(), clear(), keep(upload), gone()
 * and `chosen`, the prepared photo not yet uploaded ({blob, preview}).
 */
export class PhotoStep {
  constructor(flow) {
    this.flow = flow;
    this.chosen = null;
    const cached = load('sessionStorage', PHOTO_KEY);
    flow.upload = typeof cached?.fileId == 'string' && cached.fileId ? cached : null;
    adopt(flow.host.shadowRoot, CSS);
    const { $ } = flow;
    this.consent = $('[data-consent]');
    this.consent.onchange = () => {
      this.refresh();
      // A photo given before the tick was kept: use it now.
      if (this.consent.checked && this.held) this.pick(this.held);
    };
    for (const input of flow.$$('input[type=file]')) {
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

  /** Show the step: consent is already given when a photo from earlier is there to reuse. */
  show() {
    const { flow } = this;
    const uploaded = flow.upload;
    flow.state('consent');
    this.consent.checked ||= !!uploaded;
    flow.$('[data-photo-error]').hidden = true;
    if (this.chosen)
      this.preview(this.chosen.preview, flow.t('photo_size', { size: megabytes(this.chosen.blob.size) }));
    else this.preview(uploaded?.preview, uploaded ? flow.t('saved_photo') : '');
    flow.show('photo', this.consent.checked ? '[data-act=start]' : '[data-consent]');
  }

  preview(src, note) {
    const image = this.flow.$('[part=preview]');
    image.hidden = !src;
    if (src) image.src = src;
    image.alt = this.flow.t('photo_alt');
    this.flow.$('[data-note]').textContent = note;
    this.refresh();
  }

  refresh() {
    const { $ } = this.flow;
    const consent = this.consent.checked;
    const photo = this.chosen || this.flow.upload;
    for (const act of ['choose', 'take']) $(`[data-act=${act}]`).disabled = !consent;
    $('[data-act=start]').disabled = !(consent && photo);
    $('[data-act=different]').hidden = !photo;
  }

  async pick(file) {
    const { flow } = this;
    const needed = flow.$('[data-consent-needed]');
    if (!this.consent.checked) {
      // Dropped before consent: keep the photo and ask for the tick.
      this.held = file;
      needed.textContent = flow.t('consent_needed');
      needed.hidden = false;
      return this.consent.focus();
    }
    this.held = null;
    needed.hidden = true;
    const error = flow.$('[data-photo-error]');
    try {
      this.chosen = await preparePhoto(file);
      error.hidden = true;
      this.preview(this.chosen.preview, flow.t('photo_size', { size: megabytes(this.chosen.blob.size) }));
      flow.$('[data-act=start]').focus();
    } catch {
      error.hidden = false;
      error.textContent = flow.t('error_file');
    }
  }

  /** The chosen photo is uploaded: it is this session's photo now (no upload for the next product). */
  keep(upload) {
    this.chosen = null;
    save('sessionStorage', PHOTO_KEY, (this.flow.upload = upload));
  }

  /** Forget the chosen and the uploaded photo. */
  clear() {
    this.chosen = null;
    save('sessionStorage', PHOTO_KEY, (this.flow.upload = null));
    this.preview(null, '');
  }

  /** The service no longer has the uploaded photo: ask for one again, saying why. */
  gone() {
    this.clear();
    this.show();
    const error = this.flow.$('[data-photo-error]');
    error.hidden = false;
    error.textContent = this.flow.t('photo_again');
  }
}
