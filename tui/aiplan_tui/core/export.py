"""The loaded pack as plain JSON-ready data: the schema other tools and tests rely on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from aiplan_tui.core.model import Article, Cell, Dimension, Entity, Highlight, Pack, PackInfo, Side

EXPORT_VERSION = 2
"""Bumped only when a field is removed or changes meaning; new fields may appear at any time.
2: an article's `byline` is now `author`."""


@dataclasses.dataclass(frozen=True)
class ExportParts:
    """What the export holds, each part in the pack's order: a loaded pack's tuples, or rows
    read from the compiled pack as they are written (iterated once each, in this order)."""

    info: PackInfo
    sides: Iterable[Side]
    dimensions: Iterable[Dimension]
    articles: Iterable[Article]
    entities: Iterable[Entity]
    highlights: Iterable[Highlight]
    comparison: Iterable[Cell]
    suggested: Iterable[Highlight]


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """Everything loaded, with every highlight's location so `paragraphs[p][start:end] == exact`."""
    return export_data(
        ExportParts(
            pack.info, pack.sides, pack.dimensions, pack.articles, pack.entities,
            pack.highlights, pack.comparison, pack.suggested,
        ),
        list,
    )  # fmt: skip


def export_data(parts: ExportParts, each: Callable[[Iterable[Any]], Any]) -> dict[str, Any]:
    """The export's members; each list made by `each` from the items as they are turned into
    data (`list`, or core/json_text.Streamed to write them one at a time)."""
    return {
        "format": EXPORT_VERSION,
        "pack": plain(parts.info),
        "sides": each(map(plain, parts.sides)),
        "dimensions": each(map(plain, parts.dimensions)),
        "articles": each(map(article_data, parts.articles)),
        "entities": each(map(_sourceless, parts.entities)),
        "highlights": each(map(highlight_data, parts.highlights)),
        "comparison": each(map(_sourceless, parts.comparison)),
        "suggested": each(map(highlight_data, parts.suggested)),
    }


def article_data(article: Article) -> dict[str, Any]:
    data = plain(article, drop=("source", "paragraph_lines", "paragraphs"))
    data["paragraphs"] = list(article.paragraphs)
    return data


def highlight_data(highlight: Highlight) -> dict[str, Any]:
    data = {"id": highlight.id, "kind": highlight.kind}
    # A quote's words are its speaker's: `according_to` is for the other kinds.
    drop = ("source", "according_to") if highlight.kind == "quote" else ("source",)
    data.update(plain(highlight, drop=drop))
    return data


def _sourceless(item: Entity | Cell) -> dict[str, Any]:
    return plain(item, drop=("source",))


def plain(item: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {name: _value(getattr(item, name)) for name in _names(type(item)) if name not in drop}


_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _names(cls: type[Any]) -> tuple[str, ...]:
    """A dataclass's field names, found once per class (not once per item)."""
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return found


def _value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    return value
