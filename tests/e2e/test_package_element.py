"""The npm package's element ("tryon-widget/element", dist/npm/element.js) on a headless store's page: imported as
an ES module, its parts load as the package's own chunks (no script tags next to tryon-widget.js)."""

from __future__ import annotations

from urllib.parse import urlencode

from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.storefront import try_on
from tests.support.storefront import widget


def headless_page(page: Page, query: str = "") -> None:
    """/headless/: the element imported as a module, as a headless store's own page would (strict CSP too)."""
    page.goto("/headless/" + query)


def test_element_module_runs_a_try_on_with_its_own_chunks(page: Page, mock, photo) -> None:
    headless_page(page)
    expect(widget(page)).to_have_attribute("state", "idle")
    assert page.evaluate("customElements.get('tryon-widget').name") == "TryOnWidgetElement"
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed", timeout=15_000)
    loaded = {r["path"].split("/")[-1].split("-")[0] for r in mock.requests("/assets/")}
    assert {"element.js", "dialog", "photo", "features", "strings", "part"} <= loaded, loaded
    assert not [r for r in mock.requests("/assets/tryon-")], "no IIFE file: the module's chunks only"
    assert page.locator("script:not([type=module])").count() == 0, "no part was loaded by a script tag"


def test_status_url_and_adapter_attributes_reach_the_client(page: Page, mock, photo) -> None:
    status = "/apps/proxy_genlook-x/public/generation/{id}?via=store-route"
    asked = []
    page.on("request", lambda request: "/generation/" in request.url and asked.append(request.url))
    headless_page(page, "?" + urlencode({"adapter": "genlook-api", "status-url": status}))
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed", timeout=15_000)
    assert asked and all(url.endswith("?via=store-route") for url in asked), asked


def test_a_bad_adapter_is_warned_once_and_the_defaults_poll(page: Page, mock, photo) -> None:
    warnings = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    headless_page(page, "?adapter=genlook&status-url=/nowhere")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed", timeout=15_000)
    assert [w for w in warnings if "adapter" in w] == [
        "<tryon-widget>: ignoring adapter and status-url: Expected `adapter` to be one of "
        "genlook-proxy,genlook-api,sellerpic, got genlook"
    ]
    assert mock.status_polls() and not mock.requests("/nowhere")


def test_hydrogen_recipe_status_route_keeps_the_key_on_the_server(page: Page, mock, photo, base_url) -> None:
    """docs/headless.md's Hydrogen recipe: the store's own route answers the status from Genlook's Try-On API v1 (the key
    added server-side; played here by a route handler that does what the recipe's loader does)."""
    mock.config(scenario="failed")
    keys_sent = []
    page.on("request", lambda request: keys_sent.append(request.headers.get("x-api-key")))

    def store_route(route):
        generation = route.request.url.rsplit("/", 1)[-1]
        answer = route.fetch(url=f"{base_url}/tryon/v1/generations/{generation}", headers={"x-api-key": "gk_test_mock"})
        route.fulfill(response=answer, headers={"Content-Type": "application/json", "Cache-Control": "no-store"})

    page.route("**/api/tryon/generations/*", store_route)
    headless_page(page, "?" + urlencode({"adapter": "genlook-api", "status-url": "/api/tryon/generations/{id}"}))
    dialog = try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "failed", timeout=15_000)
    # The v1 answer's errorCode (the proxy's answer has none) reached the widget: the product's picture is blamed.
    expect(dialog.locator("[data-error]")).to_contain_text("couldn't load this product's picture")
    assert mock.requests("/tryon/v1/generations/") and not any(keys_sent), "the browser never holds the key"
