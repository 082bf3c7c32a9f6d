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

from aiplan_tui.authoring.review_seen import still_as_shown
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
from aiplan_tui.core.model import Entity
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
def update_entity(
    path: Path, entity_id: str, values: Mapping[str, object | None], seen: Entity | None = None
) -> None:
    """Set (or, with None, remove) the entity's fields (refused where they are not what was
    `seen`)."""
    text, data = read_toml(path)
    lines = text.split("\n")
    table = find_table(lines, data, "entity", {"id": entity_id})
    still_as_shown(data[table.kind][table.index], table.kind, seen)
    check = {"id": entity_id, **{k: v for k, v in values.items() if v is not None}}
    write_checked([Edited(path, set_keys(lines, table, values), check)])


def merge_entities(root: Path, drop: Entity, keep: Entity) -> Merged:
    """`drop` merged into `keep` (both as seen), in entities.toml and every highlights file,
    at once."""
    if drop.id == keep.id:
        raise ReviewError(f"{drop.id} cannot be merged into itself")
    with pack_lock(root):
        people = root / "entities.toml"
        entities, aliases = _merged_people(people, drop, keep)
        edits = [Edited(people, entities, {"id": keep.id})]
        moved = 0
        for path in sorted((root / "highlights").glob("*.toml")):
            lines, count = _moved(path, drop.id, keep.id)
            if count:
                edits.append(Edited(path, lines, {}))
                moved += count
        write_checked(edits)
    return Merged(moved, len(edits) - 1, aliases)


def _merged_people(path: Path, drop: Entity, keep: Entity) -> tuple[list[str], tuple[str, ...]]:
    """entities.toml's lines with `drop` gone and its names among `keep`'s aliases."""
    text, data = read_toml(path)
    lines = text.split("\n")
    kept = find_table(lines, data, "entity", {"id": keep.id})
    dropped = find_table(lines, data, "entity", {"id": drop.id})
    kept_values = data[kept.kind][kept.index]
    dropped_values = data[dropped.kind][dropped.index]
    still_as_shown(kept_values, kept.kind, keep)
    still_as_shown(dropped_values, dropped.kind, drop)
    names = [*kept_values.get("aliases", []), dropped_values.get("name", ""),
             *dropped_values.get("aliases", [])]  # fmt: skip
    aliases: list[str] = []
    for name in names:
        if isinstance(name, str) and name and name not in (kept_values.get("name"), *aliases):
            aliases.append(name)
    lines = set_keys(lines, kept, {"aliases": aliases or None})
    dropped = find_table(lines, tomli.loads("\n".join(lines)), "entity", {"id": drop.id})
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
