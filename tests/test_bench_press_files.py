"""bench.press_files rewrites the built page-load file's part loader for each layout it compares: a change to the
shell's loader must show here, not as a bench that quietly measures the same layout three times."""

from __future__ import annotations

from bench.press_files import DIST
from bench.press_files import GROUPS
from bench.press_files import layouts


def test_each_layout_gets_its_own_loader_and_every_group_stays_within_the_lazy_budget(tmp_path):
    names = layouts(tmp_path)
    shells = {name: (tmp_path / f"shell-{name}.js").read_bytes() for name in names}
    assert shells["per-role"] == (DIST / "tryon-widget.js").read_bytes()
    assert len(set(shells.values())) == 3
    assert b'"cp","dialog","ft","en"' in shells["groups"] and b'("ui")' in shells["one-file"]
    for group in GROUPS:
        assert len((tmp_path / f"tryon-{group}.js").read_bytes()) <= 16_000
