"""The Textual application: registers screens and global keys; the pack comes in already loaded."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from aiplan_tui.loader import LoadResult
from aiplan_tui.paths import bundled_themes_dir
from aiplan_tui.problems import Problems
from aiplan_tui.screens.reader import ReaderScreen
from aiplan_tui.themes import DEFAULT_THEME, load_theme_dir


class AiplanApp(App[None]):
    """aiplan-tui: read and compare coverage of the 2025 AI action plans."""

    CSS_PATH = "app.tcss"
    TITLE = "aiplan-tui"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave aiplan-tui."),
    ]

    def __init__(self, result: LoadResult) -> None:
        super().__init__()
        self.result = result
        """The pack shown, with any problems found while loading it."""

    def on_mount(self) -> None:
        self.register_bundled_themes()
        self.sub_title = self.result.pack.info.title
        self.push_screen(ReaderScreen(self.result.pack))
        self.call_after_refresh(self.announce_problems)

    def register_bundled_themes(self) -> None:
        """Make the shipped themes available and start in the default one; say if any is broken."""
        problems = Problems()
        for theme in load_theme_dir(bundled_themes_dir(), problems):
            self.register_theme(theme)
        if DEFAULT_THEME in self.available_themes:
            self.theme = DEFAULT_THEME
        if problems.items:
            details = "\n".join(problem.format() for problem in problems.items)
            self.notify(details, title="Theme problems", severity="error", markup=False)

    def announce_problems(self) -> None:
        """One notice for all that is wrong with the pack, naming the command that details it."""
        problems = self.result.problems
        if problems.errors:
            self.notify(
                f"The pack has problems ({problems.summary()}). "
                f"Run `aiplan-tui check {self.result.pack.root}` for details.",
                title="Content problems",
                severity="warning",
                timeout=10,
                markup=False,
            )
