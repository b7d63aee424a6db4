"""python -m bench.bundle: bytes of each built file (unminified, minified, gzipped) and what each source adds.

Needs `python build.py` first (it reads dist/ and esbuild's metafiles, and bundles once more unminified).
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


def unminified_bytes(entry: str) -> int:
    """The same bundle without --minify and --mangle-props: what minification saves."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bundle.js"
        args = [a for a in build.esbuild_args(entry, "bundle.js", Path(tmp)) if a not in ("--minify",)
                and not a.startswith(("--mangle-props", "--metafile", "--sourcemap"))]
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
        return out.stat().st_size


def main() -> int:
    dist = ROOT / "dist"
    if not (dist / "tryon-widget.js").exists():
        print("dist/ is empty: run `python build.py` first", file=sys.stderr)
        return 1
    print(f"{'file':<26}{'unminified':>12}{'minified':>10}{'gzipped':>9}{'budget left':>13}")
    for entry, outfile in build.ENTRIES:
        data = (dist / outfile).read_bytes()
        print(f"{outfile:<26}{unminified_bytes(entry):>12,}{len(data):>10,}{len(gzip.compress(data, 9)):>9,}"
              f"{build.JS_FILE_LIMIT - len(data):>13,}")
    for _, outfile in build.ENTRIES:
        meta = json.loads((dist / f"{outfile}.meta.json").read_text())
        output = next(v for k, v in meta["outputs"].items() if k.endswith(outfile))
        total = output["bytes"]
        print(f"\n{outfile}: {total:,} bytes; per source file (bytes in the minified output)")
        parts = sorted(output["inputs"].items(), key=lambda item: -item[1]["bytesInOutput"])
        for path, info in parts:
            share = info["bytesInOutput"] / total
            print(f"  {path:<48}{info['bytesInOutput']:>7,}  {share:6.1%}")
        rest = total - sum(info["bytesInOutput"] for info in output["inputs"].values())
        print(f"  {'(wrapper, glue)':<48}{rest:>7,}  {rest / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
