"""Issue 22: the button is on the page before any script (the block renders a real <button>), the script only
takes it over (no shadow root, no layout shift), the page carries the button's words and no other string, and each
language's strings arrive with the dialog. Markup without a button (before 0.2) keeps its shadow-root button and
`::part(button)` for one release."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import open_dialog
from tests.support.storefront import widget
from tests.support.waiting import wait_for

LOCALES = Path(__file__).resolve().parents[2] / "extension" / "locales"
LANGUAGES = sorted("en" if p.stem == "en.default" else p.stem for p in LOCALES.glob("*.json") if "schema" not in p.name)


def strings(code: str) -> dict:
    return json.loads((LOCALES / ("en.default.json" if code == "en" else f"{code}.json")).read_text())["tryon"]


def hold_page_load_file(page: Page) -> list:
    """Keep tryon-widget.js from arriving until the test lets it (held[0].continue_())."""
    held = []
    page.route("**/assets/tryon-widget.js", lambda route: held.append(route))
    return held


def test_the_button_works_from_the_keyboard_before_the_script_and_after_without_moving(page: Page, mock):
    held = hold_page_load_file(page)
    page.goto("/", wait_until="commit")
    button = widget(page).get_by_role("button", name="Try it on")
    expect(button).to_be_visible()
    assert page.evaluate("!customElements.get('tryon-widget')"), "the script has not run yet"
    # A real button: it takes focus from the keyboard (and is no submit button: nothing to navigate to).
    button.focus()
    expect(button).to_be_focused()
    assert button.get_attribute("type") == "button"
    before = button.bounding_box()
    held[0].continue_()
    page.wait_for_function("!!customElements.get('tryon-widget')")
    expect(widget(page)).to_have_attribute("state", "idle")
    # Taken over where it is: the same box, still focused, and no shadow root until the shopper reaches for it.
    assert button.bounding_box() == before
    expect(button).to_be_focused()
    assert widget(page).evaluate("(el) => el.shadowRoot === null && el.button === el.querySelector('button')")
    page.keyboard.press("Enter")
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("checkbox")).to_be_visible()
    page.keyboard.press("Escape")
    expect(button).to_be_focused()


def test_a_press_before_the_script_opens_the_loading_dialog_and_the_try_on_follows(page: Page, mock):
    held = hold_page_load_file(page)
    page.goto("/", wait_until="commit")
    button = widget(page).get_by_role("button", name="Try it on")
    button.focus()
    page.keyboard.press("Enter")
    # The browser opens it (the button's command): no script has run.
    loading = widget(page).get_by_role("dialog", name="Loading…")
    expect(loading).to_be_visible()
    expect(loading.get_by_role("status")).to_have_text("Loading…")
    held[0].continue_()
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog.get_by_role("checkbox")).to_be_visible()
    expect(loading).to_be_hidden()
    page.keyboard.press("Escape")
    expect(button).to_be_focused()


def test_the_loading_dialog_shows_at_once_until_the_parts_arrive_then_never_again(page: Page, mock):
    page.goto("/")
    held = []
    page.route("**/assets/tryon-dialog.js", lambda route: held.append(route))
    button = widget(page).locator("[part=button]")
    button.click()
    loading = widget(page).locator("dialog[data-loading]")
    expect(loading).to_be_visible()
    wait_for(lambda: held, what="the dialog's file requested", page=page)
    held[0].continue_()
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog.get_by_role("checkbox")).to_be_visible()
    expect(loading).to_be_hidden()
    dialog.get_by_role("button", name="Close").click()
    button.click()
    expect(dialog).to_be_visible()
    expect(loading).to_be_hidden()
    assert button.get_attribute("command") is None, "the widget's dialog answers every later press"


def test_parts_that_do_not_load_close_the_loading_dialog_and_say_so_on_the_button(page: Page, mock):
    page.goto("/")
    page.route("**/assets/tryon-dialog.js", lambda route: route.abort())
    button = widget(page).locator("[part=button]")
    button.click()
    expect(widget(page)).to_have_attribute("state", "error")
    expect(widget(page).locator("dialog[data-loading]")).to_be_hidden()
    expect(button).to_have_text("Couldn't load. Try again")
    page.unroute("**/assets/tryon-dialog.js")
    button.click()
    expect(widget(page).locator("dialog[part=dialog]").get_by_role("checkbox")).to_be_visible()


def test_the_page_carries_the_buttons_words_and_no_other_string(page: Page, mock):
    html = page.goto("/").text()
    block = re.search(r"<tryon-widget.*?</tryon-widget>", html, re.S).group(0)
    assert "application/json" not in block, "no strings catalog inline"
    button = re.search(r"<button[^>]*>(.*?)</button>", block, re.S)
    words = [button.group(1), *re.findall(r'data-(?:running|done|retry)="([^"]*)"', button.group(0))]
    loading = re.search(r'<dialog[^>]*aria-label="([^"]*)"[^>]*><p role="status">(.*?)</p></dialog>', block).groups()
    assert words == ["Try it on", "Try-on in progress…", "See your try-on", "Couldn&#x27;t load. Try again"]
    assert loading == ("Loading…", "Loading…")
    assert len("".join(words + list(loading)).encode()) <= 600


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_labels_the_button_and_the_dialog(page: Page, mock, code):
    words = strings(code)
    page.goto(f"/?locale={code}")
    button = widget(page).locator("[part=button]")
    expect(button).to_have_text(words["button"])
    dialog = open_dialog(page)
    title = words["title"].replace("{product}", widget(page).get_attribute("product-title"))
    expect(dialog.get_by_role("heading", level=2)).to_have_text(title)
    expect(dialog.locator("[data-step=photo] [data-t=consent]")).to_have_text(words["consent"])
    expect(dialog.locator("[part=close]")).to_have_attribute("aria-label", words["close"])
    # Only this language's file (and English, the key-by-key fallback) came with the dialog.
    files = {r["path"].rsplit("/", 1)[-1] for r in mock.requests("/assets/tryon-")}
    languages = {name for name in files if re.fullmatch(r"tryon-([a-z]{2}(-[A-Z]{2})?)\.js", name)}
    assert languages == {f"tryon-{code}.js", "tryon-en.js"}


def test_the_blocks_fixed_language_labels_the_button_and_the_dialog_whatever_the_shoppers_locale(page: Page, mock):
    page.goto("/themes/dawn/?language=ja&locale=fr")
    expect(widget(page).locator("[part=button]")).to_have_text(strings("ja")["button"])
    dialog = open_dialog(page)
    expect(dialog.locator("[data-t=consent]")).to_have_text(strings("ja")["consent"])


def test_a_shoppers_locale_without_a_file_falls_back_to_its_base_language_then_english(page: Page, mock):
    page.goto("/")
    for locale, expected in [("fr-CA", "fr"), ("sv-SE", "en")]:
        page.evaluate(
            """(locale) => { const el = document.createElement('tryon-widget');
                el.setAttribute('product-id', 'gid://shopify/Product/8001'); el.setAttribute('locale', locale);
                el.innerHTML = '<button type="button" part="button">Press</button>';
                document.querySelector('tryon-widget').replaceWith(el); }""",
            locale,
        )
        dialog = open_dialog(page)
        expect(dialog.locator("[data-t=consent]")).to_have_text(strings(expected)["consent"])


def test_markup_without_a_button_keeps_its_shadow_root_button_and_part(page: Page, mock):
    page.goto("/")
    page.evaluate(
        """() => { const el = document.createElement('tryon-widget');
            el.setAttribute('product-id', 'gid://shopify/Product/8001');
            document.querySelector('tryon-widget').replaceWith(el); }"""
    )
    page.add_style_tag(content="tryon-widget::part(button) { letter-spacing: 3px; }")
    button = widget(page).locator("[part=button]")
    expect(button).to_have_text("Try it on")
    assert widget(page).evaluate("(el) => el.shadowRoot.contains(el.button)")
    expect(button).to_have_css("letter-spacing", "3px")
    expect(button).to_have_css("min-height", "48px")
    dialog = open_dialog(page)
    expect(dialog.get_by_role("checkbox")).to_be_visible()
