"""Waiting for a condition: the one loop every test and benchmark uses (no sleeps through real polls)."""

from __future__ import annotations

import time


def wait_for(condition, timeout: float = 10.0, what="the condition", page=None):
    """Return the first truthy value of `condition()`, checked every 10-20 ms, or fail after `timeout` seconds
    naming `what` (a string, or a function that says what was seen). With `page`, wait through Playwright, which
    keeps serving the page's routes meanwhile (a time.sleep would stall them)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what() if callable(what) else what}")
        if page is not None:
            page.wait_for_timeout(20)
        else:
            time.sleep(0.01)
