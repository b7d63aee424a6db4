"""python -m server [--host H] [--port N]: serve the mock API and preview with the built bundle."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from werkzeug.serving import run_simple

from . import ROOT
from . import create_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 5000)),
                        help="port (default $PORT or 5000)")
    args = parser.parse_args(argv)
    bundle = Path(ROOT / "dist" / "tryon-widget.js")
    if not bundle.exists():
        print(f"warning: {bundle} is missing; run `python build.py` first", file=sys.stderr)
    app = create_app()
    print(f" * tryon-widget dev server: http://{args.host}:{args.port}/", flush=True)
    run_simple(args.host, args.port, app, threaded=True, use_reloader=False, use_debugger=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
