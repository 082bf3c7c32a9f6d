"""Themes in the app: picker with live preview, --theme, user themes, keymaps, NO_COLOR."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui.paths import user_themes_dir
from aiplan_tui.settings.themes import DEFAULT_THEME
from aiplan_tui.ui.screens.help import HelpScreen
from aiplan_tui.ui.screens.theme_picker import ThemePicker
from aiplan_tui.ui.startup import Startup
from conftest import make_app, until

USER_THEME = """\
name = "my-night"
dark = true
primary = "#3366CC"
foreground = "#EEEEEE"
background = "#000010"

[variables]
side-us = "#99CCFF"
side-china = "#FFAA99"
"""


def add_user_theme(name: str, text: str) -> Path:
    folder = user_themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


async def test_picker_previews_live_and_escape_restores() -> None:
    add_user_theme("my-night.toml", USER_THEME)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)
        names = [entry.theme.name for entry in app.screen.entries]
        assert names[-1] == "my-night" and DEFAULT_THEME in names
        await pilot.press("end")
        await pilot.pause()
        assert app.theme == "my-night"  # previewed while the picker is open
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert not isinstance(app.screen, ThemePicker)


async def test_picker_enter_keeps_the_theme_and_repaints_the_sides() -> None:
    add_user_theme("my-night.toml", USER_THEME)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", "end", "enter")
        await pilot.pause()
        assert app.theme == "my-night"
        assert app.marks().side_colours == {"us": "#99CCFF", "china": "#FFAA99"}
        assert app.reader.article_view.marks.side_colours["us"] == "#99CCFF"


async def test_startup_theme_and_unknown_theme() -> None:
    app = make_app(startup=Startup(theme="my-night"))
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        assert any("There is no theme 'my-night'" in n.message for n in app.notices)
    add_user_theme("my-night.toml", USER_THEME)
    app = make_app(startup=Startup(theme="my-night"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "my-night"


async def test_a_broken_user_theme_gets_one_notice_and_is_skipped() -> None:
    add_user_theme("bad.toml", 'name = "bad"\nprimary = "#12345G"\n')
    add_user_theme("worse.toml", 'name = "worse"\nprimary = "#000000"\nglow = 1\n')
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        notices = [n for n in app.notices if n.title == "Theme problems"]
        assert len(notices) == 1
        assert "bad.toml:2:1: error" in notices[0].message
        assert "worse.toml:3:1: error: unknown key 'glow'" in notices[0].message
        assert "bad" not in app.catalog.entries and app.theme == DEFAULT_THEME


async def test_the_palette_lists_themes() -> None:
    from aiplan_tui.ui.palette import pack_commands

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        names = [command.name for command in pack_commands(app)]
        assert f"Theme: {DEFAULT_THEME}" in names


async def test_keymap_remaps_a_binding_and_help_shows_it() -> None:
    app = make_app(startup=Startup(keymap={"quotes": "4"}))
    async with app.run_test() as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.screen is app.quotes_screen, "the quotes screen")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.sections)["Everywhere"]
        assert ("4", "Every quote, by speaker.") in rows


async def test_no_color_leaves_no_colour_but_keeps_the_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: not app.screen.query(".-flash"), "the flash to end")
        assert app.no_color
        svg = app.export_screenshot()
    colours = set(re.findall(r"(?:fill|color):\s*#([0-9a-fA-F]{6})", svg))
    # Only the terminal's own colours, as the SVG export draws them: its default background
    # and foreground, and that foreground dimmed (Textual alone turned colours into greys;
    # tests/pty/test_no_color.py counts the colour sequences written to a real terminal: none).
    assert colours <= {"292929", "c5c8c6", "868887"}, colours
    # Highlights are still marked: underline for quotes, reverse for the current one.
    assert "underline" in svg


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aiplan_tui", *args],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )


def test_themes_command_lists_sources_and_problems() -> None:
    add_user_theme("my-night.toml", USER_THEME)
    add_user_theme("bad.toml", 'name = "bad"\nprimary = 7\n')
    done = run_cli("themes")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith(DEFAULT_THEME) and "bundled" in line for line in lines)
    assert any(line.startswith("my-night") and "user" in line for line in lines)
    assert any("bad.toml:2:1: error" in line for line in lines)


def test_unknown_theme_on_the_command_line_is_a_usage_error() -> None:
    done = run_cli("--theme", "nope")
    assert done.returncode == 2
    assert "no theme 'nope'" in done.stderr and DEFAULT_THEME in done.stderr


MINIMAL_ANSI_THEME = 'name = "bare-ansi"\nansi = true\nprimary = "ansi_blue"\n'


async def test_every_theme_applies_without_breaking_the_stylesheet() -> None:
    """An ANSI theme leaves out variables Textual's own CSS uses; they are filled in. Every
    screen is shown once first, so the stylesheet holds every widget's CSS; each theme then
    re-parses all of it."""
    add_user_theme("bare-ansi.toml", MINIMAL_ANSI_THEME)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "3", "question_mark", "escape", "1")
        assert "bare-ansi" in app.catalog.names
        for name in app.catalog.names:
            app.theme = name
            await pilot.pause()
            assert app.theme == name and app.screen is app.reader
        await pilot.press("2")  # a screen drawn again in the last theme
        assert app.screen is app.compare_screen
    assert app.return_code in (None, 0)
