"""Start `python -m server` (waitress) on a free port for a benchmark, and stop it."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(threads: int = 16, *options: str, process_out: list | None = None):
    """Yield the base URL of a fresh `python -m server` process (`options` go to it; `process_out` gets the process)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--port", str(port), "--threads", str(threads), *options],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(ROOT / "bench" / "server.log", "w"),
    )
    if process_out is not None:
        process_out.append(process)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/_mock/config", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("the server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(10)


def put_config(url: str, config: dict) -> None:
    request = urllib.request.Request(
        url + "/_mock/config",
        data=json.dumps(config).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request).read()
