"""python -m bench.themes: what following the theme costs (issue 21), on the Dawn-like and Horizon-like pages.

Prints, per theme: the block's HTML bytes (the variant pictures and the theme's shape are in the markup, not in a
script), the page-load file's bytes, what a first press loads (files and bytes), and after the dialog's Add to
cart the requests it makes and the time until the theme's own cart count shows the item (median of 5 runs).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support.browser import launch
from tests.support.mock import control
from tests.support.mock import unlimited
from tests.support.server import running_server
from tests.support.storefront import try_on

RUNS = 5
DIST = Path(__file__).resolve().parents[1] / "dist"


def photo_file() -> str:
    from PIL import Image

    path = Path(tempfile.mkdtemp()) / "me.jpg"
    Image.new("RGB", (600, 800), (180, 190, 200)).save(path, "JPEG")
    return str(path)


def block_bytes(html: str) -> int:
    """The bytes the block adds to the page: its <style> and <tryon-widget> element (strings included)."""
    start = html.index("<style>\n  :has(")
    return len(html[start : html.index("</tryon-widget>", start) + len("</tryon-widget>")].encode())


def add_to_cart(page, photo: str) -> tuple[int, float]:
    """(requests the dialog's Add to cart made, ms until the theme's cart count says 1)."""
    dialog = try_on(page, photo)
    page.wait_for_function("document.querySelector('tryon-widget').getAttribute('state') === 'completed'")
    sent = []
    page.on("request", lambda request: "/cart" in request.url and sent.append(request.url))
    page.evaluate(
        """() => { window.counted = new Promise((resolve) => new MutationObserver((_, observer) => {
             if (document.querySelector('[data-cart-count]').textContent.trim() === '1') {
               observer.disconnect(); resolve(performance.now()); } })
           .observe(document.body, { subtree: true, childList: true, characterData: true })); }"""
    )
    start = page.evaluate("performance.now()")
    # The add's last request is the cart read for the totals.
    with page.expect_response(lambda response: response.url.endswith("/cart.js")):
        dialog.get_by_role("button", name="Add to cart").click()
    shown = page.evaluate("window.counted")
    return len(sent), shown - start


def main() -> int:
    photo = photo_file()
    print(f"page-load file tryon-widget.js: {(DIST / 'tryon-widget.js').stat().st_size:,} B on disk")
    press = [name for name in sorted(DIST.glob("tryon-*.js")) if name.name not in ("tryon-widget.js", "tryon-embed.js")]
    press = [path for path in press if path.name != "tryon-editor.js"]
    print(f"first press loads {len(press)} files, {sum(path.stat().st_size for path in press):,} B on disk")
    with running_server() as url, sync_playwright() as playwright:
        browser = launch(playwright)
        control(url, "PUT", "/config", {"scenario": "instant", "rateLimits": unlimited()})
        for theme in ("dawn", "horizon"):
            page = browser.new_page(base_url=url)
            page.goto(f"/themes/{theme}/")
            html = page.content()
            images = re.search(r'variant-images="([^"]*)"', html).group(1)
            print(f"{theme}: block markup {block_bytes(html):,} B, of which variant-images {len(images):,} B")
            counts, times = [], []
            for _ in range(RUNS):
                page.context.clear_cookies()
                page.goto(f"/themes/{theme}/")
                count, ms = add_to_cart(page, photo)
                counts.append(count)
                times.append(ms)
            print(
                f"{theme}: Add to cart -> theme's count shows it: median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f}), {statistics.median(counts):.0f} cart requests"
            )
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
