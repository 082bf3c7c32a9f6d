"""`export` from the compiled pack's rows, read in the pack's order a thousand at a time and
written as they are read (core/export_stream.py): the pack is never held whole, so memory
stays flat however large it is. A row that cannot be read is Stale (compiled/stale.py)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from functools import cache
from itertools import chain
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any, NamedTuple

from aiplan_tui.compiled.layout import (
    ARTICLE_ROWS,
    CELL_ROWS,
    ENTITY_ROWS,
    HIGHLIGHT_ROWS,
    INFO_ROWS,
)
from aiplan_tui.compiled.records import DATES, KINDS, rows_groups
from aiplan_tui.compiled.stale import damage_is_stale
from aiplan_tui.core.export import KIND, ExportParts, exported_fields, item_data
from aiplan_tui.core.json_text import Members
from aiplan_tui.core.model import Article, Highlight, Pack

if TYPE_CHECKING:
    from aiplan_tui.compiled.store import CompiledPack

BATCH = 1000
"""Rows read and made into objects at a time."""
ARTICLE_BATCH = 16
"""Articles at a time: each holds its whole text."""


class StoredSource:
    """The compiled pack's parts as core/export_stream.ExportSource gives them."""

    def __init__(self, compiled: CompiledPack) -> None:
        self.compiled = compiled
        self._names: Pack | None = None
        self._last: tuple[str, Article | None] | None = None

    def names(self) -> Pack:
        if self._names is None:
            info, sides, dimensions = self._info()
            entities = tuple(self._objects(ENTITY_ROWS, None))
            root = self.compiled.root
            self._names = Pack(info, root, tuple(sides), tuple(dimensions), entities=entities)
        return self._names

    def parts(self, only: str | None) -> ExportParts:
        """The JSON export's parts, made from the rows without making objects of them."""
        info, sides, dimensions = self._info()
        return ExportParts(
            item_data(info), map(item_data, sides), map(item_data, dimensions),
            self._data(ARTICLE_ROWS, only), self._data(ENTITY_ROWS, None),
            self._data(HIGHLIGHT_ROWS, only, suggested=False), self._data(CELL_ROWS, None),
            self._data(HIGHLIGHT_ROWS, only, suggested=True),
        )  # fmt: skip

    def articles(self, only: str | None) -> Iterator[Article]:
        return self._objects(ARTICLE_ROWS, only)

    def highlights(self, only: str | None) -> Iterator[Highlight]:
        return (h for h in self._objects(HIGHLIGHT_ROWS, only) if not h.status)

    def highlight_count(self, only: str | None) -> int:
        if only is None:
            return self.compiled.counts()[1]
        return sum(1 for _ in self.highlights(only))

    def article(self, article_id: str) -> Article | None:
        """The first of that id; the last one asked for is kept (a highlight file's
        highlights are all of one article, as a rule)."""
        if self._last is None or self._last[0] != article_id:
            found = next(self._objects(ARTICLE_ROWS, article_id), None)
            self._last = (article_id, found)
        return self._last[1]

    def has_stored_json(self) -> bool:
        """Whether the whole pack's JSON export was stored when the pack was compiled (by an
        `export`; an update a file at a time drops it)."""
        with damage_is_stale():
            return self.compiled.meta("export") is True

    def stored_json(self) -> Iterator[str]:
        """That JSON (without its final newline), a stored row of it at a time."""
        with damage_is_stale():
            for (text,) in self.compiled.db.execute("SELECT text FROM export ORDER BY seq"):
                yield str(text)

    def has_article(self, article_id: str) -> bool:
        with damage_is_stale():
            return self._query(ARTICLE_ROWS, article_id).fetchone() is not None

    def article_ids(self) -> list[str]:
        with damage_is_stale():
            query = "SELECT article FROM pack WHERE section = ? ORDER BY file, n"
            return [str(a) for (a,) in self.compiled.db.execute(query, (ARTICLE_ROWS,))]

    def _info(self) -> tuple[Any, list[Any], list[Any]]:
        """The pack's own row, its sides and its dimensions."""
        with damage_is_stale():
            rows = list(self._query(INFO_ROWS, None))
            groups = rows_groups(self.compiled.root, rows)
            (info,) = groups["info"]
            return info, groups["side"], groups["dimension"]

    def _objects(self, section: int, only: str | None) -> Iterator[Any]:
        """The section's objects in the pack's order (one article's, if `only`)."""
        with damage_is_stale():
            cursor = self._query(section, only)
            size = ARTICLE_BATCH if section == ARTICLE_ROWS else BATCH
            while batch := cursor.fetchmany(size):
                yield from chain.from_iterable(rows_groups(self.compiled.root, batch).values())

    def _data(
        self, section: int, only: str | None, suggested: bool | None = None
    ) -> Iterator[Members]:
        """The section's rows as export data (what core/export.py's `item_data` makes of the
        objects they hold), straight from their JSON; of the highlights only the suggested
        ones, or only the others, if `suggested` says."""
        if suggested and only is None and self.compiled.counts()[4] == 0:
            return  # none: no second pass over the highlights
        with damage_is_stale():
            cursor = self._query(section, only)
            size = ARTICLE_BATCH if section == ARTICLE_ROWS else BATCH
            while batch := cursor.fetchmany(size):
                for kind, text in batch:
                    values = json.loads(text)
                    plan, status = _plan(str(kind))
                    if suggested is not None and bool(values[status]) is not suggested:
                        continue
                    if len(values) != plan.width:
                        raise ValueError(f"{kind}: {len(values)} fields, not {plan.width}")
                    yield Members(
                        plan.keys,
                        [
                            value if at < 0 else values[at] if made is None else made(values[at])
                            for at, value, made in plan.fields
                        ],
                    )

    def _query(self, section: int, only: str | None) -> Any:
        if only is None:
            sql = "SELECT kind, item FROM pack WHERE section = ? ORDER BY file, n"
            return self.compiled.db.execute(sql, (section,))
        sql = "SELECT kind, item FROM pack WHERE section = ? AND article = ? ORDER BY file, n"
        return self.compiled.db.execute(sql, (section, only))


class _Plan(NamedTuple):
    width: int
    """How many values a stored row of the kind holds."""
    keys: tuple[str, ...]
    """The exported names, as JSON text."""
    fields: tuple[tuple[int, Any, Callable[[Any], Any] | None], ...]
    """For each: the place of its stored value (-1: the constant given instead), and
    how the stored value becomes the exported one (None: as it is)."""


@cache
def _plan(kind: str) -> tuple[_Plan, int]:
    """How a stored row of `kind` becomes export data, and where its `status` is (highlights).
    The rows are compiled/records.py's: a list of the fields' values in declaration order, a
    location as `[paragraph, start, end]`, a date as `{"date": ISO}`, a tuple as a list."""
    cls = KINDS[kind]
    stored = [f.name for f in dataclasses.fields(cls)]
    names = exported_fields(cls)
    fields = tuple(
        (-1, cls.kind, None) if name == KIND and issubclass(cls, Highlight)
        else (stored.index(name), None, _CONVERTED.get(name))
        for name in names
    )  # fmt: skip
    keys = tuple(map(encode_basestring_ascii, names))
    return _Plan(len(stored), keys, fields), stored.index("status") if "status" in stored else 0


def _location(value: list[int]) -> dict[str, int]:
    paragraph, start, end = value
    return {"paragraph": paragraph, "start": start, "end": end}


def _date(value: Any) -> Any:
    return value["date"] if isinstance(value, dict) else value


_CONVERTED: dict[str, Callable[[Any], Any]] = {"location": _location} | dict.fromkeys(DATES, _date)
