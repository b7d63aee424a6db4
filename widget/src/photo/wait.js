// The waiting step: the stage in words (announced at changes only), a progress bar and the elapsed time.

// Genlook documents 10-60 s as typical and gives up at 2 minutes: the bar fills over the first minute while
// PROCESSING; past it, the step says this one takes longer and the bar turns indeterminate (alive, not frozen).
const TYPICAL_MS = 60_000;

export class Wait {
  constructor(flow) {
    this.flow = flow;
    this.stage = null;
  }

  /** Show `stage` (uploading, pending, processing); focus moves only on arriving at the step. */
  enter(stage, detail) {
    const { flow } = this;
    flow.state(stage, detail);
    if (this.stage !== stage && !this.long) this.say(stage);
    this.stage = stage;
    this.tick?.();
    flow.show('wait', '[part=close]');
  }

  say(key) {
    this.flow.$('[data-status]').textContent = this.flow.t(key);
  }

  /**
   * Trouble being retried. Only a real network loss (offline, no answer) speaks of the connection; a 502, an HTML
   * page or a 429 from the server is the try-on still being made, and blames nobody.
   */
  retrying(error) {
    const offline = !navigator.onLine || error?.code === 'NETWORK_ERROR' || error?.code === 'TIMEOUT';
    this.say(offline ? 'still_offline' : 'still_working');
    this.stage = 'retry';
  }

  /** Start the clock from the generation's real start (a resumed one continues where it was). */
  begin(startedAt, photo) {
    const { flow } = this;
    const progress = flow.$('progress');
    const thumb = flow.$('[part=thumb]');
    thumb.hidden = !photo;
    if (photo) {
      thumb.src = photo;
      thumb.alt = flow.t('photo_alt');
    }
    progress.removeAttribute('value');
    this.long = false;
    this.tick = () => {
      const elapsed = Date.now() - startedAt;
      const seconds = Math.floor(elapsed / 1000);
      if (elapsed < TYPICAL_MS) {
        flow.$('[data-elapsed]').textContent = flow.t('elapsed', { seconds });
        if (this.stage === 'processing') progress.value = Math.min(0.95, elapsed / TYPICAL_MS);
        return;
      }
      flow.$('[data-elapsed]').textContent = flow.t('elapsed_of', { seconds });
      if (!this.long) {
        this.long = true;
        progress.removeAttribute('value');
        this.say('taking_longer');
      }
    };
    clearInterval(this.ticker);
    this.ticker = setInterval(this.tick, 1000);
    this.tick();
  }

  end() {
    clearInterval(this.ticker);
    this.stage = this.tick = null;
  }
}
