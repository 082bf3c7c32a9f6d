"""Issue 29, after the seventh held-out half: a second verb of saying after a pronoun for the
same speaker (", but they warned that ..."), the writer's own clause after reported words,
"has said" kept whole, a surname whose particle is capitalised, "two people familiar with
...", someone not named opening a sentence whose speech is a participle, a scare quote inside
words reported before their attribution, lower-case "analysts at ...", an organisation the
article describes rather than names ("the ministry said" after "Norland's transport
ministry"), a rounded number with nothing counted after it ("over 800,"), a document's name
as a sentence's subject (nobody's words) and "added about 40 berths" (an act), each on
sentences written for these tests, with near misses where a rule must not fire."""

from __future__ import annotations

from tests.suggesting import people, said

from aiplan_tui.authoring.suggest import suggest


def test_they_warned_after_the_first_verb_is_a_second_clause_of_the_same_speaker() -> None:
    paragraphs = [
        "Harbour news",
        "Analysts at Corvid Research said the port had cut its delays by a third, but they "
        "warned that the dredging would take years to finish.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said the port had cut its delays by a third", "Corvid Research"),
        ("warned that the dredging would take years to finish", "Corvid Research"),
    ]


def test_and_he_asked_after_a_named_speaker_is_his() -> None:
    paragraphs = [
        "Harbour news",
        "Tom Reyes, a harbour pilot, said he feared the new fees were too high for small "
        "boats, and he asked the council to publish the rates.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said he feared the new fees were too high for small boats", "Tom Reyes"),
        ("asked the council to publish the rates", "Tom Reyes"),
    ]


def test_though_she_cautioned_after_a_surname_is_hers() -> None:
    paragraphs = [
        "Harbour news",
        "Mira Holt runs the ferry company. Holt said the winter timetable had won back "
        "commuters, though she cautioned that fuel costs remained the main risk.",
    ]
    assert [name for _, name in said(paragraphs, direct=False)] == ["Mira Holt", "Mira Holt"]


def test_the_writers_own_clause_after_reported_words_is_left_out() -> None:
    paragraphs = [
        "Harbour news",
        "Ana Pires chairs the port board. She said a single ferry timetable was the only "
        "sensible fix, and she is right that the council should act.",
        "Harbour Minister Lena Voss has said the new quay will open by spring, though "
        "analysts doubt the timetable.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said a single ferry timetable was the only sensible fix", "Ana Pires"),
        ("has said the new quay will open by spring", "Lena Voss"),
    ]


def test_what_follows_and_it_in_the_past_is_still_reported() -> None:
    # near miss: "and it would" is what was said (told in the past), not the writer's
    paragraphs = [
        "Harbour news",
        "Ines Roa said the quay was safe again, and it would reopen to ferries in May.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said the quay was safe again, and it would reopen to ferries in May", "Ines Roa")
    ]


def test_a_surname_with_a_capitalised_particle_is_the_full_name_said_before() -> None:
    paragraphs = [
        "Harbour news",
        "«We are ready,» said Marte Van der Molen, the port director.",
        "«The ferries are not,» Van der Molen said.",
    ]
    assert said(paragraphs) == [
        ("We are ready", "Marte Van der Molen"),
        ("The ferries are not", "Marte Van der Molen"),
    ]
    assert people(paragraphs) == {"Marte Van der Molen": "person"}


def test_two_people_familiar_with_the_talks_are_the_speaker() -> None:
    paragraphs = [
        "Harbour news",
        "The ferries will run again next month under the new contract, two people familiar "
        "with the talks said.",
    ]
    assert said(paragraphs, direct=False) == [
        (
            "The ferries will run again next month under the new contract",
            "two people familiar with the talks",
        )
    ]


def test_officials_not_named_opening_a_sentence_speak_its_participle() -> None:
    paragraphs = [
        "Harbour news",
        "Port officials on Monday played down talk of a strike, saying the crews would keep "
        "working through the winter.",
    ]
    assert said(paragraphs, direct=False) == [
        ("saying the crews would keep working through the winter", "Port officials")
    ]
    assert people(paragraphs) == {"Port officials": "person"}


def test_a_scare_quote_inside_words_reported_before_the_attribution() -> None:
    paragraphs = [
        "Harbour news",
        'A new fund for "blue economy" projects holds roughly 40 million euros, said Ines '
        "Faro, a fund manager at Tidal Capital.",
    ]
    assert said(paragraphs, direct=False) == [
        ('A new fund for "blue economy" projects holds roughly 40 million euros', "Ines Faro")
    ]


def test_a_quotation_right_before_its_attribution_is_no_reported_clause() -> None:
    # near miss: the marks close right before ", said ...": the words are the quotation's
    paragraphs = ["Harbour news", "The new quay is “a lifeline for us,” said Ines Faro."]
    assert said(paragraphs, direct=False) == []


def test_analysts_at_a_named_firm_in_lower_case_speak_as_the_firm() -> None:
    paragraphs = [
        "Harbour news",
        "Ferry revenue rose last year, and analysts at Brackwater Securities estimate a strike "
        "could cost the port $40 million.",
    ]
    assert said(paragraphs, direct=False) == [
        ("estimate a strike could cost the port $40 million", "Brackwater Securities")
    ]
    assert people(paragraphs) == {"Brackwater Securities": "organisation"}


def test_the_ministry_after_an_owners_ministry_is_the_ministry_as_described() -> None:
    paragraphs = [
        "Harbour news",
        "Norland's transport ministry on Monday widened a subsidy for island ferries.",
        "The ministry said it would publish the application rules in August.",
    ]
    assert said(paragraphs, direct=False) == [
        ("said it would publish the application rules in August", "transport ministry")
    ]
    assert people(paragraphs) == {"transport ministry": "organisation"}


def test_the_park_after_a_described_park_is_that_park_not_the_sentences_words() -> None:
    paragraphs = [
        "Harbour news",
        "A testing dock built by the Tidewater science park opened on Wednesday.",
        "A boatbuilder told the paper the park should publish its prices.",
        "The park said the dock would stay open all winter.",
    ]
    assert said(paragraphs, direct=False)[-1] == (
        "said the dock would stay open all winter",
        "Tidewater science park",
    )
    assert people(paragraphs)["Tidewater science park"] == "organisation"


def _figures(paragraphs: list[str]) -> list[str]:
    return [h.exact for h in suggest(paragraphs, ()).highlights if h.kind == "fact"]


def test_a_rounded_number_with_nothing_counted_after_it_is_a_figure() -> None:
    paragraphs = [
        "Harbour fair",
        "Stalls number over 600, with roughly 90 boats on show. Organisers counted 1.2 "
        "million visits, up from about 1 million last year.",
    ]
    assert _figures(paragraphs) == [
        "over 600",
        "roughly 90 boats",
        "1.2 million visits",
        "about 1 million",
    ]


def test_an_age_a_year_or_a_bare_number_without_a_qualifier_is_no_such_figure() -> None:
    # near misses: "aged over 65" is an age, "around 2030" a year, "Pier 4." a name
    paragraphs = [
        "Harbour fair",
        "Tickets are free for visitors aged over 65. The new quay opens around 2030. Boats "
        "dock at Pier 4.",
    ]
    assert _figures(paragraphs) == []


def test_a_documents_name_as_the_subject_is_nobody_and_its_term_in_marks_no_quotation() -> None:
    paragraphs = [
        "Harbour news",
        "One of the orders signed with the Harbour Renewal Plan tells the port board to "
        'offer "full-service" berths to visiting fleets.',
    ]
    assert said(paragraphs, direct=None) == []
    assert people(paragraphs) == {}


def test_a_term_in_marks_after_a_named_speaker_is_still_a_quotation() -> None:
    # near miss: someone named says the words, so they are a quotation however short
    paragraphs = ["Harbour news", 'Mira Holt called the berths "full-service" on Monday.']
    assert said(paragraphs) == [("full-service", "Mira Holt")]


def test_adding_a_rounded_quantity_is_an_act_not_an_attribution() -> None:
    paragraphs = [
        "Harbour news",
        "Tom Reyes, a pilot, told the board that Norland added about 40 berths last year, and "
        'said the fees were "far too high for small boats."',
    ]
    assert said(paragraphs) == [("far too high for small boats.", "Tom Reyes")]
    assert "Norland" not in people(paragraphs)
