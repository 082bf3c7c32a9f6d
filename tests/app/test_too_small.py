"""One too-small state for the whole app: the notice is the top screen exactly while the
terminal is too small, whatever screens or dialogs are open, and no key but quit and redraw
gets past it. Each case is a reproduction the fuzzer (or a user) found."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.events import Resize
from textual.geometry import Size

from aiplan_tui.ui.app import AiplanApp
from aiplan_tui.ui.screens.search import SearchScreen
from aiplan_tui.ui.screens.theme_picker import ThemePicker
from aiplan_tui.ui.screens.too_small import TooSmallScreen
from conftest import make_app, until


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
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("3", "slash", "t", "question_mark", "1")  # all refused
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
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
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen is app.compare_screen


async def test_the_notice_is_drawn_every_time_it_comes_back() -> None:
    """The one notice is shown, taken away and shown again; each time it is drawn (a popped
    screen that was not installed was taken apart, and came back blank)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):
            await pilot.resize_terminal(30, 8)
            await pilot.pause()
            assert "Terminal&#160;too&#160;small" in app.export_screenshot()
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            assert "Terminal&#160;too&#160;small" not in app.export_screenshot()


async def test_quit_and_redraw_still_work_under_the_notice() -> None:
    app = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.press("ctrl+l", "q")
    assert app.return_code == 0


async def test_paging_an_empty_palette_is_refused() -> None:
    """Paging keys in the palette are refused while its list is empty or has no height (the
    tmux fuzzer crashed Textual's list that way: KeyError in its page step)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", "pagedown", "pageup")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CommandPalette)
        await pilot.press(*"zzqx", "pagedown", "pageup")  # nothing matches: an empty list
        await pilot.resize_terminal(300, 100)
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape", "escape")


async def test_the_reader_fits_the_width_it_comes_back_to() -> None:
    """Resized while under a dialog or the notice, the reader lays out for the width it has
    when it is shown again (it showed one pane at 100 columns)."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.has_class("-medium") and not app.reader.has_class("-narrow")


async def test_the_footer_may_ask_about_keys_before_the_quotes_list_exists() -> None:
    """CI: a resize storm on the quotes screen crashed with NoMatches 'QuoteList' when the footer
    asked whether `y` can copy while the screen was still being built."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.quotes_screen
        assert not screen.is_mounted
        assert screen.selected_quote() is None
        app.push_screen(screen)
        assert app.check_action("copy", ()) is None  # asked at once, before compose
        await until(pilot, lambda: screen.selected_quote() is not None, "the quotes list")
        assert app.screen is screen


@pytest.mark.parametrize("size", [(1, 1), (2, 1), (1, 3), (3, 2)])
async def test_the_notice_is_still_once_drawn_at_any_size(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fuzzer seed 876574: at 1x1 the notice's scrollbar came and went without end, keeping
    the app busy (every key took seconds)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TooSmallScreen)
        refreshes: list[object] = []
        original = TooSmallScreen.refresh
        monkeypatch.setattr(
            TooSmallScreen,
            "refresh",
            lambda self, *a, **k: refreshes.append(a) or original(self, *a, **k),
        )
        for _ in range(5):
            await pilot.pause()
        assert refreshes == []


async def test_a_dialog_covered_by_the_notice_cannot_close_under_it() -> None:
    """tmux fuzzer: escape reached the search screen just as the notice covered it, and its
    dismiss popped from the notice's stack: ScreenStackError "Can't pop screen", exit 1."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await app.run_action("cancel", default_namespace=search)  # escape's binding
        search.dismiss(None)  # what choosing a result does
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen is search
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_the_palette_stays_open_under_the_notice_while_it_searches() -> None:
    """tmux fuzzer: the palette, closed as the notice came, went on gathering commands and
    crashed the app (KeyError 'command-palette--help-text' in Textual's palette)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.press("ctrl+p", "c", "h")
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            await pilot.resize_terminal(30, 8)  # at once, as the palette gathers
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            await pilot.resize_terminal(100, 30)
            await pilot.pause()
            assert app.screen is palette
            await pilot.press("escape")
            assert app.screen is app.reader


async def test_the_notice_waits_for_a_palette_still_opening() -> None:
    """tmux fuzzer: ctrl+p, and the terminal made small before the palette had mounted: the
    palette looked for the screen under it on the notice's stack (IndexError), exit 1."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_command_palette()
        app.post_message(Resize(Size(30, 8), Size(30, 8)))  # in the same breath
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


@pytest.mark.parametrize("size", [(30, 8), (100, 30)], ids=["to the notice", "back"])
async def test_a_mode_switch_redraws_every_cell_once_updates_flow_again(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tmux fuzzer: the app was right (notice up at 30x8) while the terminal still showed the
    help screen: Textual drops the frames made while it holds updates after a switch."""
    redraws: list[int] = []
    monkeypatch.setattr(AiplanApp, "action_redraw", lambda self: redraws.append(self._batch_count))
    app = make_app()
    async with app.run_test(size=(100, 30) if size == (30, 8) else (30, 8)) as pilot:
        await pilot.pause()
        redraws.clear()
        await pilot.resize_terminal(*size)
        await until(pilot, lambda: bool(redraws), "a redraw")
        assert redraws == [0]  # once, and not while updates are held


async def test_the_keys_panel_chosen_as_the_notice_comes_waits_for_the_app() -> None:
    """tmux fuzzer: the palette's "Keys" ran just after the notice came and Textual mounted
    its keys panel on the notice, covering it (even ctrl+l showed the panel)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        app.action_show_help_panel()  # what the palette's command does, late
        await pilot.pause()
        assert not app.screen.query("HelpPanel")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.query("HelpPanel")


async def test_no_key_gets_past_the_notice_at_30x10() -> None:
    """At 30x10, `3` drew Quotes anyway, and `/` then `escape` drew the reader."""
    app = make_app()
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        for keys in (("3",), ("slash", "escape"), ("2", "j"), ("question_mark",), ("t",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen), keys
        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: app.screen is app.reader, "the reader, as it was")
