"""The navigator makes a section's entries when it is first opened, not before the first
frame: a large pack's hundred thousand highlights cost nothing until someone looks."""

from __future__ import annotations

import pytest

from aiplan_tui.ui.widgets import navigator as navigator_module
from aiplan_tui.ui.widgets.navigator import Navigator, Target
from conftest import make_app, until


async def test_sections_are_filled_when_opened_and_when_an_entry_is_wanted() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        navigator = app.screen.query_one(Navigator)
        articles, quotes, facts, *_ = navigator.root.children
        assert len(articles.children) == len(app.pack.articles)
        assert not quotes.children and not quotes.is_expanded  # nothing made yet
        count = sum(1 for h in app.pack.highlights if h.kind == "quote")
        assert str(quotes.label) == f"Quotes ({count})"
        navigator.focus()
        navigator.move_cursor(quotes)
        await pilot.press("enter")  # opens the section
        await until(pilot, lambda: len(quotes.children) == count, "the quotes listed")
        assert [node.data for node in quotes.children] == [
            Target("highlight", h.id) for h in app.pack.highlights if h.kind == "quote"
        ]
        fact = next(h for h in app.pack.highlights if h.kind == "fact")
        assert not facts.children
        node = navigator.node_for(Target("highlight", fact.id))  # as opening a fact asks
        assert (
            node is not None and node.parent is facts and node.data == Target("highlight", fact.id)
        )
        await pilot.press("down")
        assert navigator.cursor_node is not None  # still a working tree


async def test_many_articles_are_listed_in_groups_filled_when_opened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past ARTICLE_GROUP articles, the list is in groups: the first is opened with the
    article the reader shows, the others are filled when opened or when one of theirs is."""
    monkeypatch.setattr(navigator_module, "ARTICLE_GROUP", 1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        navigator = app.screen.query_one(Navigator)
        ids = [a.id for a in app.pack.articles]
        articles = navigator.root.children[0]
        groups = list(articles.children)
        assert [str(g.label) for g in groups] == [f"{n}–{n}" for n in range(1, len(ids) + 1)]
        assert [len(g.children) for g in groups] == [1] + [0] * (len(ids) - 1)
        assert navigator.cursor_node is not None
        assert navigator.cursor_node.data == Target("article", ids[0])
        navigator.go_to(Target("article", ids[-1]))
        await pilot.pause()
        assert groups[-1].is_expanded and len(groups[-1].children) == 1
        assert navigator.cursor_node is not None
        assert navigator.cursor_node.data == Target("article", ids[-1])
        await pilot.press("enter")
        assert app.reader.article_view.article is not None
        assert app.reader.article_view.article.id == ids[-1]
