"""Browser fixtures: the real Flask app on a free port, a system Chromium when there is one, mock helpers."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from waitress.server import create_server

from server import create_app
from tests.support.browser import launch_args

ROOT = Path(__file__).resolve().parents[2]
# Tests drive many uploads from one address; the per-user limits get their own tests.
TEST_LIMITS = {name: {"limit": 10_000, "windowSeconds": 60} for name in ("upload", "fittingRoom", "share")}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use $TRYON_CHROMIUM or a system Chromium; TRYON_CHROMIUM=bundled keeps Playwright's own browser."""
    return launch_args(browser_type_launch_args)


@pytest.fixture(scope="session")
def live_app():
    """The app behind the live server (one per test worker)."""
    if not (ROOT / "dist" / "tryon-widget.js").exists():
        pytest.fail("dist/tryon-widget.js is missing: run `python build.py` (or `python3 dev.py test`)")
    return create_app({"MOCK": {"rateLimits": TEST_LIMITS}})


class LiveServer:
    """The app under waitress (as `python -m server` runs it) in a thread; stop() and start() again on the same port."""

    def __init__(self, app, port: int = 0):
        self.app = app
        self.port = port
        self.start()

    def start(self) -> None:
        self.server = create_server(self.app, host="127.0.0.1", port=self.port, threads=16, asyncore_use_poll=True)
        self.port = self.server.effective_port
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop as a process would: the listening socket and every open connection close."""
        server = self.server

        def close_all():  # runs in the server's own loop thread, woken by its trigger
            for channel in list(server._map.values()):
                channel.close()

        server.trigger.pull_trigger(close_all)
        self.thread.join(5)
        server.task_dispatcher.shutdown()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def live(live_app):
    """The running server (one per test worker)."""
    logging.getLogger("waitress").setLevel(logging.ERROR)
    server = LiveServer(live_app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_server(live):
    """The live server's base URL."""
    return live.url


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright resolves page.goto('/') against this."""
    return live_server


class Mock:
    """Test-side handle on the live mock: config, scripted jobs and the request log."""

    def __init__(self, app):
        self.app = app
        self.state = app.extensions["tryon_mock"]
        self.http = app.test_client()

    def config(self, **changes):
        response = self.http.put("/_mock/config", json=changes)
        assert response.status_code == 200, response.get_json()

    def generation(self, scenario=None, timeline=None) -> str:
        body = {"scenario": scenario} if scenario else {"timeline": timeline}
        response = self.http.post("/_mock/generations", json=body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()["generationId"]

    def requests(self, contains: str = "", method: str | None = None) -> list[dict]:
        with self.state.lock:
            log = list(self.state.requests)
        return [r for r in log if contains in r["path"] and (method is None or r["method"] == method)]

    def status_polls(self, generation_id: str = "") -> list[dict]:
        """Status polls through the proxy API, of one generation when its id is given."""
        return self.requests(f"/public/generation/{generation_id}", "GET")

    def tracked(self) -> list[dict]:
        """Every analytics event the mock recorded, in arrival order."""
        with self.state.lock:
            return [event for batch in self.state.tracking for event in batch["events"]]

    def batches(self) -> list[dict]:
        with self.state.lock:
            return list(self.state.tracking)

    def wait_for_events(self, count: int, timeout: float = 10) -> list[dict]:
        """Block until the mock has recorded `count` analytics events; return them."""
        deadline = time.monotonic() + timeout
        while len(self.tracked()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} events, saw {[e['event'] for e in self.tracked()]}")
            time.sleep(0.01)
        return self.tracked()

    def wait_for_requests(self, count: int, contains: str = "/public/generation/", timeout: float = 10) -> None:
        """Block until the mock has answered `count` matching requests (server-side, no page sleeps)."""
        deadline = time.monotonic() + timeout
        while len(self.requests(contains)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} requests to {contains}, saw {len(self.requests(contains))}")
            time.sleep(0.01)


@pytest.fixture
def mock(live_app):
    """The live mock, reset before each test."""
    live_app.extensions["tryon_mock"].reset()
    return Mock(live_app)


@pytest.fixture
def client_page(page, mock):
    """The product page with window.TryOn loaded, on Playwright's clock, paused: time moves when a test runs it."""
    page.clock.install()
    page.goto("/")
    page.wait_for_function("!!(window.TryOn && window.TryOn.createClient)")
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    return page


@pytest.fixture(scope="session")
def photo(tmp_path_factory) -> Path:
    """A small JPEG 'shopper photo' on disk, for file choosers."""
    from PIL import Image

    path = tmp_path_factory.mktemp("photos") / "me.jpg"
    Image.new("RGB", (480, 600), (180, 190, 200)).save(path, "JPEG")
    return path
