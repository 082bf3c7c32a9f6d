"""The corpus that keeps `add`'s suggestions honest (tests/data/corpus, issue 29): every article
has a gold file that parses, every span the gold names is the article's own words, and the two
halves are apart, of a size, and each covers every shape. Nothing here asks the rules to reach
a target: tests/benchmarks/suggest_corpus_bench.py measures them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import tomli

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
HALVES = ("dev", "heldout")
SHAPES = frozenset(
    {
        # quotations
        "curly-quotes",
        "straight-quotes",
        "mixed-quotes",
        "guillemets",
        "split-quote",
        "two-paragraph-quote",
        "scare-quote",
        # speakers
        "attribution-before",
        "attribution-inside",
        "attribution-after",
        "appositive-role",
        "said-name-role",
        "title-before-name",
        "pronoun-after-name",
        "surname-after-full-name",
        "per-source",
        "according-to",
        "outlet-speaker",
        "statement-title-name",
        "reported-speech",
        # figures
        "number-words",
        "qualifiers",
        "multiword-unit",
        "money-dollars",
        "money-yuan",
        "money-renminbi",
        "money-euros",
        "scale-words",
        "scale-abbrev",
        "percent",
        "percentage-points",
        "range",
        "year-in-name",
        "names-with-numbers",
        # dates
        "dateline",
        "weekday",
        "last-week",
        "full-date",
        "published-byline",
        "year-only-headline",
        "markdown",
    }
)
STYLES = frozenset({"wire", "local", "trade", "explainer", "op-ed", "live-blog"})
FIGURE_KINDS = frozenset({"count", "money", "percent", "points", "measure"})
SPEAKER_KINDS = frozenset({"person", "organisation"})
NOT_KEYS = frozenset({"events", "figures", "quotes", "speakers"})


ZH = CORPUS / "zh"
"""The Chinese halves (issue 31): the same gold format, their own shapes and styles."""
ZH_HALVES = tuple(h for h in ("dev", "heldout") if (ZH / h).is_dir())
ZH_SHAPES = frozenset(
    {
        # quotations and speakers
        "curly-quotes", "corner-quotes", "scare-quote", "nested-quote", "book-title",
        "attribution-before", "attribution-after", "quote-inside-reported", "reported-speech",
        "scene-time", "title-before-name", "role-list", "pronoun", "organisation-speaker",
        "unnamed-speaker", "foreign-name", "ju-named", "ju-source", "document-not-speech",
        "transcript", "question-answer", "traditional", "bilingual", "split-quote",
        "straight-quotes", "mixed-quotes", "two-paragraph-quote", "surname-after-full-name",
        # figures
        "measure-words", "qualifiers", "post-qualifier", "chinese-numerals", "multiplier",
        "money-yuan", "money-dollars", "money-hkd", "percent", "percent-words",
        "percent-cheng", "points", "range", "names-with-numbers", "money-euros",
        # dates
        "dateline", "published-byline", "full-date", "month-day", "day-only", "relative-day",
        "last-week", "weekday", "live-blog-times",
    }
)  # fmt: skip
ZH_STYLES = frozenset(
    {
        "wire", "paper", "web", "transcript", "speech", "local", "finance", "live-blog",
        "explainer", "trade", "op-ed",
    }
)  # fmt: skip


def articles(half: str, root: Path = CORPUS) -> list[Path]:
    return sorted(p for p in (root / half).iterdir() if p.suffix in (".txt", ".md"))


def gold_path(article: Path) -> Path:
    return article.with_name(article.stem + ".gold.toml")


def gold(article: Path) -> dict[str, Any]:
    return tomli.loads(gold_path(article).read_text(encoding="utf-8"))


def paragraphs(article: Path) -> list[str]:
    """The body's paragraphs as `add` reads a file: blocks between blank lines, the first (the
    headline) left out."""
    blocks = re.split(r"\n[ \t]*\n", article.read_text(encoding="utf-8").strip())
    return [" ".join(line.strip() for line in block.split("\n")) for block in blocks[1:]]


ALL = [article for half in HALVES for article in articles(half)]
ALL += [article for half in ZH_HALVES for article in articles(half, ZH)]
IDS = [f"{a.parent.relative_to(CORPUS)}/{a.name}" for a in ALL]


@pytest.mark.parametrize("half", HALVES)
def test_every_article_has_its_gold_and_every_gold_its_article(half: str) -> None:
    golds = {p.name for p in (CORPUS / half).glob("*.gold.toml")}
    assert golds == {gold_path(a).name for a in articles(half)}
    assert {p.name for p in (CORPUS / half).iterdir()} == golds | {a.name for a in articles(half)}


def test_the_halves_are_apart_and_of_a_size() -> None:
    dev, heldout = articles("dev"), articles("heldout")
    assert len(dev) >= 15 and len(heldout) >= 15
    assert len(dev) >= len(heldout)  # a spent held-out half is folded into dev
    assert not {a.stem for a in dev} & {a.stem for a in heldout}
    dev_paragraphs = {p for a in dev for p in paragraphs(a)}
    assert not dev_paragraphs & {p for a in heldout for p in paragraphs(a)}


def check_quote(item: dict[str, Any]) -> None:
    assert set(item) <= {"text", "direct", "speaker", "kind", "role", "unnamed"}, item
    assert isinstance(item["text"], str) and item["text"].strip(), item
    assert isinstance(item["direct"], bool), item
    assert isinstance(item["speaker"], str) and item["speaker"].strip(), item
    assert item["kind"] in SPEAKER_KINDS, item
    assert isinstance(item.get("role", ""), str) and isinstance(item.get("unnamed", False), bool)


@pytest.mark.parametrize("article", ALL, ids=IDS)
def test_the_gold_parses_into_the_documented_tables(article: Path) -> None:
    data = gold(article)
    assert set(data) <= {"style", "published", "shapes", "quote", "figure", "event", "not"}
    chinese = article.is_relative_to(ZH)
    shapes, styles = (ZH_SHAPES, ZH_STYLES) if chinese else (SHAPES, STYLES)
    if chinese and article.parent.name == "heldout":  # written apart: its own words for them
        shapes = frozenset(s for s in data["shapes"] if isinstance(s, str) and s.strip())
        styles = frozenset({data["style"]} if isinstance(data["style"], str) else ())
    assert data["style"] in styles
    published = data["published"]
    assert published == "none" or type(published) is dt.date, published
    assert data["shapes"] and set(data["shapes"]) <= shapes, set(data["shapes"]) - shapes
    assert len(data["shapes"]) == len(set(data["shapes"]))
    for item in data.get("quote", []):
        check_quote(item)
    for item in data.get("figure", []):
        assert set(item) == {"text", "kind", "number"} and item["kind"] in FIGURE_KINDS, item
    for item in data.get("event", []):
        assert set(item) <= {"text", "when", "date"} and {"text", "when"} <= set(item), item
        assert type(item.get("date", dt.date.min)) is dt.date, item
    assert set(data.get("not", {})) <= NOT_KEYS
    for values in data.get("not", {}).values():
        assert values and all(isinstance(v, str) and v.strip() for v in values)
    people = {(q["speaker"], q["kind"]) for q in data.get("quote", []) if not q.get("unnamed")}
    names = Counter(name for name, _ in people)
    assert all(n == 1 for n in names.values()), "one kind for each speaker"


@pytest.mark.parametrize("article", ALL, ids=IDS)
def test_every_span_is_the_articles_own_words(article: Path) -> None:
    """Quotations, figures, events and what must not be suggested occur verbatim, each within
    one paragraph, at least as often as the gold lists them (a figure as often as it occurs);
    a figure holds its number and an event its date phrase."""
    body = paragraphs(article)
    data = gold(article)

    def occurs(text: str) -> int:
        return sum(p.count(text) for p in body)

    for table in ("quote", "figure", "event"):
        listed = Counter(item["text"] for item in data.get(table, []))
        for text, times in listed.items():
            found = occurs(text)
            assert found >= times, f"{table} {text!r}: listed {times}, in the article {found}"
            assert table != "figure" or found == times, f"figure {text!r}: list each occurrence"
    for item in data.get("figure", []):
        assert item["number"] in item["text"], item
    for item in data.get("event", []):
        assert item["when"] in item["text"], item
    for key, values in data.get("not", {}).items():
        for text in values if key != "speakers" else ():
            assert occurs(text), f"not.{key} {text!r} is not in the article"


@pytest.mark.parametrize("half", HALVES)
def test_each_half_covers_every_shape_and_style(half: str) -> None:
    shapes: set[str] = set()
    styles: set[str] = set()
    for article in articles(half):
        data = gold(article)
        shapes.update(data["shapes"])
        styles.add(data["style"])
    assert shapes == SHAPES, sorted(SHAPES - shapes)
    assert styles == STYLES, sorted(STYLES - styles)


@pytest.mark.parametrize("half", ZH_HALVES)
def test_every_chinese_article_has_its_gold(half: str) -> None:
    golds = {p.name for p in (ZH / half).glob("*.gold.toml")}
    assert golds == {gold_path(a).name for a in articles(half, ZH)}
    assert {p.name for p in (ZH / half).iterdir()} == golds | {a.name for a in articles(half, ZH)}


def test_the_chinese_halves_are_apart_and_dev_covers_every_shape_and_style() -> None:
    dev = articles("dev", ZH)
    heldout = articles("heldout", ZH) if "heldout" in ZH_HALVES else []
    assert len(dev) >= 10 and (not heldout or len(heldout) >= 10)
    assert not {a.stem for a in dev} & {a.stem for a in heldout}
    dev_paragraphs = {p for a in dev for p in paragraphs(a)}
    assert not dev_paragraphs & {p for a in heldout for p in paragraphs(a)}
    shapes = {shape for a in dev for shape in gold(a)["shapes"]}
    assert shapes == ZH_SHAPES, sorted(ZH_SHAPES - shapes)
    assert {gold(a)["style"] for a in dev} == ZH_STYLES


def test_the_chinese_conventions_document_every_shape_and_keep_heldout_unread() -> None:
    readme = (ZH / "CONVENTIONS.md").read_text(encoding="utf-8")
    assert all(f"`{shape}`" in readme for shape in ZH_SHAPES), [
        s for s in sorted(ZH_SHAPES) if f"`{s}`" not in readme
    ]
    assert "not to be read while writing" in readme


def test_the_readme_documents_every_shape_and_keeps_heldout_unread() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert all(f"`{shape}`" in readme for shape in SHAPES), [
        s for s in sorted(SHAPES) if f"`{s}`" not in readme
    ]
    assert "not to be read while writing" in readme
