"""`export` from the compiled pack, read in the pack's order and written as it is read
(core/export_stream.py): the whole pack's JSON from each file's stored text
(compiled/export_rows.py), the rest from the rows, a thousand at a time. The pack is never
held whole, so memory stays flat however large it is. A row that cannot be read is Stale
(compiled/stale.py)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from aiplan_tui.compiled.export_rows import (
    ARTICLES,
    CELLS,
    DIMENSIONS,
    ENTITIES,
    HIGHLIGHTS,
    PACK_PART,
    SIDES,
    SUGGESTED,
    export_item,
    stored_texts,
)
from aiplan_tui.compiled.layout import (
    ARTICLE_ROWS,
    CELL_ROWS,
    ENTITY_ROWS,
    HIGHLIGHT_ROWS,
    INFO_ROWS,
)
from aiplan_tui.compiled.records import rows_groups
from aiplan_tui.compiled.stale import damage_is_stale
from aiplan_tui.core.export import ExportParts, item_data
from aiplan_tui.core.json_text import Members, Raw
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
        """The JSON export's parts: the whole pack's from the stored text of each file, one
        article's made from its rows without making objects of them."""
        if only is None:
            with damage_is_stale():
                (info,) = stored_texts(self.compiled.db, PACK_PART)
            return ExportParts(
                Raw(info), *(self._stored(part) for part in (SIDES, DIMENSIONS, ARTICLES)),
                *(self._stored(part) for part in (ENTITIES, HIGHLIGHTS, CELLS, SUGGESTED)),
            )  # fmt: skip
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

    def _stored(self, part: int) -> Iterator[Raw]:
        """The part's stored text, a file's at a time."""
        with damage_is_stale():
            yield from map(Raw, stored_texts(self.compiled.db, part))

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
        with damage_is_stale():
            cursor = self._query(section, only)
            size = ARTICLE_BATCH if section == ARTICLE_ROWS else BATCH
            while batch := cursor.fetchmany(size):
                for kind, text in batch:
                    members, is_suggested = export_item(str(kind), str(text))
                    if suggested is None or is_suggested is suggested:
                        yield members

    def _query(self, section: int, only: str | None) -> Any:
        if only is None:
            sql = "SELECT kind, item FROM pack WHERE section = ? ORDER BY file, n"
            return self.compiled.db.execute(sql, (section,))
        sql = "SELECT kind, item FROM pack WHERE section = ? AND article = ? ORDER BY file, n"
        return self.compiled.db.execute(sql, (section, only))
