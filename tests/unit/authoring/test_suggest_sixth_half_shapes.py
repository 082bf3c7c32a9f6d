"""Issue 29, after the sixth held-out half: a role with "the" before the name after a
quotation, the organisation behind the people who speak for it ("Analysts at ...") or behind
where it is based ("Leeds-based ..."), an attribution after reported words with a "who"
clause of its own, and the page's own date in markdown emphasis or before a live blog's
separator, each on sentences written for these tests, with near misses where a rule must not
fire."""

from __future__ import annotations

import datetime as dt

from tests.suggesting import people, said

from aiplan_tui.authoring.dates import stated_date
from aiplan_tui.authoring.suggest import suggest


def test_a_role_with_the_then_the_name_after_a_split_quotation_speaks_both_halves() -> None:
    paragraphs = [
        "Harbour news",
        "The officials were blunt. “We will mend the sea wall first,” the deputy mayor, "
        "Ada Lyle-Brown, told me, “and the ferry ramp after it.”",
    ]
    assert said(paragraphs) == [
        ("We will mend the sea wall first", "Ada Lyle-Brown"),
        ("and the ferry ramp after it.", "Ada Lyle-Brown"),
    ]
    assert people(paragraphs) == {"Ada Lyle-Brown": "person"}


def test_a_role_with_the_then_the_name_after_a_whole_quotation() -> None:
    paragraphs = ["Harbour news", "“The ramp is safe,” the harbour master, Ines Roa, said."]
    assert said(paragraphs) == [("The ramp is safe", "Ines Roa")]


def test_analysts_at_a_named_firm_speak_as_the_firm() -> None:
    paragraphs = [
        "Harbour news",
        "Analysts at Kestrel Capital estimated that the new berth could add $40 million to "
        "port revenue, and said shippers had already booked the first slots.",
    ]
    assert {name for _, name in said(paragraphs, direct=False)} == {"Kestrel Capital"}
    assert people(paragraphs) == {"Kestrel Capital": "organisation"}


def test_analysts_at_an_unnamed_firm_stay_unnamed() -> None:
    # near miss: no name after "at", so no organisation to give the words to
    paragraphs = ["Harbour news", "Analysts at a Lisbon bank said the berth would pay off."]
    assert people(paragraphs) == {"Analysts at a Lisbon bank": "person"}


def test_a_place_based_company_is_named_without_its_place() -> None:
    paragraphs = [
        "Harbour news",
        "Leeds-based Corran Robotics said its new crane arm had sold 900 units in a month.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said its new crane arm had sold 900 units in a month", "Corran Robotics")
    ]
    assert people(paragraphs) == {"Corran Robotics": "organisation"}


def test_reported_words_then_says_name_role_and_a_who_clause() -> None:
    paragraphs = [
        "Harbour news",
        "Ferry operators, hauliers and fish merchants stand to gain the most, says Séamus Ó "
        "Briain, a partner at the shipping law firm Dunmore & Hale, who estimates that the "
        "faster inspections could cut waiting times at the quay by 20 to 30 percent at peak.",
    ]
    assert said(paragraphs, direct=False)[0] == (
        "Ferry operators, hauliers and fish merchants stand to gain the most",
        "Séamus Ó Briain",
    )
    assert people(paragraphs) == {"Séamus Ó Briain": "person"}


def _events(paragraphs: list[str], published: dt.date | None = None) -> list[tuple[str, object]]:
    found = suggest(paragraphs, (), published)
    return [(h.exact, h.fields["date"]) for h in found.highlights if h.kind == "event"]


def test_an_updated_line_in_markdown_emphasis_is_the_articles_date_not_an_event() -> None:
    paragraphs = [
        "The harbour plan in four numbers",
        "_Updated June 14, 2025_",
        "The council approved the harbour plan on Friday after a long debate.",
    ]
    assert stated_date(paragraphs) == dt.date(2025, 6, 14)
    assert [date for _, date in _events(paragraphs)] == [dt.date(2025, 6, 13)]


def test_a_live_blogs_date_before_a_separator_is_no_event() -> None:
    paragraphs = [
        "Harbour fair, day two",
        "Saturday, June 14 · Live updates from the harbour fair. Times are local.",
        "The mayor opened the new quay on Friday to the first ferries.",
    ]
    assert [text for text, _ in _events(paragraphs)] == [
        "The mayor opened the new quay on Friday to the first ferries"
    ]


def test_a_date_opening_a_sentence_without_a_separator_still_dates_it() -> None:
    # near miss: no "·" after the date, so the date is the sentence's
    paragraphs = ["Harbour fair", "On June 14 the mayor opened the new quay to the ferries."]
    assert len(_events(paragraphs)) == 1


def _figures(paragraphs: list[str]) -> list[str]:
    return [h.exact for h in suggest(paragraphs, ()).highlights if h.kind == "fact"]


def test_a_number_after_a_products_name_mid_sentence_is_the_names() -> None:
    paragraphs = [
        "Crane news",
        "Harbourline does not ship its heavy Osprey 7 cranes abroad, but it sold 40 cranes.",
    ]
    assert _figures(paragraphs) == ["40 cranes"]


def test_a_number_after_a_weekday_is_still_a_count() -> None:
    # near miss: a weekday names nothing by number
    paragraphs = ["Crane news", "The fair opened on Tuesday and on Wednesday 40 delegates left."]
    assert _figures(paragraphs) == ["40 delegates"]


def test_words_before_the_organisation_announced_are_what_it_announced() -> None:
    paragraphs = [
        "College news",
        "Harbourline Community College will offer four new courses in marine welding this "
        "fall, the college announced Friday, part of a push for federal training grants.",
    ]
    assert said(paragraphs, direct=False) == [
        (
            "Harbourline Community College will offer four new courses in marine welding this fall",
            "Harbourline Community College",
        )
    ]


def test_announcing_a_plan_is_still_an_act() -> None:
    # near miss: "announced" with its object after it reports no one's words
    paragraphs = ["College news", "Harbourline Community College announced a welding course."]
    assert said(paragraphs, direct=False) == []


def test_time_given_to_a_named_body_is_still_a_figure() -> None:
    # near miss: "gives Harbourline 30 days" is a span of time, not a product's number
    paragraphs = ["Crane news", "The order gives Harbourline 30 days to answer the council."]
    assert _figures(paragraphs) == ["30 days"]


def test_a_pronoun_after_the_attribution_reports_for_the_same_speaker() -> None:
    paragraphs = [
        "Harbour news",
        "The port expects about $4 million from the new grants, said Tomas Lind, its finance "
        "director, though he cautioned that the council had not yet signed the cheque.",
    ]
    assert said(paragraphs, direct=False) == [
        ("The port expects about $4 million from the new grants", "Tomas Lind"),
        ("cautioned that the council had not yet signed the cheque", "Tomas Lind"),
    ]


def test_a_who_clause_after_the_attribution_reports_for_the_same_speaker() -> None:
    paragraphs = [
        "Harbour news",
        "Ferry crews stand to gain the most, says Ines Roa, a harbour economist, who "
        "estimates that the new berths could cut waiting times by a third.",
    ]
    assert said(paragraphs, direct=False) == [
        ("Ferry crews stand to gain the most", "Ines Roa"),
        ("estimates that the new berths could cut waiting times by a third", "Ines Roa"),
    ]


def test_a_clause_after_the_attribution_with_no_speaking_reports_nothing_more() -> None:
    # near miss: "and the council agreed" is no one's speech
    paragraphs = [
        "Harbour news",
        "The port expects about $4 million from the new grants, said Tomas Lind, its finance "
        "director, and the council agreed to the plan.",
    ]
    assert [name for _, name in said(paragraphs, direct=False)] == ["Tomas Lind"]
