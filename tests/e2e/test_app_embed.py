"""The app embed (blocks/tryon-embed.liquid + tryon-embed.js) on the product page and in the preview."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import try_on
from tests.support.storefront import widget


def test_embed_after_the_product_form_runs_the_whole_try_on(page: Page, mock, photo) -> None:
    page.goto("/?embed=after")
    expect(page.locator("tryon-widget")).to_have_count(1)
    placed = page.locator("[data-product-form] + style + tryon-widget")
    expect(placed).to_have_attribute("state", "idle")
    assert placed.get_attribute("data-floating") is None
    # The element came from the embed's own script, which loaded tryon-widget.js next to it.
    assert [r["path"] for r in mock.requests("/assets/tryon-")][:2] == [
        "/assets/tryon-embed.js",
        "/assets/tryon-widget.js",
    ]
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed", timeout=15_000)
    expect(dialog.locator("[part=result]")).to_be_visible()


def test_floating_embed_stays_in_its_corner_on_a_phone(page: Page, mock) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/preview/frame?embed=floating&position=bottom_left")
    button = widget(page).locator("[part=button]")
    expect(button).to_be_visible()
    assert widget(page).get_attribute("data-floating") == ""
    for scroll in (0, 2000):
        page.evaluate("(y) => scrollTo(0, y)", scroll)
        box = widget(page).bounding_box()
        assert box["x"] == 16 and abs(box["y"] + box["height"] - (640 - 16)) <= 1, box
        assert box["x"] + box["width"] <= 320 - 16
    # Filled: it sits over the page's content, so it does not take the page's background.
    assert button.evaluate("(b) => getComputedStyle(b).backgroundColor") == "rgb(29, 29, 31)"
    button.click()
    expect(widget(page).locator("dialog[part=dialog]")).to_be_visible()


def test_a_selector_that_finds_nothing_floats_and_says_why(page: Page, mock) -> None:
    warnings, errors = [], []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    page.on("pageerror", lambda error: errors.append(error))
    for selector in (".no-such-form", "a:nope"):
        page.goto("/preview/frame?embed=after&after_selector=" + selector)
        expect(widget(page).locator("[part=button]")).to_be_visible()
        assert widget(page).get_attribute("data-floating") == ""
    assert [w for w in warnings if "app embed setting" in w] == [
        '<tryon-widget>: no element matches ".no-such-form" (app embed setting); the button floats.',
        '<tryon-widget>: no element matches "a:nope" (app embed setting); the button floats.',
    ]
    assert errors == []


@pytest.mark.parametrize("selector", ["html", "head", "head > title", "head > style", "script", "option", "body"])
def test_a_selector_where_no_button_can_show_floats_and_says_why(page: Page, mock, selector) -> None:
    """Issue 24: `html` threw and left no widget; `head > title`, `script`, `option` placed it where it cannot show."""
    warnings, errors = [], []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    page.on("pageerror", lambda error: errors.append(error))
    page.goto("/preview/frame?embed=after&after_selector=" + quote(selector))
    button = widget(page).locator("[part=button]")
    expect(button).to_be_visible()
    assert widget(page).get_attribute("data-floating") == ""
    assert page.evaluate("document.body.contains(document.querySelector('tryon-widget'))")
    box = button.bounding_box()
    assert box["width"] > 40 and box["height"] >= 44
    assert [w for w in warnings if "app embed setting" in w] == [
        f'<tryon-widget>: "{selector}" (app embed setting) matches no place where a button can show; the button floats.'
    ]
    assert errors == []


def test_embed_stands_back_when_the_app_block_is_on_the_page(page: Page, mock) -> None:
    page.goto("/?embed=floating&block=on")
    expect(page.locator("[data-block] tryon-widget")).to_have_attribute("state", "idle")
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelectorAll('tryon-widget').length") == 1, "one widget per product"
    assert page.evaluate("document.querySelectorAll('script[src$=\"tryon-widget.js\"]').length") == 1
    assert page.locator("template[data-tryon-embed]").count() == 1


def test_preview_switches_between_block_and_embed(page: Page, mock) -> None:
    page.goto("/preview/")
    panel = page.locator("[data-settings]")
    frame = page.frame_locator("[data-frame]")
    expect(frame.locator("[data-block] tryon-widget")).to_have_count(1)
    expect(panel.locator("[data-embed-settings]")).to_be_hidden()
    panel.locator("[name=embed]").select_option("floating")
    expect(panel.locator("[data-embed-settings]")).to_be_visible()
    expect(frame.locator("tryon-widget[data-floating]")).to_have_count(1)
    expect(frame.locator("[data-block] tryon-widget")).to_have_count(0)
    panel.locator("[name=embed]").select_option("after")
    expect(frame.locator("[data-product-form] + style + tryon-widget:not([data-floating])")).to_have_count(1)
    # The embed's own setting reloads the page with it; a shared setting reaches the embed's widget too.
    panel.locator("[name=after_selector]").fill("h1")
    panel.locator("[name=after_selector]").dispatch_event("change")
    expect(frame.locator("h1 + style + tryon-widget")).to_have_count(1)
    panel.locator("[name=label]").fill("See it on you")
    panel.locator("[name=label]").dispatch_event("change")
    expect(frame.locator("h1 + style + tryon-widget [part=button]")).to_have_text("See it on you")
    panel.locator("[name=embed]").select_option("")
    expect(frame.locator("[data-block] tryon-widget")).to_have_count(1)
    expect(panel.locator("[data-embed-settings]")).to_be_hidden()
