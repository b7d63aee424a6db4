"""The widget on the product page, driven from the button press to a result, on Playwright's clock."""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import COUNT_POLLS
from tests.support.storefront import RECORD_STATUSES
from tests.support.storefront import statuses_seen


def start_try_on(page: Page, photo) -> None:
    """Press the button, give consent, choose the photo, and start."""
    page.get_by_role("button", name="Try it on").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(photo)
    dialog.get_by_role("button", name="Create my try-on").click()


def test_widget_goes_from_press_to_result_and_stops_polling(page: Page, mock, photo) -> None:
    page.clock.install()
    page.goto("/")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.evaluate(RECORD_STATUSES)
    widget = page.locator("tryon-widget")
    expect(widget).to_have_attribute("state", "idle")

    start_try_on(page, photo)
    assert statuses_seen(page, 1) == ["PENDING"]
    expect(widget).to_have_attribute("state", "pending")
    gen_id = widget.get_attribute("generation-id")
    assert len(mock.status_polls(gen_id)) == 1

    page.clock.run_for(2000)
    assert statuses_seen(page, 2) == ["PENDING", "PROCESSING"]
    expect(widget).to_have_attribute("state", "processing")
    page.clock.run_for(2000)
    statuses_seen(page, 3)
    page.clock.run_for(2000)
    expect(widget).to_have_attribute("state", "completed")

    result = page.locator("tryon-widget [part=result]")
    expect(result).to_be_visible()
    expect(result).to_have_attribute("alt", "You wearing Linen Overshirt")
    assert result.evaluate("img => img.complete && img.naturalWidth > 0")
    assert len(mock.status_polls(gen_id)) == 4

    page.clock.run_for(60_000)
    assert len(mock.status_polls()) == 4, "a status request was made after COMPLETED"


def test_widget_shows_the_failure_and_stops(page: Page, mock, photo) -> None:
    mock.config(scenario="failed")
    page.add_init_script(COUNT_POLLS)
    page.clock.install()  # time flows as usual until the end, where the page's clock jumps ahead
    page.goto("/")
    page.locator("tryon-widget").evaluate("el => el.setAttribute('poll-interval', '20')")
    start_try_on(page, photo)
    widget = page.locator("tryon-widget")
    expect(widget).to_have_attribute("state", "failed")
    expect(page.locator("tryon-widget [data-error]")).to_have_text(
        "Something went wrong with your try-on. Please try again."
    )
    gen_id = widget.get_attribute("generation-id")
    assert len(mock.status_polls(gen_id)) == 3 and page.evaluate("window.polls") == 3
    # A minute of the page's time passes at once: no timer is left to start another poll.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.clock.run_for(60_000)
    assert page.evaluate("window.polls") == 3 and len(mock.status_polls()) == 3
