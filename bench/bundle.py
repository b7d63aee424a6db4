"""python -m bench.bundle: bytes of each built file (unminified, minified, gzipped) and what each source adds.

Needs `python build.py` first (it reads dist/ and esbuild's metafile, and bundles once more unminified).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import build  # noqa: E402


def unminified_bytes() -> dict[str, int]:
    """The same build without --minify and --mangle-props: what minification saves, per file."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [
            a
            for a in build.esbuild_args(build.ENTRIES, Path(tmp))
            if a != "--minify" and not a.startswith(("--mangle-props", "--mangle-cache", "--metafile", "--sourcemap"))
        ]
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
        return {name: (Path(tmp) / name).stat().st_size for name, _ in build.ENTRIES}


def main() -> int:
    dist = ROOT / "dist"
    if not (dist / build.PAGE_LOAD_FILE).exists():
        print("dist/ is empty: run `python build.py` first", file=sys.stderr)
        return 1
    plain = unminified_bytes()
    print(f"{'file':<22}{'unminified':>12}{'minified':>10}{'gzipped':>9}{'budget':>8}{'left':>7}")
    for name, _ in build.ENTRIES:
        data = (dist / name).read_bytes()
        limit = build.limits(name)[0][0]
        print(
            f"{name:<22}{plain[name]:>12,}{len(data):>10,}{len(gzip.compress(data, 9)):>9,}{limit:>8,}"
            f"{limit - len(data):>7,}"
        )
    meta = json.loads((dist / "meta.json").read_text())
    for name, _ in build.ENTRIES:
        output = (
            meta["outputs"][f"dist/{name}"]
            if f"dist/{name}" in meta["outputs"]
            else next(v for k, v in meta["outputs"].items() if k.endswith("/" + name))
        )
        total = output["bytes"]
        print(f"\n{name}: {total:,} bytes; per source file (bytes in the minified output)")
        parts = sorted(output["inputs"].items(), key=lambda item: -item[1]["bytesInOutput"])
        for path, info in parts:
            share = info["bytesInOutput"] / total
            print(f"  {path:<48}{info['bytesInOutput']:>7,}  {share:6.1%}")
        rest = total - sum(info["bytesInOutput"] for info in output["inputs"].values())
        print(f"  {'(wrapper, glue)':<48}{rest:>7,}  {rest / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
