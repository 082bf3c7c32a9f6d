"""Suggesting highlights grows in step with the text (issue 28): a megabyte, the most `add`
takes, completes, the anchoring's work and the ids' are linear, the index that made it so
anchors each suggestion exactly as a search of the whole text did (`pack.anchors.find_all`),
and a figure rule tried only where a match may start finds what trying every character did.
Counted, not timed: tests/benchmarks/suggest_speed.py times it."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiplan_tui.authoring import dates as dates_module
from aiplan_tui.authoring import figure_patterns
from aiplan_tui.authoring import figures as figures_module
from aiplan_tui.authoring import occurrences as occurrences_module
from aiplan_tui.authoring.dates import events
from aiplan_tui.authoring.figures import figures
from aiplan_tui.authoring.ids import TakenIds
from aiplan_tui.authoring.match_starts import tried_at
from aiplan_tui.authoring.occurrences import Occurrences
from aiplan_tui.authoring.quotes import direct_quotations
from aiplan_tui.authoring.reported import reported_speech
from aiplan_tui.authoring.source import LONGEST_ARTICLE
from aiplan_tui.authoring.speakers import Speakers
from aiplan_tui.authoring.suggest import LONGEST_CONTEXT, suggest
from aiplan_tui.authoring.text import Found, Span
from aiplan_tui.pack.anchors import find_all
from conftest import REPO
from in_process import answer

sys.path.insert(0, str(REPO / "tests" / "benchmarks"))

from news_text import news_text  # a script beside the benchmarks, not a package


def reference(paragraphs: Sequence[str]) -> list[tuple[str, int, str, str]]:
    """What suggest anchored before the index: the same rules, then for each finding the
    first prefix and suffix (shortest first) with which find_all finds it alone."""
    text = tuple(paragraphs)
    speakers = Speakers(())
    found: list[Found] = []
    for number, paragraph in enumerate(text):
        if not paragraph.strip():
            continue
        quotes = direct_quotations(text, speakers, number)
        found += quotes
        found += reported_speech(text, speakers, number, [Span(q.start, q.end) for q in quotes])
        found += figures(paragraph, number) + events(paragraph, number, dt.date(2025, 7, 28))
    order = {"quote": 0, "fact": 1, "event": 2}
    found.sort(key=lambda f: (f.paragraph, f.start, order.get(f.kind, 3), -f.end))
    anchored, seen = [], set()
    for item in found:
        if (key := (item.kind, item.paragraph, item.start, item.end)) in seen:
            continue
        seen.add(key)
        paragraph = text[item.paragraph]
        exact = paragraph[item.start : item.end]
        if not exact.strip() or exact != exact.strip():
            continue
        for prefix, suffix in contexts(paragraph, item.start, item.end):
            places = find_all(text, exact, prefix, suffix)
            if [(p.paragraph, p.start) for p in places] == [(item.paragraph, item.start)]:
                anchored.append((exact, item.paragraph, prefix, suffix))
                break
    return anchored


def contexts(paragraph: str, start: int, end: int) -> list[tuple[str, str]]:
    """The prefixes and suffixes suggest tries, in its order (words, shortest first)."""
    before = paragraph[max(0, start - LONGEST_CONTEXT) : start]
    after = paragraph[end : end + LONGEST_CONTEXT]
    cuts = [i for i in range(1, len(before)) if before[i - 1].isspace() and not before[i].isspace()]
    befores = list(dict.fromkeys(p for p in [before[c:] for c in reversed(cuts)] + [before] if p))
    ends = [
        i + 1
        for i in range(len(after))
        if not after[i].isspace() and (i + 1 == len(after) or after[i + 1].isspace())
    ]
    afters = list(dict.fromkeys(p for p in (after[:e] for e in ends) if p))
    pairs = [("", ""), *((b, "") for b in befores), *(("", a) for a in afters)]
    pairs += list(zip(befores, afters, strict=False))
    return pairs + ([(befores[-1], afters[-1])] if befores and afters else [])


SENTENCES = st.sampled_from(
    [
        "“We will grow,” said Jane Roe.",
        "“We will grow,” said John Doe.",
        "Jane Roe said that the plan would need 5% more.",
        "On Saturday, it spent $3 billion.",
        "It spent $3 billion, about 5% more than 12 workers.",
        "Roe warned that costs rose 5% since 2022.",
        "5% 5% 5%.",
        "On July 28, the ministry said that 12 workers left.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(SENTENCES, min_size=1, max_size=6).map(" ".join), max_size=6))
def test_the_index_anchors_each_suggestion_as_find_all_did(paragraphs: list[str]) -> None:
    result = suggest(paragraphs, (), dt.date(2025, 7, 28))
    got = [(h.exact, h.paragraph, h.prefix, h.suffix) for h in result.highlights]
    assert got == reference(paragraphs)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="aAbß 1%.$\u0130iıſK-", max_size=40), min_size=1, max_size=4),
    st.data(),
)
def test_a_count_is_the_count_find_all_gives(paragraphs: list[str], data: st.DataObject) -> None:
    text = tuple(paragraphs)
    index = Occurrences(text)
    joined = "\x00".join(text)
    start = data.draw(st.integers(0, len(joined)))
    words = joined[start : data.draw(st.integers(start, len(joined)))].split("\x00")[0]
    expected = len(find_all(text, words)) if words else 0
    assert index.count(words, most=1000) == expected, words
    assert index.count(words) == min(expected, 2)
    places = index.places(words)
    assert places is not None and len(places) == expected


def test_the_anchoring_work_grows_in_step_with_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Occurrences] = []

    class Counted(Occurrences):
        def __init__(self, paragraphs: tuple[str, ...]) -> None:
            super().__init__(paragraphs)
            made.append(self)

    monkeypatch.setattr("aiplan_tui.authoring.suggest.Occurrences", Counted)
    work = {}
    for size in (100_000, 400_000):
        suggest(news_text(size), ())
        work[size] = made[-1].work
    assert work[400_000] < 8 * work[100_000], work  # four times the text: 16 times if square


def test_no_search_of_the_whole_text_is_made_for_news_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a word on its own (a one-word quotation) needs one; news text has few."""
    scans: list[str] = []
    scan = Occurrences._scan

    def counted(self: Occurrences, words: str, most: int) -> list[int] | None:
        scans.append(words)
        return scan(self, words, most)

    monkeypatch.setattr(Occurrences, "_scan", counted)
    suggest(news_text(200_000), ())
    assert len(scans) <= 20, scans[:20]


def test_a_text_made_to_defeat_the_index_still_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    """One-word quotations need a search of the whole text each: past the budget, they are
    left out, not searched for."""
    monkeypatch.setattr(occurrences_module, "SCANNED_AT_MOST", 2_000_000)
    rng = random.Random(28)
    words = [f"w{rng.randrange(10**6)}" for _ in range(3000)]
    paragraph = " ".join(f"She described it as “{w}”." for w in words)
    result = suggest([paragraph], ())
    assert 0 < len(result.highlights) < len(words)
    for item in result.highlights:
        assert len(find_all((paragraph,), item.exact, item.prefix, item.suffix)) == 1


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_a_megabyte_of_news_text_is_suggested() -> None:
    """The most `add` takes (LONGEST_ARTICLE) is suggested, each suggestion anchored alone.
    The timeout only stops a hang (minutes at 5 MB before the index), with room for a loaded
    machine running two test processes per CPU: tests/benchmarks/suggest_speed.py times it
    (about 5 CPU s)."""
    paragraphs = news_text(LONGEST_ARTICLE)
    result = suggest(paragraphs, ())
    assert len(result.highlights) > 20_000
    for item in result.highlights[::500]:
        assert len(find_all(paragraphs, item.exact, item.prefix, item.suffix)) == 1


def test_add_help_states_the_most_text_it_takes(capsys: pytest.CaptureFixture[str]) -> None:
    helped = answer(capsys, "add", "--help")
    assert helped.returncode == 0
    assert f"at most {LONGEST_ARTICLE:,} characters" in " ".join(helped.stdout.split())


def test_ids_for_a_long_article_cost_in_step_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each suggestion's id is unique in the pack: the many figures with one base (f-spending)
    were counted from 2 each time, the square of their number (13 times the look-ups for
    four times the text)."""
    looks = [0]
    contains = TakenIds.__contains__

    def counted(self: TakenIds, item: object) -> bool:
        looks[0] += 1
        return contains(self, item)

    monkeypatch.setattr(TakenIds, "__contains__", counted)  # what add's own kind asks first
    made = {}
    for size in (25_000, 100_000):
        pack, article = tmp_path / f"pack-{size}", tmp_path / f"news-{size}.txt"
        article.write_text("\n\n".join(news_text(size)), encoding="utf-8")
        assert answer(capsys, "init", str(pack)).returncode == 0
        looks[0] = 0
        added = answer(capsys, "add", str(article), "--content", str(pack))
        assert added.returncode == 0, added.stderr
        made[size] = looks[0]
    assert 0 < made[100_000] < 8 * made[25_000], made  # square: 16 times


LEADS = ["", "more than", "MORE Than", "between", "a", "A mere", "ſome", "İn excess of", "moreover"]
CORES = [
    "5",
    "1,200",
    "3.5",
    "2024",
    "$4",
    "COVID-19",
    "US$ 2",
    "HK$3",
    "€1",
    "twenty-one",
    "One",
    "ſix",
    "dozen",
]
TAILS = [
    "",
    "%",
    " percent",
    " per cent",
    " yuan",
    "bn",
    " billion",
    " workers",
    " staff",
    " and 7",
]
SPACES = st.sampled_from(["", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "K", "ı", ", "])
FIGURE_LIKE = st.tuples(
    st.sampled_from(LEADS), SPACES, st.sampled_from(CORES), st.sampled_from(TAILS), SPACES
).map("".join)
"""Qualifiers, numbers and units as figures put them, in odd cases, spaces and letters a
case-blind pattern takes for others ("ſ" for "s")."""


@settings(max_examples=300, deadline=None)
@given(st.lists(FIGURE_LIKE, max_size=8).map("".join))
def test_a_figure_rule_tried_at_its_starts_finds_what_finditer_finds(text: str) -> None:
    rules = ("MONEY_WORD", "MONEY_SYMBOL", "PERCENT", "COUNT")
    for rule in (getattr(figure_patterns, name) for name in rules):
        assert rule.starts is not None
        if rule.needs is None or rule.needs.search(text):
            expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        else:
            expected = []
        assert [(m.span(), m.groupdict()) for m in rule.finditer(text)] == expected


DATE_PIECES = st.sampled_from(
    ["On July 28", "on 28 July 2025", "Jul. 3rd, 2025", "last Saturday", "Monday's", "Days later",
     "weeks earlier", "Earlier this month", "next week", "last month", "Yesterday", "A day later",
     "the day before", "The day after", "at the weekend", "This weekend", "On", "28", "July",
     " ", ", ", "\n", "ſ", "K", "x"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_PIECES, max_size=12).map("".join))
def test_a_date_pattern_tried_at_its_starts_finds_what_finditer_finds(text: str) -> None:
    """Each date pattern is tried only where it may start, and not at all in a paragraph
    without what it needs (a month's name, a weekday's, a relative date's words)."""
    for pattern, starts in zip(dates_module.DATE_PATTERNS, dates_module._starts(text), strict=True):
        tried = pattern.finditer(text) if starts is None else tried_at(pattern, text, starts)
        assert [m.span() for m in tried] == [m.span() for m in pattern.finditer(text)]


def test_spelled_numbers_in_one_long_paragraph_cost_in_step_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "the two camps", "organised around four pillars": whether a number in words follows
    "the" or a participle was searched for from the paragraph's start, so one long paragraph
    of them took the square of its length (566k characters: two minutes)."""
    searched = [0]

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
            searched[0] += min(endpos, len(text)) - pos
            return self.pattern.search(text, pos, endpos)

    monkeypatch.setattr(figures_module, "_THE", Counted(figures_module._THE))
    monkeypatch.setattr(figures_module, "_PARTICIPLE", Counted(figures_module._PARTICIPLE))
    sentence = "The {0} camps met, and the {0} sides organised around {0} pillars."
    work = {}
    for size in (100, 400):
        paragraph = " ".join(sentence.format(w) for w in ["two", "three", "five"] * size)
        searched[0] = 0
        found = figures(paragraph, 0)
        assert len(found) == 3 * size  # "two pillars" alone: "the two camps" are the ones met
        work[size] = searched[0]
    assert 0 < work[400] < 8 * work[100], work  # square: 16 times
