"""tryon-widget's test kit: drive the try-on in any storefront with pytest and Playwright, no backend, no credits.

`pip install` of this project registers the pytest plugin (`tryon_kit.plugin`, entry point `pytest11`), which gives
every test the `tryon_mock` and `tryon` fixtures and the `--tryon-*` options. See docs/testing.md.
"""

from __future__ import annotations

from importlib import metadata

from .assets import PROXY_PATH
from .assets import widget_file

# Imported on first use: they need Playwright (the `kit` extra), and pytest loads this package's plugin in every
# environment the wheel is installed in, with or without it.
LAZY = {"TryOn": ".page", "TryOnError": ".page", "TryOnMock": ".mock"}


def __getattr__(name: str):
    if name in LAZY:
        from importlib import import_module

        return getattr(import_module(LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


try:
    __version__ = metadata.version("tryon-widget")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+source"

__all__ = ["PROXY_PATH", "TryOn", "TryOnError", "TryOnMock", "widget_file", "__version__"]
