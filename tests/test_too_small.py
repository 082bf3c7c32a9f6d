"""One too-small state for the whole app: the notice is the top screen exactly while the
terminal is too small, whatever screens or dialogs are open, and no key but quit and redraw
gets past it. Each case is a reproduction the fuzzer (or a user) found."""

from __future__ import annotations

from textual.command import CommandPalette

from aiplan_tui.ui.screens.theme_picker import ThemePicker
from aiplan_tui.ui.screens.too_small import TooSmallScreen
from conftest import make_app


async def test_the_palette_cannot_be_opened_twice_across_resizes() -> None:
    """At 30x8 ctrl+p, grow, shrink, ctrl+p again: was DuplicateIds '--command-palette'."""
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, TooSmallScreen)
        assert len([s for s in app.screen_stack if isinstance(s, CommandPalette)]) <= 1
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        await pilot.press("escape", "q")
    assert app.return_code == 0


async def test_a_dialog_under_the_notice_comes_back_as_it_was() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, ThemePicker)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert app.screen is app.too_small_notice
        await pilot.press("3", "slash", "t", "question_mark", "1")  # all refused
        await pilot.pause()
        assert app.screen is app.too_small_notice
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 1
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_a_list_of_no_height_never_pages() -> None:
    """At 145x5 `t` then page down: was KeyError in the theme list's page step."""
    app = make_app()
    async with app.run_test(size=(145, 5)) as pilot:
        await pilot.press("t", "pagedown", "pageup", "end")
        await pilot.resize_terminal(300, 100)
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, TooSmallScreen)


async def test_switching_screens_while_too_small_keeps_the_notice_on_top() -> None:
    """A saved place reopens Compare after the first frame; at a too-small size the switch
    once replaced the notice itself."""
    app = make_app()
    async with app.run_test(size=(30, 8)) as pilot:
        app.action_show_compare()
        await pilot.pause()
        await pilot.pause()
        assert app.screen is app.too_small_notice
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is app.compare_screen


async def test_quit_and_redraw_still_work_under_the_notice() -> None:
    app = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.press("ctrl+l", "q")
    assert app.return_code == 0
