"""The bundled pack is the product's word: verbatim articles, exact figures, nothing invented."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from aiplan_tui.core.model import Fact, Pack, Quote
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import CHEN_WARNING, SEEDS

NUMBER_WORDS = {"three": 3, "third": 3, "twelve": 12, "forty": 40}


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(bundled_content_dir())
    found = [(p.severity, p.message) for p in result.problems.items]
    assert found == [("warning", CHEN_WARNING)], "only the shared surname, kept on purpose"
    return result.pack


def test_articles_reproduce_the_seeds_verbatim(pack: Pack) -> None:
    seeds = sorted(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    rebuilt = []
    for article in pack.articles:
        lines = list(article.paragraphs)
        if article.title_source == "article":
            lines.insert(0, article.title)  # the seed's first line is its headline
        rebuilt.append("\n".join(lines))
    assert sorted(rebuilt) == seeds


def test_no_metadata_is_invented(pack: Pack) -> None:
    for article in pack.articles:
        assert article.published is None, "neither seed gives a publication date"
        assert article.author == "" and article.url == ""
        text = " ".join(article.paragraphs)
        if article.outlet:
            assert article.outlet in text, "an outlet must be named by the article itself"
        if article.dateline:
            assert article.paragraphs[0].startswith(article.dateline)


def test_direct_quotes_stand_inside_quotation_marks(pack: Pack) -> None:
    direct = [h for h in pack.highlights if isinstance(h, Quote) and h.direct]
    assert len(direct) >= 3
    for quote in direct:
        article = pack.article(quote.article)
        assert article is not None
        paragraph = article.paragraphs[quote.location.paragraph]
        before = paragraph[: quote.location.start]
        after = paragraph[quote.location.end :]
        assert before.endswith("“"), quote.id
        assert re.match(r"[,.]?”", after), quote.id


def _stated(value: float, text: str) -> bool:
    """The figure appears in its own words: 109.1e9 as "109.1", 5000 as "5,000", 40 as "forty"."""
    lowered = text.lower()
    if any(word in lowered and number == value for word, number in NUMBER_WORDS.items()):
        return True
    for scale in (1, 1e3, 1e6, 1e9):
        scaled = value / scale
        if scaled >= 1 and (f"{scaled:g}" in text or f"{scaled:,.0f}" in text):
            return True
    return False


def test_every_figure_is_stated_in_its_exact_words(pack: Pack) -> None:
    facts = [h for h in pack.highlights if isinstance(h, Fact)]
    assert len(facts) >= 12
    for fact in facts:
        assert _stated(fact.value, fact.exact), (fact.id, fact.value, fact.exact)
        if fact.usd is not None:
            assert _stated(fact.usd, fact.exact), (fact.id, fact.usd, fact.exact)


def test_headline_figures_are_present_and_comparable(pack: Pack) -> None:
    pairs = Counter(h.compare_key for h in pack.highlights if isinstance(h, Fact) and h.compare_key)
    assert pairs["private-ai-investment-2024"] == 2
    yuan = next(h for h in pack.highlights if isinstance(h, Fact) and h.unit == "CNY")
    assert yuan.value == 600e9 and yuan.usd == 84e9


def test_every_quote_has_a_known_speaker_and_every_name_an_entity(pack: Pack) -> None:
    entity_ids = {e.id for e in pack.entities}
    for quote in (h for h in pack.highlights if isinstance(h, Quote)):
        assert quote.speaker in entity_ids
    text = " ".join(p for a in pack.articles for p in a.paragraphs)
    for name in [
        "Li Qiang",
        "George Chen",
        "Jensen Huang",
        "Eric Schmidt",
        "Chen Jining",
        "Kao Kim Hourn",
        "Donald Trump",
        "DeepSeek",
        "Nvidia",
        "DuPont",
        "ASEAN",
    ]:
        assert name in text
        assert any(e.name == name or name in e.aliases for e in pack.entities), name
    for entity in pack.entities:
        for alias in entity.aliases:
            assert alias in text, (entity.id, alias)


def test_comparison_covers_six_dimensions_with_cited_cells(pack: Pack) -> None:
    covered = {cell.dimension for cell in pack.comparison}
    assert len(covered) >= 6
    for cell in pack.comparison:
        assert cell.highlights, f"{cell.dimension}/{cell.side} cites nothing"
        assert len(cell.summary) <= 120
