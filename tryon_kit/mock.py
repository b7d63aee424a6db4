"""The in-browser mock: a browser context's requests to the app proxy answered by the mock app inside this process.

Every request to the proxy path on any origin (and to the storage URLs the mock hands out) is routed with
Playwright's `context.route` to `server.create_app()` through WSGI, so the answers are exactly the HTTP mock's,
without a server, a port or a thread. Each TryOnMock has its own app: tests never share jobs, under xdist too.
"""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext
from playwright.sync_api import Page
from playwright.sync_api import Route

from .assets import PAGE_LOAD_FILE
from .assets import PROXY_PATH
from .assets import widget_file

# Where the mock's signed upload, photo and result URLs point (on the page's own origin).
STORAGE_PATH = "/_storage/"
# Where inject_widget serves the packaged widget, on the page's own origin.
KIT_PATH = "/_tryon_kit/"
# The store's Ajax Cart API, answered by the mock only after mock_cart(): a real store has its own cart.
CART_PATHS = ("/cart/add.js", "/cart.js", "/cart/clear.js")
# Playwright's route.abort() error codes.
ABORT_KINDS = (
    "aborted",
    "accessdenied",
    "addressunreachable",
    "blockedbyclient",
    "blockedbyresponse",
    "connectionaborted",
    "connectionclosed",
    "connectionfailed",
    "connectionrefused",
    "connectionreset",
    "internetdisconnected",
    "namenotresolved",
    "timedout",
    "failed",
)
# Playwright's routing does not see what a service worker fetches; a page without the API registers none.
NO_SERVICE_WORKERS = "delete Navigator.prototype.serviceWorker;"
# Headers the WSGI call sets itself.
HOP_HEADERS = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}

INJECT = """([src, attributes]) => {
  if (!document.querySelector(`script[src="${src}"]`)) {
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  }
  const widget = document.createElement('tryon-widget');
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  const form = document.querySelector('form[action*="/cart/add"]');
  form ? form.after(widget) : (document.querySelector('main') || document.body).append(widget);
}"""


class TryOnMock:
    """Test-side handle: scenarios, config, scripted jobs, faults, and what the browser asked for."""

    PROXY_PATH = PROXY_PATH

    def __init__(self, context: BrowserContext, proxy_path: str = PROXY_PATH, config: dict | None = None):
        from tryon_server import create_app  # Flask is imported only by tests that use the mock

        # Any Host: the app is reached from this process only, never from a network.
        self.app = create_app({"ALLOWED_HOSTS": ("*",), "MOCK": config or {}})
        self.state = self.app.extensions["tryon_mock"]
        self.http = self.app.test_client(use_cookies=False)  # the browser keeps the cookies
        self.context = context
        self.proxy_path = "/" + proxy_path.strip("/")
        self._log: list[dict] = []
        self._cart = False
        context.add_init_script(NO_SERVICE_WORKERS)
        context.route(self._routed, self._answer)

    # -- routing

    def _routed(self, url: str) -> bool:
        path = urlsplit(url).path
        return path.startswith((self.proxy_path + "/", STORAGE_PATH, KIT_PATH)) or (self._cart and path in CART_PATHS)

    def _answer(self, route: Route) -> None:
        request = route.request
        url = urlsplit(request.url)
        if url.path.startswith(KIT_PATH):
            return self._serve_widget(route, url.path[len(KIT_PATH) :])
        path = self._app_path(url.path)
        headers = {k: v for k, v in request.all_headers().items() if k.lower() not in HOP_HEADERS}
        data = request.post_data_buffer
        response = self.http.open(
            path + ("?" + url.query if url.query else ""),
            method=request.method,
            base_url=f"{url.scheme}://{url.netloc}",
            headers=headers,
            data=data,
        )
        answer = response.get_json(silent=True) if response.is_json else None
        self._record(
            request.method, url.path, response.status_code, data, **({"response": answer} if answer is not None else {})
        )
        out = {}
        for name, value in response.headers.items():  # Set-Cookie may repeat: Playwright takes them joined by \n
            out[name] = f"{out[name]}\n{value}" if name in out else value
        route.fulfill(status=response.status_code, headers=out, body=response.get_data())

    def _serve_widget(self, route: Route, name: str) -> None:
        try:
            body = widget_file(name)
        except FileNotFoundError as error:
            return route.fulfill(status=404, content_type="text/plain", body=str(error))
        route.fulfill(status=200, content_type="text/javascript", body=body)

    def _app_path(self, path: str) -> str:
        """A path as the mock app knows it: the configured proxy path becomes the app's own."""
        if path.startswith(self.proxy_path + "/"):
            return PROXY_PATH + path[len(self.proxy_path) :]
        return path

    def _record(self, method: str, path: str, status: int | None, data: bytes | None, **extra) -> None:
        entry = {"method": method, "path": path, "status": status, "at": int(self.state.now() * 1000), **extra}
        if method == "POST" and data:
            try:
                entry["body"] = json.loads(data)
            except ValueError:
                pass
        self._log.append(entry)

    def _control(self, method: str, path: str, body: dict | None = None, expect: int = 200):
        response = self.http.open("/_mock" + path, method=method, json=body)
        if response.status_code != expect:
            raise ValueError((response.get_json() or {}).get("message", response.status))
        return response.get_json()

    # -- the public API (docs/testing.md)

    def scenario(self, name: str) -> None:
        """The scenario the next generations created through /fitting-room follow (GET /_mock/scenarios lists them)."""
        self.config(scenario=name)

    def config(self, **fields) -> dict:
        """Change the mock's config (the fields of PUT /_mock/config); returns the whole config."""
        return self._control("PUT", "/config", fields)

    def generation(self, scenario: str | None = None, timeline: list[dict] | None = None) -> str:
        """A job made directly (not through /fitting-room), for a widget to attach to with `generation-id`."""
        body = {"timeline": timeline} if timeline is not None else {"scenario": scenario or "success"}
        return self._control("POST", "/generations", body, expect=201)["generationId"]

    def requests(self, path_contains: str | None = None) -> list[dict]:
        """What the browser asked the mock, in order: method, path, status (None when a network fault cut it),
        at (the mock's clock, ms), the parsed JSON `body` of POSTs and the parsed JSON `response`."""
        return [dict(r) for r in self._log if path_contains is None or path_contains in r["path"]]

    def generations(self) -> list[dict]:
        """The jobs created, oldest first: id, userImageId, productId, variantId, status, polls."""
        return [
            {
                "id": job.id,
                "userImageId": job.user_image_id,
                "productId": job.product_id,
                "variantId": job.variant_id,
                "status": job.status,
                "polls": job.polls,
            }
            for job in self.state.records("jobs")
        ]

    def tracking(self) -> list[dict]:
        """Every analytics event the widget sent, in order."""
        return self._control("GET", "/tracking")["events"]

    def emails(self) -> list[str]:
        """Addresses the widget sent to /collect-email."""
        return self._control("GET", "/emails")["emails"]

    def fault(self, path: str, status: int | None) -> None:
        """Answer every request to `path` with HTTP `status` (400-599) until fault(path, None).
        `path` is under the proxy ("/fitting-room") or a full path ("/cart/add.js")."""
        full = (
            path
            if path.startswith((self.proxy_path + "/", PROXY_PATH + "/", "/cart", STORAGE_PATH))
            else PROXY_PATH + "/" + path.lstrip("/")
        )
        faults = dict(self._control("GET", "/config")["faults"])
        if status is None:
            faults.pop(self._app_path(full), None)
        else:
            faults[self._app_path(full)] = status
        self.config(faults=faults)

    def network_fault(self, path_glob: str, kind: str = "failed", times: int | None = None) -> None:
        """Cut the next `times` requests (all, when None) whose URL path matches `path_glob` (`*` spans slashes,
        e.g. "*/generation/*") with Playwright's abort code `kind`: timedout, connectionreset,
        internetdisconnected, ..."""
        if kind not in ABORT_KINDS:
            raise ValueError(f"unknown network fault {kind!r}; one of {', '.join(ABORT_KINDS)}")
        if times is not None and (not isinstance(times, int) or times < 1):
            raise ValueError("times: a whole number of requests, 1 or more, or None for all")
        left = [times]

        def cut(route: Route) -> None:
            if left[0] == 0:
                return route.fallback()
            if left[0] is not None:
                left[0] -= 1
            request = route.request
            self._record(request.method, urlsplit(request.url).path, None, request.post_data_buffer, fault=kind)
            route.abort(kind)

        # Routes registered later are asked first, so the cut comes before the mock's answer.
        self.context.route(lambda url: fnmatchcase(urlsplit(url).path, path_glob), cut)

    def mock_cart(self) -> None:
        """Answer the store's /cart/add.js and /cart.js too (for pages with no store behind them)."""
        self._cart = True

    def advance(self, ms: int) -> None:
        """Move the mock's clock forward (timed timeline steps, expiries, rate-limit windows)."""
        self._control("POST", "/clock", {"advanceMs": ms})

    def inject_widget(self, page: Page, product_id: str, **attributes) -> None:
        """Put the packaged widget into a page that lacks it, after its product form (else at the end of <main>):
        `inject_widget(page, product_id="gid://shopify/Product/1", variant_id=..., locale="fr")`."""
        attributes = {name.replace("_", "-"): str(value) for name, value in attributes.items()}
        if self.proxy_path != PROXY_PATH:
            attributes.setdefault("proxy-path", self.proxy_path)
        page.evaluate(INJECT, [KIT_PATH + PAGE_LOAD_FILE, {"product-id": product_id, **attributes}])
        page.wait_for_function("() => !!customElements.get('tryon-widget')", timeout=10_000)
