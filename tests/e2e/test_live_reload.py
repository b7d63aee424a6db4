"""The development loop on a copy of the repository: `python -m server --live-reload` (what `python3 dev.py serve`
runs) rebuilds on a widget or locale change, copies the assets, and reloads an open page; the block and the
templates reload without a build; a failed build is said on the page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from tests.support.server import free_port
from tests.support.server import listening

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("build.py", "pyproject.toml", "server", "templates", "widget", "extension", "dist")


@pytest.fixture
def copy(tmp_path):
    """A copy of the repository with its own server, started with --live-reload."""
    for name in COPIED:
        source = ROOT / name
        copier = shutil.copytree if source.is_dir() else shutil.copy2
        copier(
            source, tmp_path / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if source.is_dir() else {})
        )
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--live-reload", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "state gallery" in line:
            break
    assert process.poll() is None, "".join(lines)
    deadline = time.monotonic() + 10  # the URLs are printed just before waitress listens
    while not listening(port):
        assert time.monotonic() < deadline, "the server never listened"
        time.sleep(0.05)
    yield tmp_path, f"http://127.0.0.1:{port}"
    process.kill()
    process.wait(5)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # A new modification time even on a coarse clock, so the watcher cannot miss it.
    later = time.time() + 1
    os.utime(path, (later, later))


def test_edits_rebuild_copy_and_reload_the_open_page(page: Page, copy) -> None:
    folder, url = copy
    page.goto(url + "/preview/")
    with page.expect_event("load", timeout=15_000):
        # The same length: the page-load file has no byte to spare (an over-budget build copies nothing).
        edit(folder / "widget/src/shell/load.js", "'collectEmail'", "'collectMails'")
    built = (folder / "dist/tryon-widget.js").read_text()
    assert "collectMails" in built
    assert (folder / "extension/assets/tryon-widget.js").read_text() == built
    assert (folder / "tryon_kit/widget/tryon-widget.js").read_text() == built

    locale = folder / "extension/locales/en.default.json"
    with page.expect_event("load", timeout=15_000):
        edit(locale, '"button": "Try it on"', '"button": "Try it on now"')
    assert "Try it on now" in (folder / "dist/tryon-en.js").read_text(), "the built English strings"
    expect(page.frame_locator("iframe").first.locator("tryon-widget [part=button]")).to_contain_text("Try it on now")

    with page.expect_event("load", timeout=15_000):
        edit(folder / "extension/snippets/tryon-widget.liquid", "<tryon-widget", "<!-- edited live --><tryon-widget")

    with page.expect_event("load", timeout=15_000):
        edit(folder / "widget/src/shell/load.js", "'collectMails'", "'collectMails" + "x" * 400 + "'")
    expect(page.locator("[data-live-problem]")).to_contain_text("The last build failed")
    assert "collectMailsxxx" not in (folder / "extension/assets/tryon-widget.js").read_text()
    # The dev server keeps serving the last good build; the failed one is beside it.
    assert "collectMailsxxx" not in (folder / "dist/tryon-widget.js").read_text()
    assert "collectMailsxxx" in (folder / "dist.next/tryon-widget.js").read_text()


def test_the_reload_script_is_only_in_development_pages(page: Page, live_server) -> None:
    page.goto(live_server + "/")
    expect(page.locator("script[src='/_live/reload.js']")).to_have_count(0), "the test server runs without it"
    shipped = [
        *(ROOT / "dist").glob("*.js"),
        *(ROOT / "extension").rglob("*.liquid"),
        *(ROOT / "extension").rglob("*.js"),
    ]
    assert shipped and not [path.name for path in shipped if "_live" in path.read_text()]
