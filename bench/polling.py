"""python -m bench.polling: requests per generation for each named scenario, and the delay between the
server's COMPLETED and the result on screen.

The widget runs in headless Chromium against `python -m server`, with its default 2 s poll interval. Request
counts run on Playwright's clock (the mock's clock moved in step), so the 2-minute timeout takes seconds; the
delay runs in real time.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

from server.mock_api.scenarios import SCENARIOS
from tests.support.browser import launch
from tests.support.mock import control
from tests.support.mock import unlimited
from tests.support.server import running_server
from tests.support.storefront import try_on

from . import LOG

ENDED = ("completed", "failed", "timeout", "error")


def photo_file() -> str:
    from PIL import Image

    path = Path(tempfile.mkdtemp()) / "me.jpg"
    Image.new("RGB", (600, 800), (180, 190, 200)).save(path, "JPEG")
    return str(path)


def category(path: str) -> str:
    if "/generation/" in path:
        return "status polls"
    if path.startswith("/apps/"):
        return "other API"
    if path.startswith("/_storage/upload"):
        return "upload"
    if path.startswith("/_storage/"):
        return "images"
    return "page"


def fresh_mock(url: str, scenario: str) -> None:
    """A reset mock whose new jobs follow `scenario`, with limits no benchmark reaches."""
    control(url, "POST", "/reset")
    control(url, "PUT", "/config", {"scenario": scenario, "rateLimits": unlimited()})


def count_requests(browser, url: str, name: str, photo: str) -> tuple[str, Counter]:
    fresh_mock(url, name)
    context = browser.new_context(base_url=url)
    page = context.new_page()
    page.clock.install()
    page.goto("/")
    page.wait_for_function("customElements.get('tryon-widget') !== undefined")
    marker = len(control(url, "GET", "/requests")["requests"])
    try_on(page, photo, interval=2000)
    state = ""
    for _ in range(400):
        state = page.locator("tryon-widget").get_attribute("state")
        if state in ENDED:
            break
        page.clock.run_for(1000)
        control(url, "POST", "/clock", {"advanceMs": 1000})
    page.clock.run_for(6000)  # let the analytics batch go
    requests = control(url, "GET", "/requests")["requests"][marker:]
    context.close()
    return state, Counter(category(r["path"]) for r in requests)


def completion_delays(browser, url: str, name: str, photo: str, runs: int) -> list[float]:
    """ms from the job's COMPLETED (server time) to the result shown (page time), in real time."""
    delays = []
    for _ in range(runs):
        fresh_mock(url, name)
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/")
        page.evaluate("() => document.addEventListener('tryon-complete', () => (window.shownAt = Date.now()))")
        try_on(page, photo, interval=2000)
        page.wait_for_function("window.shownAt", timeout=90_000)
        gen_id = page.locator("tryon-widget").get_attribute("generation-id")
        since = control(url, "GET", f"/generations/{gen_id}")["statusSinceMs"]
        delays.append(page.evaluate("window.shownAt") - since)
        context.close()
    return delays


def main() -> int:
    photo = photo_file()
    with running_server(log=LOG) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        print("requests per generation, widget defaults (2 s polls, 60 attempts), from the press of Create")
        print(f"{'scenario':<22}{'ends':<11}{'polls':>6}{'other API':>10}{'upload':>7}{'images':>7}{'total':>7}")
        for name in SCENARIOS:
            state, counts = count_requests(browser, url, name, photo)
            total = sum(v for k, v in counts.items() if k != "page")
            print(
                f"{name:<22}{state:<11}{counts['status polls']:>6}{counts['other API']:>10}"
                f"{counts['upload']:>7}{counts['images']:>7}{total:>7}",
                flush=True,
            )
        print("\ndelay from the server's COMPLETED to the result on screen (real time, 5 runs each)")
        for name, note in (("success", "COMPLETED appears at a poll"), ("slow", "COMPLETED at a time between polls")):
            delays = completion_delays(browser, url, name, photo, 5)
            print(
                f"{name:<10} median {statistics.median(delays):6.0f} ms  max {max(delays):6.0f} ms  ({note})",
                flush=True,
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
