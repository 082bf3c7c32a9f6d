"""Markdown to paste into a brief: quotations and a Compare row with their citations, and pack
text that stays words however much it looks like markup."""

from __future__ import annotations

import dataclasses

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from aiplan_tui.compare.markdown import row_to_markdown
from aiplan_tui.compare.matrix import GAP, build_matrix
from aiplan_tui.core.markdown import md_escape, point_item, quote_item, quotes_markdown
from aiplan_tui.core.model import Fact, Quote
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir

PACK = load_pack(bundled_content_dir()).pack
QUOTES = [q for q in ReadingOrder(PACK, {"quote"}).items if isinstance(q, Quote)]
DIRECT = next(q for q in QUOTES if q.direct)
PARAPHRASE = next(q for q in QUOTES if not q.direct)
FACT = next(h for h in PACK.highlights if isinstance(h, Fact))

HOSTILE = "*bold* [x](y) `code` <b>hi</b> &amp; a | b _u_ ~~gone~~ \\n\n# not a heading"
"""Pack text that would be emphasis, a link, code, HTML, an entity, a table cell break,
strike-through and (on its own line) a heading, if it were read as Markdown."""
HOSTILE_WORDS = "*bold* [x](y) `code` <b>hi</b> &amp; a | b _u_ ~~gone~~ \\n # not a heading"
"""The same as one line: the words a reader must see."""
BLOCK_STARTS = [
    "# heading",
    "- item",
    "+ item",
    "1. one",
    "2) two",
    "=== x",
    "> quoted",
    "    code",
]
"""Text that starts a block when it starts a line (a paraphrase starts its list item)."""

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP_TOKENS = {"link_open", "image", "code_inline", "html_inline", "html_block", "s_open"}


def inline_tokens(markdown: str) -> list[Token]:
    return [child for t in MD.parse(markdown) if t.children for child in t.children]


def text_of(markdown: str) -> str:
    """The words a reader sees, markup dropped."""
    return "".join(t.content for t in inline_tokens(markdown) if t.type == "text")


def test_escaped_text_reads_back_as_the_same_words_and_no_markup() -> None:
    for words in [HOSTILE, *BLOCK_STARTS]:
        escaped = md_escape(words)
        tokens = MD.parse(escaped)
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], words
        assert text_of(escaped) == " ".join(words.split()), words
        assert not {t.type for t in inline_tokens(escaped)} & MARKUP_TOKENS


@pytest.mark.parametrize("words", [HOSTILE, *BLOCK_STARTS])
def test_a_hostile_quote_is_one_list_item_of_words(words: str) -> None:
    for quote in (DIRECT, PARAPHRASE):
        item = quote_item(dataclasses.replace(quote, exact=words), PACK)
        tokens = MD.parse(item)
        assert [t.type for t in tokens].count("list_item_open") == 1, item
        assert not [
            t for t in tokens if t.type in ("heading_open", "code_block", "blockquote_open")
        ]
        inline = inline_tokens(item)
        assert not {t.type for t in inline} & MARKUP_TOKENS, item
        assert " ".join(words.split()) in text_of(item)
        html = MD.render(item)
        assert "<b>" not in html and "<a " not in html and "<code>" not in html


def test_a_quote_item_quotes_direct_words_marks_a_paraphrase_and_cites() -> None:
    direct = quote_item(DIRECT, PACK)
    assert direct.startswith(f"- “{md_escape(DIRECT.exact)}” — **")
    paraphrase = MD.render(quote_item(PARAPHRASE, PACK))
    assert "<em>(paraphrase)</em>" in paraphrase and "“" not in paraphrase.split("—")[0]
    article = PACK.article(DIRECT.article)
    assert article is not None
    assert f"({article.title}, {article.outlet}, ¶{DIRECT.location.paragraph + 1})" in direct


def test_a_fact_item_gives_the_figure_as_the_app_shows_it() -> None:
    item = point_item(FACT, PACK)
    assert text_of(item).startswith(f"{FACT.metric}: ")
    assert f"“{md_escape(FACT.exact)}”" in item and "¶" in item


def test_the_quotes_list_keeps_the_order_given_and_is_empty_for_none() -> None:
    chosen = [QUOTES[2], QUOTES[0], QUOTES[1]]
    listed = quotes_markdown(chosen, PACK)
    items = [t for t in MD.parse(listed) if t.type == "list_item_open"]
    assert len(items) == 3 and listed.endswith("\n")
    assert [listed.index(md_escape(q.exact)) for q in chosen] == sorted(
        listed.index(md_escape(q.exact)) for q in chosen
    )
    assert quotes_markdown([], PACK) == ""


def test_a_compare_row_has_the_dimension_both_sides_in_order_points_and_figures() -> None:
    matrix = build_matrix(PACK)
    row = next(r for r in matrix.rows if r.figures)
    markdown = row_to_markdown(row, PACK)
    tokens = MD.parse(markdown)
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [row.dimension.title, row.left.side.label, row.right.side.label, "Figures"]
    assert markdown.index(row.left.side.label) < markdown.index(row.right.side.label)
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == len(row.left.points) + len(row.right.points) + len(row.figures)
    assert "US $109.1 bn · China $9.3 bn · 11.7×" in markdown
    swapped = build_matrix(PACK, (matrix.right.id, matrix.left.id))
    other = row_to_markdown(swapped.rows[matrix.rows.index(row)], PACK)
    assert other.index(row.right.side.label) < other.index(f"### {row.left.side.label}")


def test_a_row_says_which_side_has_nothing_and_escapes_the_editors_words() -> None:
    row = build_matrix(PACK).rows[0]
    hostile = dataclasses.replace(
        row,
        dimension=dataclasses.replace(row.dimension, title=HOSTILE, description="- not a list"),
        left=dataclasses.replace(row.left, summary=HOSTILE),
        right=dataclasses.replace(row.right, summary=None, points=()),
        figures=(),
    )
    markdown = row_to_markdown(hostile, PACK)
    tokens = MD.parse(markdown)
    assert not {t.type for t in inline_tokens(markdown)} & MARKUP_TOKENS
    assert [t.type for t in tokens].count("heading_open") == 3
    assert tokens[1].content == md_escape(HOSTILE)
    assert text_of(f"# {tokens[1].content}") == HOSTILE_WORDS
    assert "- not a list" in text_of(markdown)
    assert [t.type for t in tokens].count("bullet_list_open") == 1  # the left side's points
    assert markdown.rstrip().endswith(f"*{GAP}*")
