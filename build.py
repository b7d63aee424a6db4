#!/usr/bin/env python3
"""Bundle widget/ with the pinned npm esbuild into dist/, print every file's size, enforce the budget.

python build.py            build (and copy the scripts into extension/assets/)
python build.py --watch    rebuild on every change (esbuild's own watch mode)
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
EXTENSION_ASSETS = ROOT / "extension" / "assets"
ESBUILD = ROOT / "node_modules" / ".bin" / ("esbuild.cmd" if os.name == "nt" else "esbuild")

# Shopify Theme Check's AssetSizeAppBlockJavaScript compares each app-block script's size on disk.
JS_FILE_LIMIT = 10_000
# (entry, output file): the page-load script every product page loads, and the UI it loads on first use.
ENTRIES = [
    ("widget/src/index.js", "tryon-widget.js"),
    ("widget/src/ui/index.js", "tryon-ui.js"),
    ("widget/src/ui/base.js", "tryon-ui-base.js"),
]


def esbuild_args(entry: str, outfile: str, dist: Path = DIST) -> list[str]:
    return [
        str(ESBUILD), entry, "--bundle", "--minify", "--format=iife", "--target=es2020",
        "--sourcemap", "--mangle-props=^_", "--legal-comments=none", "--charset=utf8", "--log-level=warning",
        f"--outfile={dist / outfile}", f"--metafile={dist / (outfile + '.meta.json')}",
    ]


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def report(paths: list[Path]) -> list[str]:
    """Print raw and gzipped bytes of each file; return the budget problems found."""
    problems = []
    print(f"{'file':<36}{'bytes':>10}{'gzipped':>10}  budget")
    for path in paths:
        raw = path.read_bytes()
        zipped = len(gzip.compress(raw, 9))
        budget = ""
        if path.suffix == ".js":
            ok = len(raw) <= JS_FILE_LIMIT
            budget = f"{'ok' if ok else 'OVER'} ({len(raw):,} of {JS_FILE_LIMIT:,})"
            if not ok:
                problems.append(f"{shown(path)} is {len(raw):,} bytes on disk; every JavaScript file an "
                                f"app block names must be at most {JS_FILE_LIMIT:,} bytes (Theme Check "
                                f"AssetSizeAppBlockJavaScript).")
        print(f"{shown(path):<36}{len(raw):>10,}{zipped:>10,}  {budget}")
    return problems


def build(entries: list[tuple[str, str]] = ENTRIES, dist: Path = DIST, assets: Path | None = EXTENSION_ASSETS) -> int:
    """Bundle each entry into dist; 0 on success, 1 on an esbuild error or a file over budget, 2 without esbuild."""
    if not ESBUILD.exists():
        print(f"error: esbuild is not installed ({shown(ESBUILD)} is missing). Run `npm ci` in "
              f"{ROOT}, or `python3 dev.py serve`, which sets everything up.", file=sys.stderr)
        return 2
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)
    for entry, outfile in entries:
        result = subprocess.run(esbuild_args(entry, outfile, dist), cwd=ROOT, capture_output=True, text=True)
        sys.stderr.write(result.stderr)
        if result.returncode != 0:
            print(f"error: esbuild could not bundle {entry} (see its message above)", file=sys.stderr)
            return 1
    written = sorted(p for p in dist.iterdir() if not p.name.endswith(".meta.json"))
    problems = report(written)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    if assets is not None:
        assets.mkdir(parents=True, exist_ok=True)
        for path in written:
            if path.suffix == ".js":
                shutil.copy2(path, assets / path.name)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watch", action="store_true", help="rebuild on change (no size report)")
    args = parser.parse_args(argv)
    if args.watch:
        status = build()
        if status:
            return status
        entry, outfile = ENTRIES[0]
        return subprocess.call(esbuild_args(entry, outfile) + ["--watch"], cwd=ROOT)
    return build()


if __name__ == "__main__":
    sys.exit(main())
