"""The npm package `tryon-widget` for headless stores: its exports, its types (checked by the pinned tsc), what
`npm pack` puts in it, and that the client imports and runs in Node, where there is no DOM."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import build

ROOT = Path(__file__).resolve().parents[1]
TSC = ROOT / "node_modules" / ".bin" / "tsc"
EXAMPLE = ROOT / "tests" / "types" / "example.ts"
PACKAGE = json.loads((ROOT / "package.json").read_text())


def run(*command, cwd=ROOT, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is needed: install Node.js with npm")
    return found


def tsc(*arguments, cwd=ROOT) -> subprocess.CompletedProcess:
    if not TSC.exists():
        pytest.fail("TypeScript is not installed: run `python3 dev.py test` (npm ci installs it)")
    return run(tool("node"), TSC, *arguments, cwd=cwd)


def test_exports_name_built_modules_and_their_types():
    assert PACKAGE["name"] == "tryon-widget" and PACKAGE["type"] == "module" and "private" not in PACKAGE
    assert set(PACKAGE["exports"]) == {"./client", "./element", "./jsx", "./package.json"}
    assert PACKAGE["exports"]["./jsx"] == {"types": "./types/jsx.d.ts"}, "types only: React's JSX for the element"
    for name in ("./client", "./element"):
        target = PACKAGE["exports"][name]
        assert list(target) == ["types", "default"], "types first, as TypeScript reads conditions in order"
        assert (ROOT / target["types"]).is_file() and (ROOT / target["default"]).is_file(), target
    # The element defines itself and each lazy part registers itself when it runs: a bundler must keep them all
    # (the client's module and its shared chunks stay free to tree-shake).
    assert PACKAGE["sideEffects"] == [PACKAGE["exports"]["./element"]["default"], "./dist/npm/chunks/*.js"]
    assert PACKAGE["engines"] == {"node": ">=18"}, "the client's floor in Node (fetch, AbortSignal.throwIfAborted)"
    assert PACKAGE["version"] == build.version(), "one version: pyproject.toml's"


def test_react_example_takes_the_usual_props_and_typed_attributes():
    """tests/types/react-example.tsx: className, style, id, ref, key and children, poll-interval as a number, the
    adapter union; tsc fails if any `@ts-expect-error` line (a wrong adapter, an object for a number, no
    product-id) is accepted."""
    result = tsc("-p", "tests/types/tsconfig.react.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_example_compiles_under_strict():
    result = tsc("-p", "tests/types")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((ROOT / "tests" / "types" / "tsconfig.json").read_text())["compilerOptions"]["strict"] is True


def test_each_expected_error_is_a_real_type_error(tmp_path):
    """Without its `@ts-expect-error`, each marked line fails to compile, and nothing else does."""
    lines = EXAMPLE.read_text().splitlines()
    marked = [number for number, line in enumerate(lines) if line.lstrip().startswith("// @ts-expect-error")]
    assert len(marked) >= 8
    kept = [line for line in lines if not line.lstrip().startswith("// @ts-expect-error")]
    (tmp_path / "example.ts").write_text("\n".join(kept) + "\n")
    config = json.loads((ROOT / "tests" / "types" / "tsconfig.json").read_text())
    config["compilerOptions"]["paths"] = {
        "tryon-widget/client": [str(ROOT / "types" / "client.d.ts")],
        "tryon-widget/element": [str(ROOT / "types" / "element.d.ts")],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))
    result = tsc("-p", tmp_path, "--pretty", "false")
    failing = sorted({int(line) for line in re.findall(r"example\.ts\((\d+),\d+\): error", result.stdout)})
    # The line under the n-th marker moved up by n + 1 once the markers were taken out.
    assert failing == [number - index + 1 for index, number in enumerate(marked)], result.stdout


def test_npm_pack_holds_exactly_the_package():
    assert (ROOT / "dist" / "npm" / "client.js").exists(), "run python build.py first"
    result = run(tool("npm"), "pack", "--dry-run", "--json", "--ignore-scripts")
    assert result.returncode == 0, result.stderr[-2000:]
    packed = {entry["path"] for entry in json.loads(result.stdout)[0]["files"]}
    built = {str(path.relative_to(ROOT)) for path in (ROOT / "dist" / "npm").rglob("*") if path.is_file()}
    # The script-tag files, less the theme-only ones (the app embed's, the theme editor's).
    scripts = {f"dist/{name}" for name, _ in build.ENTRIES if name not in (build.EMBED_FILE, build.EDITOR_FILE)}
    scripts |= {f"dist/tryon-{code}.js" for code in build.locales() if code != "en"}
    expected = {
        "LICENSE",
        "README.md",
        "package.json",
        "types/client.d.ts",
        "types/element.d.ts",
        "types/jsx.d.ts",
        "docs/headless.md",
    }
    expected |= built | scripts
    assert packed == expected, (packed - expected, expected - packed)


NODE_CHECK = """
const { createClient, ApiError, GenerationFailedError } = await import('tryon-widget/client');
const answers = [
  { status: 'PROCESSING' },
  { status: 'COMPLETED', resultImageUrl: 'https://cdn.example/result.jpg' },
  { status: 'FAILED', errorCode: 'INVALID_IMAGE', errorMessage: 'No person found' },
];
const asked = [];
const fetch = async (url) => {
  asked.push(String(url));
  return new Response(JSON.stringify(answers.shift()), { headers: { 'Content-Type': 'application/json' } });
};
const statusUrl = 'https://shop.example/api/tryon/generations/{id}';
const client = createClient({ adapter: 'genlook-api', statusUrl, fetch });
const done = await client.waitForGeneration('gen 1', { pollIntervalMs: 1 });
const failed = await client.waitForGeneration('gen 1', { pollIntervalMs: 1 }).catch((error) => error);
console.log(JSON.stringify({ done: done.resultImageUrl, asked, dom: typeof document + typeof window,
  failed: [failed instanceof GenerationFailedError, failed instanceof ApiError, failed.name, failed.code] }));
"""


def test_client_imports_and_polls_in_node_without_a_dom():
    result = run(tool("node"), "--input-type=module", "-e", NODE_CHECK)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "done": "https://cdn.example/result.jpg",
        "asked": ["https://shop.example/api/tryon/generations/gen%201"] * 3,
        "dom": "undefinedundefined",
        "failed": [True, False, "GenerationFailedError", "INVALID_IMAGE"],
    }


def test_the_element_imports_during_server_rendering_and_defines_nothing():
    """A Hydrogen (or any SSR) route imports "tryon-widget/element" in Node: no DOM, no throw, nothing defined."""
    check = """const element = await import('tryon-widget/element');
    const client = await import('tryon-widget/client');
    console.log(JSON.stringify({ element: typeof element.TryOnWidgetElement, client: typeof client.createClient,
      dom: typeof document + typeof customElements }));"""
    result = run(tool("node"), "--input-type=module", "-e", check)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"element": "function", "client": "function", "dom": "undefinedundefined"}
