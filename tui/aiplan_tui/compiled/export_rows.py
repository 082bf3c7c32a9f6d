"""Each file's `export` text, stored beside its rows and rewritten with them (issue 34): the
whole pack's JSON export is these texts in the pack's order between the members' brackets,
so an export after a one-file change reads stored text as a warm one does, and an update
renders only the files it touched. No Textual.

A part is one member of the export (core/export.py's `export_data`): the pack's own object,
its sides, dimensions, articles, entities, highlights, comparison and suggested highlights.
A stored text is one file's items of one part as core/json_text writes them inside that
member's list (level 2), separated as there, made from the file's rows as stored (the
pack's object: at level 1); text beyond ASCII as itself. The same stored row becomes the
same export data here as in cli/stored_export.py, which makes the other formats from rows.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any, NamedTuple

from aiplan_tui.compiled.layout import (
    ARTICLE_ROWS,
    CELL_ROWS,
    ENTITY_ROWS,
    HIGHLIGHT_ROWS,
    INFO_ROWS,
)
from aiplan_tui.compiled.records import DATES, KINDS
from aiplan_tui.core.export import KIND, exported_fields
from aiplan_tui.core.json_text import INDENT, Members, indented
from aiplan_tui.core.model import Highlight

PACK_PART, SIDES, DIMENSIONS, ARTICLES, ENTITIES, HIGHLIGHTS, CELLS, SUGGESTED = range(8)
"""The export's members, in its order."""
SEPARATOR = ",\n" + INDENT * 2
"""Between two items of a member's list (and so between two files' texts)."""
PARTS_OF = {
    ARTICLE_ROWS: (ARTICLES,), ENTITY_ROWS: (ENTITIES,), HIGHLIGHT_ROWS: (HIGHLIGHTS, SUGGESTED),
    CELL_ROWS: (CELLS,), INFO_ROWS: (PACK_PART, SIDES, DIMENSIONS),
}  # fmt: skip
"""The parts a section's rows go to."""
_INFO_PARTS = {"info": PACK_PART, "side": SIDES, "dimension": DIMENSIONS}
_BATCH = 256
"""Files' texts written at a time."""


def write_texts(db: sqlite3.Connection, files: Iterable[tuple[int, str]] | None = None) -> None:
    """Store the export text of these (section, file)s, made from their rows as they are now,
    in place of what was stored for them (every file's, if None: a new database)."""
    if files is None:
        rows = db.execute("SELECT section, file, kind, item FROM pack ORDER BY section, file, n")
        _insert(db, rows)
        return
    for section, file in sorted(set(files)):
        db.executemany(
            "DELETE FROM exports WHERE part = ? AND file = ?",
            [(part, file) for part in PARTS_OF[section]],
        )
        rows = db.execute(
            "SELECT section, file, kind, item FROM pack WHERE section = ? AND file = ? ORDER BY n",
            (section, file),
        )
        _insert(db, rows)


def _insert(db: sqlite3.Connection, rows: Iterable[tuple[int, str, str, str]]) -> None:
    texts = file_texts(rows)
    while batch := list(islice(texts, _BATCH)):
        db.executemany("INSERT INTO exports VALUES (?, ?, ?)", batch)


def file_texts(rows: Iterable[tuple[int, str, str, str]]) -> Iterator[tuple[int, str, str]]:
    """(part, file, text) of each run of rows of one part and file ((section, file, kind,
    JSON) each, in the pack's order: a file's accepted highlights come before its
    suggested ones)."""
    key: tuple[int, str] | None = None
    items: list[str] = []
    for section, file, kind, text in rows:
        members, suggested = export_item(kind, text)
        part = _INFO_PARTS[kind] if section == INFO_ROWS else PARTS_OF[section][suggested]
        if key != (part, file):
            if key is not None and items:
                yield (*key, SEPARATOR.join(items))
            key, items = (part, str(file)), []
        items.append(indented(members, encode_basestring, 1 if part == PACK_PART else 2))
    if key is not None and items:
        yield (*key, SEPARATOR.join(items))


def stored_texts(db: sqlite3.Connection, part: int) -> Iterator[str]:
    """The part's stored texts in the pack's order (TypeError for a value not text)."""
    for (text,) in db.execute("SELECT text FROM exports WHERE part = ? ORDER BY file", (part,)):
        if type(text) is not str:
            raise TypeError(f"export text of part {part} is {type(text).__name__}")
        yield text


def export_item(kind: str, text: str) -> tuple[Members, bool]:
    """A stored row as export data (what core/export.py's `item_data` makes of the object it
    holds), straight from its JSON, and whether it is a suggested highlight."""
    values = json.loads(text)
    plan = _plan(kind)
    if len(values) != plan.width:
        raise ValueError(f"{kind}: {len(values)} fields, not {plan.width}")
    members = Members(
        plan.keys,
        [
            value if at < 0 else values[at] if made is None else made(values[at])
            for at, value, made in plan.fields
        ],
    )
    return members, plan.status >= 0 and bool(values[plan.status])


class _Plan(NamedTuple):
    width: int
    """How many values a stored row of the kind holds."""
    keys: tuple[str, ...]
    """The exported names, as JSON text."""
    fields: tuple[tuple[int, Any, Callable[[Any], Any] | None], ...]
    """For each: the place of its stored value (-1: the constant given instead), and
    how the stored value becomes the exported one (None: as it is)."""
    status: int
    """Where a highlight's status is (-1: the kind has none)."""


@cache
def _plan(kind: str) -> _Plan:
    """How a stored row of `kind` becomes export data. The rows are compiled/records.py's: a
    list of the fields' values in declaration order, a location as `[paragraph, start,
    end]`, a date as `{"date": ISO}`, a tuple as a list."""
    cls = KINDS[kind]
    stored = [f.name for f in dataclasses.fields(cls)]
    names = exported_fields(cls)
    fields = tuple(
        (-1, cls.kind, None) if name == KIND and issubclass(cls, Highlight)
        else (stored.index(name), None, _CONVERTED.get(name))
        for name in names
    )  # fmt: skip
    keys = tuple(map(encode_basestring_ascii, names))
    status = stored.index("status") if "status" in stored else -1
    return _Plan(len(stored), keys, fields, status)


def _location(value: list[int]) -> dict[str, int]:
    paragraph, start, end = value
    return {"paragraph": paragraph, "start": start, "end": end}


def _date(value: Any) -> Any:
    return value["date"] if isinstance(value, dict) else value


_CONVERTED: dict[str, Callable[[Any], Any]] = {"location": _location} | dict.fromkeys(DATES, _date)
