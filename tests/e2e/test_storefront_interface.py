"""Issue 5's interface and quality bars: attributes, strings, events, several widgets, theming, a11y, sizes."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import COUNT_POLLS
from tests.support.storefront import give_photo
from tests.support.storefront import open_dialog
from tests.support.storefront import shoot
from tests.support.storefront import try_on
from tests.support.storefront import widget

AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
axe = Axe()


def assert_accessible(page: Page, name: str) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def add_widget(page: Page, attributes: dict, strings: dict | None = None) -> None:
    page.evaluate(
        """([attributes, strings]) => {
      const el = document.createElement('tryon-widget');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      if (strings) { const s = document.createElement('script'); s.type = 'application/json';
        s.textContent = JSON.stringify(strings); el.append(s); }
      document.querySelector('[data-block]').after(el);
    }""",
        [attributes, strings],
    )


def test_page_locale_chooses_the_strings(page: Page, mock, photo) -> None:
    page.goto("/?locale=fr")
    expect(widget(page).locator("[part=button]")).to_have_text("Essayer")
    dialog = open_dialog(page)
    expect(dialog.get_by_role("heading")).to_have_text("Essayer Linen Overshirt")
    expect(dialog.get_by_role("button", name="Choisir une photo")).to_be_disabled()
    shoot(page, "consent-fr")


def test_locale_attribute_picks_from_catalogs_by_language(page: Page, mock) -> None:
    page.goto("/")
    add_widget(
        page,
        {"product-id": "gid://shopify/Product/8002", "locale": "de-AT"},
        {"en": {"button": "Try it on"}, "de": {"button": "Anprobieren", "close": "Schließen"}},
    )
    # Markup without a button of its own: its (legacy) button takes the catalog's words for de-AT, and so does the
    # dialog; another locale later is spoken at the next opening.
    second = widget(page, 1)
    expect(second.locator("[part=button]")).to_have_text("Anprobieren")
    dialog = open_dialog(page, 1)
    expect(dialog.locator("[part=close]")).to_have_attribute("aria-label", "Schließen")
    page.keyboard.press("Escape")
    second.evaluate("el => { el.setAttribute('locale', 'en'); el.strings = { title: 'Probieren Sie es' }; }")
    dialog = open_dialog(page, 1)
    expect(dialog.locator("[part=close]")).to_have_attribute("aria-label", "Close")
    expect(dialog.locator("h2")).to_have_text("Probieren Sie es")


def test_invalid_attributes_warn_and_fall_back(page: Page, mock, photo) -> None:
    warnings = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto("/")
    widget(page).evaluate("el => { el.setAttribute('poll-interval', 'soon'); el.setAttribute('max-attempts', '-3'); }")
    dialog = give_photo(page, photo)
    mock.config(scenario="instant")
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert any('poll-interval="soon"' in w for w in warnings) and any('max-attempts="-3"' in w for w in warnings)
    assert len(warnings) == len(set(warnings)), "each problem is said once per page, not on every read"
    assert errors == []


def test_variant_changes_are_followed(page: Page, mock, photo) -> None:
    bodies = []
    page.route("**/fitting-room", lambda route: (bodies.append(json.loads(route.request.post_data)), route.continue_()))
    page.goto("/")
    page.locator("[data-variant-picker]").select_option("gid://shopify/ProductVariant/9003")
    expect(widget(page)).to_have_attribute("variant-id", "gid://shopify/ProductVariant/9003")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    assert bodies == [
        {
            "userImageId": bodies[0]["userImageId"],
            "productId": "gid://shopify/Product/8001",
            "variantId": "gid://shopify/ProductVariant/9003",
        }
    ]


def test_generation_id_attribute_attaches_to_an_existing_generation(page: Page, mock) -> None:
    gen_id = mock.generation("success")
    page.goto("/")
    add_widget(page, {"product-id": "gid://shopify/Product/8002", "generation-id": gen_id, "poll-interval": "20"})
    expect(widget(page, 1)).to_have_attribute("state", "completed")
    assert mock.requests("/fitting-room") == [] and len(mock.status_polls(gen_id)) == 4
    expect(widget(page, 1).locator("[part=button]")).to_have_text("See your try-on")


def test_events_bubble_out_of_the_shadow_root_in_order(page: Page, mock, photo) -> None:
    page.goto("/")
    page.evaluate("""() => { window.seen = [];
      for (const type of ['tryon-status', 'tryon-complete', 'tryon-fail'])
        document.addEventListener(type, (e) => window.seen.push([type, e.detail.state ?? e.detail.status, e.composed])); }""")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    seen = page.evaluate("window.seen")
    assert [s[:2] for s in seen] == [
        ["tryon-status", "consent"],
        ["tryon-status", "uploading"],
        ["tryon-status", "pending"],
        ["tryon-status", "pending"],
        ["tryon-status", "processing"],
        ["tryon-status", "processing"],
        ["tryon-status", "completed"],
        ["tryon-complete", "COMPLETED"],
    ]
    assert all(composed for *_, composed in seen)


def test_two_widgets_work_independently_and_removal_stops_polling(page: Page, mock, photo) -> None:
    page.add_init_script(COUNT_POLLS)
    page.clock.install()  # time flows as usual until the end, where the page's clock jumps ahead
    page.goto("/")
    add_widget(page, {"product-id": "gid://shopify/Product/8002", "product-title": "Merino Crew Sweater"})
    mock.config(scenario="stuck")
    try_on(page, photo, index=0, interval=30)
    expect(widget(page, 0)).to_have_attribute("state", "processing")
    widget(page, 0).locator("[part=close]").click()
    mock.config(scenario="instant")
    widget(page, 1).evaluate("el => el.setAttribute('poll-interval', '30')")
    second = open_dialog(page, 1)
    # The photo given to the first widget is reused by the second.
    expect(second.get_by_role("button", name="Create my try-on")).to_be_enabled()
    second.get_by_role("button", name="Create my try-on").click()
    expect(widget(page, 1)).to_have_attribute("state", "completed")
    expect(widget(page, 0)).to_have_attribute("state", "processing")
    widget(page, 0).evaluate("el => el.remove()")
    # A minute of the page's time passes at once: a removed widget has no timer left to start a poll with.
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    started = page.evaluate("window.polls")
    page.clock.run_for(60_000)
    assert page.evaluate("window.polls") == started, "a removed widget kept polling"


def test_a_saved_photo_is_reused_on_another_product(page: Page, mock, photo) -> None:
    page.goto("/")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")
    page.goto("/products/merino-crew")
    widget(page).evaluate("el => el.setAttribute('poll-interval', '20')")
    dialog = open_dialog(page)
    expect(dialog.locator("[data-note]")).to_have_text("Using your photo from earlier.")
    expect(dialog.get_by_role("checkbox")).to_be_checked()
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    assert len(mock.requests("/prepare-upload")) == 1 and len(mock.requests("/fitting-room")) == 2
    dialog.get_by_role("button", name="Use another photo").click()
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_disabled()
    assert page.evaluate("sessionStorage.getItem('tryon:photo')") is None


def test_theming_with_custom_properties_and_the_button(page: Page, mock) -> None:
    page.goto("/")
    # The block sets its own --tryon-* from the merchant's settings on its #id; a theme overrides the same way, and
    # styles the button itself (a light-DOM child: ::part(button) is for markup without one, test_button_first.py).
    page.add_style_tag(
        content="html #tryon-preview { --tryon-accent: rgb(10, 120, 60); --tryon-radius: 20px; }"
        "tryon-widget > button { letter-spacing: 2px; }"
    )
    button = widget(page).locator("[part=button]")
    style = button.evaluate(
        "b => { const s = getComputedStyle(b); return [s.color, s.borderTopLeftRadius, s.letterSpacing, s.fontFamily]; }"
    )
    assert style[:3] == ["rgb(10, 120, 60)", "20px", "2px"]
    assert style[3] == page.evaluate("getComputedStyle(document.body).fontFamily"), "inherits the theme's font"


def test_fits_a_320px_screen(page: Page, mock, photo) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('poll-interval', '20')")
    dialog = give_photo(page, photo)
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert dialog.evaluate("d => d.scrollWidth <= d.clientWidth")
    shoot(page, "photo-320px")
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "completed")
    shoot(page, "completed-320px")


def test_keyboard_only_journey(page: Page, mock, photo) -> None:
    # Playwright turns file-chooser interception on asynchronously; a bare key press can beat it.
    page.on("filechooser", lambda _: None)
    page.goto("/")
    widget(page).evaluate("el => el.setAttribute('poll-interval', '20')")
    widget(page).locator("[part=button]").focus()
    page.keyboard.press("Enter")
    dialog = widget(page).locator("dialog[part=dialog]")
    expect(dialog.get_by_role("checkbox")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Choose a photo")).to_be_focused()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(photo)
    expect(dialog.get_by_role("button", name="Create my try-on")).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget(page)).to_have_attribute("state", "completed")
    # On the result, focus is on its heading (announced), not on a button at the bottom.
    expect(dialog.get_by_role("heading", name="Here you are in Linen Overshirt")).to_be_focused()
    page.keyboard.press("Escape")
    expect(widget(page).locator("[part=button]")).to_be_focused()


def fresh(page: Page) -> None:
    """The product page with nothing remembered from earlier try-ons.

    Storage and cookies (a remembered try-on) are cleared from a page of the same origin without a widget: on the
    product page a remembered result would be shown, and remembered, again.
    """
    page.goto("/_mock/scenarios")
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.context.clear_cookies()
    page.goto("/")


def states_with_dialog_open(page: Page, mock, photo):
    """Yield (name, page) for each state with the dialog open, on the product page."""
    page.goto("/")
    yield "idle", page
    dialog = open_dialog(page)
    yield "consent", page
    dialog.get_by_role("checkbox").check()
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Choose a photo").click()
    chooser.value.set_files(photo)
    expect(dialog.locator("[part=preview]")).to_be_visible()
    yield "photo", page
    held = []
    page.route("**/fitting-room", lambda route: held.append(route))
    dialog.get_by_role("button", name="Create my try-on").click()
    expect(widget(page)).to_have_attribute("state", "pending")
    yield "pending", page
    mock.config(scenario="stuck")
    held[0].continue_()
    page.unroute("**/fitting-room")
    expect(widget(page)).to_have_attribute("state", "processing")
    yield "processing", page


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violations_in_any_state(page: Page, mock, photo, width) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    widget_states = []
    for name, current in states_with_dialog_open(page, mock, photo):
        assert_accessible(current, name)
        shoot(current, f"{name}-{width}px")
        widget_states.append(name)
    assert widget_states == ["idle", "consent", "photo", "pending", "processing"]
    for scenario, state in (("instant", "completed"), ("failed", "failed"), ("creation-failed", "failed")):
        mock.config(scenario=scenario)
        fresh(page)
        try_on(page, photo)
        expect(widget(page)).to_have_attribute("state", state)
        assert_accessible(page, scenario)
        shoot(page, f"{scenario}-{width}px")
    mock.config(scenario="stuck")
    fresh(page)
    widget(page).evaluate("el => el.setAttribute('max-attempts', '1')")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "timeout")
    assert_accessible(page, "timeout")
    shoot(page, f"timeout-{width}px")
    fresh(page)
    page.route("**/prepare-upload", lambda route: route.abort("connectionrefused"))
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "error")
    expect(widget(page).locator("[data-error]")).to_have_text(
        "We couldn't reach the store. Check your connection and try again."
    )
    assert_accessible(page, "error")
    shoot(page, f"error-{width}px")
