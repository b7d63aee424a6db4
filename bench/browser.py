"""A headless Chromium for benchmarks: $TRYON_CHROMIUM, else Debian's, else Playwright's own."""

from __future__ import annotations

import os

SYSTEM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str | None:
    chosen = os.environ.get("TRYON_CHROMIUM")
    if chosen == "bundled":
        return None
    return chosen or next((p for p in SYSTEM if os.access(p, os.X_OK)), None)


def launch(playwright):
    path = chromium_path()
    return playwright.chromium.launch(executable_path=path, args=FLAGS if path else [])
