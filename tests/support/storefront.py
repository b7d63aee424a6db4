"""Driving the storefront widget like a shopper: open it, give a photo, start a try-on (tests and benchmarks)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import expect

from .waiting import wait_for

SHOTS = Path(__file__).resolve().parents[2] / "test-results" / "states"


def widget(page: Page, index: int = 0):
    return page.locator("tryon-widget").nth(index)


def open_dialog(page: Page, index: int = 0, element=None):
    """Press the button of the index-th widget of the page (or of `element`, a widget locator: in a frame)."""
    element = element or widget(page, index)
    element.locator("[part=button]").click()
    dialog = element.locator("dialog[part=dialog]")
    expect(dialog).to_be_visible()
    return dialog


def give_photo(page: Page, path, index: int = 0, consent: bool = True, element=None):
    dialog = open_dialog(page, index, element)
    if consent:
        dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(path)
    expect(dialog.locator("[part=preview]")).to_be_visible()
    return dialog


def try_on(page: Page, path, index: int = 0, interval: int = 20, element=None):
    """The whole journey up to the press of "Create my try-on"; polls every `interval` ms."""
    (element or widget(page, index)).evaluate("(el, ms) => el.setAttribute('poll-interval', String(ms))", interval)
    dialog = give_photo(page, path, index, element=element)
    dialog.get_by_role("button", name="Create my try-on").click()
    return dialog


def shoot(page: Page, name: str) -> None:
    """Save a screenshot for people to look at (test-results/states/)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


# Counts the status polls a page starts, as they start (fetch is called synchronously when a timer fires).
# `window.polled` keeps each poll's URL, to count one generation's.
COUNT_POLLS = """window.polls = 0; window.polled = []; const realFetch = window.fetch;
  window.fetch = (input, init) => { const url = String(input.url || input);
    if (url.includes('/generation/')) { window.polls += 1; window.polled.push(url); }
    return realFetch(input, init); };"""


# Collects each polled status the widgets announce; the next poll's timer is set right after.
RECORD_STATUSES = """() => { window.seen = [];
  document.addEventListener('tryon-status', (e) => e.detail.status && window.seen.push(e.detail.status.status)); }"""


def statuses_seen(page: Page, count: int) -> list:
    """Wait until `count` polled statuses were announced; return them."""
    wait_for(lambda: page.evaluate(f"window.seen.length >= {count}"), 5, f"{count} statuses")
    return page.evaluate("window.seen")
