"""Reading an article for `add`: plain text, Markdown, a saved news page (only the article,
with the page's own metadata) and an address served on loopback; every failure a message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aiplan_tui.authoring.source import SourceError, from_text, read_source

PAGES = Path(__file__).parents[1] / "data" / "pages"
SEEDS = Path(__file__).parents[1] / "data" / "seeds"


def test_a_seed_with_a_headline_keeps_it_as_the_articles_title() -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    read = read_source(str(seed))
    assert (
        read.title
        == "China releases AI action plan days after the U.S. as global tech race heats up"
    )
    assert read.title_source == "article"
    assert (
        read.paragraphs[0]
        == "SHANGHAI — The tech race between the world’s two largest economies just intensified."
    )
    lines = [line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert list(read.paragraphs) == lines[1:], "every paragraph word for word"
    assert (read.outlet, read.author, read.published, read.url) == ("", "", None, "")


def test_a_seed_without_a_headline_gets_its_first_words_as_the_editors_title() -> None:
    read = read_source(str(next(SEEDS.glob("000_*.txt"))))
    assert read.title_source == "editors"
    assert (
        read.title
        == "In recent developments regarding artificial intelligence (AI), China has introduced a global…"
    )
    assert read.paragraphs[0].startswith("In recent developments")


def test_blank_lines_separate_paragraphs_and_a_markdown_heading_is_the_title() -> None:
    read = from_text("# Chips\n\nFirst line\nstill the first.\n\nSecond.\n", markdown=True)
    assert read.title == "Chips" and read.paragraphs == ("First line still the first.", "Second.")


def test_a_saved_news_page_gives_the_article_without_menus_ads_captions_or_links() -> None:
    read = read_source(str(PAGES / "news-page.html"))
    assert read.title == "Chip talks resume as Beijing and Washington trade offers"
    assert (read.outlet, read.author, read.published) == (
        "The Example Ledger", "Dana Whitfield", dt.date(2025, 7, 30)
    )  # fmt: skip
    assert read.url == "https://ledger.example/tech/chip-talks-resume"  # the page's own
    text = "\n".join(read.paragraphs)
    assert read.paragraphs[0].startswith("Negotiators from the United States")
    assert "“Nobody wins a tech war,” Lopez said." in read.paragraphs
    for noise in ("cookies", "Subscribe", "ADVERTISEMENT", "Photo:", "Related stories", "©"):
        assert noise not in text, noise


def test_an_address_is_fetched_and_read_as_a_page(news_server: str) -> None:
    read = read_source(f"{news_server}/news")
    assert read.title == "Chip talks resume as Beijing and Washington trade offers"
    assert read.url == f"{news_server}/news", "the address given, as fetched"


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "the server answered 404"), ("/image", "gives image/jpeg, not a web page")],
)
def test_an_address_that_fails_says_why(news_server: str, path: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_source(f"{news_server}{path}")


def test_an_unreachable_address_says_so() -> None:
    with pytest.raises(SourceError, match="cannot reach it"):
        read_source("http://127.0.0.1:9/nothing-listens-here")


def test_files_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    for name, data, message in (
        ("a.docx", b"PK", "give a .txt, .md, .html or .pdf file"),
        ("a.pdf", b"%PDF", "not a PDF that can be read"),
        ("empty.txt", b"  \n\n", "there is no text in it"),
        ("latin.txt", "café".encode("latin-1"), "not UTF-8 text"),
    ):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(SourceError, match=message):
            read_source(str(tmp_path / name))
    with pytest.raises(SourceError, match="no such file"):
        read_source(str(tmp_path / "missing.txt"))
