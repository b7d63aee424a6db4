"""Issue 7: after the result: compare, add to cart, share, download, email capture, each switchable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import open_dialog
from tests.support.storefront import shoot
from tests.support.storefront import try_on
from tests.support.storefront import widget

# Every JS error on the page fails the test that collects them.
ERRORS = """window.errors = [];
  addEventListener('error', (e) => window.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.errors.push(String(e.reason)));"""


# A Web Share API that records what it was given.
RECORD_SHARES = "navigator.share = (data) => { (window.shared ||= []).push(data); return Promise.resolve(); }"


def finish(page: Page, photo, **attributes):
    """A completed try-on on the product page, the widget given `attributes` first (True: boolean attribute)."""
    page.goto("/")
    for name, value in attributes.items():
        widget(page).evaluate(
            "(el, [n, v]) => el.setAttribute(n, v)", [name.replace("_", "-"), "" if value is True else value]
        )
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    return dialog


def test_add_to_cart_adds_the_selected_variant_and_the_cart_count_follows(page: Page, mock, photo) -> None:
    page.goto("/")
    page.get_by_label("Variant").select_option(label="Terracotta / M")
    page.evaluate("() => document.addEventListener('tryon-cart-add', (e) => (window.added = e.detail))")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(page.locator("[data-cart-count]")).to_have_text("0")
    dialog.get_by_role("button", name="Add to cart").click()
    expect(dialog.get_by_role("status").filter(has_text="Added to your cart.")).to_be_visible()
    expect(dialog.get_by_role("link", name="View cart")).to_have_attribute("href", "/cart")
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    cart = page.evaluate("fetch('/cart.js').then((r) => r.json())")
    assert [(item["variant_id"], item["quantity"]) for item in cart["items"]] == [(9002, 1)]
    assert page.evaluate("window.added.variantId") == "gid://shopify/ProductVariant/9002"
    assert page.evaluate("window.added.item.variant_id") == 9002
    shoot(page, "result-added-to-cart")
    dialog.get_by_role("button", name="Add to cart").click()
    expect(page.locator("[data-cart-count]")).to_have_text("2")


def test_add_to_cart_errors_are_said_in_words(page: Page, mock, photo) -> None:
    page.goto("/")
    page.get_by_label("Variant").select_option(label="Sage / M")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    add = dialog.get_by_role("button", name="Add to cart")
    add.click()
    alert = dialog.locator("[data-x-err]")
    expect(alert).to_have_text("The product 'Linen Overshirt - Sage / M' is already sold out.")
    expect(alert).to_have_attribute("role", "alert")
    mock.config(faults={"/cart/add.js": 500})
    add.click()
    expect(alert).to_have_text("We couldn't add this to your cart. Please try again.")
    page.route("**/cart/add.js", lambda route: route.abort())
    add.click()
    expect(alert).to_have_text("We couldn't reach the store. Check your connection and try again.")
    expect(page.locator("[data-cart-count]")).to_have_text("0")
    expect(dialog.get_by_role("link", name="View cart")).to_be_hidden()
    # A 422 without Shopify's description still says why.
    page.unroute("**/cart/add.js")
    page.route("**/cart/add.js", lambda route: route.fulfill(status=422, json={"status": 422}))
    add.click()
    expect(alert).to_have_text("Sorry, this is sold out.")


def test_share_uses_web_share_and_reuses_the_link(page: Page, mock, photo) -> None:
    page.add_init_script(RECORD_SHARES)
    dialog = finish(page, photo)
    share = dialog.get_by_role("button", name="Share")
    share.click()
    page.wait_for_function("window.shared?.length === 1")
    share.click()
    page.wait_for_function("window.shared?.length === 2")
    first, second = page.evaluate("window.shared")
    assert first["url"].startswith("https://genlook.app/s/") and first == second
    assert first["title"] == "Here you are in Linen Overshirt"
    assert len(mock.requests("/share-generation", "POST")) == 1
    # The shopper closing the share sheet is not an error.
    page.evaluate("() => { navigator.share = () => Promise.reject(new DOMException('Cancelled', 'AbortError')); }")
    share.click()
    expect(dialog.locator("[data-x-err]")).to_have_text("")
    expect(dialog.locator("[data-x-ok]")).to_have_text("")


def test_share_copies_the_link_where_there_is_no_web_share(page: Page, mock, photo, context) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.add_init_script("delete Navigator.prototype.share; delete navigator.share")
    dialog = finish(page, photo)
    dialog.get_by_role("button", name="Share").click()
    expect(dialog.locator("[data-x-ok]")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    token = mock.state.shares[widget(page).get_attribute("generation-id")]
    assert copied == f"https://genlook.app/s/{token}"


def test_share_shows_the_link_when_the_clipboard_refuses(page: Page, mock, photo) -> None:
    page.add_init_script("""delete Navigator.prototype.share;
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('No', 'NotAllowedError'));""")
    dialog = finish(page, photo)
    dialog.get_by_role("button", name="Share").click()
    link = dialog.get_by_role("textbox", name="Copy this link to share your try-on:")
    expect(link).to_be_visible()
    expect(link).to_have_value(
        f"https://genlook.app/s/{mock.state.shares[widget(page).get_attribute('generation-id')]}"
    )


def test_share_failure_is_said_and_a_later_press_tries_again(page: Page, mock, photo) -> None:
    page.add_init_script(RECORD_SHARES)
    dialog = finish(page, photo)
    mock.config(faults={"/apps/proxy_genlook-x/public/share-generation": 500})
    dialog.get_by_role("button", name="Share").click()
    expect(dialog.locator("[data-x-err]")).to_have_text("We couldn't create a link. Please try again.")
    mock.config(faults={})
    dialog.get_by_role("button", name="Share").click()
    page.wait_for_function("window.shared?.length === 1")
    expect(dialog.locator("[data-x-err]")).to_have_text("")


def test_download_saves_the_result_under_the_product_name(page: Page, mock, photo) -> None:
    dialog = finish(page, photo)
    with page.expect_download() as info:
        dialog.get_by_role("button", name="Download").click()
    download = info.value
    assert download.suggested_filename == "linen-overshirt-try-on.jpg"
    src = dialog.locator("[part=result]").get_attribute("src")
    expected = page.request.get(src).body()
    assert download.path().read_bytes() == expected and expected[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    ("content_type", "suffix"),
    [
        ("image/svg+xml", "svg"),
        ("image/png", "png"),
        ("image/webp", "webp"),
        ("image/avif", "avif"),
        ("image/jpeg", "jpg"),
    ],
)
def test_a_download_is_named_by_the_images_real_type(page: Page, mock, photo, content_type, suffix) -> None:
    """Issue 24: an SVG result was saved as .jpg."""
    dialog = finish(page, photo)
    body = b"<svg xmlns='http://www.w3.org/2000/svg'/>" if suffix == "svg" else b"\x00image"
    page.route("**/_storage/results/**", lambda route: route.fulfill(body=body, content_type=content_type))
    with page.expect_download() as info:
        dialog.get_by_role("button", name="Download").click()
    assert info.value.suggested_filename == f"linen-overshirt-try-on.{suffix}"


def test_download_opens_the_image_when_it_cannot_be_fetched(page: Page, mock, photo) -> None:
    dialog = finish(page, photo)
    src = dialog.locator("[part=result]").evaluate("img => img.src")
    page.evaluate("() => { window.open = (...args) => { window.opened = args; return null; }; }")
    page.route("**/_storage/results/**", lambda route: route.abort())
    dialog.get_by_role("button", name="Download").click()
    page.wait_for_function("!!window.opened")
    assert page.evaluate("window.opened") == [src, "_blank", "noopener"]


def test_compare_slider_works_by_keyboard(page: Page, mock, photo) -> None:
    dialog = finish(page, photo)
    slider = dialog.get_by_role("slider", name="Compare with your photo")
    # The result is shown whole first; comparing is a choice.
    expect(slider).to_be_hidden()
    expect(dialog.locator("[part=before]")).to_be_hidden()
    toggle = dialog.get_by_role("button", name="Compare with your photo")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(slider).to_be_visible()
    expect(dialog.locator("[part~=label-before]")).to_have_text("Before")
    expect(dialog.locator("[part~=label-after]")).to_have_text("After")
    before = dialog.locator("[part=before]")
    expect(before).to_have_attribute("src", re.compile(r"^data:image/jpeg;base64,"))
    expect(before).to_have_attribute("alt", "Your photo")
    # Half the shopper's photo shows at first, over the try-on.
    assert before.evaluate("img => getComputedStyle(img).clipPath") == "inset(0px 50% 0px 0px)"
    slider.focus()
    page.keyboard.press("Home")
    expect(slider).to_have_value("0")
    assert dialog.locator("[part=compare]").evaluate("c => c.style.getPropertyValue('--x')") == "0%"
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_value("3")
    page.keyboard.press("End")
    assert dialog.locator("[part=compare]").evaluate("c => c.style.getPropertyValue('--x')") == "100%"
    # The divider follows the value across the image.
    box = dialog.locator("[part=compare]").bounding_box()
    divider = dialog.locator("[part=divider]").bounding_box()
    assert abs(divider["x"] + divider["width"] / 2 - (box["x"] + box["width"])) <= 2


def test_compare_slider_works_by_touch(browser, live_server, mock, photo) -> None:
    context = browser.new_context(
        base_url=live_server, has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.on("filechooser", lambda _: None)
    dialog = finish(page, photo)
    dialog.get_by_role("button", name="Compare with your photo").tap()
    slider = dialog.get_by_role("slider", name="Compare with your photo")
    slider.scroll_into_view_if_needed()
    box = slider.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] * 0.2, box["y"] + box["height"] / 2)
    value = int(slider.input_value())
    assert 10 <= value <= 30, value
    # A tap on the image itself moves the divider there too.
    image = dialog.locator("[part=result]").bounding_box()
    page.touchscreen.tap(image["x"] + image["width"] * 0.75, image["y"] + image["height"] / 2)
    assert 70 <= int(slider.input_value()) <= 80
    shoot(page, "result-mobile")
    context.close()


@pytest.mark.parametrize("attribute", ["no-cart", "no-share", "no-download", "no-compare"])
def test_each_feature_is_switched_off_by_its_attribute(page: Page, mock, photo, attribute) -> None:
    dialog = finish(page, photo, **{attribute.replace("-", "_"): True})
    controls = {
        "no-cart": dialog.get_by_role("button", name="Add to cart"),
        "no-share": dialog.get_by_role("button", name="Share"),
        "no-download": dialog.get_by_role("button", name="Download"),
        "no-compare": dialog.get_by_role("button", name="Compare with your photo"),
    }
    for name, control in controls.items():
        if name == attribute:
            expect(control).to_be_hidden()
        else:
            expect(control).to_be_visible()
    if attribute == "no-compare":
        expect(dialog.locator("[part=before]")).to_be_hidden()


def test_without_a_variant_there_is_no_add_to_cart(page: Page, mock, photo) -> None:
    page.goto("/")
    # Neither the element nor a product form says a variant (the page's form loses its variant picker).
    widget(page).evaluate("el => el.removeAttribute('variant-id')")
    page.locator("[data-variant-picker]").evaluate("picker => picker.closest('label').remove()")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(dialog.get_by_role("button", name="Add to cart")).to_be_hidden()
    expect(dialog.get_by_role("button", name="Share")).to_be_visible()


def test_email_capture_is_off_by_default(page: Page, mock, photo) -> None:
    dialog = finish(page, photo)
    expect(dialog.get_by_role("textbox", name="Your email, for news and offers (optional)")).to_be_hidden()


def test_email_capture_while_waiting_is_fire_and_forget(page: Page, mock, photo) -> None:
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('email-capture', '')")
    gen_id = mock.generation(timeline=[{"status": "PENDING", "seconds": 600}, {"status": "PROCESSING", "seconds": 600}])
    page.route("**/fitting-room", lambda route: route.fulfill(json={"jobId": gen_id, "message": "ok"}))
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "pending")
    email = dialog.get_by_role("textbox", name="Your email, for news and offers (optional)")
    expect(email).to_be_visible()
    email.fill("shopper@example.com")
    # The stage changes while the shopper types: focus stays in the field.
    mock.http.post("/_mock/clock", json={"advanceMs": 600_000})
    expect(widget(page)).to_have_attribute("state", "processing")
    expect(email).to_be_focused()
    dialog.get_by_role("checkbox", name="Yes, send me news and offers by email.").check()
    shoot(page, "waiting-email")
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_text("Thank you!")).to_be_focused()
    expect(email).to_be_hidden()
    mock.wait_for_requests(1, "/collect-email")
    assert [(e["email"], e["marketingConsent"]) for e in mock.state.records("emails")] == [
        ("shopper@example.com", True)
    ]
    assert widget(page).get_attribute("state") == "processing"


def test_email_failures_never_reach_the_shopper(page: Page, mock, photo) -> None:
    page.add_init_script(ERRORS)
    mock.config(faults={"/apps/proxy_genlook-x/public/collect-email": 500})
    dialog = finish(page, photo, email_capture=True)
    dialog.get_by_role("textbox", name="Your email, for news and offers (optional)").fill("shopper@example.com")
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_text("Thank you!")).to_be_visible()
    mock.wait_for_requests(1, "/collect-email")
    # An address the service refuses ({success: false}) is not shown as an error either (a new try-on after a
    # reload: the remembered result is forgotten first).
    page.evaluate("sessionStorage.clear()")
    page.context.clear_cookies()
    page.reload()
    widget(page).evaluate("el => el.setAttribute('email-capture', '')")
    mock.config(faults={})
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    dialog.get_by_role("textbox", name="Your email, for news and offers (optional)").fill("me@example.c")
    dialog.get_by_role("button", name="Send").click()
    expect(dialog.get_by_text("Thank you!")).to_be_visible()
    mock.wait_for_requests(2, "/collect-email")
    assert mock.state.records("emails") == []
    expect(widget(page)).to_have_attribute("state", "completed")
    assert [t for t in dialog.locator("[role=alert]:visible").all_text_contents() if t.strip()] == []
    assert page.evaluate("window.errors") == []


def test_email_form_asks_for_a_valid_address_before_sending(page: Page, mock, photo) -> None:
    dialog = finish(page, photo, email_capture=True)
    dialog.get_by_role("button", name="Send").click()
    email = dialog.get_by_role("textbox", name="Your email, for news and offers (optional)")
    assert email.evaluate("input => input.validity.valueMissing")
    expect(email).to_be_visible()
    assert mock.requests("/collect-email") == []


def test_result_with_every_feature_is_accessible_and_translated(page: Page, mock, photo) -> None:
    from .test_storefront_interface import assert_accessible

    page.add_init_script(
        "delete Navigator.prototype.share; delete navigator.share;"
        "navigator.clipboard.writeText = () => Promise.reject(new Error('no'));"
    )
    dialog = finish(page, photo, email_capture=True)
    dialog.get_by_role("button", name="Share").click()
    expect(dialog.get_by_role("textbox", name="Copy this link to share your try-on:")).to_be_visible()
    assert_accessible(page, "result with compare, cart, share link, download and email")
    shoot(page, "result-every-feature")
    # Japanese: the same result, remembered for the session, shown again (no new upload, no new generation).
    page.goto("/?locale=ja")
    expect(widget(page)).to_have_attribute("state", "completed")
    dialog = open_dialog(page)
    expect(dialog.get_by_role("button", name="カートに追加")).to_be_visible()
    dialog.get_by_role("button", name="元の写真と比べる").click()
    expect(dialog.get_by_role("slider", name="元の写真と比べる")).to_be_visible()
    assert len(mock.requests("/prepare-upload")) == 1 and len(mock.requests("/fitting-room")) == 1
    assert_accessible(page, "result in Japanese")
