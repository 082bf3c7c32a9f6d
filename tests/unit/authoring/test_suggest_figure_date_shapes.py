"""Issue 29, second round: figures, dates and `check` after `add` in shapes of real coverage
the first rules missed, each on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aiplan_tui.authoring.dates import stated_date
from aiplan_tui.authoring.suggest import suggest
from in_process import answer as cli


def test_a_byline_with_a_bare_date_is_the_published_date_and_no_event() -> None:
    paragraphs = [
        "By Ines Corvo | March 6, 2026",
        "The port authority on Tuesday approved the new berth.",
    ]
    assert stated_date(paragraphs) == dt.date(2026, 3, 6)
    found = [(h.exact, h.fields["date"]) for h in suggest(paragraphs, ()).highlights]
    assert found == [("The port authority on Tuesday approved the new berth", dt.date(2026, 3, 3))]


def figures(text: str) -> list[str]:
    return [h.exact for h in suggest([text], ()).highlights if h.kind == "fact"]


def test_a_year_after_since_is_never_a_figure() -> None:
    assert figures("The ports have signed more than 40 leases since 2021.") == [
        "more than 40 leases"
    ]
    # a year says when, not how much: "since 2019" alone is no figure either (corpus README)
    assert figures("Since 2019, the ports have been run by the city.") == []


def test_a_qualifier_is_a_word_of_its_own() -> None:
    assert figures("The quay will cover 80,000 square metres.") == ["80,000 square metres"]


def test_an_age_is_not_a_figure() -> None:
    assert figures("A 45-year-old crane driver was among the 300 protesters.") == ["300 protesters"]


def test_a_number_in_a_name_is_not_a_count() -> None:
    text = "Under Article 17 rules and the Phase 2 works, 40 firms must report. Only 12 firms did."
    assert figures(text) == ["40 firms", "12 firms"]


def test_a_capitalised_name_before_a_count_leaves_it_a_count() -> None:
    assert figures("The order gives Commerce 90 days to act.") == ["90 days"]


def test_an_event_after_a_quotation_starts_after_its_closing_mark() -> None:
    text = "“We will open the quay to everyone,” Deputy Mayor Hanna Solberg said on Tuesday."
    found = [h.exact for h in suggest([text], ()).highlights if h.kind == "event"]
    assert found == ["Deputy Mayor Hanna Solberg said on Tuesday"]


def test_an_event_inside_a_quotation_starts_after_the_opening_mark() -> None:
    text = "“We are ready to start on Monday,” Eide said."
    found = [h.exact for h in suggest([text], ()).highlights if h.kind == "event"]
    assert found == ["We are ready to start on Monday"]


def test_add_then_check_accepts_a_quotation_whose_speaker_was_not_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack, article = tmp_path / "pack", tmp_path / "harbour.txt"
    article.write_text(
        "Harbour news\n\n“It is a start,” the agency said in a statement.\n\nThe quay opened.\n",
        encoding="utf-8",
    )
    assert cli(capsys, "init", str(pack)).returncode == 0
    assert cli(capsys, "add", str(article), "--content", str(pack)).returncode == 0
    checked = cli(capsys, "check", str(pack))
    assert checked.returncode == 0, checked.stderr
    assert "has no speaker yet" in checked.stdout + checked.stderr
    assert "0 errors, 1 warning" in checked.stdout + checked.stderr
