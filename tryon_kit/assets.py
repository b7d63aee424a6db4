"""The built widget that ships inside the package (build.py copies dist/*.js here), so the kit needs no Node."""

from __future__ import annotations

from pathlib import Path

WIDGET_DIR = Path(__file__).resolve().parent / "widget"
# The page-load file; it loads the others from next to itself.
PAGE_LOAD_FILE = "tryon-widget.js"
# Where Genlook's app proxy answers on a store (the widget's default `proxy-path`).
PROXY_PATH = "/apps/proxy_genlook-x/public"


def widget_file(name: str = PAGE_LOAD_FILE) -> bytes:
    """One built file's bytes (`tryon-widget.js`, `tryon-dialog.js`, ...), for a test that serves the widget itself."""
    path = WIDGET_DIR / name
    if "/" in name or "\\" in name or not name.endswith(".js") or not path.is_file():
        known = sorted(p.name for p in WIDGET_DIR.glob("*.js"))
        if not known:
            raise FileNotFoundError(
                f"this copy of tryon-widget has no built widget in {WIDGET_DIR}: run "
                "`python build.py` in the repository before `pip install`"
            )
        raise FileNotFoundError(f"no built file {name!r}; the package has {', '.join(known)}")
    return path.read_bytes()
