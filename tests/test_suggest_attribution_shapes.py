"""Issue 29, second round: shapes of real coverage the first rules missed, each on sentences
written for these tests (invented people, organisations and outlets)."""

from __future__ import annotations

import datetime as dt

from aiplan_tui.authoring.dates import stated_date
from aiplan_tui.authoring.suggest import suggest


def said(paragraphs: list[str], direct: bool | None = True) -> list[tuple[str, str]]:
    """Each quotation's words with its speaker's name ("" when none)."""
    result = suggest(paragraphs, ())
    names = {e.id: e.name for e in result.entities}
    return [
        (h.exact, names.get(str(h.fields.get("speaker", "")), ""))
        for h in result.highlights
        if h.kind == "quote" and (direct is None or h.fields["direct"] is direct)
    ]


def people(paragraphs: list[str]) -> dict[str, str]:
    """Each proposed entity's name with its kind."""
    return {e.name: e.kind for e in suggest(paragraphs, ()).entities}


# ------------------------------------------------------------------ dates


def test_a_byline_with_a_bare_date_is_the_published_date_and_no_event() -> None:
    paragraphs = [
        "By Ines Corvo | March 6, 2026",
        "The port authority on Tuesday approved the new berth.",
    ]
    assert stated_date(paragraphs) == dt.date(2026, 3, 6)
    found = [(h.exact, h.fields["date"]) for h in suggest(paragraphs, ()).highlights]
    assert found == [("The port authority on Tuesday approved the new berth", dt.date(2026, 3, 3))]
