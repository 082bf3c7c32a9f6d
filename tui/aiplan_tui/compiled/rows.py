"""Search documents as database rows and back, equal field for field. No Textual."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _quoted

from aiplan_tui.core.location import Location
from aiplan_tui.search.documents import Doc, Field

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import Any

DOC_COLUMNS = (
    "number, kind, id, article, paragraph, start, stop, fields, sides, dimensions, speaker, years,"
    " who, status, page"
)
DOC_FIELDS = DOC_COLUMNS.replace("number, ", "")
"""A document row's columns after its place (`local`, in its unit: compiled/layout.py)."""

DocRow = tuple[
    int, str, str, str, int | None, int | None, int | None, str, str, str, str, str, str, str, int
]


def doc_row(number: int, doc: Doc) -> DocRow:
    location = doc.location
    return (
        number,
        doc.kind,
        doc.id,
        doc.article,
        None if location is None else location.paragraph,
        None if location is None else location.start,
        None if location is None else location.end,
        _fields_text(doc.fields),
        _strings_text(doc.sides),
        _strings_text(doc.dimensions),
        doc.speaker,
        _strings_text(doc.years),
        doc.who,
        doc.status,
        doc.page,
    )


def row_doc(row: tuple[Any, ...]) -> Doc:
    """The document a row holds; ValueError or TypeError if the row is not one `doc_row` made."""
    _, kind, id_, article, paragraph, start, stop, fields, sides, dims, *rest = row
    speaker, years, who, status, page = rest
    location = None if paragraph is None else Location(int(paragraph), int(start), int(stop))
    made = tuple(Field(str(name), str(text), float(weight)) for name, text, weight in _load(fields))
    return Doc(
        str(kind), str(id_), made, str(article), location, _strings(sides), _strings(dims),
        str(speaker), _strings(years), str(who), str(status), int(page),
    )  # fmt: skip


def _strings(text: str) -> frozenset[str]:
    if text == "[]":  # most are empty: no JSON to decode (issue 34)
        return frozenset()
    return frozenset(str(item) for item in _load(text))


def _fields_text(fields: tuple[Field, ...]) -> str:
    """The fields as JSON, as `json.dumps(..., ensure_ascii=False, separators=(",", ":"))`
    writes them, made straight from the strings: the encoder's own setup cost more than the
    writing, two hundred thousand times over."""
    return (
        "[" + ",".join(f"[{_quoted(f.name)},{_quoted(f.text)},{f.weight!r}]" for f in fields) + "]"
    )


def _strings_text(values: frozenset[str]) -> str:
    """A set of strings as a sorted JSON array (most are empty)."""
    return "[" + ",".join(map(_quoted, sorted(values))) + "]" if values else "[]"


def _load(text: str) -> list[Any]:
    value = json.loads(text)
    if not isinstance(value, list):
        raise ValueError("not a list")
    return value
