"""build.py: the real bundle fits the budget, and every failure says why and exits non-zero."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build", ROOT / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


def test_real_build_fits_the_budget_and_prints_sizes(tmp_path, capsys):
    assert build.build(dist=tmp_path / "dist", assets=tmp_path / "assets") == 0
    out = capsys.readouterr().out
    for name in ("tryon-widget.js", "tryon-ui.js", "tryon-ui-base.js"):
        path = tmp_path / "dist" / name
        assert 0 < path.stat().st_size <= build.JS_FILE_LIMIT
        assert (tmp_path / "dist" / (name + ".map")).exists()
        assert (tmp_path / "assets" / name).read_bytes() == path.read_bytes()
        assert f"{path.stat().st_size:,}" in out
    # A classic script (IIFE), not a module: app blocks load it with a plain <script defer>.
    text = (tmp_path / "dist" / "tryon-widget.js").read_text()
    assert text.startswith("(()=>{") and "import " not in text.split("\n")[0]


def test_syntax_error_fails_with_esbuild_message(tmp_path, capsys):
    bad = tmp_path / "bad.js"
    bad.write_text("export const x = ;\n")
    assert build.build(entries=[(str(bad), "bad.js")], dist=tmp_path / "dist", assets=None) == 1
    err = capsys.readouterr().err
    assert "bad.js" in err and "ERROR" in err
    assert "could not bundle" in err


def test_file_over_budget_fails(tmp_path, capsys):
    big = tmp_path / "big.js"
    big.write_text("window.big = %r;\n" % ("x" * 12_000))
    assert build.build(entries=[(str(big), "big.js")], dist=tmp_path / "dist", assets=None) == 1
    captured = capsys.readouterr()
    assert "OVER" in captured.out
    assert "AssetSizeAppBlockJavaScript" in captured.err and "10,000" in captured.err


def test_missing_esbuild_says_how_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build, "ESBUILD", tmp_path / "no-esbuild")
    assert build.build(dist=tmp_path / "dist", assets=None) == 2
    assert "npm ci" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"]])
def test_cli_help(args):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True)
    assert result.returncode == 0 and "--watch" in result.stdout
