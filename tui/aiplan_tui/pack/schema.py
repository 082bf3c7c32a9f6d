"""The fields each table of a content pack may carry: the pack format, in one place."""

from __future__ import annotations

from aiplan_tui.core.fields import Field
from aiplan_tui.core.model import ENTITY_KINDS

PACK = (Field("id", "id", True), Field("title", required=True), Field("description"))
SIDE = (Field("id", "id", True), Field("label", required=True), Field("short"))
DIMENSION = (Field("id", "id", True), Field("title", required=True), Field("description"))
EQUIVALENT = (Field("words", "str_list", required=True),)

ARTICLE = (
    Field("title", required=True),
    Field("id", "id"),
    Field("title_source", choices=("article", "editors")),
    Field("outlet"),
    Field("author"),
    Field("byline"),  # the older name of "author", still read
    Field("dateline"),
    Field("published", "date"),
    Field("url"),
    Field("accessed", "date"),
    Field("sides", "id_list"),
    Field("paged", "bool"),  # `[page N]` paragraphs mark pages (pack/pages.py)
)

HIGHLIGHT_COMMON = (
    Field("id", "id", True),
    Field("article", "id", True),
    Field("exact", required=True),
    Field("prefix"),
    Field("suffix"),
    Field("sides", "id_list"),
    Field("dimensions", "id_list"),
    Field("note"),
    Field("tags", "str_list"),
    Field("status", choices=("suggested",)),
)

HIGHLIGHT_KIND = {
    # `speaker` is required of an accepted quote only: highlights.py checks it (a suggestion
    # `add` found no speaker for is still a suggestion, with a warning)
    "quote": (Field("speaker", "id"), Field("direct", "bool", True)),
    "fact": (
        Field("metric", required=True),
        Field("value", "number", True),
        Field("unit", required=True),
        Field("period"),
        Field("qualifier"),
        Field("usd", "number"),
        Field("compare_key", "id"),
        Field("according_to", "id"),
    ),
    "position": (Field("side", "id", True), Field("according_to", "id")),
    "event": (Field("date", "date_or_str"), Field("according_to", "id")),
}

ENTITY = (
    Field("id", "id", True),
    Field("name", required=True),
    Field("kind", required=True, choices=ENTITY_KINDS),
    Field("role"),
    Field("side", "id"),
    Field("aliases", "str_list"),
    Field("note"),
)

CELL = (
    Field("dimension", "id", True),
    Field("side", "id", True),
    Field("summary", required=True),
    Field("highlights", "id_list"),
)
