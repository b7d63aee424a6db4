"""The merchant preview and the state gallery, in a real browser."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from playwright.sync_api import expect

from server.catalog import PRODUCTS
from server.store import liquid_block
from server.store.pages import variants_of
from tests.support.storefront import SHOTS
from tests.support.storefront import try_on

AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
ATTRIBUTES = [
    "id",
    "product-id",
    "variant-id",
    "product-title",
    "product-image",
    "variant-images",
    "locale",
    "poll-interval",
    "label",
]


def frame_widget(page: Page):
    return page.frame_locator("[data-frame]").locator("tryon-widget")


def block_attributes(live_app, settings: dict) -> dict:
    """The <tryon-widget> attributes the Liquid block itself renders for these settings."""
    product = PRODUCTS["gid://shopify/Product/8001"]
    variants = variants_of(product)
    with live_app.app_context():
        html = liquid_block.render(product, variants, variants[0], "gid://shopify/Product/8001", "en", settings)
    tag = re.search(r"<tryon-widget(.*?)>", html, re.S).group(1)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def test_preview_shows_what_the_block_renders(page: Page, mock, live_app) -> None:
    settings = {"label": "See it on you", "poll_interval_ms": "4000", "button_style": "filled"}
    page.goto("/preview/")
    panel = page.locator("[data-settings]")
    panel.locator("[name=label]").fill(settings["label"])
    panel.locator("[name=label]").dispatch_event("change")
    panel.locator("[name=poll_interval_ms]").fill(settings["poll_interval_ms"])
    panel.locator("[name=poll_interval_ms]").dispatch_event("change")
    panel.locator("[name=button_style]").select_option(settings["button_style"])
    widget = frame_widget(page)
    expect(widget.locator("[part=button]")).to_have_text("See it on you")
    expect(widget).to_have_attribute("poll-interval", "4000")
    shown = widget.evaluate(
        f"el => Object.fromEntries({ATTRIBUTES!r}.filter((a) => el.hasAttribute(a)).map((a) => [a, el.getAttribute(a)]))"
    )
    # The preview also passes the label to a loaded dialog (it shows it again after a try-on): the `label` attribute.
    assert shown.pop("label") == "See it on you"
    assert shown == block_attributes(live_app, settings)


@pytest.mark.parametrize(
    ("name", "value", "check"),
    [
        ("label", "Virtual fitting", "button.textContent === 'Virtual fitting'"),
        ("accent_color", "#0a783c", "getComputedStyle(button).color === 'rgb(10, 120, 60)'"),
        ("corner_radius", "20", "getComputedStyle(button).borderTopLeftRadius === '20px'"),
        ("button_style", "filled", "getComputedStyle(button).backgroundColor === 'rgb(29, 29, 31)'"),
        ("text_on_accent", "#ffcc00", "getComputedStyle(button).color === 'rgb(255, 204, 0)'"),
        ("language", "de", "button.textContent === 'Anprobieren'"),
        ("poll_interval_ms", "5000", "el.getAttribute('poll-interval') === '5000'"),
        ("show_on_mobile", False, "getComputedStyle(el).display === 'none'"),
        ("show_compare", False, "el.hasAttribute('no-compare')"),
        ("show_cart", False, "el.hasAttribute('no-cart')"),
        ("show_share", False, "el.hasAttribute('no-share')"),
        ("show_download", False, "el.hasAttribute('no-download')"),
        ("email_capture", True, "el.hasAttribute('email-capture')"),
        ("analytics", False, "el.hasAttribute('no-analytics')"),
    ],
)
def test_each_setting_changes_the_widget(page: Page, mock, name, value, check) -> None:
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto("/preview/")
    panel = page.locator("[data-settings]")
    if name == "text_on_accent":
        panel.locator("[name=button_style]").select_option("filled")
    if name == "corner_radius":
        # By default the button takes the theme's shape; the merchant's own radius applies once chosen.
        panel.locator("[name=button_shape]").select_option("custom")
    if name == "show_on_mobile":
        # The frame shows a device at its real width: "Show on mobile" matters on the mobile one.
        panel.locator("[name=device]").select_option("390")
    field = panel.locator(f"[name={name}]")
    if isinstance(value, bool):
        field.set_checked(value)
    elif field.evaluate("f => f.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)
        field.dispatch_event("change")
    widget = frame_widget(page)
    expect(widget).to_have_count(1)
    page.wait_for_function(
        "([check]) => { const doc = document.querySelector('[data-frame]').contentDocument;"
        " const el = doc && doc.querySelector('tryon-widget'); const button = el && el.button;"
        " return !!button && new Function('el', 'button', 'return ' + check)(el, button); }",
        arg=[check],
    )


def test_scenario_language_and_theme_pickers(page: Page, mock) -> None:
    page.goto("/preview/")
    panel = page.locator("[data-settings]")
    panel.locator("[name=scenario]").select_option("failed")
    page.wait_for_function("fetch('/_mock/config').then((r) => r.json()).then((c) => c.scenario === 'failed')")
    panel.locator("[name=locale]").select_option("fr")
    expect(frame_widget(page).locator("[part=button]")).to_have_text("Essayer")
    panel.locator("[name=theme]").select_option("dark")
    expect(page.frame_locator("[data-frame]").locator("body")).to_have_class(re.compile("theme-dark"))


def state_of(name: str) -> str:
    """The host's state attribute a gallery entry must reach."""
    if name in ("blocked-quota-exceeded", "blocked-billing-not-allowed", "unavailable"):
        return "unavailable"
    if name in ("long-wait", "completed-compare"):
        return {"long-wait": "processing", "completed-compare": "completed"}[name]
    return "failed" if name.startswith(("failed-", "blocked-")) else name


def test_gallery_shows_every_state_without_axe_violations(page: Page, mock) -> None:
    from server.preview.views import STATES

    page.set_viewport_size({"width": 1500, "height": 900})
    page.goto("/preview/states")
    frames = page.locator("iframe[data-state]")
    expect(frames).to_have_count(len(STATES) * 2)
    axe = Axe()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in STATES:
        for width in (1024, 360):
            selector = f"iframe[data-state='{name}'][data-width='{width}']"
            page.locator(selector).scroll_into_view_if_needed()  # the frames load lazily
            expect(page.frame_locator(selector).locator("tryon-widget")).to_have_attribute(
                "state", state_of(name), timeout=10_000
            )
    # Each frame keeps its own storage: a photo saved by one state must not show up in another.
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
    state_page = page.context.new_page()
    state_page.set_viewport_size({"width": 360, "height": 740})
    for name in STATES:
        state_page.goto(f"/preview/state/{name}")
        expect(state_page.locator("tryon-widget")).to_have_attribute("state", state_of(name), timeout=10_000)
        results = axe.run(state_page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    state_page.close()
    page.screenshot(path=str(SHOTS / "gallery.png"), full_page=True)
    # Reloading the gallery must not use up the shopper's upload allowance (10 per 5 minutes).
    assert mock.requests("/prepare-upload") == [] and mock.requests("/_storage/upload/") == []


def test_the_preview_shows_a_device_at_its_real_width_scaled_to_fit(page: Page, mock) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/preview/")
    frame = page.locator("[data-frame]")
    assert frame.evaluate("f => f.style.width") == "1280px"
    # Desktop width: unticking "Show on mobile" keeps the button on the desktop preview.
    page.locator("[data-settings] [name=show_on_mobile]").set_checked(False)
    expect(frame_widget(page).locator("[part=button]")).to_be_visible()
    page.locator("[data-settings] [name=device]").select_option("390")
    assert frame.evaluate("f => f.style.width") == "390px"
    expect(frame_widget(page).locator("[part=button]")).to_be_hidden()
    scale = frame.evaluate("f => new DOMMatrix(getComputedStyle(f).transform).a")
    assert 0 < scale <= 1
    # The frame is scrolled to the block.
    assert (
        page.frame_locator("[data-frame]")
        .locator("[data-block]")
        .evaluate("b => { const r = b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    )


def test_a_setting_change_keeps_the_try_on_on_screen(page: Page, mock, photo) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto("/preview/")
    widget = frame_widget(page)
    expect(widget.locator("[part=button]")).to_be_visible()
    frame = page.frame_locator("[data-frame]")
    dialog = try_on(page, photo, element=widget)
    expect(widget).to_have_attribute("state", "completed")
    expect(dialog.get_by_role("button", name="Share")).to_be_visible()
    # The panel is behind the frame's modal dialog, so the change is made as the merchant's form would.
    page.evaluate("""() => { const box = document.querySelector('[data-settings] [name=show_share]');
      box.checked = false; box.dispatchEvent(new Event('change', { bubbles: true })); }""")
    expect(dialog.get_by_role("button", name="Share")).to_be_hidden()
    expect(widget).to_have_attribute("state", "completed")
    expect(dialog.locator("[part=result]")).to_be_visible()
    assert frame.locator("tryon-widget").count() == 1


def test_range_settings_show_their_value(page: Page, mock) -> None:
    page.goto("/preview/")
    field = page.locator("[data-settings] [name=corner_radius]")
    field.fill("14")
    expect(page.locator("[data-value-of=corner_radius]")).to_have_text("14px")


def test_view_cart_leads_to_a_cart_page_and_no_page_lacks_an_icon(page: Page, mock, photo) -> None:
    missing = []
    page.on("response", lambda r: r.status == 404 and missing.append(r.url))
    page.goto("/")
    page.locator("[data-add-to-cart]").click()
    expect(page.locator("[data-cart-count]")).to_have_text("1")
    page.get_by_role("link", name="Cart (1)").click()
    expect(page.get_by_role("heading", name="Your cart")).to_be_visible()
    expect(page.get_by_role("cell", name="Linen Overshirt - Terracotta / S")).to_be_visible()
    assert missing == []


def test_every_state_in_arabic_on_the_dark_theme_is_accessible(page: Page, mock) -> None:
    """Both directions and both preview themes: the light left-to-right run is the gallery test above."""
    from server.preview.views import STATES

    page.set_viewport_size({"width": 360, "height": 740})
    axe = Axe()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in STATES:
        page.goto(f"/preview/state/{name}?locale=ar")
        page.evaluate("document.body.classList.add('theme-dark')")
        widget = page.locator("tryon-widget")
        expect(widget).to_have_attribute("state", state_of(name), timeout=10_000)
        if name != "idle":
            expect(widget.locator("dialog[part=dialog]")).to_have_attribute("dir", "rtl")
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name}: {results.generate_report()}"
        page.screenshot(path=str(SHOTS / f"ar-dark-{name}.png"))


def test_the_gallery_shows_every_state_under_live_reload(page: Page) -> None:
    """Issue 24: under `python3 dev.py serve` (live reload) the gallery showed 5 of 18 states: each frame opened its
    own event stream, each holding a server thread, and Chromium allows 6 connections per host. Only the top-level
    page listens now."""
    from server.preview.views import STATES
    from tests.support.server import running_server

    streams = []
    page.on("request", lambda request: "/_live/events" in request.url and streams.append(request.frame.url))
    with running_server(16, "--live-reload") as url:
        page.set_viewport_size({"width": 1500, "height": 900})
        page.goto(url + "/preview/states")
        for name in STATES:
            for width in (1024, 360):
                selector = f"iframe[data-state='{name}'][data-width='{width}']"
                page.locator(selector).scroll_into_view_if_needed()
                expect(page.frame_locator(selector).locator("tryon-widget")).to_have_attribute(
                    "state", state_of(name), timeout=10_000
                )
        assert streams == [url + "/preview/states"], streams
