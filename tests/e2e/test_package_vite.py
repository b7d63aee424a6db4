"""Issue 23: the npm package where headless stores put it. The packed tarball is installed into a small app outside
the repository and bundled by the pinned Vite (`vite build`, then served by `vite preview`; and `vite` dev with its
dependency pre-bundling); a whole try-on runs through each against the mock, which the app's server proxies as a
store's own server would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.server import free_port
from tests.support.storefront import try_on
from tests.support.storefront import widget
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
VITE = ROOT / "node_modules" / ".bin" / "vite"

APP_HTML = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A headless store</title></head>
<body>
  <tryon-widget product-id="gid://shopify/Product/8001" variant-id="gid://shopify/ProductVariant/9001"
                product-title="Linen Overshirt">
    <button type="button" part="button">Try it on</button>
  </tryon-widget>
  <script type="module" src="/main.js"></script>
</body>
</html>
"""
# The app's server forwards the app proxy's path to the mock, as a store's own server (or Shopify) does.
VITE_CONFIG = """const target = process.env.TRYON_MOCK;
const proxy = { '/apps': { target, changeOrigin: true } };
export default { logLevel: 'warn', server: { proxy }, preview: { proxy } };
"""


def npm(*arguments, cwd) -> subprocess.CompletedProcess:
    found = shutil.which("npm")
    if not found:
        pytest.fail("npm is needed: install Node.js with npm")
    result = subprocess.run([found, *arguments], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """A Vite app outside the repository with the packed tarball installed (the package's own files only)."""
    folder = tmp_path_factory.mktemp("vite-app")
    packed = json.loads(npm("pack", "--json", "--ignore-scripts", "--pack-destination", folder, cwd=ROOT).stdout)
    (folder / "package.json").write_text(json.dumps({"name": "store", "private": True, "type": "module"}))
    npm("install", "--no-audit", "--no-fund", "--ignore-scripts", folder / packed[0]["filename"], cwd=folder)
    (folder / "index.html").write_text(APP_HTML)
    (folder / "main.js").write_text("import 'tryon-widget/element';\n")
    (folder / "vite.config.js").write_text(VITE_CONFIG)
    return folder


def serve(app: Path, mock_url: str, *arguments: str):
    """Start `vite <arguments>` on a free port; its base URL and the process."""
    port = free_port()
    process = subprocess.Popen(
        [str(VITE), *arguments, "--host", "127.0.0.1", "--port", str(port), "--strictPort"],
        cwd=app,
        env={**os.environ, "TRYON_MOCK": mock_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return f"http://127.0.0.1:{port}", process


def try_on_through(page: Page, url: str, process, photo) -> None:
    """Wait for the app's server, then a whole try-on through the bundled element."""
    wait_for(lambda: process.poll() is not None or listening(page, url), 60, "vite to serve the app")
    assert process.poll() is None, process.stdout.read()
    page.goto(url + "/")
    expect(widget(page)).to_have_attribute("state", "idle")
    try_on(page, photo)
    expect(widget(page)).to_have_attribute("state", "completed")


def listening(page: Page, url: str) -> bool:
    try:
        return page.request.get(url + "/", timeout=2_000).ok
    except Exception:
        return False


def test_vite_build_keeps_every_part_and_a_try_on_completes(page: Page, mock, app, photo, live_server) -> None:
    result = subprocess.run([str(VITE), "build"], cwd=app, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "warn" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    # Each part registers itself when it runs: a bundler that believed it free of side effects emptied it.
    chunks = {path.name: path.read_text().strip() for path in (app / "dist" / "assets").glob("*.js")}
    assert len(chunks) > 5 and all(chunks.values()), f"a part was dropped: {[n for n, c in chunks.items() if not c]}"
    url, process = serve(app, live_server, "preview")
    try:
        try_on_through(page, url, process, photo)
    finally:
        process.kill()
        process.wait(10)


def test_vite_dev_server_runs_a_try_on(page: Page, mock, app, photo, live_server) -> None:
    url, process = serve(app, live_server)
    try:
        try_on_through(page, url, process, photo)
    finally:
        process.kill()
        process.wait(10)
