"""--tryon-browser-path for pytest-playwright: registered by the plugin at configure time, after pytest-playwright's
own plugin, so this fixture wraps its `browser_type_launch_args` (and a conftest's override still wraps this one)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, pytestconfig: pytest.Config) -> dict:
    path = pytestconfig.getoption("tryon_browser_path")
    return {**browser_type_launch_args, "executable_path": path} if path else browser_type_launch_args
