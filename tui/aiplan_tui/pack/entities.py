"""The entities table: each entity checked and added, and the names two of them share."""

from __future__ import annotations

from typing import Any

from aiplan_tui.core.fields import TableAt
from aiplan_tui.core.model import Entity, SourceRef
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator
from aiplan_tui.pack.mentions import entity_names
from aiplan_tui.pack.registry import Registry


def add_entity(
    values: dict[str, Any], at: TableAt, valid: bool, registry: Registry, problems: Problems
) -> bool:
    """Add a valid entity; any table's side and id are checked, so every problem is said."""
    side = [values["side"]] if values.get("side") else []
    kept, side_ok = registry.resolve("side", side, registry.sides, at, "side", problems)
    claimed = "id" in values and registry.claim("entity", values["id"], at, problems)
    if valid and side_ok and claimed:
        values["side"] = kept[0] if kept else ""
        registry.entities[values["id"]] = Entity(source=SourceRef(at.path, at.where()[0]), **values)
        return True
    problems.skip("entity")
    if "id" in values:
        registry.rejected.add(("entity", values["id"]))
    return False


def warn_shared_names(placed: dict[str, TableAt], registry: Registry, problems: Problems) -> None:
    """A name or alias more than one entity could be meant by is allowed (a shared surname is
    common), but said, where it is declared, with what the app makes of it."""
    for shared in entity_names(tuple(registry.entities.values())).shared:
        at = placed[shared.declared_by]
        if isinstance(at.locator, KeyLocator):
            line, col = at.locator.string(at.table, at.index, shared.key, shared.text)
        else:
            line, col = at.where(shared.key)
        *others, last = shared.candidates
        who = f"{', '.join(others)} or {last}"
        if shared.key == "aliases":
            message = f'alias "{shared.text}" could name {who}: '
            message += "it counts as a mention only after one of their full names"
        else:
            message = f'name "{shared.text}" could name {who}: '
            message += "it counts as a mention only after an alias that only one of them has"
        problems.warning(at.path, line, col, message)
