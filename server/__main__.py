"""python -m server [--host H] [--port N] [--threads N]: serve the mock API and preview with the built bundle.

From an installed wheel the same command is `tryon-mock` (or `python -m tryon_server`).

The server is waitress (a production WSGI server, pure Python): one process, a pool of threads, the mock's
state in memory under a lock. BENCHMARKS.md has the figures behind that choice.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import errno
import os
import socket
import sys
import tomllib
from importlib import metadata

from waitress import serve

from . import create_app
from .paths import DIST
from .paths import IN_CHECKOUT
from .paths import ROOT

# glibc's M_MMAP_THRESHOLD: blocks from this size up are mapped apart and handed back to the system when freed.
M_MMAP_THRESHOLD = -3


def return_large_blocks() -> None:
    """Keep the process's memory near what the mock keeps (glibc only; elsewhere nothing changes).

    glibc raises its mmap threshold after each large block is freed, so later 20 MB uploads land on the heap and
    the memory they leave stays with the process: 40 uploads under a 512 MiB budget peaked at 939 MiB. A fixed
    threshold (which also stops the raising) peaked at 533 MiB (BENCHMARKS.md, section 6).
    """
    name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and name:
        try:
            ctypes.CDLL(name).mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        except (OSError, AttributeError):
            pass


def version() -> str:
    """The installed package's version, else the source tree's (pyproject.toml)."""
    try:
        return metadata.version("tryon-widget")
    except metadata.PackageNotFoundError:
        return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def port_taken(host: str, port: int) -> str:
    """Why the server could not listen there ('' when it can): told before any URL is printed."""
    try:
        with socket.create_server((host, port)):
            return ""
    except OSError as error:
        return "the port is in use" if error.errno == errno.EADDRINUSE else error.strerror or str(error)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=None if sys.argv[0].endswith("tryon-mock") else f"python -m {__package__}",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("PORT", 5000)), help="port (default $PORT or 5000)"
    )
    parser.add_argument(
        "--threads", type=int, default=16, help="worker threads (default 16; slow-response faults hold one each)"
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests for this host name (repeatable; IP addresses and localhost "
        "always are), e.g. a shared preview's name",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the origin put into upload, photo and result URLs (default: the request's host)",
    )
    parser.add_argument(
        "--trusted-proxy",
        action="store_true",
        help="take the client address from X-Forwarded-For (only behind a proxy you run)",
    )
    parser.add_argument(
        "--live-reload",
        action="store_true",
        help="rebuild on a change under widget/ or the locales, and reload open pages (python3 dev.py serve)",
    )
    parser.add_argument("--version", action="version", version=f"tryon-widget {version()}")
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error("--threads must be at least 1")
    if args.live_reload and not IN_CHECKOUT:
        parser.error("--live-reload rebuilds the widget from its sources: run it in a checkout of the repository")
    taken = port_taken(args.host, args.port)
    if taken:
        print(f"error: cannot listen on {args.host}:{args.port}: {taken} (choose another with --port)", file=sys.stderr)
        return 1
    bundle = DIST / "tryon-widget.js"
    if not bundle.exists():
        print(f"warning: {bundle} is missing; run `python build.py` first", file=sys.stderr)
    return_large_blocks()
    app = create_app(
        {
            "ALLOWED_HOSTS": (args.host, *args.allowed_host),
            "PUBLIC_URL": args.public_url,
            "TRUSTED_PROXY": args.trusted_proxy,
        }
    )
    if args.live_reload:
        from .devtools import live

        live.init_app(app, streams=live.streams_for(args.threads))
    base = f"http://{args.host}:{args.port}"
    print(
        f" * tryon-widget server (waitress, {args.threads} threads)\n"
        f"   product page   {base}/\n"
        f"   theme preview  {base}/preview/\n"
        f"   state gallery  {base}/preview/states",
        flush=True,
    )
    # Behind a proxy you run, waitress itself takes the client address from X-Forwarded-For (it drops it otherwise).
    proxy = {"trusted_proxy": "*", "trusted_proxy_headers": {"x-forwarded-for"}} if args.trusted_proxy else {}
    serve(
        app,
        host=args.host,
        port=args.port,
        threads=args.threads,
        ident="tryon-mock",
        connection_limit=10_000,
        channel_timeout=30,
        **proxy,
        # poll(), not select(): select() stops at file descriptor 1024, about 500 browsers.
        asyncore_use_poll=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
