"""Review's changes to the pack's people: a person's fields set (name, role, kind, side,
aliases), and two people merged into one, every `speaker` and `according_to` moved to the one
kept, whose aliases take the other's name and aliases (so the other's mentions are the kept
one's). Each edit touches only its lines; a merge writes every file it touches as one
transaction. No Textual."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import tomli

from aiplan_tui.authoring.review_tables import (
    Edited,
    ReviewError,
    find_table,
    find_tables,
    locked,
    read_toml,
    set_keys,
    without_table,
    write_checked,
)
from aiplan_tui.core.transaction import pack_lock

REFERENCES = ("speaker", "according_to")
"""The keys of a highlight that name an entity."""


@dataclass(frozen=True)
class Merged:
    """What a merge moved."""

    references: int
    """`speaker` and `according_to` values that named the one dropped."""
    files: int
    """Highlight files written."""
    aliases: tuple[str, ...]
    """The kept one's aliases now."""


@locked
def update_entity(path: Path, entity_id: str, values: Mapping[str, object | None]) -> None:
    """Set (or, with None, remove) the entity's fields."""
    text, data = read_toml(path)
    lines = text.split("\n")
    table = find_table(lines, data, "entity", {"id": entity_id})
    check = {"id": entity_id, **{k: v for k, v in values.items() if v is not None}}
    write_checked([Edited(path, set_keys(lines, table, values), check)])


def merge_entities(root: Path, drop: str, keep: str) -> Merged:
    """`drop` merged into `keep`, in entities.toml and every highlights file, at once."""
    if drop == keep:
        raise ReviewError(f"{drop} cannot be merged into itself")
    with pack_lock(root):
        people = root / "entities.toml"
        entities, aliases = _merged_people(people, drop, keep)
        edits = [Edited(people, entities, {"id": keep})]
        moved = 0
        for path in sorted((root / "highlights").glob("*.toml")):
            lines, count = _moved(path, drop, keep)
            if count:
                edits.append(Edited(path, lines, {}))
                moved += count
        write_checked(edits)
    return Merged(moved, len(edits) - 1, aliases)


def _merged_people(path: Path, drop: str, keep: str) -> tuple[list[str], tuple[str, ...]]:
    """entities.toml's lines with `drop` gone and its names among `keep`'s aliases."""
    text, data = read_toml(path)
    lines = text.split("\n")
    kept = find_table(lines, data, "entity", {"id": keep})
    dropped = find_table(lines, data, "entity", {"id": drop})
    kept_values = data[kept.kind][kept.index]
    dropped_values = data[dropped.kind][dropped.index]
    names = [*kept_values.get("aliases", []), dropped_values.get("name", ""),
             *dropped_values.get("aliases", [])]  # fmt: skip
    aliases: list[str] = []
    for name in names:
        if isinstance(name, str) and name and name not in (kept_values.get("name"), *aliases):
            aliases.append(name)
    lines = set_keys(lines, kept, {"aliases": aliases or None})
    dropped = find_table(lines, tomli.loads("\n".join(lines)), "entity", {"id": drop})
    return without_table(lines, dropped), tuple(aliases)


def _moved(path: Path, drop: str, keep: str) -> tuple[list[str], int]:
    """A highlights file's lines with every reference to `drop` made one to `keep`."""
    text, data = read_toml(path)
    lines, count = text.split("\n"), 0
    for key in REFERENCES:
        while found := find_tables(lines, data, {key: drop}):
            lines = set_keys(lines, found[0], {key: keep})
            data = tomli.loads("\n".join(lines))
            count += 1
    return lines, count
