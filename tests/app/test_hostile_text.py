"""Markup, action links and control characters in a pack are shown as text and do nothing."""

from __future__ import annotations

from textual.widgets import Static

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.palette import pack_commands
from aiplan_tui.ui.screens.quotes import QuoteList
from aiplan_tui.ui.widgets.article_view import ParagraphView
from aiplan_tui.ui.widgets.highlight_cards import HighlightCards
from aiplan_tui.ui.widgets.navigator import Navigator
from conftest import PACK_TOML, PackFactory, make_app

MARKUP = (
    "[bold]B[/] [@click=app.quit]quit[/] [link=https://example.com]L[/link] [/] [ @click=app.bell]"
)
ESCAPES = "\x1b]0;title\x07\x1b]52;c;aGk=\x07\x1b[2J\x9b1m\u202e"

ARTICLE = f"""\
+++
title = "T {MARKUP}"
+++

He said “{MARKUP} words” today.{ESCAPES} Still visible.
"""

ENTITIES = f"""\
[[entity]]
id = "spk"
name = "Name {MARKUP}"
kind = "person"
role = "Role \\u001b]0;pwned\\u0007\\u001b[31mred\\u009b2J"
"""

HIGHLIGHTS = f"""\
[[quote]]
id = "q"
article = "wire"
exact = "{MARKUP} words"
speaker = "spk"
direct = true
"""


def hostile_app(make_pack: PackFactory) -> AiplanApp:
    root = make_pack(
        {
            "pack.toml": PACK_TOML,
            "articles/wire.md": ARTICLE,
            "entities.toml": ENTITIES,
            "highlights/wire.toml": HIGHLIGHTS,
            "comparison.toml": None,
        }
    )
    result = load_pack(root)
    assert result.problems.errors == []
    return make_app(result)


async def test_reader_shows_markup_literally_and_strips_escapes(make_pack: PackFactory) -> None:
    app = hostile_app(make_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        title = str(app.reader.query_one(".article-title", Static).render())
        assert title == f"T {MARKUP}"
        paragraph = str(app.reader.query(ParagraphView).first().render())
        assert MARKUP in paragraph
        assert "\x1b" not in paragraph and "\x07" not in paragraph and "\u202e" not in paragraph
        assert paragraph.endswith("Still visible.")
        labels = [
            str(node.label) for node in app.reader.query_one(Navigator).root.children[0].children
        ]
        assert labels[0].startswith(f"T {MARKUP}")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        cards = " ".join(
            str(card.render()) for card in app.reader.query_one(HighlightCards).query(Static)
        )
        assert f"— Name {MARKUP}, Role ]0;pwned[31mred2J" in cards
        assert not any(ch in cards for ch in "\x1b\x07\x9b")
        for selector in (".article-title", ParagraphView, HighlightCards):
            await pilot.click(selector)
            await pilot.pause()
        assert app.is_running


async def test_quotes_screen_and_palette_show_markup_literally(make_pack: PackFactory) -> None:
    app = hostile_app(make_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        tree = app.quotes_screen.query_one(QuoteList)
        speaker = tree.root.children[0]
        assert str(speaker.label) == f"Name {MARKUP} (1)"
        assert str(speaker.children[0].label) == f"“{MARKUP} words”"
        preview = str(app.quotes_screen.query_one("#quote-preview", Static).render())
        assert f"— Name {MARKUP}" in preview
        await pilot.click("#quote-preview")
        await pilot.pause()
        assert app.is_running
        names = [command.name for command in pack_commands(app)]
        assert f"Go to speaker: Name {MARKUP}" in names
        assert f"Go to article: T {MARKUP}" in names


async def test_huge_articles_are_capped_with_a_visible_marker(make_pack: PackFactory) -> None:
    """5,000 paragraphs and a 1 MB line: the reader shows a capped part, says so, and stays
    quick; the text itself is all loaded (search and export see it)."""
    from textual.widgets import Static

    from aiplan_tui.ui.widgets.article_view import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS

    many = "\n\n".join(f"Paragraph {n} about chips." for n in range(5_000))
    long_line = "word " * 220_000
    pack = make_pack(
        {
            "articles/many.md": f'+++\ntitle = "Many"\n+++\n\n{many}\n',
            "articles/long.md": f'+++\ntitle = "Long"\n+++\n\n{long_line}\n',
        }
    )
    result = load_pack(pack)
    many_article = result.pack.article("many")
    assert many_article is not None and len(many_article.paragraphs) == 5_000
    app = make_app(result)
    async with app.run_test(size=(100, 30)) as pilot:
        app.reader.open_article("many")
        await pilot.pause()
        view = app.reader.article_view
        assert len(view._paragraph_views) == MAX_PARAGRAPHS
        notes = [str(s.render()) for s in view.query(".truncated").results(Static)]
        assert notes and "truncated: 4,000 paragraphs more" in notes[0]
        await pilot.press("tab", "G")
        assert view.paragraph == MAX_PARAGRAPHS - 1
        app.reader.open_article("long")
        await pilot.pause()
        shown = str(view._paragraph_views[0].render())
        assert len(shown) < MAX_PARAGRAPH_CHARS + 200
        assert "characters more" in shown
