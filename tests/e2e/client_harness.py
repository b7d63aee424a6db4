"""Drive window.TryOn in the page: start a wait, record statuses and retries, read the outcome."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.support.waiting import wait_for

# Starts client.waitForGeneration in the page; records events and the outcome on window.
START = """([id, options, config]) => {
  window.events = []; window.outcome = null; window.sent = 0;
  const fetchCounting = (...args) => { window.sent += 1; return fetch(...args); };
  const client = TryOn.createClient({ fetch: fetchCounting, ...config });
  window.controller = new AbortController();
  if (options.abortFirst) window.controller.abort(new Error('stopped before start'));
  const { abortFirst, ...rest } = options;
  client.waitForGeneration(id, {
    ...rest,
    signal: window.controller.signal,
    onStatus: (s) => window.events.push(s.status),
    onRetry: (e) => window.events.push('retry:' + (e.status >= 400 ? e.status : e.code)),
  }).then(
    (value) => { window.outcome = { ok: true, value }; },
    (e) => { window.outcome = { ok: false, name: e.name, message: e.message, code: e.code ?? null,
                                status: e.status ?? null, attempts: e.attempts ?? null, isTryOn: e instanceof TryOn.TryOnError }; },
  );
}"""


def wait_until(page: Page, expression: str, timeout: float = 5.0):
    """Poll the page from Python (the page's own timers may be paused by the clock)."""
    return wait_for(
        lambda: page.evaluate(expression), timeout, lambda: f"{expression}; events={page.evaluate('window.events')}"
    )


def start(page: Page, generation_id: str, options: dict | None = None, config: dict | None = None) -> None:
    page.evaluate(START, [generation_id, options or {}, config or {}])


def events(page: Page, count: int) -> list:
    """Wait until `count` statuses/retries were seen (the next timer is then scheduled) and return them."""
    wait_until(page, f"window.events.length >= {count} || window.outcome")
    return page.evaluate("window.events")


def outcome(page: Page) -> dict:
    return wait_until(page, "window.outcome")
