"""The test kit's fixtures (tryon_kit, registered by the pytest11 entry point) on pages that are not ours."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tryon_kit import PROXY_PATH
from tryon_kit import TryOn
from tryon_kit import TryOnError
from tryon_kit import TryOnMock
from tryon_kit import widget_file

SHOP = "https://kit-shop.example"


def shop_page(page: Page, body: str, path: str = "/products/shirt") -> None:
    """A store page served by the test (a domain that is not ours), the rest falling through to the mock."""
    page.route(
        SHOP + path, lambda route: route.fulfill(body=f"<!doctype html><main>{body}</main>", content_type="text/html")
    )
    page.goto(SHOP + path)


def test_the_answers_are_the_mock_apps_own(page: Page, tryon_mock: TryOnMock) -> None:
    shop_page(page, "<h1>Shirt</h1>")
    answer = page.evaluate(f"fetch('{PROXY_PATH}/check-credits').then(r => r.json())")
    assert answer == tryon_mock.http.get(f"{PROXY_PATH}/check-credits").get_json()
    tryon_mock.config(credits=False)
    assert page.evaluate(f"fetch('{PROXY_PATH}/check-credits').then(r => r.json())")["allowed"] is False
    assert [(r["method"], r["path"], r["status"]) for r in tryon_mock.requests()] == [
        ("GET", f"{PROXY_PATH}/check-credits", 200)
    ] * 2


def test_inject_widget_runs_the_whole_journey_and_records_what_was_sent(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, '<h1>Shirt</h1><form action="/cart/add"><button>Add</button></form>')
    tryon_mock.inject_widget(
        page, product_id="gid://shopify/Product/8001", variant_id="gid://shopify/ProductVariant/9002"
    )
    assert page.evaluate("document.querySelector('form + tryon-widget') !== null"), "placed after the product form"
    assert tryon.run() == "completed"
    assert tryon.result_src and tryon.failure_text == ""
    [create] = tryon_mock.requests("/fitting-room")
    assert create["body"]["variantId"] == "gid://shopify/ProductVariant/9002"
    assert create["response"]["jobId"] == tryon_mock.generations()[0]["id"]
    assert tryon_mock.generations()[0]["status"] == "COMPLETED"


@pytest.fixture
def patient(monkeypatch) -> None:
    """A kit that would wait 120 s for each step: an error that comes well before came from what the kit saw."""
    monkeypatch.setattr("tryon_kit.page.STEP_MS", 120_000)


def named_soon(tryon: TryOn, match: str) -> None:
    started = time.monotonic()
    with pytest.raises(TryOnError, match=match):
        tryon.open()
    assert time.monotonic() - started < 60, "told from what the page shows, not after the step's timeout"


def test_a_page_without_the_widget_is_named(page: Page, tryon: TryOn, patient) -> None:
    shop_page(page, "<h1>Shirt</h1>")
    named_soon(tryon, r"no tryon-widget on https://kit-shop\.example/products/shirt: is the app block or embed")


WIDGET = '<tryon-widget product-id="gid://shopify/Product/8001"><button part="button">Try it on</button></tryon-widget>'


def test_a_widget_whose_script_answered_404_is_named_with_its_url(page: Page, tryon: TryOn, patient) -> None:
    page.route(f"{SHOP}/cdn/shop/t/1/assets/tryon-widget.js?v=3", lambda route: route.fulfill(status=404, body=""))
    shop_page(page, WIDGET + '<script src="/cdn/shop/t/1/assets/tryon-widget.js?v=3" defer></script>')
    named_soon(tryon, r"https://kit-shop\.example/cdn/shop/t/1/assets/tryon-widget\.js\?v=3 answered HTTP 404")


def test_a_widget_whose_script_could_not_be_fetched_is_named_with_its_url(page: Page, tryon: TryOn, patient) -> None:
    page.route(f"{SHOP}/cdn/tryon-widget.js", lambda route: route.abort("connectionrefused"))
    shop_page(page, WIDGET + '<script src="/cdn/tryon-widget.js"></script>')
    named_soon(tryon, r"https://kit-shop\.example/cdn/tryon-widget\.js failed \(net::ERR_CONNECTION_REFUSED\)")


def test_a_widget_script_refused_by_the_pages_csp_is_named(page: Page, tryon: TryOn, patient) -> None:
    html = f"<!doctype html><main>{WIDGET}<script src='https://cdn.example/tryon-widget.js'></script></main>"
    csp = {"Content-Security-Policy": "script-src 'self'"}
    page.route(SHOP + "/", lambda route: route.fulfill(body=html, content_type="text/html", headers=csp))
    page.goto(SHOP + "/")
    named_soon(tryon, r"https://cdn\.example/tryon-widget\.js was refused by the page's Content-Security-Policy")


def test_a_widget_with_no_script_on_the_page_is_named(page: Page, tryon: TryOn, patient) -> None:
    shop_page(page, WIDGET)
    named_soon(
        tryon, "tryon-widget is on https://kit-shop.example/products/shirt, but tryon-widget.js never defined it"
    )


def test_a_run_that_ends_otherwise_says_why_in_the_failed_assertion(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, "")
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001")
    state = tryon.run("failed")
    assert state == "failed" and state.reason == tryon.failure_text != ""
    # What pytest prints for `assert tryon.run() == "completed"`: the state, then the dialog's words.
    assert repr(state) == f"'failed' (the dialog says: {tryon.failure_text})"


def test_a_custom_timeline_for_the_widgets_next_generation_in_one_call(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, "")
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001")
    steps = [
        {"status": "PROCESSING", "polls": 2},
        {"status": "FAILED", "polls": 1, "errorCode": "GARMENT_NOT_VISIBLE", "errorMessage": "No garment"},
    ]
    assert tryon.run(timeline=steps) == "failed"
    [job] = tryon_mock.generations()
    assert (job["status"], job["polls"]) == ("FAILED", 3)


def test_one_call_moves_the_mocks_clock_and_the_pages(page: Page, tryon_mock, tryon) -> None:
    page.clock.install()
    shop_page(page, "")
    # Five minutes of generation (the widget waits ten), polled once a minute: neither clock alone gets it on screen.
    tryon_mock.config(timeline=[{"status": "PROCESSING", "seconds": 300}, {"status": "COMPLETED", "polls": 1}])
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001")
    slow = TryOn(page, tryon_mock, poll_interval=60_000)
    slow.open().consent().choose_photo().create()
    assert slow.wait_for("processing") == "processing"
    slow.advance(300_000)
    assert slow.wait_for("completed") == "completed"
    assert tryon_mock.generations()[0]["status"] == "COMPLETED"


def test_a_missing_control_is_named_with_the_state_and_the_words_shown(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, "")
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001")
    tryon_mock.config(credits=False)
    assert tryon.run() == "unavailable"
    with pytest.raises(
        TryOnError,
        match=r"no consent checkbox in the try-on \(state 'unavailable'\); the dialog "
        r"says: Try-ons aren't available",
    ):
        tryon.consent()


def test_a_network_fault_cuts_only_the_requests_asked(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, "")
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001")
    tryon_mock.network_fault("*/prepare-upload", "internetdisconnected")
    assert tryon.run() == "error"
    assert "connection" in tryon.failure_text.lower()
    cut = tryon_mock.requests("/prepare-upload")
    assert cut and all(r["status"] is None and r["fault"] == "internetdisconnected" for r in cut)
    assert tryon_mock.generations() == []


def test_a_fault_on_a_store_route_and_the_mocked_cart(page: Page, tryon_mock: TryOnMock) -> None:
    shop_page(page, "")
    add = (
        "fetch('/cart/add.js', {method: 'POST', headers: {'Content-Type': 'application/json'}, "
        "body: JSON.stringify({id: 9001, quantity: 1})}).then(r => r.status)"
    )
    page.route(SHOP + "/cart/add.js", lambda route: route.fulfill(status=418, body="the store's own"))
    assert page.evaluate(add) == 418, "a real store's cart is not mocked unless asked"
    page.unroute(SHOP + "/cart/add.js")
    tryon_mock.mock_cart()
    assert page.evaluate(add) == 200
    assert page.evaluate("fetch('/cart.js').then(r => r.json())")["item_count"] == 1, "the cart cookie is kept"
    tryon_mock.fault("/cart/add.js", 500)
    assert page.evaluate(add) == 500
    tryon_mock.fault("/cart/add.js", None)
    assert page.evaluate(add) == 200


def test_bad_arguments_are_refused_in_words(tryon_mock: TryOnMock) -> None:
    with pytest.raises(ValueError, match="unknown network fault 'cut'"):
        tryon_mock.network_fault("*", "cut")
    with pytest.raises(ValueError, match="scenario"):
        tryon_mock.scenario("no-such-scenario")
    with pytest.raises(ValueError):
        tryon_mock.fault("/fitting-room", 200)
    with pytest.raises(FileNotFoundError, match="tryon-widget.js"):
        widget_file("../server/__init__.py")


def test_an_attached_generation_follows_the_mocks_clock(page: Page, tryon_mock, tryon) -> None:
    shop_page(page, "")
    job = tryon_mock.generation(
        timeline=[{"status": "PROCESSING", "seconds": 600}, {"status": "COMPLETED", "polls": 1}]
    )
    tryon_mock.inject_widget(page, product_id="gid://shopify/Product/8001", generation_id=job, poll_interval=50)
    tryon.open()
    assert tryon.wait_for("processing") == "processing"
    tryon_mock.advance(600_000)
    assert tryon.wait_for("completed") == "completed"


def test_another_proxy_path_and_two_widgets(page: Page, context) -> None:
    mock = TryOnMock(context, proxy_path="/apps/try-on/")
    shop_page(page, "")
    mock.inject_widget(page, product_id="gid://shopify/Product/8001", id="first")
    mock.inject_widget(page, product_id="gid://shopify/Product/8002", id="second")
    second = TryOn(page, mock).widget("#second")
    assert second.run() == "completed"
    paths = [r["path"] for r in mock.requests() if not r["path"].startswith("/_storage/")]
    assert paths and all(path.startswith("/apps/try-on/") for path in paths), paths
    assert [g["productId"] for g in mock.generations()] == ["gid://shopify/Product/8002"]
    expect(page.locator("#first")).to_have_attribute("state", "idle")


def test_service_workers_are_off_where_the_mock_routes(page: Page, tryon_mock: TryOnMock) -> None:
    shop_page(page, "")
    assert page.evaluate("'serviceWorker' in navigator") is False


def test_goto_product_opens_the_first_product_through_the_password_page(page: Page, tryon_mock) -> None:
    store = "https://dev-store.example"
    seen = []

    def answer(route):  # Shopify's locked storefront: the password form, until the password sets a cookie
        request, path = route.request, route.request.url.removeprefix(store).split("?")[0]
        seen.append((request.method, path))
        if path == "/password" and request.method == "POST":
            assert request.post_data == "password=hunter2"
            return route.fulfill(
                body="<script>location.replace('/')</script>",
                content_type="text/html",
                headers={"Set-Cookie": "storefront_digest=ok; Path=/"},
            )
        if "storefront_digest=ok" not in request.headers.get("cookie", ""):
            form = '<form method="post" action="/password"><input type="password" name="password"></form>'
            return route.fulfill(body=form, content_type="text/html")
        if path == "/products.json":
            return route.fulfill(json={"products": [{"handle": "linen-shirt"}, {"handle": "cap"}]})
        route.fulfill(body=f"<main><h1>{path}</h1></main>", content_type="text/html")

    page.route(lambda url: url.startswith(store + "/"), answer)
    with pytest.raises(TryOnError, match="asks for its storefront password"):
        TryOn(page, tryon_mock, store_url=store).goto_product()
    TryOn(page, tryon_mock, store_url=store, store_password="hunter2").goto_product()
    assert page.url == store + "/products/linen-shirt"
    expect(page.locator("h1")).to_have_text("/products/linen-shirt")
    assert ("POST", "/password") in seen
    with pytest.raises(TryOnError, match="--base-url"):
        TryOn(page, tryon_mock).goto_product()
