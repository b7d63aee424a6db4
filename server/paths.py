"""Where the server finds its files: the repository's folders, or their copies inside an installed wheel.

The wheel installs this package as `tryon_server` with templates/, extension/ and widget/src/ copied under
`tryon_server/files/` (pyproject.toml maps them), and the built widget as the kit's copy (`tryon_kit/widget/`, which
build.py writes: dist/ does not exist before a build, so a clean clone's `pip install -e .` cannot map it).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGED = HERE / "files"
# The repository's root, or the wheel's copy of the folders the server reads.
ROOT = PACKAGED if (PACKAGED / "templates").is_dir() else HERE.parent
# build.py and the sources exist only in a checkout: live reload needs them.
IN_CHECKOUT = ROOT == HERE.parent
# The built widget the pages load.
DIST = ROOT / "dist" if IN_CHECKOUT else HERE.parent / "tryon_kit" / "widget"
