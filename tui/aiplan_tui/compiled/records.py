"""The loaded pack as rows of plain JSON and back, equal object for object, so the app can
start on a compiled pack without reading and checking the pack's files again. No Textual.

Each object is a JSON array of its fields in declaration order; a `SourceRef` is
`[path, line]`, the path relative to the pack's root (resolved against the root the pack is
opened from, whatever folder the command that compiled it ran in); a `Location` is
`[paragraph, start, end]`, a date `{"date": "YYYY-MM-DD"}` (an event's date may also be free
text, kept as a string), a tuple a list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from aiplan_tui.core.model import (
    HIGHLIGHT_KINDS,
    Article,
    Cell,
    Dimension,
    Entity,
    Event,
    Fact,
    Location,
    Pack,
    PackInfo,
    Position,
    Quote,
    Side,
    SourceRef,
)
from aiplan_tui.core.pausing import Pause, paused

KINDS: dict[str, type[Any]] = {
    "info": PackInfo, "side": Side, "dimension": Dimension, "article": Article,
    "entity": Entity, "quote": Quote, "fact": Fact, "position": Position, "event": Event,
    "cell": Cell,
}  # fmt: skip
"""What each row's `kind` is made into."""
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def pack_rows(pack: Pack) -> Iterator[tuple[str, str, str | None]]:
    """(kind, JSON, article) for everything in the pack, in the pack's order; the article is
    an article's own id or a highlight's (None for the rest), so the app can start on one
    article and its highlights."""
    root = pack.root
    yield "info", _row(pack.info, root), None
    for group in (pack.sides, pack.dimensions):
        for item in group:
            yield _kind(item), _row(item, root), None
    for article in pack.articles:
        yield "article", _row(article, root), article.id
    for entity in pack.entities:
        yield "entity", _row(entity, root), None
    for highlight in (*pack.highlights, *pack.suggested):
        yield highlight.kind, _row(highlight, root), highlight.article
    for cell in pack.comparison:
        yield "cell", _row(cell, root), None


NO_SOURCE = SourceRef(Path(), 0)
DATES = frozenset({"published", "date", "accessed"})
"""The fields that may hold a date: stored as {"date": ISO}, so a string stays a string."""
"""A brief's source: none (a Path for each of 10,000 articles cost a tenth of a second)."""


def brief_rows(pack: Pack) -> Iterator[tuple[str, str]]:
    """(id, JSON) of each article as the navigator lists it (title, outlet, date...), without
    its text or source: the app's start on a large pack reads these, and an article's whole
    row when it is opened."""
    for article in pack.articles:
        brief = dataclasses.replace(article, paragraphs=(), paragraph_lines=(), source=NO_SOURCE)
        yield article.id, _row(brief, pack.root)


def rows_pack(root: Path, rows: Iterator[tuple[str, str]], pause: Pause | None = None) -> Pack:
    """The pack the rows were made from; ValueError (or TypeError, KeyError) if they are not
    rows `pack_rows` made. `pause`: see rows_groups."""
    groups = rows_groups(root, rows, pause)
    (info,) = groups["info"]
    highlights = tuple(h for h in groups["quote"] if not h.status)
    suggested = tuple(h for h in groups["quote"] if h.status)
    return Pack(
        info, root, tuple(groups["side"]), tuple(groups["dimension"]),
        tuple(groups["article"]), tuple(groups["entity"]), highlights,
        tuple(groups["cell"]), suggested,
    )  # fmt: skip


def rows_groups(
    root: Path, rows: Iterable[tuple[str, str]], pause: Pause | None = None
) -> dict[str, list[Any]]:
    """The objects the rows were made from, by kind ("quote" holds every highlight, in order).
    `pause` (core/pausing.py), if given, is called every thousand rows: a reader in a thread
    lets the UI thread run, and stops by raising."""
    groups: dict[str, list[Any]] = {name: [] for name in ("info", *KINDS)}
    for kind, text in paused(rows, pause):
        group = "quote" if kind in HIGHLIGHT_KINDS else kind  # highlights keep their order
        groups[group].append(_make(KINDS[kind], json.loads(text), root))
    return groups


def row_of(item: object, root: Path) -> tuple[str, str]:
    """(kind, JSON) of one object of the pack, as `pack_rows` gives it."""
    return _kind(item), _row(item, root)


def _kind(item: object) -> str:
    return next(kind for kind, cls in KINDS.items() if type(item) is cls)


def _row(item: object, root: Path) -> str:
    names, writers = _per_field(type(item), _WRITERS, _writer)
    values = [getattr(item, name) for name in names]  # a tuple is written as a list
    for number, writer in writers:
        values[number] = writer(values[number], root)
    return _encode(values)


def _writer(field: dataclasses.Field[Any]) -> Callable[[Any, Path], Any] | None:
    """How a field's value becomes a value JSON holds (None: it is one), given the pack's
    root: the fields `_maker` makes again."""
    if field.name == "source":
        return _source_row
    if field.name == "location":
        return lambda v, _: [v.paragraph, v.start, v.end]
    if field.name in DATES:
        return lambda v, _: {"date": v.isoformat()} if isinstance(v, dt.date) else v
    return None


def _source_row(source: SourceRef, root: Path) -> list[Any]:
    if source is NO_SOURCE:
        return _NO_SOURCE_ROW
    return [relative_to_root(source.path, root), source.line]


def relative_to_root(path: Path, root: Path) -> str:
    """A pack file's path as stored: relative to the pack's root (an absolute path for one
    outside it, which the loader never gives)."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path.absolute())


PerField = tuple[tuple[str, ...], list[tuple[int, Callable[[Any, Path], Any]]]]
"""A class's field names, and a function for each field that needs one (by its number)."""

_FIELDS: dict[type[Any], tuple[dataclasses.Field[Any], ...]] = {}
_MAKERS: dict[type[Any], PerField] = {}
_WRITERS: dict[type[Any], PerField] = {}


def _per_field(
    cls: type[Any],
    cache: dict[type[Any], PerField],
    pick: Callable[[dataclasses.Field[Any]], Callable[[Any, Path], Any] | None],
) -> PerField:
    """The class's field names and the functions `pick` gives its fields, found once per
    class (a hundred thousand rows asked each value its type six times over)."""
    found = cache.get(cls)
    if found is None:
        fields = _fields(cls)
        found = cache[cls] = (
            tuple(f.name for f in fields),
            [(n, made) for n, f in enumerate(fields) if (made := pick(f)) is not None],
        )
    return found


def _fields(cls: type[Any]) -> tuple[dataclasses.Field[Any], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = dataclasses.fields(cls)
    return found


def _make(cls: type[Any], values: list[Any], root: Path) -> Any:
    """The object, made as unpickling makes one: its fields set straight into a new
    instance. (Through a frozen dataclass's `__init__` each field is a separate
    `object.__setattr__`: three times as slow, for checks the rows passed when written.)"""
    names, makers = _per_field(cls, _MAKERS, _maker)
    if len(values) != len(names):
        raise ValueError(f"{cls.__name__}: {len(values)} fields, not {len(names)}")
    for number, maker in makers:
        values[number] = maker(values[number], root)
    item = object.__new__(cls)
    item.__dict__.update(zip(names, values, strict=True))
    return item


@lru_cache(maxsize=4096)
def in_root(root: Path, text: str) -> Path:
    """A stored path resolved against the pack's root; one Path per file, shared by every
    item from it."""
    return root / text


def _source(value: list[Any], root: Path) -> SourceRef:
    if value == _NO_SOURCE_ROW:  # a brief's: one shared, as written
        return NO_SOURCE
    return _make(SourceRef, [in_root(root, value[0]), int(value[1])], root)  # type: ignore[no-any-return]


_NO_SOURCE_ROW = [str(NO_SOURCE.path), NO_SOURCE.line]


def _maker(field: dataclasses.Field[Any]) -> Callable[[Any, Path], Any] | None:
    """How a field's JSON value becomes its value again (None: it is the same)."""
    if field.name == "source":
        return _source
    if field.name == "location":
        return lambda v, root: _make(Location, [int(v[0]), int(v[1]), int(v[2])], root)
    if field.name in DATES:
        return lambda v, _: dt.date.fromisoformat(v["date"]) if isinstance(v, dict) else v
    if field.name == "equivalents":
        return lambda v, _: tuple(map(tuple, v))
    if str(field.type).startswith("tuple"):
        return lambda v, _: tuple(v)
    return None
