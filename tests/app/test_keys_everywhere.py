"""The same key does the same thing on every screen, keys typed ahead reach the screen they
were meant for, and the footer offers only keys that would do what it says."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.help import HelpScreen
from aiplan_tui.ui.screens.quotes import QuoteList, QuotesScreen
from aiplan_tui.ui.widgets.footer import PALETTE_CLASS, KeysFooter
from conftest import make_app, until


def footer_keys(app: AiplanApp) -> list[str]:
    """The keys the footer shows (and does not hide) on the screen on top."""
    footers = app.screen.query(KeysFooter)
    return footers.first().shown_keys() if footers else []


def type_ahead(app: AiplanApp, text: str) -> None:
    """Keys as a fast typist sends them: all queued at once, none waiting for the screen."""
    names = {"/": "slash", "\x1b": "escape"}
    for character in text:
        app.post_message(events.Key(names.get(character, character), character))


async def test_keys_typed_while_quotes_first_opens_reach_it() -> None:
    """`3` `f` `chen` as a burst: `f` was typed into the box as it got the focus ("fchen"),
    or `chen` went to the list and was lost."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, "3fchen")
        await until(pilot, lambda: isinstance(app.screen, QuotesScreen), "the quotes")
        box = app.screen.query_one("#quote-filter", Input)
        await until(pilot, lambda: box.value == "chen", f"the filter to read chen: {box.value!r}")
        assert app.screen.focused is box


async def test_a_query_typed_right_after_slash_reaches_the_search_box() -> None:
    """`/chips` in one burst (a paste, a fast typist over SSH) opened an empty search."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_ahead(app, "/chips")
        await until(pilot, lambda: app.screen.query("#search-input"), "the search screen")
        box = app.screen.query_one("#search-input", Input)
        await until(pilot, lambda: box.value == "chips", f"the box to read chips: {box.value!r}")
        type_ahead(app, "\x1b2")  # escape then 2: to Compare, not a "2" typed into the box
        await until(pilot, lambda: app.screen is app.compare_screen, "compare")


async def test_down_from_a_filter_box_goes_to_its_list_in_quotes_as_in_search() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3", "f")
        quotes = app.screen
        assert isinstance(quotes.focused, Input)
        await pilot.press("down")
        assert isinstance(quotes.focused, QuoteList)
        await pilot.press("escape", "slash")
        await until(pilot, lambda: isinstance(app.screen.focused, Input), "the search box")
        await pilot.press("down")
        assert not isinstance(app.screen.focused, Input)


async def test_while_a_box_has_focus_the_footer_hides_keys_that_would_type_into_it() -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await until(pilot, lambda: "1" in footer_keys(app), "the quotes footer")
        assert {"1", "2", "slash"} <= set(footer_keys(app))
        await pilot.press("f")
        await until(pilot, lambda: "1" not in footer_keys(app), "a footer without 1")
        shown = footer_keys(app)
        assert not {"1", "2", "slash", "f", "q"} & set(shown), shown
        assert "escape" in shown  # still does what it says: back to the list


async def test_g_and_G_go_to_the_top_and_bottom_of_help() -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        scroll = app.screen.query_one("VerticalScroll")
        await until(pilot, lambda: scroll.max_scroll_y > 0, "help to be taller than its box")
        await pilot.press("G")
        await until(pilot, lambda: scroll.scroll_y == scroll.max_scroll_y, "the bottom")
        await pilot.press("g")
        await until(pilot, lambda: scroll.scroll_y == 0, "the top")


async def test_the_footer_shows_whole_keys_only_and_more_of_them_when_wider() -> None:
    """At 80 columns the last key ran under the palette key: `t Th▏^p palette`."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)

        def fitted() -> bool:
            palette = footer.query_one(f".{PALETTE_CLASS}")
            shown = [key for key in footer.children if key.display and key is not palette]
            return bool(shown) and all(key.region.right <= palette.region.x for key in shown)

        await until(pilot, fitted, "whole keys left of the palette key")
        narrow = footer.shown_keys()
        assert "t" not in narrow and "1" in narrow and narrow[-1] == "ctrl+p"
        await pilot.resize_terminal(160, 24)
        await until(pilot, lambda: len(footer.shown_keys()) > len(narrow), "more keys")
        await until(pilot, fitted, "whole keys at 160 columns")


async def test_keys_that_open_screens_do_nothing_inside_a_dialog_but_its_commands_work() -> None:
    """Priority keys reach the app before a dialog: `1` pressed on the palette's list once
    switched the screen under the palette (the fuzzer found the reader twice on the stack)."""
    from textual.command import CommandPalette

    from test_reader import palette_offers

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press("down", "1", "2", "question_mark", "t")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert [type(s).__name__ for s in app.screen_stack] == [
            "Backdrop",
            "ReaderScreen",
            "Palette",
        ]
        await pilot.press("escape")
        for name, shown in (
            ("Compare", lambda: app.screen is app.compare_screen),
            ("Quotes", lambda: app.screen is app.quotes_screen),
            ("Search", lambda: bool(app.screen.query("#search-input"))),
        ):
            await pilot.press("ctrl+p", *name)
            await until(pilot, lambda: palette_offers(app, name), f"{name} offered")  # noqa: B023
            await pilot.press("enter")
            await until(pilot, shown, name)
