"""The loaded pack as plain JSON-ready data: the schema other tools and tests rely on.

Which fields each object exports, and in what order, is said once (`exported_fields`): the
loaded pack's objects are turned into data by it here, and the compiled pack's stored rows
by it in cli/stored_export.py, so the two give the same document."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from aiplan_tui.core.model import Article, Highlight, Pack

EXPORT_VERSION = 2
"""Bumped only when a field is removed or changes meaning; new fields may appear at any time.
2: an article's `byline` is now `author`."""

KIND = "kind"
"""A highlight's kind is exported as if it were a field (it is its class's; an entity's kind
is a field)."""


@dataclasses.dataclass(frozen=True)
class ExportParts:
    """The export's parts as data, each in the pack's order: made from a loaded pack's objects
    (`parts_of`), or from rows of the compiled pack as they are written (each iterated once,
    in this order)."""

    info: Any
    """A dict, or what core/json_text writes as one (`Raw`: its text stored already)."""
    sides: Iterable[Any]
    dimensions: Iterable[Any]
    articles: Iterable[Any]
    entities: Iterable[Any]
    highlights: Iterable[Any]
    comparison: Iterable[Any]
    suggested: Iterable[Any]
    """Each item a dict, or what core/json_text writes as one (`Members`, `Raw`: one or more
    items' text)."""


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """Everything loaded, with every highlight's location so `paragraphs[p][start:end] == exact`."""
    return export_data(parts_of(pack), list)


def parts_of(pack: Pack) -> ExportParts:
    return ExportParts(
        item_data(pack.info), map(item_data, pack.sides), map(item_data, pack.dimensions),
        map(item_data, pack.articles), map(item_data, pack.entities),
        map(item_data, pack.highlights), map(item_data, pack.comparison),
        map(item_data, pack.suggested),
    )  # fmt: skip


def export_data(parts: ExportParts, each: Callable[[Iterable[Any]], Any]) -> dict[str, Any]:
    """The export's members; each list made by `each` from the items as they come (`list`, or
    core/json_text.Streamed to write them one at a time)."""
    return {
        "format": EXPORT_VERSION,
        "pack": parts.info,
        "sides": each(parts.sides),
        "dimensions": each(parts.dimensions),
        "articles": each(parts.articles),
        "entities": each(parts.entities),
        "highlights": each(parts.highlights),
        "comparison": each(parts.comparison),
        "suggested": each(parts.suggested),
    }


def exported_fields(cls: type[Any]) -> tuple[str, ...]:
    """The names an object of `cls` is exported with, in order: its fields without its
    source; an article's paragraphs last, without their lines; a highlight's id and kind
    first, and a quote without `according_to` (its words are its speaker's)."""
    found = _EXPORTED.get(cls)
    if found is None:
        found = _EXPORTED[cls] = _exported(cls)
    return found


_EXPORTED: dict[type[Any], tuple[str, ...]] = {}


def _exported(cls: type[Any]) -> tuple[str, ...]:
    names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "source")
    if cls is Article:
        return (*(n for n in names if n not in ("paragraph_lines", "paragraphs")), "paragraphs")
    if issubclass(cls, Highlight):
        dropped = ("id", "according_to") if cls.kind == "quote" else ("id",)
        return ("id", KIND, *(n for n in names if n not in dropped))
    return names


def item_data(item: Any) -> dict[str, Any]:
    """One object of the pack as exported data."""
    return {
        name: item.kind if name == KIND else _value(getattr(item, name))
        for name in exported_fields(type(item))
    }


def _value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return item_data(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    return value
