"""The shopper's experience, second pass (issue 12): each finding as a browser test, at phone and desktop widths."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import RECORD_STATUSES
from tests.support.storefront import give_photo
from tests.support.storefront import open_dialog
from tests.support.storefront import shoot
from tests.support.storefront import statuses_seen
from tests.support.storefront import try_on
from tests.support.storefront import widget

from .test_storefront_interface import assert_accessible

LOCALES = Path(__file__).resolve().parents[2] / "extension" / "locales"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def contrast(page: Page, one: str, two: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    return page.evaluate(
        """([a, b]) => {
      const lum = (c) => { const [r, g, b2] = c.match(/[\\d.]+/g).slice(0, 3).map((v) => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b2; };
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }""",
        [one, two],
    )


# 1. Unavailable is said first


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_a_store_without_credits_says_so_before_any_photo(page: Page, mock, viewport) -> None:
    page.set_viewport_size(viewport)
    mock.config(credits=False)
    page.goto("/")
    dialog = open_dialog(page)
    expect(widget(page)).to_have_attribute("state", "unavailable")
    expect(dialog.get_by_role("alert")).to_have_text("Try-ons aren't available in this store right now.")
    expect(dialog.get_by_role("checkbox")).to_have_count(0)
    expect(dialog.get_by_role("button")).to_have_count(1)
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    assert mock.requests("/prepare-upload") == [] and len(mock.requests("/check-credits")) == 1


@pytest.mark.parametrize("scenario", ["quota-exceeded", "billing-not-allowed"])
def test_a_refused_creation_for_credits_ends_with_close_only(page: Page, mock, photo, scenario) -> None:
    mock.config(scenario=scenario)
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "unavailable")
    expect(dialog.get_by_role("alert").filter(has_text="aren't available")).to_be_visible()
    # Close only: "Use another photo" could not help.
    expect(dialog.get_by_role("button")).to_have_count(1)
    expect(dialog.get_by_role("button", name="Close")).to_be_visible()


def test_a_rate_limit_says_when_to_come_back(page: Page, mock, photo) -> None:
    mock.config(scenario="rate-limit-exceeded")
    page.goto("/")
    dialog = try_on(page, photo)
    # The mock answers Retry-After: 3600.
    expect(dialog.locator("[data-error]")).to_have_text(re.compile(r"try again in about 60 min"))
    expect(dialog.get_by_role("button", name="Try again")).to_be_visible()


# 2. The result is the hero


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_result_is_shown_whole_and_comparing_is_a_choice(page: Page, mock, photo, viewport) -> None:
    page.set_viewport_size(viewport)
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    result = dialog.locator("[part=result]")
    box = result.bounding_box()
    if viewport is PHONE:
        sheet = dialog.bounding_box()
        assert sheet["width"] == 360 and sheet["height"] == 740, "a full-screen sheet on phones"
        assert box["width"] >= 320, box
    # Nothing covers the result until the shopper asks to compare.
    expect(dialog.locator("[part=before]")).to_be_hidden()
    expect(dialog.locator("[part~=cart]")).to_have_attribute("part", "primary cart")
    expect(dialog.get_by_role("button", name="Make a new try-on")).to_be_visible()
    dialog.get_by_role("button", name="Compare with your photo").click()
    slider = dialog.get_by_role("slider", name="Compare with your photo")
    expect(dialog.locator("[part~=label-before]")).to_have_text("Before")
    expect(dialog.locator("[part~=label-after]")).to_have_text("After")
    # The thumb's centre travels exactly the image's width.
    track = slider.bounding_box()
    assert abs(track["x"] + 12 - box["x"]) <= 1 and abs(track["width"] - 24 - box["width"]) <= 1, (track, box)
    # Dragging on the image moves the divider.
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    assert 75 <= int(slider.input_value()) <= 85
    divider = dialog.locator("[part=divider]").bounding_box()
    assert abs(divider["x"] + 1 - (box["x"] + box["width"] * int(slider.input_value()) / 100)) <= 2
    shoot(page, f"result-compare-{viewport['width']}px")


# 3. Focus rules


def test_focus_never_leaves_a_field_the_shopper_is_typing_in(page: Page, mock, photo) -> None:
    mock.config(scenario="slow")
    page.goto("/")
    # Fast polls for a quick test, and enough of them to outlast a loaded machine.
    widget(page).evaluate("el => { el.setAttribute('email-capture', ''); el.setAttribute('max-attempts', '100000'); }")
    dialog = try_on(page, photo, interval=50)
    # The generation exists before the mock's clock moves (else it would start after the jump).
    expect(widget(page)).to_have_attribute("generation-id", re.compile(r"^gen_"))
    field = dialog.get_by_role("textbox", name="Your email, for news and offers (optional)")
    field.click()
    page.keyboard.type("shopper@exa")
    mock.http.post("/_mock/clock", json={"advanceMs": 25_000})
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(field).to_be_focused()
    page.keyboard.type("mple.com")
    expect(field).to_have_value("shopper@example.com")
    page.keyboard.press("Enter")
    expect(dialog.get_by_text("Thank you!")).to_be_visible()
    assert len(mock.requests("/fitting-room")) == 1, "Enter sent the email form, nothing else"


# 4. Theme fit


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_button_follows_the_theme_and_stays_readable(page: Page, mock, theme) -> None:
    page.goto("/")
    if theme == "dark":
        page.evaluate("document.body.classList.add('theme-dark')")
    button = widget(page).locator("[part=button]")
    colours = button.evaluate("""b => { const s = getComputedStyle(b);
      return [s.color, s.borderTopColor, getComputedStyle(document.body).backgroundColor]; }""")
    assert contrast(page, colours[0], colours[2]) >= 4.5, colours
    assert contrast(page, colours[1], colours[2]) >= 3, colours
    assert_accessible(page, f"button on the {theme} theme")


def test_links_in_the_dialog_use_the_accent(page: Page, mock, photo) -> None:
    page.goto("/")
    widget(page).evaluate("el => el.style.setProperty('--tryon-accent', 'rgb(10, 120, 60)')")
    dialog = try_on(page, photo)
    dialog.get_by_role("button", name="Add to cart").click()
    expect(dialog.get_by_role("link", name="View cart")).to_have_css("color", "rgb(10, 120, 60)")


# 5. Words for who is at fault, errors that look like errors


def test_errors_and_successes_are_told_apart_not_by_colour_alone(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = try_on(page, photo)
    dialog.get_by_role("button", name="Add to cart").click()
    ok = dialog.get_by_role("status").filter(has_text="Added to your cart.")
    expect(ok).to_be_visible()
    assert ok.evaluate("e => getComputedStyle(e, '::before').content") == '"✓ "'
    ok_colour = ok.evaluate("e => getComputedStyle(e).color")
    # The store refuses the next add (the try-on's variant sold out meanwhile).
    sold_out = {"status": 422, "message": "Cart Error", "description": "The product is already sold out."}
    page.route("**/cart/add.js", lambda route: route.fulfill(status=422, json=sold_out))
    dialog.get_by_role("button", name="Add to cart").click()
    error = dialog.get_by_role("alert").filter(has_text="sold out")
    expect(error).to_be_visible()
    assert error.evaluate("e => getComputedStyle(e, '::before').content") == '"⚠ "'
    assert error.evaluate("e => getComputedStyle(e).color") != ok_colour


def test_every_error_that_says_try_again_offers_try_again() -> None:
    """The failure table against the English words: a text with "try again" in it comes with the button."""
    english = json.loads((LOCALES / "en.default.json").read_text())["tryon"]
    table = (Path(__file__).resolve().parents[2] / "widget" / "src" / "dialog" / "failures.js").read_text()
    for code, key, retry in re.findall(r"(\w+): \['(\w+)'(?:, (\d))?", table):
        says = "try again" in english[key].lower()
        assert not says or retry == "1", f"{code}: {english[key]!r} has no Try again button"


# 6. Long waits


def test_a_long_wait_says_so_and_stays_alive(page: Page, mock, photo) -> None:
    mock.config(scenario="stuck")
    page.clock.install()
    page.goto("/")
    # Paused: time moves only when the test runs it, so the elapsed time is exact on a loaded machine too.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.evaluate(RECORD_STATUSES)
    dialog = try_on(page, photo, interval=2000)
    progress = dialog.locator("progress")

    def wait_for(seconds: int) -> None:
        # Status by status: the next poll's timer is set once the page has its answer, then time moves.
        for _ in range(seconds // 2):
            seen = len(statuses_seen(page, 1))
            page.clock.run_for(2000)
            statuses_seen(page, seen + 1)

    wait_for(30)
    expect(widget(page)).to_have_attribute("state", "processing")
    assert 0.45 <= progress.evaluate("p => p.value") <= 0.55
    wait_for(34)
    expect(dialog.get_by_role("status")).to_have_text("This one is taking longer than usual. It's still being made…")
    expect(dialog.locator("[part=elapsed]")).to_have_text(re.compile(r"^6\d s of about 2 min$"))
    assert progress.evaluate("p => p.hasAttribute('value')") is False, "indeterminate, never frozen"


# 8. The header


@pytest.mark.parametrize(
    "locale",
    sorted(p.stem.replace(".default", "") for p in LOCALES.glob("*.json") if not p.name.endswith(".schema.json")),
)
def test_the_header_fits_320px_in_every_language(page: Page, mock, locale) -> None:
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"/?locale={locale}")
    dialog = open_dialog(page)
    close = dialog.locator("[part=close]")
    catalog = json.loads((LOCALES / f"{'en.default' if locale == 'en' else locale}.json").read_text())["tryon"]
    expect(close).to_have_attribute("aria-label", catalog["close"])
    box, sheet = close.bounding_box(), dialog.bounding_box()
    assert box["width"] == 44 and box["height"] == 44
    assert sheet["x"] <= box["x"] and box["x"] + box["width"] <= sheet["x"] + sheet["width"]
    assert dialog.evaluate("d => d.scrollWidth <= d.clientWidth")


# 9. The photo step


def test_a_photo_dropped_before_consent_is_kept(page: Page, mock) -> None:
    page.goto("/")
    dialog = open_dialog(page)
    widget(page).evaluate("""async (el) => {
      const canvas = document.createElement('canvas'); canvas.width = 60; canvas.height = 80;
      const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg'));
      const transfer = new DataTransfer(); transfer.items.add(new File([blob], 'me.jpg', { type: 'image/jpeg' }));
      el.shadowRoot.querySelector('[data-drop]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    }""")
    expect(dialog.get_by_role("alert").filter(has_text="Tick the box above")).to_be_visible()
    expect(dialog.get_by_role("checkbox")).to_be_focused()
    dialog.get_by_role("checkbox").check()
    expect(dialog.locator("[part=preview]")).to_be_visible()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_enabled()


def test_use_a_different_photo_opens_the_picker(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = give_photo(page, photo)
    with page.expect_file_chooser():
        dialog.get_by_role("button", name="Use a different photo").click()


def test_on_a_phone_the_camera_is_offered_and_the_drop_hint_is_not(browser, live_server, mock) -> None:
    context = browser.new_context(base_url=live_server, has_touch=True, is_mobile=True, viewport=PHONE)
    page = context.new_page()
    page.goto("/")
    dialog = open_dialog(page)
    expect(dialog.get_by_role("button", name="Take a photo")).to_be_visible()
    expect(dialog.get_by_text("or drop a photo here")).to_be_hidden()
    context.close()


def test_the_wait_shows_the_shoppers_photo_and_that_they_may_leave(page: Page, mock, photo) -> None:
    mock.config(scenario="stuck")
    page.goto("/")
    dialog = try_on(page, photo, interval=2000)
    expect(widget(page)).to_have_attribute("state", "processing")
    expect(dialog.locator("[part=thumb]")).to_have_attribute("src", re.compile(r"^data:image/jpeg"))
    expect(dialog.get_by_text("You can close this and keep shopping.")).to_be_visible()


# Right to left


def test_arabic_mirrors_the_dialog(page: Page, mock, photo) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/?locale=ar")
    dialog = open_dialog(page)
    expect(dialog).to_have_attribute("dir", "rtl")
    title, close = dialog.locator("h2").bounding_box(), dialog.locator("[part=close]").bounding_box()
    assert close["x"] < title["x"], "the close button sits at the inline end: the left"
    shoot(page, "ar-consent")
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.locator("[data-act=choose]").click()
    chooser.value.set_files(photo)
    widget(page).evaluate("el => el.setAttribute('poll-interval', '20')")
    dialog.locator("[data-act=start]").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    shoot(page, "ar-completed")
    dialog.get_by_role("button", name="قارن بصورتك").click()
    slider = dialog.get_by_role("slider", name="قارن بصورتك")
    slider.focus()
    page.keyboard.press("Home")
    # At 0 the shopper's photo is gone; the divider stands at the inline start, the right.
    box = dialog.locator("[part=result]").bounding_box()
    divider = dialog.locator("[part=divider]").bounding_box()
    assert abs(divider["x"] + 1 - (box["x"] + box["width"])) <= 2
    assert_accessible(page, "result in Arabic")
    shoot(page, "ar-compare")


def test_the_shoppers_photo_covers_the_result_only_not_the_slider(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = try_on(page, photo)
    dialog.get_by_role("button", name="Compare with your photo").click()
    before = dialog.locator("[part=before]").bounding_box()
    result = dialog.locator("[part=result]").bounding_box()
    assert abs(before["y"] - result["y"]) <= 1 and abs(before["height"] - result["height"]) <= 1


# 7. The last result, remembered for the session


def test_back_from_the_cart_shows_the_result_again_without_a_new_generation(page: Page, mock, photo) -> None:
    page.goto("/")
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    dialog.get_by_role("button", name="Add to cart").click()
    dialog.get_by_role("link", name="View cart").click()
    expect(page.get_by_role("heading", name="Your cart")).to_be_visible()
    page.go_back()
    expect(widget(page)).to_have_attribute("state", "completed")
    expect(widget(page).locator("[part=button]")).to_have_text("See your try-on")
    dialog = open_dialog(page)
    expect(dialog.locator("[part=result]")).to_be_visible()
    assert len(mock.requests("/fitting-room")) == 1 and len(mock.requests("/prepare-upload")) == 1
