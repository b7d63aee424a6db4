// The waiting step: the stage in words (announced at changes only), a progress bar and the elapsed time.

// Genlook's documented typical duration is 10-60 s: the bar fills over a minute while PROCESSING.
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
    if (this.stage !== stage) flow.$('[data-status]').textContent = flow.t(stage);
    this.stage = stage;
    this.tick?.();
    // A stage change must not pull focus from the email field.
    flow.show('wait', flow.current != 'wait' && '[part=close]');
  }

  /** Transport trouble being retried: say the try-on is still being made, without blame. */
  retrying() {
    this.flow.$('[data-status]').textContent = this.flow.t('still_working');
    this.stage = 'retry';
  }

  /** Start the clock from the generation's real start (a resumed one continues where it was). */
  begin(startedAt) {
    const { flow } = this;
    const progress = flow.$('progress');
    progress.removeAttribute('value');
    // The bar is indeterminate until PROCESSING, then fills over the typical minute from the real start.
    this.tick = () => {
      const elapsed = Date.now() - startedAt;
      flow.$('[data-elapsed]').textContent = flow.t('elapsed', { seconds: Math.floor(elapsed / 1000) });
      if (this.stage === 'processing') progress.value = Math.min(0.95, elapsed / TYPICAL_MS);
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
