"""The speaker patterns tried only where a match may start (issue 28's speed) find what
`finditer` finds, trying every character: on names, organisations, verbs of saying and
people not named, in odd cases and with letters a case-blind pattern takes for others."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from aiplan_tui.authoring import people, quotes, reported, roles, sayers
from aiplan_tui.authoring.match_starts import capitals, tried_at, tried_before, word_starts
from aiplan_tui.authoring.saying import REPORTING, REPORTING_WORD, SAYING

PIECES = st.sampled_from(
    ["Ana Kim", "the Ministry of Trade", "Hangzhou city government", "OpenAI", "said", "says",
     "told reporters", "also warned", "has argued", "A port official", "two analysts",
     "officials", "(D-Maine)", ", 45,", ", who spoke on Monday,", "of the", "by", "he", "She",
     "The ministry", "the deputy premier", "quoted", "cited", "as saying", "was quoted as",
     "which", "put it bluntly:", "announced that", "estimates", "argue", "-based", "’s", "by",
     "“", "”", "\"", " ", ", ", ". ", "\n", "-", "’", "'", "ſ", "K", "É", "é", "x", "Xu"]
)  # fmt: skip
GAPS = st.sampled_from([" ", " ", " ", ", ", "", "\n"])
TEXTS = st.lists(st.tuples(PIECES, GAPS).map("".join), max_size=14).map("".join)


VERB_EXACT = re.compile(rf"(?:{REPORTING}|called|described|(?<=\bas\s)saying)\b")
"""The verb of every match of reported._REPORTED."""
SUBJECT_VERB = re.compile(rf"(?:{REPORTING}|{SAYING}|called|calls|described|describes)\b")
"""The verb of every match of attributions.SUBJECT."""


def found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def same(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> bool:
    return found(tried_at(pattern, text, starts)) == found(pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_names_and_organisations_are_found_at_capitals_as_everywhere(text: str) -> None:
    assert same(sayers._NAME_SAYS, text, capitals(text))
    assert same(people._ORGANISATION, text, capitals(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_reported_speech_is_found_at_words_and_capitals_as_everywhere(text: str) -> None:
    assert same(reported._REPORTED, text, word_starts(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_reported_speech_is_found_before_a_verb_with_no_mark_between_as_everywhere(
    text: str,
) -> None:
    pruned = tried_before(
        reported._REPORTED, text, word_starts(text), REPORTING_WORD, reported._MARK
    )
    assert found(pruned) == found(reported._REPORTED.finditer(text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_verbs_of_reported_speech_are_found_wherever_the_exact_verbs_are(text: str) -> None:
    text = f"{text} as saying proposed that reports it said calls describes"
    exact = [at for at in range(len(text) + 1) if VERB_EXACT.match(text, at)]
    assert exact
    assert all(REPORTING_WORD.match(text, at) for at in exact)
    # what the words before a quotation are searched for only when they hold one of them
    subject = [at for at in range(len(text) + 1) if SUBJECT_VERB.match(text, at)]
    assert subject
    assert all(
        REPORTING_WORD.match(text, at)
        or quotes._SAID.match(text, at)
        or quotes._CALLED.match(text, at)
        for at in subject
    )


BEFORE_NAMES = st.sampled_from(
    ["Ana Kim", "Minister", "of", "for", "the", "The", "and", "&", "a", "an", "its", "in", "at",
     "adviser", "vice-president", "co-founder", "Science", "retiree", "farmer", "official",
     "consultancy", "chipmaker", "start-up", "startup", "think tank", "think-tank", "non-profit",
     "nonprofit", "firm", "lab", "said", ",", "’s", "-", "\n", "  ", "É", "x"]
)  # fmt: skip
NAMES_AFTER = st.lists(st.tuples(BEFORE_NAMES, GAPS).map("".join), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAMES_AFTER)
def test_words_before_a_name_are_found_as_by_searching_every_window(text: str) -> None:
    for at in range(len(text) + 1):
        title = roles._TITLE_BEFORE.search(text, max(0, at - 60), at)
        of = roles._TITLE_WITH_OF.search(text, max(0, at - 60), at)
        owned = roles._OWNED.search(text, max(0, at - 50), at) is not None
        assert found(filter(None, [roles.title_before(text, at)])) == found(filter(None, [title]))
        assert found(filter(None, [roles.title_with_of(text, at)])) == found(filter(None, [of]))
        assert roles.owned(text, at) == owned
