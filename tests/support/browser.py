"""Which Chromium to drive, and how (standard library only: dev.py imports this before the venv exists)."""

from __future__ import annotations

import os

SYSTEM_CHROMIUMS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Flags this kind of machine needs: no sandbox as root, no GPU, no calls home on a closed network.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str | None:
    """$TRYON_CHROMIUM (a path; `bundled` means Playwright's own), else a system Chromium, else None."""
    chosen = os.environ.get("TRYON_CHROMIUM")
    if chosen:
        return None if chosen == "bundled" else chosen
    return next((path for path in SYSTEM_CHROMIUMS if os.access(path, os.X_OK)), None)


def launch_args(base: dict | None = None) -> dict:
    """Playwright launch options for chromium_path() (unchanged when it is Playwright's own)."""
    base = dict(base or {})
    path = chromium_path()
    if not path:
        return base
    return {**base, "executable_path": path, "args": [*base.get("args", []), *CHROMIUM_FLAGS]}


def launch(playwright):
    """A headless Chromium for a benchmark."""
    return playwright.chromium.launch(**launch_args())
