"""The npm lock files: `npm ci` must accept each as it is (a dependency on "latest" once broke bench's)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("folder", [".", "bench"])
def test_npm_ci_accepts_the_lock_file(folder):
    """A dry run of the clean install the README's commands do (`npm ci`, `npm ci --prefix bench`)."""
    npm = shutil.which("npm")
    assert npm, "npm is needed (python3 dev.py installs esbuild with it)"
    result = subprocess.run(
        [npm, "ci", "--dry-run", "--no-audit", "--no-fund", "--prefix", str(ROOT / folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
