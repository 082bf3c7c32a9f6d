"""entities.toml changed: loaded again with the loader's own step against the stored sides,
and the highlight files that name a person who changed found from the stored rows, so a
change to the people costs what it touches too (compiled/apply.py). No Textual.

The bound: a highlight file is read again when any of its stored rows names, as a JSON
string, the id of a person added, removed, rejected or changed in any field but the line it
is declared on (a superset of the quotations and claims that are theirs); files with a
problem are read again too (they may name a person who now exists).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from aiplan_tui.compiled.layout import ENTITY_ROWS, HIGHLIGHT_ROWS
from aiplan_tui.compiled.records import row_of
from aiplan_tui.core.model import Entity, SourceRef
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.loader import load_entities
from aiplan_tui.pack.registry import Registry
from aiplan_tui.pack.segments import ENTITIES, Segment, SegmentLog

NOWHERE = SourceRef(Path(), 0)


def reload_people(
    db: sqlite3.Connection, root: Path, registry: Registry, problems: Problems
) -> tuple[Segment, set[str]]:
    """The entities step's new segment, and the ids of the people who changed."""
    old = dict(registry.entities)
    row = db.execute(
        "SELECT rejected FROM segments WHERE phase = ? AND unit = ?", (ENTITIES, "entities.toml")
    ).fetchone()
    old_rejected = {str(i) for c, i in json.loads(row[0]) if c == "entity"} if row else set()
    registry.entities = {}
    log = SegmentLog(problems, registry)
    log.begin(ENTITIES, "entities.toml")
    load_entities(root, registry, problems, set())
    log.end()
    (segment,) = log.segments
    new = registry.entities
    changed = {i for i in old.keys() | new.keys() if _bare(old.get(i)) != _bare(new.get(i))}
    changed |= old_rejected ^ {i for c, i in segment.rejected if c == "entity"}
    return segment, changed


def _bare(entity: Entity | None) -> Entity | None:
    """The entity without the line it is declared on."""
    return None if entity is None else dataclasses.replace(entity, source=NOWHERE)


def files_naming(db: sqlite3.Connection, ids: set[str]) -> set[str]:
    """The highlight files whose stored rows name any of these ids as a JSON string."""
    found: set[str] = set()
    for item_id in ids:
        rows = db.execute(
            "SELECT DISTINCT file FROM pack WHERE section = ? AND instr(item, ?) > 0",
            (HIGHLIGHT_ROWS, json.dumps(item_id, ensure_ascii=False)),
        )
        found.update(str(file) for (file,) in rows)
    return found


def replace_people_rows(db: sqlite3.Connection, root: Path, registry: Registry) -> None:
    db.execute("DELETE FROM pack WHERE section = ?", (ENTITY_ROWS,))
    db.executemany(
        "INSERT INTO pack VALUES (?, ?, ?, ?, ?, ?)",
        [
            (ENTITY_ROWS, "entities.toml", n, *row_of(entity, root), None)
            for n, entity in enumerate(registry.entities.values())
        ],
    )
