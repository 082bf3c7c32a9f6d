"""The app's themes: the bundled and user ones registered, the one to start in, the picker, and
what is redrawn when the theme changes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from aiplan_tui.core.model import Pack
from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
from aiplan_tui.settings.themes import DEFAULT_THEME, LITE_THEME
from aiplan_tui.terminal.css_cache import keep_parsed_css
from aiplan_tui.terminal.theme_start import start_in_theme
from aiplan_tui.ui.highlight_styles import Marks, theme_marks
from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.roles import Restyled
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.theme_catalog import ThemeCatalog

DEFAULT_SIDE_COLOURS = {"side-us": "#6CB4FF", "side-china": "#FF7A6B", "side-other": "#C8A2F0"}


class ThemedApp(NoticesApp):
    """Themes for an app that has a pack, a startup, named screens and a state to save."""

    startup: Startup
    made: dict[str, Screen[None]]

    @property
    def pack(self) -> Pack:
        raise NotImplementedError

    def start_themes(self, startup: Startup, remember: Callable[[], object]) -> None:
        """Register every theme and start in the one asked for; call from __init__.
        `remember` saves the state once a theme is picked."""
        keep_parsed_css()  # a theme (or this app's CSS) parsed before is not parsed again
        self.remember_theme = remember
        self.catalog = startup.catalog or ThemeCatalog.load(bundled_themes_dir(), user_themes_dir())
        self._marks: tuple[str, Marks] | None = None
        """The current theme's marks, with the theme they were made for."""
        self.theme_notes = self.register_themes()
        """Broken theme files or an unknown theme name, told once the app is running."""
        self.chosen_theme = startup.saved.theme
        """The theme last picked in the app (not one from --theme or --lite)."""

    # Themes ----------------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Side colours for themes that do not set their own."""
        return {**super().get_theme_variable_defaults(), **DEFAULT_SIDE_COLOURS}

    def marks(self) -> Marks:
        """How the current theme draws highlights and sides; made once per theme, since the
        reader asks on every cursor move."""
        if self._marks is None or self._marks[0] != self.theme:
            self._marks = (self.theme, theme_marks(self.theme_variables, self.pack))
        return self._marks[1]

    def forget_marks(self) -> None:
        """Make the marks again when next asked for (the pack's sides may have changed)."""
        self._marks = None

    def register_themes(self) -> list[str]:
        """Make the bundled and user themes available and start in the one asked for; return
        what to say about broken theme files or an unknown name. Done before the app runs, so
        the stylesheet is built once, in the right theme."""
        for entry in self.catalog.entries.values():
            self.register_theme(entry.theme)
        notes = [problem.format() for problem in self.catalog.problems.items]
        wanted = self.startup.theme or (LITE_THEME if self.startup.lite else DEFAULT_THEME)
        if wanted not in self.catalog.entries:
            notes.append(f"There is no theme {wanted!r}; using {DEFAULT_THEME}.")
            wanted = DEFAULT_THEME
        if self.startup.lite:
            self.animation_level = "none"
        if wanted in self.available_themes:
            start_in_theme(self, wanted)  # the stylesheet parsed once, in this theme
        return notes

    def restyle(self, _theme: object = None) -> None:
        """Redraw what carries theme colours baked into its text, on every screen made."""
        for screen in self.made.values():
            if isinstance(screen, Restyled) and screen.is_mounted:
                screen.restyle()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less its "Theme": that one offered Textual's
        themes too, which the picker (`t`) and our "Theme: …" commands do not list."""
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    def action_pick_theme(self) -> None:
        from aiplan_tui.ui.screens.theme_picker import ThemePicker

        if not isinstance(self.screen, ThemePicker):
            entries = list(self.catalog.entries.values())
            self.push_screen(ThemePicker(entries, self.theme), self.theme_chosen)

    def theme_chosen(self, name: str | None) -> None:
        if name is not None:
            self.chosen_theme = name
            self.notify(f"Theme: {name}", timeout=2, markup=False)
            self.remember_theme()

    def choose_theme(self, name: str) -> None:
        """Switch to a theme and remember the choice (the command palette's "Theme: …")."""
        self.theme = name
        self.theme_chosen(name)


def no_colour_asked() -> bool:
    """NO_COLOR set and not empty (no-color.org). Then the app writes no colour at all: in
    ANSI mode Textual's NoColor filter gives every cell the terminal's own colours, where it
    would otherwise turn colours into greys; highlights, focus and the cursor keep their bold,
    underline, italic, reverse and dim. (Textual takes an empty NO_COLOR as set: it is taken
    out of the environment first.)"""
    value = os.environ.get("NO_COLOR")
    if value == "":
        del os.environ["NO_COLOR"]
    return bool(value)
