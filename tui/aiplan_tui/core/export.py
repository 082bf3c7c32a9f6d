"""The loaded pack as plain JSON-ready data: the schema other tools and tests rely on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from aiplan_tui.core.model import Article, Highlight, Pack

EXPORT_VERSION = 2
"""Bumped only when a field is removed or changes meaning; new fields may appear at any time.
2: an article's `byline` is now `author`."""


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """Everything loaded, with every highlight's location so `paragraphs[p][start:end] == exact`."""
    return {
        "format": EXPORT_VERSION,
        "pack": _plain(pack.info),
        "sides": [_plain(side) for side in pack.sides],
        "dimensions": [_plain(dimension) for dimension in pack.dimensions],
        "articles": [_article(article) for article in pack.articles],
        "entities": [_plain(entity, drop=("source",)) for entity in pack.entities],
        "highlights": [_highlight(highlight) for highlight in pack.highlights],
        "comparison": [_plain(cell, drop=("source",)) for cell in pack.comparison],
        "suggested": [_highlight(highlight) for highlight in pack.suggested],
    }


def _article(article: Article) -> dict[str, Any]:
    data = _plain(article, drop=("source", "paragraph_lines", "paragraphs"))
    data["paragraphs"] = list(article.paragraphs)
    return data


def _highlight(highlight: Highlight) -> dict[str, Any]:
    data = {"id": highlight.id, "kind": highlight.kind}
    # A quote's words are its speaker's: `according_to` is for the other kinds.
    drop = ("source", "according_to") if highlight.kind == "quote" else ("source",)
    data.update(_plain(highlight, drop=drop))
    return data


def _plain(item: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        f.name: _value(getattr(item, f.name))
        for f in dataclasses.fields(item)
        if f.name not in drop
    }


def _value(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    return value
