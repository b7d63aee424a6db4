"""Browser fixtures: the real Flask app on a free port, a system Chromium when there is one, the mock handle
(the helpers themselves are in tests/support/)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from server import create_app
from tests.support.browser import launch_args
from tests.support.mock import Mock
from tests.support.mock import unlimited
from tests.support.server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
# Every expectation waits for a state; its timeout only guards against a hang. 5 s (Playwright's default) was too
# short on a shared CI machine with both cores busy (issue 24): a passing test never waits for it.
expect.set_options(timeout=15_000)


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
    return create_app({"MOCK": {"rateLimits": unlimited()}})


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
