"""`python -m server` as a theme developer meets it: its version, and a busy port said in one line."""

from __future__ import annotations

import socket
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def server(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_version_is_the_projects():
    result = server("--version")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert result.returncode == 0 and result.stdout.strip() == f"tryon-widget {version}"


def test_a_busy_port_is_one_clear_line_with_no_traceback_and_no_urls():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = server("--port", str(port))
    assert result.returncode == 1
    assert result.stdout == "", "no URL is printed for a server that is not listening"
    assert result.stderr.strip().splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port}: the port is in use (choose another with --port)"
    ]
