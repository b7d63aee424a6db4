"""Issue 21: the widget in the store's own theme, on Dawn-like and Horizon-like product pages (our fixtures following
each theme's contract: docs/contract.md). The variant the shopper picks is the one tried on and bought, the theme's
own cart hears the dialog's add, and the button takes the theme's shape."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import COUNT_POLLS
from tests.support.storefront import try_on
from tests.support.storefront import widget

THEMES = ("dawn", "horizon")
WIDTHS = (360, 1280)
VARIANT = "gid://shopify/ProductVariant/"


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def width(request, page: Page) -> int:
    page.set_viewport_size({"width": request.param, "height": 900})
    return request.param


def pick(page: Page, title: str) -> None:
    """The shopper picks a variant with the theme's own picker (radio buttons, as both themes' pickers are)."""
    page.get_by_text(title, exact=True).click()


def created_variant(mock) -> str:
    """The variantId of the one generation the widget created (what POST /fitting-room carried)."""
    (job,) = mock.state.jobs.values()
    return job.variant_id


def wait_for_confirmation_focus(page: Page) -> None:
    """Until focus is in the theme's cart confirmation (Dawn's notification, Horizon's drawer)."""
    page.wait_for_function("document.activeElement?.closest('#cart-notification, .cart-drawer__dialog')")


def cart_lines(page: Page) -> list:
    cart = page.evaluate("fetch('/cart.js').then((r) => r.json())")
    return [(item["variant_id"], item["quantity"]) for item in cart["items"]]


@pytest.mark.parametrize("theme", THEMES)
def test_the_try_on_is_made_and_bought_for_the_variant_the_shopper_picked(page: Page, mock, photo, theme, width):
    page.goto(f"/themes/{theme}/")
    pick(page, "Terracotta / M")
    # Each theme updates its form in its own way (Horizon: after its section request, with no change event).
    expect(page).to_have_url(re.compile(r"\?variant=9002$"))
    expect(page.locator("form[action='/cart/add'] [name=id]").first).to_have_value("9002")
    dialog = try_on(page, photo)
    expect(dialog.locator("[part=product]")).to_have_attribute("src", "/_storage/products/9002.png?width=480")
    expect(widget(page)).to_have_attribute("state", "completed")
    assert created_variant(mock) == VARIANT + "9002"
    dialog.get_by_role("button", name="Add to cart").click()
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    assert cart_lines(page) == [(9002, 1)]


@pytest.mark.parametrize("theme", THEMES)
def test_a_page_opened_at_a_variant_tries_that_variant_on(page: Page, mock, photo, theme):
    page.goto(f"/themes/{theme}/?variant=9002")
    expect(widget(page)).to_have_attribute("product-image", "/_storage/products/9002.png?width=480")
    dialog = try_on(page, photo)
    expect(dialog.locator("[part=product]")).to_have_attribute("src", "/_storage/products/9002.png?width=480")
    expect(widget(page)).to_have_attribute("state", "completed")
    assert created_variant(mock) == VARIANT + "9002"


@pytest.mark.parametrize("theme", THEMES)
def test_a_try_on_belongs_to_its_variant_and_is_shown_again_on_it(page: Page, mock, photo, theme):
    page.goto(f"/themes/{theme}/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    first = widget(page).get_attribute("generation-id")
    dialog.get_by_role("button", name="Close").click()
    # Another variant with another picture: the button offers a new try-on for it.
    pick(page, "Terracotta / M")
    expect(widget(page)).to_have_attribute("state", "idle")
    expect(widget(page).locator("[part=button]")).to_have_text("Try it on")
    widget(page).locator("[part=button]").click()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_visible()
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    second = widget(page).get_attribute("generation-id")
    assert second != first
    # Its Add to cart adds its own variant.
    dialog.get_by_role("button", name="Add to cart").click()
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    assert cart_lines(page) == [(9002, 1)]
    # The shopper closes the theme's confirmation (Dawn's notification, Horizon's drawer) as they would, once it
    # has focus (Dawn gives it focus when it has slid in).
    wait_for_confirmation_focus(page)
    page.keyboard.press("Escape")
    # Back on the first variant: its try-on is shown again, without a new generation.
    pick(page, "Terracotta / S")
    expect(widget(page)).to_have_attribute("generation-id", first)
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.state.jobs) == 2


@pytest.mark.parametrize("theme", THEMES)
def test_a_variant_picked_while_the_try_on_runs_does_not_change_it(page: Page, mock, photo, theme):
    mock.config(scenario="slow")
    page.goto(f"/themes/{theme}/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "pending")
    dialog.get_by_role("button", name="Close").click()
    pick(page, "Terracotta / M")
    expect(page.locator("form[action='/cart/add'] [name=id]").first).to_have_value("9002")
    widget(page).locator("[part=button]").click()
    # Still the try-on of Terracotta / S, with its picture.
    expect(dialog.locator("[part=product]")).to_have_attribute("src", "/_storage/products/9001.png?width=480")
    assert created_variant(mock) == VARIANT + "9001"


@pytest.mark.parametrize("theme", THEMES)
def test_the_themes_cart_hears_the_dialogs_add_and_shows_its_own_confirmation(page: Page, mock, photo, theme, width):
    page.goto(f"/themes/{theme}/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(page.locator("[data-cart-count]")).to_have_text("0")
    dialog.get_by_role("button", name="Add to cart").click()
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    # Our modal stepped aside: the theme's own confirmation is on top, with the added line.
    expect(dialog).to_be_hidden()
    if theme == "dawn":
        notification = page.locator("#cart-notification")
        expect(notification).to_have_class("cart-notification active")
        expect(notification).to_contain_text("Terracotta / S")
        expect(page.locator("#cart-notification-button")).to_have_text("View cart (1)")
        assert page.evaluate("window.publishedLog").count(["cart-update", "tryon-widget"]) == 1
    else:
        drawer = page.locator(".cart-drawer__dialog")
        expect(drawer).to_be_visible()
        expect(drawer.locator("[data-cart-lines] li")).to_have_text(["Linen Overshirt - Terracotta / S × 1"])
    # The theme's own focus handling is left alone: focus ends in its confirmation, not pulled back to our button.
    wait_for_confirmation_focus(page)


def test_our_own_page_keeps_the_plain_fallback(page: Page, mock, photo):
    """A theme with none of these: the dialog says Added, our tryon-cart-add event tells the page."""
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    dialog.get_by_role("button", name="Add to cart").click()
    expect(dialog.get_by_role("status").filter(has_text="Added to your cart.")).to_be_visible()
    expect(page.locator("[data-cart-count]")).to_have_text("1")


@pytest.mark.parametrize("theme,radius", [("dawn", "0px"), ("horizon", "14px")])
def test_the_button_takes_the_shape_of_the_themes_buy_button(page: Page, mock, theme, radius, width):
    page.goto(f"/themes/{theme}/")
    ours = widget(page).locator("[part=button]")
    theirs = page.locator("form[action='/cart/add'] [type=submit]")
    expect(ours).to_have_css("border-top-left-radius", radius)
    expect(theirs).to_have_css("border-top-left-radius", radius)
    assert abs(ours.bounding_box()["width"] - theirs.bounding_box()["width"]) <= 1
    # A radius the merchant sets in the block still wins.
    page.goto(f"/themes/{theme}/?button_shape=custom&corner_radius=20")
    expect(widget(page).locator("[part=button]")).to_have_css("border-top-left-radius", "20px")


def test_a_headless_product_change_mid_try_on_starts_the_new_product_clean(page: Page, mock, photo):
    mock.config(scenario="slow")
    page.add_init_script(COUNT_POLLS)
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "pending")
    old = widget(page).get_attribute("generation-id")
    # Counted as the page starts them: a poll already on its way when the product changed may reach the mock later.
    polls_of_old = "(id) => window.polled.filter((url) => url.endsWith('/generation/' + id)).length"
    dialog.get_by_role("button", name="Close").click()
    widget(page).evaluate(
        """(el) => { el.setAttribute('product-id', 'gid://shopify/Product/8002');
                     el.setAttribute('variant-id', 'gid://shopify/ProductVariant/9101'); }"""
    )
    expect(widget(page)).to_have_attribute("state", "idle")
    expect(widget(page)).not_to_have_attribute("generation-id", old)
    # The old try-on is kept under its own product only, and stopped polling: a whole try-on of the new product
    # (many polls) runs without one more poll of it.
    saved = page.evaluate(
        "document.cookie.split('; ').filter((c) => c.startsWith('tryon_')).map((c) => c.split('=')[0])"
    )
    assert saved == ["tryon_8001"]
    polls = page.evaluate(polls_of_old, old)
    mock.config(scenario="success")
    widget(page).locator("[part=button]").click()
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    new = widget(page).get_attribute("generation-id")
    assert mock.state.jobs[new].product_id == "gid://shopify/Product/8002"
    assert len(mock.status_polls(new)) > 1 and page.evaluate(polls_of_old, old) == polls
    remembered = dict(c.split("=", 1) for c in page.evaluate("document.cookie").split("; ") if c.startswith("tryon_"))
    assert remembered["tryon_8002"].startswith(new + "|") and remembered["tryon_8002"].endswith("|9101|d")
    assert remembered["tryon_8001"].endswith("|r"), "the old product's try-on stays remembered under it alone"


def test_a_remembered_result_comes_back_only_on_its_own_variant_after_a_reload(page: Page, mock, photo):
    page.goto("/themes/dawn/")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    first = widget(page).get_attribute("generation-id")
    # The shopper comes back on another variant: no result of another picture is offered.
    page.goto("/themes/dawn/?variant=9002")
    expect(widget(page).locator("[part=button]")).to_have_text("Try it on")
    expect(widget(page)).to_have_attribute("state", "idle")
    # Picking the first variant again shows its try-on (its status read once; no new generation).
    pick(page, "Terracotta / S")
    expect(widget(page)).to_have_attribute("generation-id", first)
    expect(widget(page).locator("[part=button]")).to_have_text("See your try-on")
    assert len(mock.state.jobs) == 1
