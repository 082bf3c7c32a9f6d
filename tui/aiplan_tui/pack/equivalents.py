"""pack.toml's `[[equivalent]]` tables: families of names search treats as one (China,
Chinese, PRC, 中国), besides the bundled ones (search/equivalents.py). No Textual."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiplan_tui.core.fields import TableAt, check_table
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator
from aiplan_tui.pack import schema

EXAMPLE = '["EU", "European Union", "欧盟"]'


def load_equivalents(
    tables: Any, path: Path, locator: KeyLocator, problems: Problems
) -> tuple[tuple[str, ...], ...]:
    """Each table's names (`words = [...]`), two or more, blanks and repeats left out; a
    table that is not so is reported where it stands and left out."""
    found: list[tuple[str, ...]] = []
    for index, table in enumerate(tables if isinstance(tables, list) else [tables]):
        at = TableAt(path, locator, "equivalent", index)
        checked = check_table(table, schema.EQUIVALENT, at, problems)
        if not checked:
            continue
        names = tuple(dict.fromkeys(name.strip() for name in checked["words"] if name.strip()))
        if len(names) < 2:
            line, col = at.where("words")
            message = f"[equivalent] needs two or more names in words, such as words = {EXAMPLE}"
            problems.warning(path, line, col, message)
            continue
        found.append(names)
    return tuple(found)
