"""Issue 29, third round: general shapes of news attribution (a name's grammar, a title, a
verb of saying), each on sentences written for these tests (invented people, organisations
and places), with near misses where the rule must not fire."""

from __future__ import annotations

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


# ------------------------------------------------------------------ names and sentence ends


def test_a_name_never_runs_across_a_sentence_end() -> None:
    paragraphs = [
        "“Ferries are the slowest part of the network,” said Oskar Lindqvist, a planner at "
        "the Northern Ports Authority. He said two new quays would open in spring."
    ]
    assert said(paragraphs, None) == [
        ("Ferries are the slowest part of the network", "Oskar Lindqvist"),
        ("said two new quays would open in spring", "Oskar Lindqvist"),
    ]
    assert people(paragraphs) == {"Oskar Lindqvist": "person"}


def test_a_name_ending_a_sentence_is_the_same_name_later() -> None:
    paragraphs = [
        "«Tolls will fall,» said Harbour Minister for Inland Waters Maëlle Corbin.",
        "Corbin said the canal authority would hire 300 pilots.",
    ]
    assert said(paragraphs, False) == [
        ("said the canal authority would hire 300 pilots", "Maëlle Corbin")
    ]
    assert people(paragraphs) == {"Maëlle Corbin": "person"}


def test_initials_and_abbreviations_keep_their_full_stop() -> None:
    paragraphs = ["Sen. Ruth Okonjo said the U.S. Coast Guard would need new cutters by winter."]
    assert said(paragraphs, False) == [
        ("said the U.S. Coast Guard would need new cutters by winter", "Ruth Okonjo")
    ]


# ------------------------------------------------------------------ reported speech


def test_per_inside_a_word_is_no_source() -> None:
    text = "Ibsen said the operator, Fjord Ferries, had promised a new terminal and a car park."
    assert said(["Ingrid Ibsen runs the port.", text], False) == [
        (
            "said the operator, Fjord Ferries, had promised a new terminal and a car park",
            "Ingrid Ibsen",
        )
    ]


def test_per_as_a_word_is_still_a_source() -> None:
    text = "Ibsen said fares would rise by a third, per the ferry company's own filing."
    assert said(["Ingrid Ibsen runs the port.", text], False) == [
        ("said fares would rise by a third", "Ingrid Ibsen")
    ]


def test_the_title_of_a_person_named_before_reports() -> None:
    paragraphs = [
        "Harbour Governor Tilde Brask opened the new locks on Friday.",
        "The governor warned against cutting dredging budgets, and said the river was silting "
        "faster than forecast.",
    ]
    assert said(paragraphs, False) == [
        ("warned against cutting dredging budgets", "Tilde Brask"),
        ("said the river was silting faster than forecast", "Tilde Brask"),
    ]


def test_a_title_nobody_was_given_reports_nothing() -> None:
    text = "The governor warned against cutting dredging budgets at the meeting."
    assert said([text], False) == []
    assert people([text]) == {}


def test_a_participle_after_the_verb_starts_the_clause() -> None:
    text = (
        "“Locks are cheaper than bridges,” Port Director Anneke Roos said, noting that the "
        "canal had carried 40 percent more barges this year."
    )
    assert (
        "noting that the canal had carried 40 percent more barges this year",
        "Anneke Roos",
    ) in (said([text], False))


def test_the_writers_which_clause_is_not_reported() -> None:
    text = (
        "Roos said the port would charge a flat fee, which in practice favours the largest "
        "shipping lines."
    )
    assert said(["Anneke Roos runs the port.", text], False) == [
        ("said the port would charge a flat fee", "Anneke Roos")
    ]


def test_the_company_says_after_the_words_is_the_company_named_before() -> None:
    paragraphs = [
        "Brannock Shipping Group’s new tug, built in Gdansk, burns 30 percent less diesel than the "
        "old one, the company says."
    ]
    assert said(paragraphs, False) == [
        (
            "Brannock Shipping Group’s new tug, built in Gdansk, burns 30 percent less diesel than the "
            "old one",
            "Brannock Shipping Group",
        )
    ]
    assert people(paragraphs) == {"Brannock Shipping Group": "organisation"}


def test_the_company_says_with_no_company_named_is_left_out() -> None:
    text = "The new tug burns 30 percent less diesel than the old one, the company says."
    assert said([text], False) == []


def test_called_then_and_said_reports_the_second_verb() -> None:
    text = (
        "Councillor Brigid Fahy called the budget “a ferry with no engine” and said she would "
        "vote against it on Monday."
    )
    assert said([text], None) == [
        ("a ferry with no engine", "Brigid Fahy"),
        ("said she would vote against it on Monday", "Brigid Fahy"),
    ]


def test_called_alone_is_not_reported_speech() -> None:
    text = "Councillor Brigid Fahy called the meeting to order shortly after nine in the hall."
    assert said([text], None) == []
