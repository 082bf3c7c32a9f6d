"""The search engine on the bundled pack and a small fixed corpus: operators, ranking, spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.search.engine import SearchIndex
from aiplan_tui.search.folding import words
from aiplan_tui.search.hits import clean_spans, shown
from conftest import ARTICLE as MINI_ARTICLE
from conftest import HIGHLIGHTS as MINI_HIGHLIGHTS
from conftest import PackFactory


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_pack(bundled_content_dir()).pack)


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in index.search(query, limit=None)]


def test_typos_still_find(index: SearchIndex) -> None:
    assert index.search("deepsek")[0].id == "deepseek"  # the entity's name ranks first
    assert "f-us-private-2024" in ids(index, "investmnt")


def test_every_span_slices_the_original_text(index: SearchIndex) -> None:
    for query in ["deepsek", "china’s", "Premier Li", '"two camps"', "^invest", "ment$", "chips"]:
        for hit in index.search(query, limit=None):
            assert hit.spans, (query, hit.id)
            for start, end in hit.spans:
                assert 0 <= start < end <= len(hit.text)


def test_folding_matches_curly_quotes_case_and_accents(index: SearchIndex) -> None:
    assert ids(index, "CHINA'S AI PLUS") == ids(index, "china’s ai plus")
    hit = index.search('"china\'s ai plus"')[0]
    assert [hit.text[a:b] for a, b in hit.spans] == ["China’s “AI plus"]


def test_phrase_is_exact_and_in_order(index: SearchIndex) -> None:
    assert set(ids(index, '"two camps"')) == {"cnbc-tech-race:5", "q-chen-two-camps"}
    assert ids(index, '"camps two"') == []


def test_exact_prefix_and_suffix(index: SearchIndex) -> None:
    assert ids(index, "'deepsek") == []
    assert "deepseek" in ids(index, "'deepseek")
    prefix = index.search("^invest", limit=None)
    assert all(hit.text[a:b].lower().startswith("invest") for hit in prefix for a, b in hit.spans)
    suffix = index.search("ment$", limit=None)
    assert all(hit.text[a:b].lower().endswith("ment") for hit in suffix for a, b in hit.spans)


def test_negation_and_or(index: SearchIndex) -> None:
    chips = set(ids(index, "chips"))
    without = set(ids(index, "chips !nvidia"))
    assert without and without < chips
    assert not any(
        "nvidia" in hit.text.lower()
        for hit in index.search("chips !nvidia", limit=None)
        if hit.field == "text"
    )
    either = set(ids(index, "formidable | deepseek"))
    assert set(ids(index, "formidable")) | set(ids(index, "deepseek")) == either


def test_filters(index: SearchIndex) -> None:
    quotes = index.search("kind:quote speaker:chen", limit=None)
    assert [h.id for h in quotes] == ["q-chen-two-camps", "q-chen-multilateral", "q-chen-belt-road"]
    assert all(
        h.kind == "fact" and "us" in h.doc.sides
        for h in index.search("side:us kind:fact", limit=None)
    )
    assert {h.id for h in index.search("dim:chips kind:compare", limit=None)} == {
        "chips/us",
        "chips/china",
    }
    assert all(
        h.doc.article == "cnbc-tech-race" for h in index.search("article:cnbc camps", limit=None)
    )
    assert "f-us-private-2024" in ids(index, "year:2024 kind:fact")


def test_ranking_order_on_a_small_corpus(make_pack: PackFactory) -> None:
    index = SearchIndex(load_pack(make_pack()).pack)
    # The entity's name outranks the quote that merely says the word; exact beats fuzzy.
    hits = index.search("chen", limit=None)
    assert hits[0].kind == "entity"
    assert [h.id for h in index.search("billion", limit=None)] == ["wire:2", "f-us", "f-china"]
    fuzzy = index.search("bilion", limit=None)
    assert fuzzy and fuzzy[0].score < hits[0].score


def test_close_words_beat_scattered_ones(make_pack: PackFactory) -> None:
    index = SearchIndex(load_pack(make_pack()).pack)

    def paragraph_score(query: str) -> float:
        return next(h.score for h in index.search(query, limit=None) if h.id == "wire:2")

    assert paragraph_score("private investment") > paragraph_score("private china")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_query_returns_without_error(index: SearchIndex, text: str) -> None:
    for hit in index.search(text, limit=5):
        for start, end in hit.spans:
            assert 0 <= start <= end <= len(hit.text)


PROVENANCE = MINI_ARTICLE.replace(
    'outlet = "Example Wire"',
    'outlet = "Example Wire"\nauthor = "Jane Roe"\npublished = 2025-07-26\n'
    'url = "https://example.org/news/tariff-talks"\ndateline = "BEIJING"',
)
FIGURES = (
    MINI_HIGHLIGHTS.replace(
        'unit = "USD"\nsides = ["us"]', 'unit = "USD"\nperiod = "2024"\nsides = ["us"]'
    ).replace(
        'unit = "USD"\nsides = ["china"]',
        'unit = "USD"\nperiod = "2024"\nqualifier = "about"\nsides = ["china"]\n'
        'note = "Set against the U.S. private AI investment total for 2024."',
    )
    + '\n[[event]]\nid = "e-curbs"\narticle = "wire"\nexact = "The U.S. restricted chip exports"\n'
    'date = "Saturday"\n'
)


def test_every_field_a_reader_sees_is_searchable(make_pack: PackFactory) -> None:
    pack = load_pack(make_pack({"articles/wire.md": PROVENANCE, "highlights/wire.toml": FIGURES}))
    index = SearchIndex(pack.pack)

    def found(query: str) -> list[tuple[str, str]]:
        return [(hit.id, hit.field) for hit in index.search(query, limit=None)]

    # An article by its provenance, as the reader's header shows it.
    assert found("example wire kind:article") == [("wire", "outlet")]
    assert found("roe") == [("wire", "author")]
    assert found("2025-07-26") == [("wire", "published")]
    assert found("beijing")[0] == ("wire", "dateline")
    assert found("'example") == [("wire", "outlet")]  # the address's words weigh less
    assert found("tariff talks") == [("wire", "url")]
    # A fact by its figure as written (metric, value, period, qualifier), and its unit.
    assert found("$109.1 bn") == [("f-us", "figure")]
    assert found("about 9.3 bn") == [("f-china", "figure")]
    assert set(found("usd")) == {("f-us", "unit"), ("f-china", "unit")}
    assert ("e-curbs", "when") in found("saturday")
    # Both figures for the year, each shown by its figure, not the note that also says it.
    assert found("private investment 2024")[:2] == [("f-us", "figure"), ("f-china", "figure")]


def test_both_private_investment_figures_for_2024_come_first(index: SearchIndex) -> None:
    hits = index.search("private AI investment 2024", limit=None)
    assert [(hit.id, hit.field) for hit in hits[:2]] == [
        ("f-us-private-2024", "figure"),
        ("f-china-private-2024", "figure"),
    ]
    assert "$109.1 bn" in hits[0].text and "$9.3 bn" in hits[1].text


def test_a_result_shows_its_own_words_whichever_field_matched(index: SearchIndex) -> None:
    quotes = index.search("george chen kind:quote", limit=None)
    seen = [shown(hit) for hit in quotes]
    # Matched in the speaker, each still shows its quotation, so the three differ.
    assert len({s.own.text for s in seen}) == 3
    assert seen[0].own.text == "The two camps are now being formed"
    for hit, s in zip(quotes, seen, strict=True):
        assert (hit.field, s.field, s.matched) == ("speaker", "speaker", None)
        assert [s.who.text[a:b] for a, b in s.who.spans] == ["George", "Chen"]
    # A match in a note is shown below the highlight's own words, named.
    event = next(h for h in index.search("Jensen Huang formidible") if h.kind == "event")
    noted = shown(event)
    assert noted.own.text == "China has been developing homegrown alternatives"
    assert noted.matched is not None and (noted.field, noted.matched.label) == ("note", "note")
    # A fact shows its figure, then its words.
    fact = shown(index.search("china's 9.3 billion kind:fact")[0])
    assert fact.own.text == "Private AI investment: $9.3 bn (2024) — “China’s $9.3 billion”"
    marked = [fact.own.text[a:b] for a, b in fact.own.spans]
    assert marked[:2] == ["9", "3"] and marked[-1] == "billion"  # in the figure and the words


def test_the_field_shown_is_where_the_match_scores_most(index: SearchIndex) -> None:
    """Li's quote on monopolies says "limited" (a prefix of li) and is by Li (the word itself,
    in the speaker): the speaker is the match shown, not "limited"."""
    hit = next(h for h in index.search("li", limit=None) if h.id == "q-li-monopoly")
    assert (hit.field, hit.text) == ("speaker", "Li Qiang")
    own = shown(hit).own
    assert [own.text[a:b] for a, b in own.spans] == ["limited"]  # still marked where it is


def test_a_name_ranks_what_holds_it_above_words_that_merely_start_like_it(
    index: SearchIndex,
) -> None:
    """`li` is Li Qiang's alias: he, his quotes and every passage naming him (even in a note)
    come before "limited", "likely" and the rest, which only start with "li"."""
    hits = index.search("li", limit=None)
    assert hits[0].id == "li-qiang"
    assert {h.kind for h in hits[1:10]} == {"quote"}
    assert all(h.doc.who.startswith("Li Qiang") for h in hits[1:10])
    naming = [any("li" in words(f.text) for f in h.doc.fields) for h in hits]
    assert naming.index(False) == naming.count(True)  # every one naming him, then the rest
    assert [h.id for h in index.search("li", limit=5)] == [h.id for h in hits[:5]]
    note = next(h for h in hits if h.id == "p-china-ai-plus")  # "As emphasized by Premier Li"
    assert note.field == "note" and [note.text[a:b] for a, b in note.spans] == ["Li"]


def test_a_two_word_name_matches_as_a_name(make_pack: PackFactory) -> None:
    """Where `george chen` is a name, "George Chen spoke" beats "Chen ... George" apart."""
    article = MINI_ARTICLE + "\nChen Jining thanked George Smith.\n\nGeorge Chen spoke last.\n"
    index = SearchIndex(load_pack(make_pack({"articles/wire.md": article})).pack)
    paragraphs = [h.id for h in index.search("george chen kind:paragraph", limit=None)]
    assert paragraphs == ["wire:4", "wire:3"]
    # Not a name: the same words in another order are ranked as words, in reading order.
    assert [h.id for h in index.search("chen george kind:paragraph")] == ["wire:3", "wire:4"]


def test_spans_follow_the_words_when_a_line_is_cleaned_for_the_terminal() -> None:
    """Cleaning drops control characters and widens tabs: the marks stay on the same words."""
    text = "\x1b[31mPremier\tLi\x07 said"
    spans = ((5, 12), (13, 15))
    assert [text[a:b] for a, b in spans] == ["Premier", "Li"]
    cleaned, moved = clean_spans(text, spans)
    assert cleaned == "[31mPremier    Li said"
    assert [cleaned[a:b] for a, b in moved] == ["Premier", "Li"]


def test_the_vocabulary_numbers_words_by_their_place_without_a_table() -> None:
    """Issue 34: each word's number found by bisection in the sorted words (nothing built per
    process), the same as a table of them would give."""
    from aiplan_tui.search.vocabulary import SortedIds

    words = sorted({"chips", "chip", "alliance", "zeta", "état", "öl", "", "a b"})
    ids = SortedIds(words)
    table = {word: number for number, word in enumerate(words)}
    assert dict(ids) == table and len(ids) == len(table)
    for word in [*words, "chipz", "zz", "0", "étaT"]:
        assert (word in ids) == (word in table)
        assert ids.get(word) == table.get(word)
    assert 3 not in ids
