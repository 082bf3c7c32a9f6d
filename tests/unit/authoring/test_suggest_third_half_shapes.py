"""Issue 29, after the third held-out half: shapes of real coverage its rules missed, each on
sentences written for these tests, with near misses where a rule must not fire."""

from __future__ import annotations

import datetime as dt

from aiplan_tui.authoring.dates import stated_date
from aiplan_tui.authoring.suggest import suggest


def events(paragraphs: list[str]) -> list[tuple[str, object]]:
    return [(h.exact, h.fields["date"]) for h in suggest(paragraphs, ()).highlights
            if h.kind == "event"]  # fmt: skip


def test_a_header_line_of_segments_with_a_full_date_is_the_published_date_no_event() -> None:
    paragraphs = [
        "Harbour live: the berth vote",
        "Live updates · Tuesday, March 10, 2026 · City hall desk",
        "The council on Monday approved the new berth.",
    ]
    assert stated_date(paragraphs) == dt.date(2026, 3, 10)
    assert events(paragraphs) == [
        ("The council on Monday approved the new berth", dt.date(2026, 3, 9))
    ]
    other = ["Ports", "Rolling coverage | 4 May 2026 | 10:05", "Crews left on Friday for the quay."]
    assert stated_date(other) == dt.date(2026, 5, 4)


def test_a_sentence_with_separators_is_not_a_header_line() -> None:
    paragraphs = [
        "Ports",
        "Crews · who arrived on March 10, 2026 · started work on the quay that week.",
    ]
    assert stated_date(paragraphs) is None
    assert len(events(paragraphs)) == 1
    # two dates in one header: which is the article's own is not known
    assert stated_date(["Ports", "Live · March 1, 2026 · March 2, 2026"]) is None
