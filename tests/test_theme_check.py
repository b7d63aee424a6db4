"""Shopify's own Theme Check (@shopify/theme-check-node, pinned by package-lock.json) over extension/, with its
`theme-check:theme-app-extension` preset (.theme-check.yml): Liquid, schema, translations, and the app block
JavaScript size rule measured as Shopify measures it (the file the schema names, raw bytes on disk, 10,000 B).

Our own checks stay only where Theme Check has no rule (tests/test_extension.py): the folder layout and file
types Shopify's upload accepts, the extension's total and Liquid sizes, the lazy files' 16,000 B budget, the
schema's target and templates, the block name's length, and that every `t:` label has a schema translation."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "tests" / "support" / "theme_check.cjs"


def theme_check(folder: Path) -> tuple[int, list[dict]]:
    if not shutil.which("node") or not (ROOT / "node_modules" / "@shopify" / "theme-check-node").exists():
        pytest.fail("Theme Check is not installed: run `python3 dev.py test` (npm ci installs it)")
    result = subprocess.run(["node", str(RUNNER), str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def copy(tmp_path) -> Path:
    """The extension and the Theme Check config, copied to change one thing."""
    shutil.copytree(ROOT / "extension", tmp_path / "extension")
    shutil.copy(ROOT / ".theme-check.yml", tmp_path)
    return tmp_path


def test_the_extension_has_no_offenses() -> None:
    assert (ROOT / "extension" / "assets" / "tryon-widget.js").exists(), "run python build.py first"
    assert theme_check(ROOT) == (0, [])


def test_a_block_script_over_shopifys_limit_is_an_offense(copy) -> None:
    (copy / "extension" / "assets" / "tryon-widget.js").write_bytes(b"a" * 10_001)
    code, offenses = theme_check(copy)
    assert code == 1 and [o["check"] for o in offenses] == ["AssetSizeAppBlockJavaScript"]


def test_a_missing_translation_is_an_offense(copy) -> None:
    block = copy / "extension" / "blocks" / "tryon.liquid"
    block.write_text("{{ 'tryon.no_such_key' | t }}\n" + block.read_text())
    code, offenses = theme_check(copy)
    assert code == 1 and [o["check"] for o in offenses] == ["TranslationKeyExists"]
