"""The Textual application: screens, global keys, themes and the command palette."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size

from aiplan_tui.changed_cells import ChangedCellsApp
from aiplan_tui.commands import EngineGoTo, PackCommands
from aiplan_tui.formatting import citation
from aiplan_tui.key_catalog import APP_BINDINGS, binding_groups
from aiplan_tui.loader import LoadResult
from aiplan_tui.model import Highlight, Pack
from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
from aiplan_tui.safe_text import clean_line
from aiplan_tui.screens.reader import ReaderScreen
from aiplan_tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from aiplan_tui.startup import Startup
from aiplan_tui.state import SavedState
from aiplan_tui.themes import DEFAULT_THEME, LITE_THEME, ThemeCatalog
from aiplan_tui.widgets.marking import Marks, theme_marks
from aiplan_tui.widgets.navigator import Target

if TYPE_CHECKING:  # the other screens and the search engine are imported when first used
    from aiplan_tui.screens.compare import CompareScreen
    from aiplan_tui.screens.quotes import QuotesScreen
    from aiplan_tui.screens.search import SearchChoice
    from aiplan_tui.search import SearchIndex

SIZE_CHECK_SECONDS = 1.0
"""How often the terminal's real size is compared with the size the app draws at."""
INDEX_DELAY = 0.3
"""Seconds after start-up before the search index is built or loaded, in a thread."""
DEFAULT_SIDE_COLOURS = {"side-us": "#6CB4FF", "side-china": "#FF7A6B", "side-other": "#C8A2F0"}


class AiplanApp(ChangedCellsApp):
    """aiplan-tui: read and compare coverage of the 2025 AI action plans."""

    CSS_PATH = "app.tcss"
    TITLE = "aiplan-tui"
    COMMANDS = App.COMMANDS | {PackCommands, EngineGoTo}
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(self, result: LoadResult, startup: Startup | None = None) -> None:
        super().__init__()
        self.startup = startup or Startup()
        """What the command line, the config file and the saved state ask for at start."""
        self.catalog = self.startup.catalog or ThemeCatalog.load(
            bundled_themes_dir(), user_themes_dir()
        )
        self.result = result
        """The pack shown, with any problems found while loading it."""
        self._marks: tuple[str, Marks] | None = None
        """The current theme's marks, with the theme they were made for."""
        self.theme_notes = self.register_themes()
        """Broken theme files or an unknown theme name, told once the app is running."""
        self.reader = ReaderScreen(result.pack, self.marks)
        self.search_index: SearchIndex | None = None
        """Built in the background after start-up, so loading never holds up the first frame."""
        self.search_history: list[str] = list(self.startup.saved.search_history)
        """Queries opened from the search screen, oldest first, kept across runs."""
        self.chosen_theme = self.startup.saved.theme
        """The theme last picked in the app (not one from --theme or --lite)."""
        self.save_failed = False
        """Whether saving the state has failed already, so the notice is shown once."""

    @property
    def pack(self) -> Pack:
        return self.result.pack

    @cached_property
    def compare_screen(self) -> CompareScreen:
        """Made when first shown, so start-up neither imports nor builds it."""
        from aiplan_tui.screens.compare import CompareScreen

        screen = CompareScreen(self.pack, self.open_quote, self.marks)
        self.install_screen(screen, "compare")
        return screen

    @cached_property
    def quotes_screen(self) -> QuotesScreen:
        """Made when first shown, so start-up neither imports nor builds it."""
        from aiplan_tui.screens.quotes import QuotesScreen

        screen = QuotesScreen(self.pack, self.open_quote, self.marks)
        self.install_screen(screen, "quotes")
        return screen

    def showing(self, name: str) -> bool:
        """Whether the screen made by the property `name` exists and is the one shown."""
        return name in self.__dict__ and self.screen is self.__dict__[name]

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Side colours for themes that do not set their own."""
        return {**super().get_theme_variable_defaults(), **DEFAULT_SIDE_COLOURS}

    def marks(self) -> Marks:
        """How the current theme draws highlights and sides; made once per theme, since the
        reader asks on every cursor move."""
        if self._marks is None or self._marks[0] != self.theme:
            self._marks = (self.theme, theme_marks(self.theme_variables, self.pack))
        return self._marks[1]

    def on_mount(self) -> None:
        self.track_terminal()
        if self.theme_notes:
            self.notify(
                "\n".join(self.theme_notes),
                title="Theme problems",
                severity="error",
                markup=False,
                timeout=10,
            )
        self.theme_changed_signal.subscribe(self, self.restyle)
        if sys.__stdout__ is not None and sys.__stdout__.isatty() and not self.is_headless:
            self.set_interval(SIZE_CHECK_SECONDS, self.watch_terminal_size)
        for note in self.startup.notes:
            self.notify(note, title="Settings", severity="warning", timeout=10, markup=False)
        if self.startup.keymap:
            self.set_keymap(self.startup.keymap)
        self.sub_title = clean_line(self.pack.info.title)
        self.install_screen(self.reader, "reader")
        self.push_screen("reader")
        self.call_after_refresh(self.restore_place)
        self.call_after_refresh(self.announce_problems)
        # After the first frame: a thread started now would compete with drawing it for the GIL.
        self.set_timer(INDEX_DELAY, self.build_search_index)

    @work(thread=True, exclusive=True, group="index")
    def build_search_index(self) -> None:
        from aiplan_tui.index_cache import load_or_build_index

        index = load_or_build_index(self.result)
        self.call_from_thread(setattr, self, "search_index", index)

    def action_search(self) -> None:
        from aiplan_tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        screen = SearchScreen(
            lambda: self.search_index, self.search_history, dict(self.marks().side_colours)
        )
        self.push_screen(screen, self.open_hit)

    def open_hit(self, choice: SearchChoice | None) -> None:
        """Open a search result where it lives; remember the matches for `n` and `N`."""
        self.save_state()  # the search history, even when nothing was opened
        if choice is None:
            return
        hit, reader = choice.hit, self.reader
        if hit.kind == "compare":
            dimension, _, side = hit.id.partition("/")
            self.compare_screen.focus_cell(dimension, side)
            self.action_show_compare()
            return
        self.action_show_reader()
        if hit.kind == "entity":
            reader.show_entity(hit.id)
        elif hit.kind == "article":
            reader.open_article(hit.id)
        elif hit.kind == "paragraph" and hit.location is not None:
            reader.open_article(hit.doc.article)
            reader.article_view.paragraph = hit.location.paragraph
            reader.article_view.flash(hit.location.paragraph)
            reader.call_after_refresh(reader.center_cursor)
        else:
            reader.open_highlight(hit.id)
        order = reader.everything
        from aiplan_tui.search import match_places

        reader.set_matches(match_places(choice.hits, order), match_places([hit], order))

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
            self.theme = wanted
        return notes

    def restyle(self, _theme: object = None) -> None:
        """Redraw what carries theme colours baked into its text."""
        self.reader.restyle()
        if "compare_screen" in self.__dict__ and self.compare_screen.is_mounted:
            self.compare_screen.restyle()
        if "quotes_screen" in self.__dict__ and self.quotes_screen.is_mounted:
            self.quotes_screen.preview(self.quotes_screen.selected_quote())

    def action_pick_theme(self) -> None:
        from aiplan_tui.screens.theme_picker import ThemePicker

        if isinstance(self.screen, ThemePicker):
            return
        entries = list(self.catalog.entries.values())
        self.push_screen(ThemePicker(entries, self.theme), self.theme_chosen)

    def theme_chosen(self, name: str | None) -> None:
        if name is not None:
            self.chosen_theme = name
            self.notify(f"Theme: {name}", timeout=2, markup=False)
            self.save_state()

    # Saved state ------------------------------------------------------------------------------

    def restore_place(self) -> None:
        """Back to the screen, article and paragraph where the last session ended."""
        saved = self.startup.saved
        article = self.pack.article(saved.article) if saved.article else None
        if article is not None:
            self.reader.open_article(article.id)
            view = self.reader.article_view
            view.paragraph = min(saved.paragraph, max(0, len(article.paragraphs) - 1))
            self.reader.call_after_refresh(self.reader.center_cursor)
        if saved.screen == "compare":
            self.action_show_compare()
        elif saved.screen == "quotes":
            self.action_show_quotes()

    def current_state(self) -> SavedState:
        screen = (
            "compare"
            if self.showing("compare_screen")
            else "quotes"
            if self.showing("quotes_screen")
            else "reader"
        )
        view = self.reader.article_view
        return SavedState(
            screen=screen,
            article=view.article.id if view.article else None,
            paragraph=view.paragraph,
            theme=self.chosen_theme,
            search_history=tuple(self.search_history),
        )

    def save_state(self) -> None:
        """Write the state now; a failure is said once, and the app goes on."""
        store = self.startup.store
        if store is None:
            return
        problem = store.save(self.current_state())
        if problem and not self.save_failed:
            self.save_failed = True
            self.notify(problem, title="State not saved", severity="warning", markup=False)

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def announce_problems(self) -> None:
        """One notice for all that is wrong with the pack, naming the command that details it."""
        problems = self.result.problems
        if problems.errors:
            self.notify(
                f"The pack has problems ({problems.summary()}). "
                f"Run `aiplan-tui check {self.pack.root}` for details.",
                title="Content problems",
                severity="warning",
                timeout=10,
                markup=False,
            )

    # Screens --------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.fit_screen()
        # Again once the resize has settled: events can arrive faster than screens change.
        self.call_after_refresh(self.fit_screen)

    def watch_terminal_size(self) -> None:
        """Catch a resize the app was never told of. With in-band resize reports (tmux), a
        lost report left the app drawing at the old size for good; one ioctl a second
        compares the terminal's real size and posts the resize that went missing."""
        try:
            columns, lines = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            return
        if (columns, lines) != tuple(self.size) and columns > 0 and lines > 0:
            size = Size(columns, lines)
            self.post_message(events.Resize(size, size))

    def fit_screen(self) -> None:
        """Show the too-small notice exactly when the terminal, as it is now, is too small."""
        width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            self.pop_screen()

    def action_show_reader(self) -> None:
        if self.screen is not self.reader:
            self.switch_screen("reader")

    def action_show_compare(self) -> None:
        if self.screen is not self.compare_screen:
            self.switch_screen(self.compare_screen)

    def action_show_quotes(self) -> None:
        if self.screen is not self.quotes_screen:
            self.switch_screen(self.quotes_screen)

    def action_help(self) -> None:
        from aiplan_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key by screen, read from the bindings themselves, with the user's remapping."""
        keymap = self.startup.keymap
        from aiplan_tui.screens.help import key_rows

        return [(title, key_rows(bindings, keymap)) for title, bindings in binding_groups()]

    def palette_bindings(self) -> list[Binding]:
        """The app's own actions, for the command palette."""
        return [b for b in self.BINDINGS if isinstance(b, Binding) and b.id != "quit-ctrl-c"]

    # Going places ---------------------------------------------------------------------------

    def open_quote(self, highlight_id: str) -> None:
        self.action_show_reader()
        self.reader.open_highlight(highlight_id)

    def go_to(self, kind: str, target_id: str) -> None:
        """Open an article, entity or dimension in the reader (the command palette's go-to)."""
        self.action_show_reader()
        if kind in ("article", "highlight", "entity", "dimension"):
            self.reader.open_target(Target(kind, target_id))  # type: ignore[arg-type]

    def action_quote(self, step: int) -> None:
        self.action_show_reader()
        self.reader.walk(self.reader.quotes, step, "quote")

    def action_highlight(self, step: int) -> None:
        self.action_show_reader()
        self.reader.walk(self.reader.everything, step, "highlight")

    def focused_highlight(self) -> Highlight | None:
        """The quote selected on the Quotes screen, else the reader's current highlight."""
        if self.showing("quotes_screen"):
            selected = self.quotes_screen.selected_quote()
            return self.pack.highlight(selected) if selected else None
        return self.reader.current

    def action_copy(self) -> None:
        highlight = self.focused_highlight()
        if highlight is None:
            self.notify("Nothing to copy: move onto a highlight first (] or }).", timeout=3)
            return
        self.copy_to_clipboard(citation(highlight, self.pack))
        self.notify("Copied the highlight with its citation.", timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that cannot do anything now, so the footer stays honest."""
        if not self.reader.is_attached:
            return True
        if action in ("quote", "highlight") and parameters:
            order = self.reader.quotes if action == "quote" else self.reader.everything
            step = int(str(parameters[0]))
            return True if self.reader.neighbour(order, step) is not None else None
        if action == "copy":
            return True if self.focused_highlight() is not None else None
        return True
