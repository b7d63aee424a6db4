"""python -m bench.press_files [--runs 5]: does a press get its dialog sooner from fewer, larger files? (issue 22)

Serves the built parts three ways from a local CDN-like server (bench/static_server.mjs: TLS, brotli), over HTTP/1.1
(six connections per host) and HTTP/2 (one connection, as Shopify's CDN): per role as built (client, dialog,
photo, features, en, theme and the page's language); in groups of at most 16,000 B, the lazy files' budget
(client+photo, dialog, features+theme, en); and all in one file (with the page's language beside it). Prints, for an
English and a French product page, a cold press to the first control, unthrottled and at 4x CPU with slow 4G
(medians of interleaved presses). Needs node and openssl.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from server.paths import DIST
from tests.support.browser import launch_args
from tests.support.mock import control
from tests.support.mock import unlimited
from tests.support.server import free_port
from tests.support.server import running_server

from . import LOG
from .page_cost import PHONE
from .page_cost import press

SERVER = Path(__file__).with_name("static_server.mjs")
PARTS = ["client", "dialog", "photo", "features", "en", "theme"]
GROUPS = {"cp": ["client", "photo"], "ft": ["features", "theme"]}
# The shell's loadUI, minified: var loadUI=host=>Promise.all([...UI_PARTS,language(host)].map(part));
LOAD_UI = re.compile(rb"var (\w+)=(\w+)=>Promise\.all\(\[\.\.\.(\w+),(\w+)\(\2\)\]\.map\((\w+)\)\);")
# Chromium refuses a page's requests to another loopback port without this (Local Network Access).
LOCAL = (
    "--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,BlockInsecurePrivateNetworkRequests"
)


def read(part: str) -> bytes:
    """A built part's bytes."""
    return (DIST / f"tryon-{part}.js").read_bytes()


def layouts(out: Path) -> list[str]:
    """Write the built files and the grouped ones into `out`, with a page-load file per layout; their names."""
    for path in DIST.glob("*.js"):
        shutil.copy(path, out / path.name)
    for group, names in {**GROUPS, "ui": PARTS}.items():
        joined = b"".join(read(name) for name in names)
        # A group stays within the lazy files' budget; the one file (ui) is the layout that does not.
        assert group == "ui" or len(joined) <= 16_000, f"tryon-{group}.js is over 16,000 B: regroup"
        (out / f"tryon-{group}.js").write_bytes(joined)
    shell = read("widget")
    found = LOAD_UI.search(shell)
    if not found:
        raise SystemExit("error: tryon-widget.js's loadUI has changed shape; update bench/press_files.py")
    load, host, parts, language, part = (name.decode() for name in found.groups())
    replaced = {
        "per-role": found.group(0).decode(),
        "groups": f'var {load}={host}=>Promise.all(["cp","dialog","ft","en",{language}({host})].map({part}));',
        "one-file": f'var {load}={host}=>Promise.all([{part}("ui"),{part}({language}({host}))])'
        f".then(()=>[...{parts},{language}({host})].map(n=>TryOn.parts[n]));",
    }
    for name, code in replaced.items():
        (out / f"shell-{name}.js").write_bytes(shell.replace(found.group(0), code.encode()))
    return list(replaced)


def timed_press(browser, base: str, path: str, cdn: str, layout: str, slow: bool) -> dict:
    """A cold press on the product page at `path`, its page-load file (and so its parts) from the CDN."""
    context = browser.new_context(viewport=PHONE, ignore_https_errors=True)

    def page(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("/assets/tryon-widget.js", cdn + layout))

    context.route(lambda url: url.split("?")[0] == base + "/", page)
    return press(browser, base + path, base, slow, context)


@contextlib.contextmanager
def cdn_server(out: Path, protocol: str):
    """Yield the URL of static_server.mjs serving `out` over `protocol` (h1 or h2)."""
    port = free_port()
    server = subprocess.Popen(
        ["node", SERVER, out, str(port), out / "key.pem", out / "cert.pem", protocol], stdout=subprocess.PIPE, text=True
    )
    try:
        if server.stdout.readline().strip() != "listening":
            raise SystemExit("error: bench/static_server.mjs did not start")
        yield f"https://127.0.0.1:{port}/"
    finally:
        server.terminate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.press_files", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not (shutil.which("node") and shutil.which("openssl")):
        print("error: bench.press_files needs node and openssl", file=sys.stderr)
        return 2
    out = Path(tempfile.mkdtemp())
    names = layouts(out)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", out / "key.pem", "-out", out / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    with running_server(log=LOG) as base, sync_playwright() as playwright:
        control(base, "PUT", "/config", {"scenario": "instant", "rateLimits": unlimited()})
        options = launch_args()
        browser = playwright.chromium.launch(**{**options, "args": [*options.get("args", []), LOCAL]})
        for protocol in ("h1", "h2"):
            with cdn_server(out, protocol) as cdn:
                for path in ("/", "/?locale=fr"):
                    for slow in (False, True):
                        runs = {name: [] for name in names}
                        for _ in range(args.runs):  # interleaved, so a busy moment hits each alike
                            for name in names:
                                runs[name].append(timed_press(browser, base, path, cdn, f"shell-{name}.js", slow))
                        figures = ", ".join(
                            f"{name} {statistics.median(r['control'] for r in runs[name]):.0f} ms" for name in names
                        )
                        where = "4x CPU, slow 4G" if slow else "unthrottled"
                        http = "HTTP/1.1" if protocol == "h1" else "HTTP/2"
                        print(f"{http}, {path}, {where}: a cold press to its first control: {figures}")
        browser.close()
    shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
