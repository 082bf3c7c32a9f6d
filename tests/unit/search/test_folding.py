"""Folding for search: what matches what, and spans that slice the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aiplan_tui.search.cjk import has_cjk, terms
from aiplan_tui.search.folding import WORD, fold, fold_char, fold_plain, words


def test_case_accents_quotes_and_dashes_fold() -> None:
    assert fold_plain("China’s “AI plus” — Café ﬁle") == 'china\'s "ai plus" - cafe file'


def test_words_split_on_punctuation_in_any_script() -> None:
    assert words("DeepSeek’s R1, 中国 AI-plus") == ["deepseek", "s", "r1", "中国", "ai", "plus"]


def test_spans_map_back_to_the_original() -> None:
    original = "Ｆｕｌｌ café’s ﬁne"
    folded = fold(original)
    start = folded.text.index("cafe's")
    a, b = folded.original_span(start, start + len("cafe's"))
    assert original[a:b] == "café’s"
    start = folded.text.index("fine")
    a, b = folded.original_span(start, start + 4)
    assert original[a:b] == "ﬁne"


@given(st.text(max_size=60))
def test_every_folded_span_lies_inside_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.origin) == len(folded.text)
    for start in range(len(folded.text)):
        a, b = folded.original_span(start, len(folded.text))
        assert 0 <= a <= b <= len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80) | st.text(max_size=40))
def test_words_are_what_the_word_pattern_finds_in_the_folded_text(text: str) -> None:
    # plain ASCII takes a quicker path than the regex: the same words either way; a run of
    # CJK characters is cut into pairs (tests/unit/search/test_cjk.py)
    folded = fold_plain(text)
    assert words(text) == (terms(folded) if has_cjk(folded) else WORD.findall(folded))


def test_ascii_words_keep_digits_and_drop_underscores_and_punctuation() -> None:
    assert words("G7_AI-plan: 2025's R&D\t$90bn") == [
        "g7",
        "ai",
        "plan",
        "2025",
        "s",
        "r",
        "d",
        "90bn",
    ]


@given(st.text(max_size=60) | st.text(alphabet="中国治理ＡＩ６豈がカﾀ’é\u0301İﬁ", max_size=30))
def test_plain_folding_is_each_characters_fold_and_the_spanned_folding(text: str) -> None:
    assert fold_plain(text) == "".join(map(fold_char, text)) == fold(text).text
