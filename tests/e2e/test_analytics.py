"""Issue 7: the widget:* analytics events, batched to /tracking/events, never in the shopper's way."""

from __future__ import annotations

import re
import tomllib
import uuid
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import open_dialog
from tests.support.storefront import try_on
from tests.support.storefront import widget

from .test_after_result import ERRORS

# The project's version (pyproject.toml), sent as genlook_lib_version.
VERSION = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())["project"]["version"]

JOURNEY = [
    "widget:button_click",
    "widget:image_upload",
    "widget:generation_start",
    "widget:result_view",
    "widget:share_clicked",
    "widget:download_clicked",
    "widget:add_to_cart_clicked",
    "widget:add_to_cart_success",
    "widget:email_collected",
]
CONTEXT_KEYS = {
    "$current_url",
    "$pathname",
    "$host",
    "$referrer",
    "$referring_domain",
    "$screen_width",
    "$screen_height",
    "$viewport_width",
    "$viewport_height",
    "$raw_user_agent",
    "$browser_language",
    "$timezone",
    "$session_id",
    "$pageview_id",
    "genlook_client_id",
    "genlook_widget_enabled",
    "genlook_product_id",
    "genlook_variant_id",
    "genlook_lib_version",
}
SHARE_STUB = "navigator.share = () => Promise.resolve();"


def whole_journey(page: Page, photo):
    """Every tracked action once: try on, share, download, add to cart, leave an email."""
    page.evaluate("el => el.setAttribute('email-capture', '')", widget(page).element_handle())
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    dialog.get_by_role("button", name="Share").click()
    with page.expect_download():
        dialog.get_by_role("button", name="Download").click()
    dialog.get_by_role("button", name="Add to cart").click()
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    dialog.get_by_role("textbox", name=re.compile("Your email")).fill("shopper@example.com")
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_text("Thank you!")).to_be_visible()
    return dialog


def test_the_journey_sends_the_documented_events_in_order(page: Page, mock, photo) -> None:
    page.add_init_script(SHARE_STUB)
    page.clock.install()
    page.goto("/")
    whole_journey(page, photo)
    page.clock.run_for(5000)  # the batch timer
    events = mock.wait_for_events(len(JOURNEY))
    assert [e["event"] for e in events] == JOURNEY
    assert len({e["$insert_id"] for e in events}) == len(events)
    generation_id = widget(page).get_attribute("generation-id")
    for event in events:
        datetime.fromisoformat(event["timestamp"].replace("Z", "+00:00"))
        assert event["properties"]["product_id"] == "gid://shopify/Product/8001"
        assert event["properties"]["variant_id"] == "gid://shopify/ProductVariant/9001"
        if event["event"] not in JOURNEY[:3] and event["event"] != "widget:email_collected":
            assert event["properties"]["generation_id"] == generation_id, event
    by_name = {e["event"]: e for e in events}
    assert by_name["widget:generation_start"]["properties"]["generation_id"] == generation_id
    assert by_name["widget:image_upload"]["properties"]["file_size"] > 0
    # Consent is recorded; the address itself never goes to analytics.
    assert by_name["widget:email_collected"]["properties"]["marketing_consent"] is False
    assert "shopper@example.com" not in str(events)
    batches = mock.batches()
    assert all(1 <= len(b["events"]) <= 50 for b in batches)
    context = batches[-1]["context"]
    assert set(context) == CONTEXT_KEYS
    assert uuid.UUID(context["genlook_client_id"]).version == 4
    assert context["$host"] == page.evaluate("location.host") and context["$pathname"] == "/"
    assert context["genlook_product_id"] == "gid://shopify/Product/8001"
    assert context["genlook_lib_version"] == VERSION and context["genlook_widget_enabled"] is True
    # One client id per browser and one session id per tab, across page loads.
    assert len({b["context"]["genlook_client_id"] for b in batches}) == 1
    assert len({b["context"]["$session_id"] for b in batches}) == 1


def test_events_go_in_batches_of_at_most_fifty(page: Page, mock) -> None:
    page.clock.install()
    page.goto("/")
    open_dialog(page)
    # 119 more presses, each a widget:button_click (the open dialog just stays open).
    widget(page).evaluate("async (el) => { for (let n = 0; n < 119; n++) await el.open(); }")
    # Two full batches leave at once; the rest waits for the timer.
    mock.wait_for_events(100)
    assert len(mock.batches()) == 2
    page.clock.run_for(5000)
    events = mock.wait_for_events(120)
    batches = [b["events"] for b in mock.batches()]
    assert sorted(len(b) for b in batches[:2]) == [50, 50] and len(batches[2]) == 20 and len(events) == 120
    assert {e["event"] for e in events} == {"widget:button_click"}
    assert len({e["$insert_id"] for e in events}) == 120, "each event once"


def test_queued_events_are_sent_by_beacon_when_the_page_is_left(page: Page, mock) -> None:
    page.clock.install()
    page.goto("/")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # the batch timer never fires
    open_dialog(page)
    page.keyboard.press("Escape")
    open_dialog(page)
    assert mock.tracked() == []
    page.goto("about:blank")
    events = mock.wait_for_events(2)
    assert [e["event"] for e in events] == ["widget:button_click", "widget:button_click"]


def test_hiding_the_page_flushes_the_queue(page: Page, mock) -> None:
    page.clock.install()
    page.goto("/")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    open_dialog(page)
    page.evaluate("""() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
                             document.dispatchEvent(new Event('visibilitychange')); }""")
    assert [e["event"] for e in mock.wait_for_events(1)] == ["widget:button_click"]


def test_analytics_failures_never_reach_the_shopper(page: Page, mock, photo) -> None:
    page.add_init_script(ERRORS + SHARE_STUB)
    mock.config(faults={"/apps/proxy_genlook-x/public/tracking/events": 500})
    page.clock.install()
    page.goto("/")
    dialog = whole_journey(page, photo)
    page.clock.run_for(5000)
    mock.wait_for_requests(1, "/tracking/events")
    expect(widget(page)).to_have_attribute("state", "completed")
    assert [t for t in dialog.locator("[role=alert]:visible").all_text_contents() if t.strip()] == []
    assert page.evaluate("window.errors") == []
    assert mock.tracked() == []


def test_no_analytics_attribute_sends_nothing(page: Page, mock, photo) -> None:
    page.add_init_script(SHARE_STUB)
    page.clock.install()
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('no-analytics', '')")
    whole_journey(page, photo)
    page.clock.run_for(5000)
    page.goto("about:blank")
    assert mock.requests("/tracking/events") == []


def test_shopify_customer_privacy_refusal_sends_nothing(page: Page, mock, photo) -> None:
    page.add_init_script(
        SHARE_STUB + "window.Shopify = { customerPrivacy: { analyticsProcessingAllowed: () => false } };"
    )
    page.clock.install()
    page.goto("/")
    whole_journey(page, photo)
    page.clock.run_for(5000)
    page.goto("about:blank")
    assert mock.requests("/tracking/events") == []
    assert mock.requests("/cart/add.js", "POST"), "the journey itself went on"
