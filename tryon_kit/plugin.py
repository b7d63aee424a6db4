"""The pytest plugin (entry point `pytest11`): the `tryon_mock` and `tryon` fixtures and the --tryon-* options.

Built on pytest-playwright's `context` and `page`; each test's mock is its own app, so tests run in parallel
(`-n auto`) and in shards without seeing each other's jobs.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from typing import TYPE_CHECKING

import pytest

from .assets import PROXY_PATH

if TYPE_CHECKING:
    from .mock import TryOnMock
    from .page import TryOn


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("tryon", "tryon-widget test kit")
    group.addoption(
        "--tryon-store-url",
        default=None,
        metavar="URL",
        help="the storefront tryon.goto_product() opens (a development store, a theme preview); pytest-playwright's "
        "--base-url is read when this is not given",
    )
    group.addoption(
        "--tryon-store-password",
        default=None,
        metavar="PASSWORD",
        help="fills in the storefront password page of a development store",
    )
    group.addoption(
        "--tryon-proxy-path",
        default=PROXY_PATH,
        metavar="PATH",
        help=f"the app proxy path the mock answers on any origin (default {PROXY_PATH})",
    )
    group.addoption(
        "--tryon-browser-path",
        default=os.environ.get("TRYON_BROWSER_PATH") or None,
        metavar="PATH",
        help="the browser executable pytest-playwright starts, e.g. a system Chromium such as /usr/bin/chromium "
        "(default $TRYON_BROWSER_PATH; unset: Playwright's own browser)",
    )
    group.addoption(
        "--tryon-poll-interval",
        default=100,
        type=int,
        metavar="MS",
        help="status polls every MS ms instead of 2 s, so a 60-poll timeout takes 6 s (0: the store's)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.has_plugin("playwright"):  # pytest-playwright, by its entry point's name
        from . import launch

        config.pluginmanager.register(launch, "tryon-browser-path")


def needs_the_kit(fixture: str) -> None:
    """Fail the test that asked for `fixture` saying what to install, when Playwright or pytest-playwright is not
    there (the plugin itself loads without them, so a plain test in the same environment still runs)."""
    missing = [name for name in ("playwright", "pytest_playwright") if find_spec(name) is None]
    if missing:
        pytest.fail(
            f"the {fixture} fixture needs {' and '.join(missing)}: pip install 'tryon-widget[kit]'", pytrace=False
        )


@pytest.fixture
def tryon_mock(request: pytest.FixtureRequest, pytestconfig: pytest.Config) -> TryOnMock:
    """The Genlook app proxy, mocked inside this test's browser context (scenarios, faults, what was sent)."""
    needs_the_kit("tryon_mock")
    from .mock import TryOnMock

    return TryOnMock(request.getfixturevalue("context"), proxy_path=pytestconfig.getoption("tryon_proxy_path"))


@pytest.fixture
def tryon(request: pytest.FixtureRequest, pytestconfig: pytest.Config) -> TryOn:
    """The first <tryon-widget> of `page`, driven as a shopper would (`tryon.widget(selector)` for another)."""
    needs_the_kit("tryon")
    from .page import TryOn

    tryon_mock = request.getfixturevalue("tryon_mock")

    option = pytestconfig.getoption
    return TryOn(
        request.getfixturevalue("page"),
        tryon_mock,
        poll_interval=option("tryon_poll_interval"),
        # pytest-playwright's own --base-url names the store, as it names the site for page.goto.
        store_url=option("tryon_store_url") or option("base_url", None),
        store_password=option("tryon_store_password"),
    )
