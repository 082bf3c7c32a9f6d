"""The folder tree is the architecture: these tests hold the package to it.

Every module is found by walking the package, so a new one is covered without anyone adding
it to a list: Textual stays under ui/ and terminal/, imports point one way between the
sub-packages, there is no import cycle, and private Textual and Rich names stay in terminal/.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tui" / "aiplan_tui"
TEXTUAL_PLACES = ("ui", "terminal")
"""The only sub-packages that may import Textual."""

ALLOWED: dict[str, set[str]] = {
    "": set(),  # __init__ and paths
    "__main__": {"cli"},
    "core": set(),
    "pack": {"core", ""},
    "settings": {"core", ""},
    "search": {"core", "pack", ""},
    "compare": {"core", "pack"},
    "compiled": {"core", "pack", "search", ""},
    "authoring": {"core", "pack", ""},
    "terminal": {""},
    "ui": {
        "core",
        "pack",
        "search",
        "compare",
        "compiled",
        "settings",
        "authoring",
        "terminal",
        "",
    },
    "cli": {"core", "pack", "search", "compare", "compiled", "settings", "authoring", "ui", ""},
}
"""Which other parts each part may import ("" is the package's top: version and paths).
Arrows point one way: cli and ui present; search and compare use packs; everything uses core."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def part_of(module: str) -> str:
    """`aiplan_tui.search.engine` -> "search"; top-level modules -> "" (or "__main__")."""
    parts = module.split(".")
    if len(parts) == 2 and f"{module}.__init__" not in MODULES and module in MODULES:
        return "__main__" if parts[1] == "__main__" else ""
    return parts[1] if len(parts) > 1 else ""


def imports_of(module: str) -> list[tuple[str, int]]:
    """Every module this one imports, anywhere in the file (a function body or a
    TYPE_CHECKING block counts: it is still a dependency), with its line."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((candidate if candidate in MODULES else base, node.lineno))
    return found


def package_imports(module: str) -> set[str]:
    return {name for name, _ in imports_of(module) if name in MODULES and name != module}


def test_the_walk_finds_every_part() -> None:
    """Guards the walk itself: if it found nothing, every test below would pass vacuously."""
    parts = {part_of(name) for name in MODULES}
    assert set(ALLOWED) <= parts | {"__main__"}, sorted(parts)
    assert len(MODULES) > 40


def test_few_modules_at_the_top() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top


def test_modules_outside_ui_and_terminal_import_without_textual() -> None:
    """Imported in a fresh interpreter, every such module leaves Textual unloaded."""
    names = [m for m in MODULES if part_of(m) not in TEXTUAL_PLACES and part_of(m) != "__main__"]
    assert "aiplan_tui.search.engine" in names and "aiplan_tui.cli.main" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "    assert not loaded, (name, loaded[:3])\n"
        "print('ok', len(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")


def test_textual_is_imported_only_under_ui_and_terminal() -> None:
    """Also the imports made inside functions, which the fresh interpreter does not run."""
    wrong = [
        f"{MODULES[module].relative_to(PACKAGE)}:{line}: {name}"
        for module in MODULES
        if part_of(module) not in TEXTUAL_PLACES
        for name, line in imports_of(module)
        if name.split(".")[0] == "textual"
    ]
    assert not wrong


def test_private_textual_and_rich_names_stay_in_terminal() -> None:
    wrong = [
        f"{MODULES[module].relative_to(PACKAGE)}:{line}: {name}"
        for module in MODULES
        if part_of(module) != "terminal"
        for name, line in imports_of(module)
        if name.split(".")[0] in ("textual", "rich") and "._" in name
    ]
    assert not wrong


def test_imports_point_one_way() -> None:
    wrong = []
    for module in MODULES:
        mine = part_of(module)
        for name, line in imports_of(module):
            if name not in MODULES:
                continue
            theirs = part_of(name)
            if theirs != mine and theirs not in ALLOWED[mine]:
                where = MODULES[module].relative_to(PACKAGE)
                wrong.append(f"{where}:{line}: {mine or 'top'} -> {theirs or 'top'} ({name})")
    assert not wrong


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for after in sorted(graph.get(node, ())):
            if state.get(after) == 1:
                return [*path[path.index(after) :], after]
            if after not in state and (cycle := visit(after)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles() -> None:
    """Packages count as their `__init__`; importing `a.b` does not import the package `a`
    back into a cycle, so parents are not edges."""
    graph = {module: package_imports(module) for module in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


@pytest.mark.parametrize("part", sorted(set(ALLOWED) - {"", "__main__"}))
def test_each_part_has_a_docstring_that_says_its_role(part: str) -> None:
    init = PACKAGE / part / "__init__.py"
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
