"""server/ is grouped by concern, and its imports go only downward (server/__init__.py names the order)."""

from __future__ import annotations

import ast
from pathlib import Path

SERVER = Path(__file__).resolve().parent.parent / "server"
# Lowest first: a module may import its own layer and the ones before it, never one after.
LAYERS = [{"paths", "catalog", "numbers"}, {"devtools"}, {"mock_api"}, {"store"}, {"preview"}, {"__init__", "__main__"}]
ROOMS = ("devtools", "mock_api", "store", "preview")


def layer_of(parts: tuple[str, ...]) -> int:
    head = parts[0].removesuffix(".py")
    return next(index for index, names in enumerate(LAYERS) if head in names)


def imported(path: Path, root: Path = SERVER) -> list[tuple[str, ...]]:
    """The server modules a file imports, as paths under server/ ('mock_api', 'state')."""
    own = path.relative_to(root).parent.parts
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = own[: len(own) - (node.level - 1)] if node.level > 1 else own
            for alias in node.names:
                parts = (*base, *(node.module.split(".") if node.module else ()), alias.name)
                found.append(parts if parts else ("__init__",))
    return found


def test_every_room_is_a_subpackage_with_an_opening_comment():
    for room in ROOMS:
        docstring = ast.get_docstring(ast.parse((SERVER / room / "__init__.py").read_text()))
        assert docstring, f"server/{room}/__init__.py says what the room is"
    loose = sorted(path.stem for path in SERVER.glob("*.py"))
    assert loose == ["__init__", "__main__", "catalog", "numbers", "paths"], "each other module lives in its room"


def test_imports_go_only_downward():
    upward = []
    for path in SERVER.rglob("*.py"):
        mine = layer_of(path.relative_to(SERVER).parts)
        for parts in imported(path):
            if parts[0] in ("create_app", "__init__"):
                target = len(LAYERS) - 1
            else:
                target = layer_of(parts)
            if target > mine:
                upward.append(f"{path.relative_to(SERVER)} imports {'.'.join(parts)}")
    assert upward == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    planted = tmp_path / "mock_api" / "planted.py"
    planted.parent.mkdir()
    planted.write_text("from ..store import pages\nfrom .state import mock\n")
    parts = imported(planted, tmp_path)
    assert parts == [("store", "pages"), ("mock_api", "state", "mock")]
    assert layer_of(parts[0]) > layer_of(planted.relative_to(tmp_path).parts) == layer_of(parts[1])
