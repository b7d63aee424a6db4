"""The `tryon` page object: one <tryon-widget> of a page, driven the way a shopper uses it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .photo import portrait_jpeg

# The states a try-on ends in (the element's `state` attribute; README, "State").
FINAL_STATES = ("completed", "failed", "timeout", "error", "unavailable")
# How long a step's control may take to appear (the dialog's code loads on the first press).
STEP_MS = 10_000
WAIT_FOR_STATE = """([element, states]) => states.includes(element.getAttribute('state') || 'idle')"""


# Shopify's storefront password form, and the page past it (neither the /password URL nor the form).
PASSWORD_FIELD = "form[action$='/password'] input[type=password]"
PAST_PASSWORD = "(field) => !location.pathname.includes('/password') && !document.querySelector(field)"


class TryOnError(AssertionError):
    """What the page lacks for the step asked (no widget, no script, no control), in words."""


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

    def widget(self, selector: str) -> TryOn:
        """The same driver for another widget of the page (a CSS selector for it)."""
        return TryOn(self.page, self.mock, selector, self.poll_interval, self.store_url, self.store_password)

    @property
    def element(self) -> Locator:
        return self.page.locator(self.selector).first

    @property
    def dialog(self) -> Locator:
        # The widget's own dialog (in its shadow root), not the page's loading dialog next to its button.
        return self.element.locator("dialog[part=dialog]")

    @property
    def state(self) -> str:
        """The widget's state (README, "State"): idle, consent, uploading, pending, processing, completed, ..."""
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
        return self.state

    def run(self, scenario: str | None = "success", photo: str | Path | None = None) -> str:
        """The whole journey (scenario set on the mock, open, consent, photo, create); returns the final state."""
        if scenario and self.mock is not None:
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
        try:
            self.page.locator(self.selector).first.wait_for(state="attached", timeout=STEP_MS)
        except PlaywrightTimeoutError:
            raise TryOnError(
                f"no {self.selector} on {self.page.url}: is the app block or embed on this template? "
                "(tryon_mock.inject_widget(page, product_id=...) adds one)"
            ) from None
        try:
            self.page.wait_for_function("() => !!customElements.get('tryon-widget')", timeout=STEP_MS)
        except PlaywrightTimeoutError:
            raise TryOnError(
                f"{self.selector} is on {self.page.url}, but tryon-widget.js never defined it: "
                "the script did not load (a 404, a Content-Security-Policy, a blocked request?)"
            ) from None

    def _control(self, locator: Locator, what: str) -> Locator:
        try:
            locator.first.wait_for(state="visible", timeout=STEP_MS)
        except (PlaywrightTimeoutError, PlaywrightError):
            raise TryOnError(
                f"no {what} in the try-on (state {self.state!r}); the dialog says: {self.failure_text or 'nothing'}"
            ) from None
        return locator.first
