"""Issue 33: a pack read again after a change is shown in place by every screen made (the
session's READY, `pack_changed`): the same screens, each where it was, none made anew."""

from __future__ import annotations

from aiplan_tui.ui.screens.compare import CompareScreen
from aiplan_tui.ui.screens.quotes import QuotesScreen
from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.widgets.query_input import QueryInput
from conftest import PackFactory, make_app, until
from reviewing import current, open_review, review_pack


async def test_every_screen_made_shows_the_new_pack_where_it_was(
    make_pack: PackFactory,
) -> None:
    app = make_app(review_pack(make_pack))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, QuotesScreen), "the quotes")
        quotes = app.screen
        assert isinstance(quotes, QuotesScreen)
        await pilot.press("f", *"lopez")
        await until(pilot, lambda: quotes.query_one(QueryInput).value == "lopez", "the filter")
        assert quotes.shown == [], "Maria Lopez's words are only suggested yet"
        app.action_show_compare()  # (2 would be typed into the filter)
        await until(pilot, lambda: isinstance(app.screen, CompareScreen), "compare")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("j")
        await until(pilot, lambda: compare.row == 1, "the second row")
        reader = app.reader
        await open_review(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("a")
        await until(pilot, lambda: app.pack.highlight("q-restricted") is not None, "accepted")
        await until(pilot, lambda: current(app) == "p-investment", "the next suggestion")
        assert (app.reader, app.made["quotes"], app.made["compare"]) == (reader, quotes, compare)
        assert reader.pack is app.pack and compare.pack is app.pack and quotes.pack is app.pack
        assert [q.id for q in quotes.shown] == ["q-restricted"], "the filter kept, the quote in"
        assert compare.row == 1
        await pilot.press("3")
        await until(pilot, lambda: app.screen is quotes, "the same quotes screen")
        assert quotes.query_one(QueryInput).value == "lopez"
        await pilot.press("q")
