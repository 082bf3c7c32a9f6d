"""Citations say only what is known (issue 32): copies, `quotes --format md`, Compare's
Markdown and the quotes' JSON and CSV leave out what an article does not give; only the
reader's header says "not given"."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from aiplan_tui.core.citations import cite, source_of
from aiplan_tui.core.formatting import citation
from aiplan_tui.core.model import Article, SourceRef
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import PackFactory
from in_process import answer

PACK = load_pack(bundled_content_dir()).pack
FULL_ARTICLE = """\
+++
title = "Chips and money"
outlet = "Example Wire"
author = "A. Writer"
published = 2025-07-26
url = "https://example.com/wire?id=1"
sides = ["us", "china"]
+++

The U.S. restricted chip exports. China said the two camps are now being formed.

Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China.
"""


@pytest.mark.parametrize(
    "args",
    [
        ("quotes", "--format", "md"),
        ("quotes", "--format", "json"),
        ("quotes", "--format", "csv"),
        ("compare", "--format", "md"),
    ],
)
def test_no_command_says_not_given(capsys: pytest.CaptureFixture[str], args: tuple[str]) -> None:
    said = answer(capsys, *args)
    assert said.returncode == 0 and said.stdout
    assert "not given" not in said.stdout


def test_every_copy_of_the_bundled_pack_cites_only_what_is_known() -> None:
    for highlight in PACK.highlights:
        copied = citation(highlight, PACK)
        assert "not given" not in copied and "outlet:" not in copied
        article = PACK.article(highlight.article)
        assert article is not None
        # Neither seed gives an author, a date or an address; the WAIC one names no outlet.
        title = f"[{article.title}]" if article.title_source == "editors" else article.title
        known = [title, *([article.outlet] if article.outlet else [])]
        known.append(f"¶{highlight.location.paragraph + 1}")
        assert copied.endswith("\nSource: " + ", ".join(known))


def test_a_citation_gives_outlet_author_date_paragraph_then_the_address() -> None:
    article = Article(
        id="a", title="T", paragraphs=("x",), source=SourceRef(Path("a.md")),
        outlet="Example News", author="A. Writer", published=dt.date(2025, 7, 26),
        url="https://example.com/a",
    )  # fmt: skip
    source = source_of(article, "a")
    assert source.text(5) == "T, Example News, A. Writer, 2025-07-26, ¶5, https://example.com/a"
    bare = source_of(dataclasses.replace(article, outlet="", author="", published=None), "a")
    assert bare.text(5) == "T, ¶5, https://example.com/a"
    assert source_of(None, "gone").text(2) == "gone, ¶2"


def test_a_pack_that_gives_everything_is_cited_with_everything(
    make_pack: PackFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_pack({"articles/wire.md": FULL_ARTICLE})
    pack = load_pack(root).pack
    quote = next(h for h in pack.highlights if h.id == "q-camps")
    full = "Chips and money, Example Wire, A. Writer, 2025-07-26, ¶1, https://example.com/wire?id=1"
    assert cite(quote, pack) == full
    said = answer(capsys, "--content", str(root), "quotes", "--format", "md")
    assert f"({full})" in said.stdout
    rows = list(csv.reader(io.StringIO(answer(capsys, "--content", str(root), "quotes",
                                              "--format", "csv").stdout, newline="")))  # fmt: skip
    assert rows[1][6:10] == [
        "Example Wire",
        "A. Writer",
        "2025-07-26",
        "https://example.com/wire?id=1",
    ]


def test_quotes_json_and_csv_leave_what_is_not_given_empty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = json.loads(answer(capsys, "quotes", "--format", "json").stdout)
    cnbc = next(row for row in rows if row["article"]["id"] == "cnbc-tech-race")
    assert cnbc["article"]["outlet"] == "CNBC"
    assert [cnbc["article"][name] for name in ("author", "published", "url")] == [None] * 3
    out = answer(capsys, "quotes", "--format", "csv").stdout
    table = list(csv.reader(io.StringIO(out, newline="")))
    cnbc_row = next(row for row in table[1:] if row[4] == "cnbc-tech-race")
    assert cnbc_row[6:10] == ["CNBC", "", "", ""]  # never invented, never a placeholder


def test_a_title_the_editors_wrote_is_cited_in_square_brackets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As the references mark it (and citation styles a supplied title): the WAIC source has
    no headline, so a brief must not cite the editors' words as if they were one."""
    waic = PACK.article("waic-governance")
    assert waic is not None and waic.title_source == "editors"
    assert source_of(waic, waic.id).text(2) == f"[{waic.title}], ¶2"
    quote = next(h for h in PACK.highlights if h.article == waic.id)
    assert citation(quote, PACK).endswith(
        f"\nSource: [{waic.title}], ¶{quote.location.paragraph + 1}"
    )
    notes = answer(capsys, "quotes", "--format", "md", "--footnotes").stdout
    assert f": \\[{waic.title}\\]." in notes
