"""build.py: the real bundle fits its budgets and keeps its contracts, and every failure says why and exits non-zero."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import liquid
import pytest

from tests.helpers import looks

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build", ROOT / "build.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One real build into a temporary folder, with its printed report."""
    out = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); import build; "
            f"from pathlib import Path; sys.exit(build.build(dist=Path({str(out / 'dist')!r}), "
            f"assets=Path({str(out / 'assets')!r})))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out, result.stdout


def test_real_build_fits_the_budgets_and_prints_sizes(built):
    out, printed = built
    for name, _entry in build.ENTRIES:
        path = out / "dist" / name
        limit = build.PAGE_LOAD_LIMIT if name == build.PAGE_LOAD_FILE else build.LAZY_LIMIT
        assert 0 < path.stat().st_size <= limit, name
        assert (out / "dist" / (name + ".map")).exists()
        assert (out / "assets" / name).read_bytes() == path.read_bytes()
        assert f"{path.stat().st_size:,}" in printed
    # A classic script (IIFE), not a module: app blocks load it with a plain <script defer>; no map comment counts.
    text = (out / "dist" / build.PAGE_LOAD_FILE).read_text()
    assert text.startswith("(()=>{") and "import " not in text and "sourceMappingURL" not in text


def test_the_schema_names_the_page_load_file():
    block = (ROOT / "extension" / "blocks" / "tryon.liquid").read_text()
    schema = json.loads(block.split("{% schema %}")[1].split("{% endschema %}")[0])
    assert schema["javascript"] == build.PAGE_LOAD_FILE


def test_every_part_of_the_contract_has_its_built_file(built):
    """contract.js's parts load as tryon-<part>.js; each is an entry of build.py and registers under its name."""
    out, _ = built
    contract = (ROOT / "widget" / "src" / "contract.js").read_text()
    parts = json.loads(re.search(r"UI_PARTS = (\[.*?\])", contract).group(1).replace("'", '"'))
    assert parts == ["client", "dialog", "photo", "features", "en", "theme"]
    for part in parts:
        text = (out / "dist" / f"tryon-{part}.js").read_text()
        assert f'"{part}"' in text, f"tryon-{part}.js does not register as {part}"


def test_a_property_mangled_in_two_files_reads_the_same_in_both(built, tmp_path):
    """The real build: every mangled name shared by two files is one name. A planted separate build breaks that."""
    out, _ = built
    mangled = set(json.loads((out / "dist" / "mangle-cache.json").read_text()))
    scripts = sorted((out / "dist").glob("*.js"))
    assert build.shared_name_problems(scripts, mangled) == []
    # Two files sharing `_shared`, built in separate esbuild runs (as build.py once did): the check must catch it.
    (tmp_path / "a.js").write_text("window.X = { _first: 1, _shared: 2 };\n")
    (tmp_path / "b.js").write_text("console.log(window.X._shared);\n")
    for name in ("a", "b"):
        args = build.esbuild_args([(f"{name}.js", str(tmp_path / f"{name}.js"))], tmp_path / name)
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    apart = [tmp_path / "a" / "a.js", tmp_path / "b" / "b.js"]
    names = set(json.loads((tmp_path / "a" / "mangle-cache.json").read_text()))
    problems = build.shared_name_problems(apart, names)
    assert len(problems) == 1 and "_shared" in problems[0] and "one esbuild run" in problems[0]
    # The same two files in one run: one name.
    together = [("a.js", str(tmp_path / "a.js")), ("b.js", str(tmp_path / "b.js"))]
    subprocess.run(build.esbuild_args(together, tmp_path / "one"), cwd=ROOT, check=True, capture_output=True)
    names = set(json.loads((tmp_path / "one" / "mangle-cache.json").read_text()))
    assert build.shared_name_problems([tmp_path / "one" / "a.js", tmp_path / "one" / "b.js"], names) == []


def test_syntax_error_fails_with_esbuild_message(tmp_path, capsys):
    bad = tmp_path / "bad.js"
    bad.write_text("export const x = ;\n")
    assert build.build(entries=[("bad.js", str(bad))], dist=tmp_path / "dist", assets=None) == 1
    err = capsys.readouterr().err
    assert "bad.js" in err and "ERROR" in err
    assert "could not bundle" in err


def test_page_load_file_over_budget_fails_naming_file_and_overflow(tmp_path, capsys):
    big = tmp_path / "shell.js"
    big.write_text("window.big = %r;\n" % ("x" * 2_100))
    assert build.build(entries=[(build.PAGE_LOAD_FILE, str(big))], dist=tmp_path / "dist", assets=None) == 1
    captured = capsys.readouterr()
    size = (build.staged(tmp_path / "dist") / build.PAGE_LOAD_FILE).stat().st_size
    assert "OVER" in captured.out
    assert (
        f"tryon-widget.js is {size:,} bytes" in captured.err and f"{size - 2_000:,} over the 2,000-byte" in captured.err
    )


def test_a_rebuild_replaces_each_file_in_place_and_a_failed_one_publishes_nothing(tmp_path):
    """The live loop rebuilds dist/ while the dev server reads it: every file is there, whole, throughout (the build
    once emptied the folder first, and a page reloaded mid-build got a 404), and a failed build leaves the last good
    one in place (it once left an over-budget file or an empty folder to be served)."""
    dist = tmp_path / "dist"
    assert build.build(dist=dist, assets=None) == 0
    shell, dialog = dist / build.PAGE_LOAD_FILE, dist / "tryon-dialog.js"
    good = shell.read_bytes(), dialog.read_bytes()
    builder = threading.Thread(target=build.build, kwargs={"dist": dist, "assets": None})
    seen, looks = [], 0
    builder.start()
    while builder.is_alive():
        looks += 1
        try:
            seen.append((shell.read_bytes(), dialog.read_bytes()))
        except FileNotFoundError as missing:
            seen.append(missing.filename)
    builder.join()
    assert looks > 1 and set(seen) == {good}, "a file was missing or partial while the build ran"
    bad = tmp_path / "bad.js"
    bad.write_text("export const x = ;\n")
    assert build.build(entries=[(build.PAGE_LOAD_FILE, str(bad))], dist=dist, assets=None) == 1
    big = tmp_path / "big.js"
    big.write_text("window.big = %r;\n" % ("x" * 2_100))
    assert build.build(entries=[(build.PAGE_LOAD_FILE, str(big))], dist=dist, assets=None) == 1
    assert (shell.read_bytes(), dialog.read_bytes()) == good
    # The failed build stays beside it, to be looked at.
    assert "x" * 2_100 in (build.staged(dist) / build.PAGE_LOAD_FILE).read_text()


def test_lazy_file_over_budget_fails(tmp_path, capsys):
    big = tmp_path / "big.js"
    big.write_text("window.big = %r;\n" % ("x" * 16_100))
    assert build.build(entries=[("tryon-big.js", str(big))], dist=tmp_path / "dist", assets=None) == 1
    assert "16,000-byte limit" in capsys.readouterr().err


def test_missing_esbuild_says_how_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build, "ESBUILD", tmp_path / "no-esbuild")
    assert build.build(dist=tmp_path / "dist", assets=None) == 2
    assert "npm ci" in capsys.readouterr().err


def test_a_hostile_translation_can_neither_end_the_button_nor_run_as_liquid(tmp_path):
    """The snippet holds each language's button words as HTML text and attributes, inside Liquid."""
    locales = tmp_path / "locales"
    locales.mkdir()
    hostile = '</button><script>alert(1)</script> & " {% endcase %}{{ 7 | times: 6 }}'
    words = {key: hostile for key in ("button", "button_running", "button_done", "button_retry", "loading")}
    (locales / "xx.json").write_text(json.dumps({"tryon": words}), encoding="utf-8")
    snippet = tmp_path / "tryon-button.liquid"
    build.write_button_snippet(locales, snippet)
    rendered = liquid.Environment().from_string(snippet.read_text(encoding="utf-8")).render(language="xx", label="")
    button, loading = ET.fromstring(f"<root>{rendered}</root>")
    assert button.tag == "button" and len(button) == 0, "the button, nothing inside it but text"
    assert button.text == hostile and button.get("data-running") == hostile and button.get("data-retry") == hostile
    assert loading.tag == "dialog" and [child.tag for child in loading] == ["p"], "then the loading dialog"
    assert loading.get("aria-label") == hostile and loading[0].text == hostile


def test_the_snippet_is_replaced_whole_for_a_reader_that_has_it_open(tmp_path):
    """Every build rewrites the snippet while the server may be rendering the block from it: a reader must get the
    old file or the new one, whole. Rewritten in place, a reader that had it open read the new text, or a part."""
    locales = tmp_path / "locales"
    locales.mkdir()
    keys = ("button", "button_running", "button_done", "button_retry", "loading")
    (locales / "xx.json").write_text(json.dumps({"tryon": dict.fromkeys(keys, "Old words")}), encoding="utf-8")
    snippet = tmp_path / "tryon-button.liquid"
    build.write_button_snippet(locales, snippet)
    with snippet.open(encoding="utf-8") as reader:
        (locales / "xx.json").write_text(json.dumps({"tryon": dict.fromkeys(keys, "New words")}), encoding="utf-8")
        build.write_button_snippet(locales, snippet)
        assert "Old words" in reader.read()
    assert "New words" in snippet.read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["locales", "tryon-button.liquid"]


@pytest.mark.parametrize("args", [["--help"]])
def test_cli_help(args):
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True)
    assert result.returncode == 0 and "--watch" in result.stdout


def test_watch_rebuilds_copies_and_rewrites_the_snippet_on_change(tmp_path):
    """A temporary copy of the repository: an edit to a widget source and to a locale each lead to a full build."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("build.py", "pyproject.toml", "widget", "extension"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.rmtree(copy / "extension" / "assets", ignore_errors=True)
    process = subprocess.Popen(
        [sys.executable, "build.py", "--watch"], cwd=copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        shell = copy / "dist" / "tryon-widget.js"
        asset = copy / "extension" / "assets" / "tryon-photo.js"
        snippet = copy / "extension" / "snippets" / "tryon-button.liquid"
        wait_for(lambda: asset.exists() and snippet.exists())
        before = asset.read_text()
        source = copy / "widget" / "src" / "photo" / "wait.js"
        source.write_text(source.read_text().replace("const TYPICAL_MS = 60_000;", "const TYPICAL_MS = 61_234;"))
        wait_for(lambda: "61234" in asset.read_text())
        assert asset.read_text() != before and shell.exists()
        locale = copy / "extension" / "locales" / "de.json"
        locale.write_text(locale.read_text().replace('"Anprobieren"', '"Anprobieren!"'))
        wait_for(lambda: "Anprobieren!" in snippet.read_text())
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert output.count("tryon-widget.js") >= 3, output  # the size table printed after each build
    assert "changed: widget/src/photo/wait.js" in output


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the watcher did not rebuild"
        time.sleep(0.1)


def test_a_save_in_two_writes_builds_once(monkeypatch):
    """A save can be two changes a moment apart (the text, then its time): a build between them ran twice, the first
    time on a half-saved source. The watcher builds once the files have stopped changing."""
    source = ROOT / "widget" / "src" / "a.js"
    half, whole = {source: 1}, {source: 2}
    stop = threading.Event()
    monkeypatch.setattr(build, "snapshot", looks([{}, half, whole], stop))
    builds = []
    monkeypatch.setattr(build, "build", lambda: builds.append(1) or 0)
    build.watch(interval=0, stop=stop)
    assert len(builds) == 2, "the first build, then one for the whole save"


def test_the_name_check_reads_a_built_file_of_several_lines(tmp_path):
    """A source map's name index runs on across lines (its columns start again): a multi-line file (a template
    literal keeps its newline) is read right, with no false report. Found when the dialog's markup grew."""
    (tmp_path / "m.js").write_text(
        "const o = { _first: 1, _second: 2, _third: 3 };\n"
        "window.T = [o._third, o._second, `one\ntwo`, o._first, o._second, o._third];\n"
    )
    subprocess.run(build.esbuild_args([("m.js", str(tmp_path / "m.js"))], tmp_path / "m"), cwd=ROOT, check=True)
    script = tmp_path / "m" / "m.js"
    assert "\n" in script.read_text().strip(), "the built file spans two lines"
    names = set(json.loads((tmp_path / "m" / "mangle-cache.json").read_text()))
    read = build.mangled_names(script, names)
    assert all(len(renamed) == 1 for renamed in read.values()), read
    assert build.shared_name_problems([script, script], names) == []
