"""`python3 dev.py` as a new user meets it: what is missing is said first, before any install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_without_npm_setup_says_so_before_installing_anything(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # a PATH with no npm on it
    result = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "setup"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "npm is not on PATH" in result.stderr
    assert "installing" not in result.stdout + result.stderr, "nothing installed before it is said"


def test_every_command_tells_the_same_version():
    """dev.py, the server in a clone and the package metadata agree (the wheel's tryon-mock: test_kit_install)."""
    import tomllib

    expected = f"tryon-widget {tomllib.loads((ROOT / 'pyproject.toml').read_text())['project']['version']}"
    for command in ([sys.executable, "dev.py", "--version"], [sys.executable, "-m", "server", "--version"]):
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert (result.returncode, result.stdout.strip()) == (0, expected), command
