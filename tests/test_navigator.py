"""The navigator makes a section's entries when it is first opened, not before the first
frame: a large pack's hundred thousand highlights cost nothing until someone looks."""

from __future__ import annotations

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
