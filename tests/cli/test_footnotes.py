"""`quotes --format md --footnotes` and `compare --format md --footnotes` (issue 32): each
source cited once, as a pandoc footnote, so a pasted brief carries its citations. Read back by a
Markdown parser with footnotes (markdown-it's footnote plugin, pandoc's syntax)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from aiplan_tui.core.model import Quote
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from conftest import PackFactory
from in_process import answer
from test_citations import FULL_ARTICLE

Capsys = pytest.CaptureFixture[str]
PACK = load_pack(bundled_content_dir()).pack
MD = MarkdownIt("gfm-like").use(footnote_plugin)


def footnotes(text: str) -> tuple[list[int], dict[int, str]]:
    """The footnote each reference points at, in order, and each footnote's text."""
    env: dict[str, Any] = {}
    tokens = MD.parse(text, env)
    refs: list[int] = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "footnote_ref":
                refs.append(child.meta["id"])
    labels = [note["label"] for note in env["footnotes"]["list"].values()]
    assert labels == [str(n) for n in range(1, len(labels) + 1)]  # in order of first use
    notes: dict[int, str] = {}  # each definition's text as written, by the parser's number
    for line in text.splitlines():
        found = re.match(r"\[\^(\d+)\]: (.*)", line)
        if found:
            notes[int(found.group(1)) - 1] = found.group(2)
    return refs, notes


def article_note(article_id: str) -> str:
    article = PACK.article(article_id)
    assert article is not None
    title = article.title.replace("\\", "\\\\")
    if article.title_source == "editors":  # a supplied title, in (escaped) square brackets
        title = f"\\[{title}\\]"
    return ", ".join([title, *([article.outlet] if article.outlet else [])]) + "."


def test_quotes_cite_each_article_once_as_a_footnote(capsys: Capsys) -> None:
    done = answer(capsys, "quotes", "--format", "md", "--footnotes")
    assert done.returncode == 0
    refs, notes = footnotes(done.stdout)
    quotes = [h for h in PACK.highlights if isinstance(h, Quote)]
    assert len(refs) == len(quotes)  # every quotation points at its source
    order = list(dict.fromkeys(q.article for q in PACK.highlights if isinstance(q, Quote)))
    assert sorted(notes) == list(range(len({q.article for q in quotes})))
    seen = [notes[ref] for ref in dict.fromkeys(refs)]
    assert set(seen) == {article_note(a) for a in order}
    for title in (a.title for a in PACK.articles):
        assert done.stdout.count(title) == 1  # once, in its footnote, never per quotation
    assert "not given" not in done.stdout


def test_compare_keeps_one_valid_table_and_cites_by_footnote(capsys: Capsys) -> None:
    done = answer(capsys, "compare", "--format", "md", "--footnotes")
    assert done.returncode == 0
    tokens = MD.parse(done.stdout)
    assert sum(t.type == "tr_open" for t in tokens) == 1 + len(PACK.dimensions)
    refs, notes = footnotes(done.stdout)
    plain = answer(capsys, "compare", "--format", "md").stdout
    assert len(refs) == plain.count("¶")  # a footnote wherever a citation was
    assert len(notes) == len(PACK.articles)
    assert {notes[i] for i in notes} == {article_note(a.id) for a in PACK.articles}
    assert re.search(r"\(¶\d+\[\^\d\]\)", done.stdout)


def test_a_source_that_gives_everything_has_it_all_in_its_footnote(
    make_pack: PackFactory, capsys: Capsys
) -> None:
    root = make_pack({"articles/wire.md": FULL_ARTICLE})
    done = answer(capsys, "--content", str(root), "quotes", "--format", "md", "--footnotes")
    assert done.stdout.endswith(
        "\n\n[^1]: Chips and money, Example Wire, A. Writer, 2025-07-26, "
        "https://example.com/wire?id=1.\n"
    )
    assert "(¶1[^1])" in done.stdout


@pytest.mark.parametrize("command", ["quotes", "compare"])
def test_footnotes_go_with_markdown_only(capsys: Capsys, command: str) -> None:
    done = answer(capsys, command, "--format", "json", "--footnotes")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"aiplan-tui {command}: --footnotes goes with --format md\n"
