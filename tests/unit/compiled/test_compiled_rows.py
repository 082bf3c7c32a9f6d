"""A search document as a compiled row and back: equal field for field, whatever its text."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.compiled.rows import doc_row, row_doc
from aiplan_tui.core.model import Location
from aiplan_tui.search.documents import BODY, NOTE, TITLE, Doc, Field

texts = st.text(max_size=40)
words = st.frozensets(texts, max_size=3)


@given(
    st.lists(st.tuples(texts, texts, st.sampled_from([BODY, TITLE, NOTE])), min_size=1, max_size=4),
    words,
    words,
    words,
)
def test_a_document_comes_back_from_its_row(
    fields: list[tuple[str, str, float]],
    sides: frozenset[str],
    dimensions: frozenset[str],
    years: frozenset[str],
) -> None:
    doc = Doc(
        "quote", "q-1", tuple(Field(*f) for f in fields), "a1", Location(2, 3, 9),
        sides, dimensions, "li qiang", years, "Li Qiang · direct", "",
    )  # fmt: skip
    row = doc_row(7, doc)
    assert row_doc(row) == doc
    # what the row holds is the JSON the standard encoder writes, so any reader reads it
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    assert row[7] == json.dumps([list(f) for f in fields], **compact)  # type: ignore[arg-type]
    assert row[8] == json.dumps(sorted(sides), **compact)  # type: ignore[arg-type]
