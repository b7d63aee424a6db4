#!/usr/bin/env python3
"""Bundle widget/ with the pinned npm esbuild into dist/, print every file's size, enforce the budgets.

python build.py            build; copy the scripts into extension/assets/ and tryon_kit/widget/ (the test kit),
                           write extension/snippets/tryon-strings.liquid
python build.py --watch    build again on every change under widget/ or extension/locales/ (sizes, copy, snippet)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
EXTENSION_ASSETS = ROOT / "extension" / "assets"
# The test kit's copy, packaged with it (pip install works without Node).
KIT_ASSETS = ROOT / "tryon_kit" / "widget"
LOCALES = ROOT / "extension" / "locales"
STRINGS_SNIPPET = ROOT / "extension" / "snippets" / "tryon-strings.liquid"
ESBUILD = ROOT / "node_modules" / ".bin" / ("esbuild.cmd" if os.name == "nt" else "esbuild")

# The file the app block's schema names, loaded on every product page.
PAGE_LOAD_FILE = "tryon-widget.js"
# The file the app embed's schema names: on every product page of a store that turns the embed on.
EMBED_FILE = "tryon-embed.js"
PAGE_LOAD_FILES = (PAGE_LOAD_FILE, EMBED_FILE)
# Only in Shopify's theme editor (the block renders it in design mode): every state previewed with samples.
EDITOR_FILE = "tryon-editor.js"
# Our budget for it, and Shopify Theme Check's hard AssetSizeAppBlockJavaScript limit (bytes on disk).
PAGE_LOAD_LIMIT = 4_000
THEME_CHECK_LIMIT = 10_000
# Shopify's theme guidance for one JavaScript bundle: each lazily loaded file.
LAZY_LIMIT = 16_000
# (output file, entry): one job per file; what crosses between them is widget/src/contract.js.
ENTRIES = [
    ("tryon-widget.js", "widget/src/shell/index.js"),
    ("tryon-client.js", "widget/src/client/part.js"),
    ("tryon-dialog.js", "widget/src/dialog/index.js"),
    ("tryon-photo.js", "widget/src/photo/index.js"),
    ("tryon-en.js", "widget/src/strings/index.js"),
    ("tryon-features.js", "widget/src/features/index.js"),
    ("tryon-theme.js", "widget/src/theme/index.js"),
    (EDITOR_FILE, "widget/src/editor/index.js"),
    (EMBED_FILE, "widget/src/embed/index.js"),
]
# The button's words before any catalog: compiled into the page-load file from the English catalog.
SHELL_STRINGS = ("button", "button_running", "button_done", "button_retry")


def version() -> str:
    """The project's version (pyproject.toml), sent with analytics as genlook_lib_version."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def english() -> dict:
    return json.loads((LOCALES / "en.default.json").read_text(encoding="utf-8"))["tryon"]


def defines() -> list[str]:
    """The constants the sources read: the version (analytics) and the button's English words (the shell)."""
    shell_en = {key: english()[key] for key in SHELL_STRINGS}
    return [f"--define:VERSION={json.dumps(version())}", f"--define:SHELL_EN={json.dumps(shell_en)}"]


def esbuild_args(entries: list[tuple[str, str]], dist: Path = DIST) -> list[str]:
    """One esbuild run for every entry, so a `_` property mangled in two files gets one name (one mangle cache)."""
    return [
        str(ESBUILD),
        *(f"{Path(out).stem}={entry}" for out, entry in entries),
        "--bundle",
        "--minify",
        "--format=iife",
        "--target=es2021",
        "--sourcemap=external",
        "--mangle-props=^_",
        *defines(),
        "--legal-comments=none",
        "--charset=utf8",
        "--log-level=warning",
        f"--outdir={dist}",
        f"--metafile={dist / 'meta.json'}",
        f"--mangle-cache={dist / 'mangle-cache.json'}",
    ]


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def limits(name: str) -> list[tuple[int, str]]:
    """The budgets one built script must keep, each with the rule it comes from."""
    if name in PAGE_LOAD_FILES:
        return [
            (PAGE_LOAD_LIMIT, "our page-load budget"),
            (THEME_CHECK_LIMIT, "Theme Check AssetSizeAppBlockJavaScript"),
        ]
    return [(LAZY_LIMIT, "Shopify's guidance for a lazily loaded JavaScript bundle")]


def report(paths: list[Path]) -> list[str]:
    """Print raw and gzipped bytes of each file; return the budget problems found."""
    problems = []
    print(f"{'file':<36}{'bytes':>10}{'gzipped':>10}  budget")
    for path in paths:
        raw = path.read_bytes()
        zipped = len(gzip.compress(raw, 9))
        budget = ""
        if path.suffix == ".js":
            limit = limits(path.name)[0][0]
            over = [(n, rule) for n, rule in limits(path.name) if len(raw) > n]
            budget = f"{'OVER' if over else 'ok'} ({len(raw):,} of {limit:,})"
            for n, rule in over:
                problems.append(
                    f"{shown(path)} is {len(raw):,} bytes on disk, {len(raw) - n:,} over the {n:,}-byte limit ({rule})."
                )
        print(f"{shown(path):<36}{len(raw):>10,}{zipped:>10,}  {budget}")
    return problems


def _vlq(segment: str) -> list[int]:
    """Decode one base64 VLQ source-map segment."""
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    values, value, shift = [], 0, 0
    for char in segment:
        digit = digits.index(char)
        value += (digit & 31) << shift
        shift += 5
        if not digit & 32:
            values.append(-(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    return values


def mangled_names(script: Path, properties: set[str]) -> dict[str, set[str]]:
    """Each mangled property of the sources -> the names it got in this built file (read off its source map)."""
    source_map = json.loads(script.with_name(script.name + ".map").read_text())
    lines = script.read_text(encoding="utf-8").split("\n")
    names: dict[str, set[str]] = {}
    # The column starts again on each line; the name index runs on through the whole map (source map v3).
    name = 0
    for line, mappings in zip(lines, source_map["mappings"].split(";"), strict=False):
        column = 0
        for segment in filter(None, mappings.split(",")):
            fields = _vlq(segment)
            column += fields[0]
            if len(fields) < 5:
                continue
            name += fields[4]
            original = source_map["names"][name]
            if original in properties:
                token = line[column:].lstrip(".#")
                end = next((i for i, c in enumerate(token) if not (c.isalnum() or c in "_$")), len(token))
                names.setdefault(original, set()).add(token[:end])
    return names


def shared_name_problems(scripts: list[Path], properties: set[str]) -> list[str]:
    """A mangled property used in two built files must read the same in both, else the code silently does nothing.

    `properties` are the names esbuild mangled (the keys of its mangle cache).
    """
    seen: dict[str, dict[str, set[str]]] = {}
    for script in scripts:
        for original, renamed in mangled_names(script, properties).items():
            seen.setdefault(original, {})[script.name] = renamed
    problems = []
    for original, files in sorted(seen.items()):
        if len(set().union(*files.values())) > 1:
            where = ", ".join(f"{name}: {'/'.join(sorted(renamed))}" for name, renamed in sorted(files.items()))
            problems.append(
                f"the property {original} is renamed differently across the built files ({where}); "
                "every file must be built in one esbuild run (one mangle cache)."
            )
    return problems


def write_strings_snippet(locales: Path = LOCALES, out: Path = STRINGS_SNIPPET) -> None:
    """Every language's widget strings as one Liquid snippet, for the block's fixed-language setting.

    Shopify's `t` only reads the shopper's locale, so a fixed language needs the catalogs themselves;
    they stay the single source (locales/*.json) and this file is generated from them. The JSON goes
    inside <script type="application/json">, so <, > and & are escaped: a translation cannot end the script.
    """
    cases = []
    for path in sorted(locales.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        code = "en" if path.stem == "en.default" else path.stem
        strings = json.dumps(json.loads(path.read_text(encoding="utf-8"))["tryon"], ensure_ascii=False)
        strings = strings.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        cases.append(f"{{%- when '{code}' -%}}{{% raw %}}{strings}{{% endraw %}}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "{%- comment -%} Generated by build.py from locales/*.json; do not edit. {%- endcomment -%}\n"
        "{%- case language -%}\n" + "\n".join(cases) + "\n{%- endcase -%}\n",
        encoding="utf-8",
    )


def build(entries: list[tuple[str, str]] = ENTRIES, dist: Path = DIST, assets: Path | None = EXTENSION_ASSETS) -> int:
    """Bundle the entries into dist.

    0 on success, 1 on an esbuild error or a broken budget or contract, 2 without esbuild."""
    if not ESBUILD.exists():
        print(
            f"error: esbuild is not installed ({shown(ESBUILD)} is missing). Run `npm ci` in "
            f"{ROOT}, or `python3 dev.py serve`, which sets everything up.",
            file=sys.stderr,
        )
        return 2
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)
    result = subprocess.run(esbuild_args(entries, dist), cwd=ROOT, capture_output=True, text=True)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(
            f"error: esbuild could not bundle {', '.join(e for _, e in entries)} (see its message above)",
            file=sys.stderr,
        )
        return 1
    written = sorted(p for p in dist.iterdir() if p.suffix in (".js", ".map"))
    scripts = [p for p in written if p.suffix == ".js"]
    mangled = set(json.loads((dist / "mangle-cache.json").read_text()))
    problems = report(written) + shared_name_problems(scripts, mangled)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    if assets is not None:
        if build_package(dist / "npm"):
            return 1
        for folder in (assets, KIT_ASSETS):
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.js"):
                stale.unlink()
            for path in scripts:
                shutil.copy2(path, folder / path.name)
        write_strings_snippet()
    return 0


# The npm package's modules (package.json "exports"): ES modules for headless stores' own bundlers, in one run with
# code splitting, so the client and the element share one copy of the error classes and the element's parts stay
# separate chunks the app loads on first use. Not minified and not mangled: the app's bundler minifies.
PACKAGE = DIST / "npm"
PACKAGE_ENTRIES = [("client", "widget/src/package/client.js"), ("element", "widget/src/package/element.js")]


def package_args(out: Path = PACKAGE) -> list[str]:
    return [
        str(ESBUILD),
        *(f"{name}={entry}" for name, entry in PACKAGE_ENTRIES),
        "--bundle",
        "--format=esm",
        "--splitting",
        "--target=es2021",
        "--sourcemap",
        *defines(),
        "--chunk-names=chunks/[name]-[hash]",
        "--charset=utf8",
        "--log-level=warning",
        f"--outdir={out}",
    ]


def build_package(out: Path = PACKAGE) -> int:
    """The npm package's modules into dist/npm/; 0 on success, 1 on an esbuild error."""
    result = subprocess.run(package_args(out), cwd=ROOT, capture_output=True, text=True)
    sys.stderr.write(result.stderr)
    if result.returncode:
        print("error: esbuild could not build the npm package's modules (see its message above)", file=sys.stderr)
        return 1
    files = list(out.rglob("*.js"))
    print(f"{shown(out) + '/ (npm package)':<36}{sum(p.stat().st_size for p in files):>10,}  {len(files)} modules")
    return 0


WATCHED = (ROOT / "widget", LOCALES)


def snapshot(folders=WATCHED) -> dict[Path, int]:
    """Every file under `folders` with its modification time, to notice an edit, a new file or a removal."""
    return {path: path.stat().st_mtime_ns for folder in folders for path in folder.rglob("*") if path.is_file()}


def watch(interval: float = 0.3, rounds: int | None = None) -> int:
    """Build, then build again after every change: the whole build (one esbuild run for every entry, about 0.1 s),
    so each rebuild prints the sizes, fails loudly over budget, copies the assets and rewrites the snippet."""
    seen = snapshot()
    build()
    print("watching widget/ and extension/locales/ (Ctrl-C to stop)", flush=True)
    try:
        while rounds is None or rounds > 0:
            time.sleep(interval)
            rounds = None if rounds is None else rounds - 1
            now = snapshot()
            if now != seen:
                changed = sorted({shown(path) for path, _ in set(now.items()) ^ set(seen.items())})
                seen = now
                print(f"\nchanged: {', '.join(changed)}", flush=True)
                if build():
                    print("!!! the build failed: the files above are not updated !!!", file=sys.stderr, flush=True)
                sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watch", action="store_true", help="build again on every change (sizes, copy, snippet)")
    args = parser.parse_args(argv)
    return watch() if args.watch else build()


if __name__ == "__main__":
    sys.exit(main())
