"""The linters run inside the suite, so `python3 dev.py test` fails on a finding: ruff (check and format check,
rules in pyproject.toml) over the Python; ESLint (eslint.config.mjs) and Prettier's check (.prettierrc.json) over
the JavaScript. Biome was tried first: this machine's npm registry lacks most of its per-platform binaries, so
its lock file fails `npm ci`; ESLint and Prettier are plain JavaScript."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUFF = [sys.executable, "-m", "ruff"]
BIN = ROOT / "node_modules" / ".bin"
JS = ["widget", "tests/support", "bench/static_server.mjs"]
# TypeScript (the package's declarations and typed example): Prettier formats it; tsc checks it (test_package.py).
TS = ["types", "tests/types"]


def lint(folder: Path) -> list[tuple[str, subprocess.CompletedProcess]]:
    """Every linter over `folder` with the configuration found there; the runs that failed."""
    if not (BIN / "eslint").exists():
        pytest.fail("ESLint is not installed: run `python3 dev.py test` (npm ci installs it)")
    js = [path for path in JS if (folder / path).exists()]
    ts = [path for path in TS if (folder / path).exists()]
    runs = {
        "ruff check": [*RUFF, "check", "--no-cache", "."],
        "ruff format": [*RUFF, "format", "--check", "--no-cache", "."],
    }
    if js:
        runs["eslint"] = [str(BIN / "eslint"), "--no-color", *js]
        runs["prettier"] = [str(BIN / "prettier"), "--check", "--no-color", *js, *ts]
    results = [(name, subprocess.run(cmd, cwd=folder, capture_output=True, text=True)) for name, cmd in runs.items()]
    return [(name, result) for name, result in results if result.returncode != 0]


def test_the_code_base_is_clean_under_both_linters() -> None:
    failed = lint(ROOT)
    assert failed == [], "\n".join(f"{name}:\n{r.stdout[-3000:]}{r.stderr[-2000:]}" for name, r in failed)


@pytest.mark.parametrize(
    ("path", "text", "linter", "finding"),
    [
        ("server/planted.py", "import os\n", "ruff check", "F401"),
        ("server/planted.py", "x = {'a':1}\n", "ruff format", "would be reformatted"),
        ("widget/src/planted.js", "export function f() {\n  debugger;\n}\n", "eslint", "no-debugger"),
        ("widget/src/planted.js", "export const  f = 1\n", "prettier", "planted.js"),
    ],
)
def test_a_planted_finding_fails_the_suite(tmp_path, path, text, linter, finding) -> None:
    for config in ("pyproject.toml", "eslint.config.mjs", ".prettierrc.json"):
        shutil.copy(ROOT / config, tmp_path)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # the config imports @eslint/js
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text(text)
    failed = dict(lint(tmp_path))
    assert list(failed) == [linter]
    assert finding in failed[linter].stdout + failed[linter].stderr
