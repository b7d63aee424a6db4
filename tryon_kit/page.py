"""The `tryon` page object: one <tryon-widget> of a page, driven the way a shopper uses it."""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .photo import portrait_jpeg

# The states a try-on ends in (the element's `state` attribute; docs/widget.md, "State").
FINAL_STATES = ("completed", "failed", "timeout", "error", "unavailable")
# How long a step's control may take to appear (the dialog's code loads on the first press).
STEP_MS = 10_000
WAIT_FOR_STATE = """([element, states]) => states.includes(element.getAttribute('state') || 'idle')"""
# How long a loaded page may go on without the widget, or with it undefined, before that is reported.
GRACE_MS = 1_500
# The widget on the page and defined, or the page loaded (then the kit judges what is missing).
READY = """(selector) => {
  const element = document.querySelector(selector);
  if (element && customElements.get('tryon-widget')) return 'ready';
  return document.readyState === 'complete' ? (element ? 'undefined' : 'missing') : 'loading';
}"""
# Resolves once READY's answer is no longer the one seen.
READY_OR_STUCK = f"([selector, seen]) => ({READY})(selector) !== seen"
# The widget's own files, by name (a CDN may add ?v=...).
WIDGET_FILE = re.compile(r"/tryon-[a-zA-Z-]+\.js(\?|$)")
REFUSED_SCRIPT = re.compile(r"Refused to load the script '([^']+)'")
REFUSED = "{} was refused by the page's Content-Security-Policy"


# Shopify's storefront password form, and the page past it (neither the /password URL nor the form).
PASSWORD_FIELD = "form[action$='/password'] input[type=password]"
PAST_PASSWORD = "(field) => !location.pathname.includes('/password') && !document.querySelector(field)"


class TryOnError(AssertionError):
    """What the page lacks for the step asked (no widget, no script, no control), in words."""


class State(str):
    """A widget state that says, in a failed assertion, what the dialog said (`'failed' (the dialog says: ...)`)."""

    reason: str = ""

    def __new__(cls, state: str, reason: str = "") -> State:
        made = super().__new__(cls, state)
        made.reason = reason
        return made

    def __repr__(self) -> str:
        return f"{str.__repr__(self)} (the dialog says: {self.reason})" if self.reason else str.__repr__(self)


class TryOn:
    """Drive a <tryon-widget>: open(), consent(), choose_photo(), create(), wait_for(...), or run() for all."""

    def __init__(
        self,
        page: Page,
        mock=None,
        selector: str = "tryon-widget",
        poll_interval: int = 100,
        store_url: str | None = None,
        store_password: str | None = None,
    ):
        self.page = page
        self.mock = mock
        self.selector = selector
        self.poll_interval = poll_interval
        self.store_url = store_url
        self.store_password = store_password
        # The widget's files that failed to load, in words (seen from the first page on, so _ready() can name them).
        self.script_failures: list[str] = []
        page.on("response", self._saw_response)
        page.on("requestfailed", self._saw_failure)
        page.on("console", self._saw_console)

    def widget(self, selector: str) -> TryOn:
        """The same driver for another widget of the page (a CSS selector for it)."""
        other = TryOn.__new__(TryOn)
        other.__dict__.update(self.__dict__, selector=selector)
        return other

    def _saw_response(self, response) -> None:
        if response.status >= 400 and WIDGET_FILE.search(response.url):
            self.script_failures.append(f"{response.url} answered HTTP {response.status}")

    def _saw_failure(self, request) -> None:
        if WIDGET_FILE.search(request.url):
            failure = request.failure or ""
            if failure == "csp" or "BLOCKED_BY_CSP" in failure:  # Chromium's two words for it
                self.script_failures.append(REFUSED.format(request.url))
            else:
                self.script_failures.append(f"{request.url} failed ({failure})")

    def _saw_console(self, message) -> None:
        refused = REFUSED_SCRIPT.search(message.text)
        if refused and WIDGET_FILE.search(refused.group(1)):
            self.script_failures.append(REFUSED.format(refused.group(1)))

    @property
    def element(self) -> Locator:
        return self.page.locator(self.selector).first

    @property
    def dialog(self) -> Locator:
        # The widget's own dialog (in its shadow root), not the page's loading dialog next to its button.
        return self.element.locator("dialog[part=dialog]")

    @property
    def state(self) -> str:
        """The widget's state (docs/widget.md, "State"): idle, consent, uploading, pending, processing, completed..."""
        return self.element.get_attribute("state") or "idle"

    @property
    def result_src(self) -> str | None:
        """The URL of the try-on image on screen, or None."""
        result = self.dialog.locator("[part=result]")
        return result.get_attribute("src") if result.count() and result.is_visible() else None

    @property
    def failure_text(self) -> str:
        """What the dialog says went wrong (its visible alert), or "" when it says nothing."""
        alerts = self.dialog.locator("[role=alert]:visible")
        return " ".join(text.strip() for text in alerts.all_inner_texts() if text.strip())

    # -- the steps

    def open(self) -> TryOn:
        """Press the widget's button; the dialog opens."""
        self._ready()
        if self.poll_interval:
            self.element.evaluate("(el, ms) => el.setAttribute('poll-interval', String(ms))", self.poll_interval)
        self.element.locator("[part=button]").click()
        self._control(self.dialog, "dialog")
        return self

    def consent(self) -> TryOn:
        """Tick the photo consent box."""
        self._control(self.dialog.get_by_role("checkbox"), "consent checkbox").check()
        return self

    def choose_photo(self, path: str | Path | None = None) -> TryOn:
        """Choose a photo through the file chooser: `path`, or a generated JPEG portrait."""
        button = self._control(self.dialog.locator("[data-act=choose]"), '"Choose a photo" button')
        with self.page.expect_file_chooser() as chooser:
            button.click()
        files = str(path) if path else {"name": "me.jpg", "mimeType": "image/jpeg", "buffer": portrait_jpeg()}
        chooser.value.set_files(files)
        self._control(self.dialog.locator("[part=preview]"), "photo preview")
        return self

    def create(self) -> TryOn:
        """Press "Create my try-on"."""
        button = self._control(self.dialog.locator("[data-act=start]"), '"Create my try-on" button')
        button.click()
        return self

    def keep_waiting(self) -> TryOn:
        """Press "Keep waiting" after a timeout."""
        self._control(self.dialog.locator("[data-act=keep]"), '"Keep waiting" button').click()
        return self

    def retry(self) -> TryOn:
        """Press "Try again" after a failure or an error."""
        self._control(self.dialog.locator("[data-act=retry]"), '"Try again" button').click()
        return self

    def close(self) -> TryOn:
        """Close the dialog."""
        self._control(self.dialog.locator("[part=close]"), "close button").click()
        self.dialog.wait_for(state="hidden", timeout=STEP_MS)
        return self

    def wait_for(self, *states: str, timeout: float = 30_000) -> str:
        """Wait until the widget's state is one of `states` (any final state when none given); return it."""
        states = states or FINAL_STATES
        try:
            self.page.wait_for_function(
                WAIT_FOR_STATE, arg=[self.element.element_handle(), list(states)], timeout=timeout, polling=50
            )
        except PlaywrightTimeoutError:
            raise TryOnError(
                f"the widget stayed {self.state!r} for {timeout / 1000:g} s, never "
                f"{' or '.join(states)}; the dialog says: {self.failure_text or 'nothing'}"
            ) from None
        return State(self.state, self.failure_text)

    def advance(self, ms: int) -> TryOn:
        """Move time forward by `ms` on both sides in one call: the mock's clock (timed timeline steps, expiries) and
        the page's (Playwright's clock; call page.clock.install() before page.goto() so the widget's timers are on
        it). The page's clock jumps, as after a sleeping laptop: each timer due meanwhile fires once, at the end."""
        if self.mock is not None:
            self.mock.advance(ms)
        self.page.clock.fast_forward(ms)
        return self

    def run(
        self, scenario: str | None = "success", photo: str | Path | None = None, timeline: list[dict] | None = None
    ) -> State:
        """The whole journey (the scenario, or a `timeline` of steps, set on the mock; open, consent, photo, create);
        returns the final state, whose repr carries what the dialog said."""
        if self.mock is not None and timeline is not None:
            self.mock.config(timeline=timeline)
        elif scenario and self.mock is not None:
            self.mock.scenario(scenario)
        self.open()
        # The photo step, or no step at all: the store cannot generate, or a try-on of this session resumes.
        if self.wait_for("consent", "pending", "processing", *FINAL_STATES, timeout=STEP_MS) != "consent":
            return self.wait_for(*FINAL_STATES)
        self.consent()
        self.choose_photo(photo)
        self.create()
        return self.wait_for(*FINAL_STATES)

    def goto_product(self, handle: str | None = None) -> TryOn:
        """Open a product page of the store (--base-url, or --tryon-store-url): its first product when no handle is
        given, through the development store's password page when --tryon-store-password is set."""
        if not self.store_url:
            raise TryOnError("goto_product needs the store: run pytest with --base-url https://your-store")
        store = self.store_url.rstrip("/")
        self.page.goto(store + "/")
        field = self.page.locator(PASSWORD_FIELD).first
        if "/password" in self.page.url or field.count():
            if not self.store_password:
                raise TryOnError(f"{store} asks for its storefront password: pass --tryon-store-password")
            field.fill(self.store_password)
            field.press("Enter")
            try:
                # Checked in the page (a sync call such as count() inside a wait_for_url predicate deadlocks).
                self.page.wait_for_function(PAST_PASSWORD, arg=PASSWORD_FIELD, timeout=STEP_MS)
            except PlaywrightTimeoutError:
                raise TryOnError(f"{store} refused the storefront password given") from None
        if handle is None:
            products = self.page.evaluate(
                "fetch('/products.json?limit=1').then((r) => (r.ok ? r.json() : {}), () => ({}))"
            )
            if not products.get("products"):
                raise TryOnError(f"{store}/products.json lists no product; pass a handle to goto_product()")
            handle = products["products"][0]["handle"]
        self.page.goto(f"{store}/products/{handle}")
        return self

    # -- checks with words

    def _ready(self) -> None:
        """The widget is on the page and defined; else, soon after the page has loaded, a TryOnError naming what is
        missing (the element, or the script, with the URL that failed when the page saw one fail)."""
        deadline = time.monotonic() + STEP_MS / 1000
        seen, since = "", time.monotonic()
        while True:
            found = self.page.evaluate(READY, self.selector)
            if found == "ready":
                return
            if self.script_failures:
                raise TryOnError(
                    f"{self.selector} cannot start on {self.page.url}: {'; '.join(dict.fromkeys(self.script_failures))}"
                )
            if found != seen:
                seen, since = found, time.monotonic()
            waited = time.monotonic() - since
            if found != "loading" and waited >= GRACE_MS / 1000 or time.monotonic() >= deadline:
                break
            try:  # until the answer changes (or a moment passes, to look at the failures seen meanwhile)
                self.page.wait_for_function(READY_OR_STUCK, arg=[self.selector, found], timeout=250, polling=50)
            except PlaywrightTimeoutError:
                pass
        if seen == "loading":
            raise TryOnError(
                f"{self.page.url} was still loading after {STEP_MS / 1000:g} s, with no {self.selector} defined"
            )
        if seen == "undefined":
            raise TryOnError(
                f"{self.selector} is on {self.page.url}, but tryon-widget.js never defined it: "
                "the script is not on the page, or did not run (a Content-Security-Policy, a blocked request?)"
            )
        raise TryOnError(
            f"no {self.selector} on {self.page.url}: is the app block or embed on this template? "
            "(tryon_mock.inject_widget(page, product_id=...) adds one)"
        )

    def _control(self, locator: Locator, what: str) -> Locator:
        try:
            locator.first.wait_for(state="visible", timeout=STEP_MS)
        except (PlaywrightTimeoutError, PlaywrightError):
            raise TryOnError(
                f"no {what} in the try-on (state {self.state!r}); the dialog says: {self.failure_text or 'nothing'}"
            ) from None
        return locator.first
