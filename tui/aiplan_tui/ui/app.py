"""The Textual application: its keys, and the parts it owns (the pack's session, reading and
reloading, the ways between its screens, its start, search, the saved state), each built with
what it needs. Sizing, themes, copying and typing ahead override App methods: mixins."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.settings.state import SavedState
from aiplan_tui.ui.app_start import AppStart
from aiplan_tui.ui.bindings import APP_BINDINGS
from aiplan_tui.ui.copying import CopyingApp
from aiplan_tui.ui.disk_watch import DiskWatch
from aiplan_tui.ui.key_state import key_state
from aiplan_tui.ui.named_screens import NamedScreens, ScreenMakers
from aiplan_tui.ui.pack_checking import PackChecking
from aiplan_tui.ui.pack_reading import PackReading
from aiplan_tui.ui.pack_reloading import PackReloading
from aiplan_tui.ui.pack_session import PackSession
from aiplan_tui.ui.pack_threads import PackThreads, ThreadDone
from aiplan_tui.ui.palette import EngineGoTo, PackCommands, Palette
from aiplan_tui.ui.reload_service import Reloaded
from aiplan_tui.ui.saving import SignalEnding, StateSaver, state_now
from aiplan_tui.ui.screen_moves import ScreenMoves
from aiplan_tui.ui.screens.reader import ReaderScreen
from aiplan_tui.ui.search_opening import SearchOpening
from aiplan_tui.ui.search_session import IndexAgain, IndexReady, SearchSession
from aiplan_tui.ui.sizing import SizedApp
from aiplan_tui.ui.source_actions import edit_source, open_source
from aiplan_tui.ui.startup import Startup
from aiplan_tui.ui.theming import ThemedApp, no_colour_asked
from aiplan_tui.ui.typeahead import TypeAheadApp

if TYPE_CHECKING:  # the other screens and the search engine are imported when first used
    from aiplan_tui.ui.screens.compare import CompareScreen
    from aiplan_tui.ui.screens.quotes import QuotesScreen
    from aiplan_tui.ui.screens.review import ReviewScreen
    from aiplan_tui.ui.screens.search import SearchChoice


class AiplanApp(SizedApp, ThemedApp, CopyingApp, TypeAheadApp):
    """aiplan-tui: read and compare coverage of the 2025 AI action plans. The pack's session,
    the saved state and the ending on signals are objects it owns; the mixins are what
    overrides an App method (screens switched, keys held, themes' variables, copying)."""

    CSS_PATH = "app.tcss"
    TITLE = "aiplan-tui"
    COMMANDS = App.COMMANDS | {PackCommands, EngineGoTo}
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS

    def __init__(self, result: LoadResult, startup: Startup | None = None) -> None:
        super().__init__(ansi_color=True if no_colour_asked() else None)
        self.startup = startup or Startup()
        """What the command line, the config file and the saved state ask for at start."""
        self.moves = ScreenMoves(self)
        """The ways between the named screens."""
        start = self.startup
        loading, checking = start.load_from is not None, start.checking
        self.session = PackSession.starting(
            result, start.manifest, start.compiled, start.head, loading, checking
        )
        """The pack's lifecycle: its phase, what it holds, and what waits for it."""
        self.session.dialog_open = self.moves.dialog_open
        self.session.tell = partial(self.notify, title="One moment", timeout=3, markup=False)
        warn = partial(self.notify, title="State not saved", severity="warning", markup=False)
        self.saver = StateSaver(start.store, self.current_state, warn, self.note)
        """Writes where the session is, for the next one."""
        self.ending = SignalEnding(self.end_by_signal, self.saver)
        """Ends the app on SIGTERM, SIGHUP or SIGINT, even when the terminal stopped reading."""
        self.start_themes(self.startup, self.save_state)
        self.reader = ReaderScreen(result.pack, self.marks, self, self.session.head)
        makers = ScreenMakers(
            lambda: self.pack, self.open_quote, self.marks, self, self.startup.saved.compare
        )
        self.screens = NamedScreens(self.install_screen, makers.makers())
        """The named screens: the reader, the others made when first shown."""
        self.made = self.screens.made
        self.made["reader"] = self.reader
        self.session.subscribe(self.screens.pack_changed)
        self.search = SearchSession(self.startup.saved.search_history)
        """The search index, built in the background after start-up, and past queries."""
        self.disk_watch = DiskWatch(self.startup.manifest)
        """What the pack's files looked like: a change made outside the app reloads it."""
        self.threads = PackThreads(self)
        """The threads that read, load or compile the pack."""
        self.pack_reading = PackReading(self)
        """A large pack read after the first frame (its whole after its head, or its files)."""
        self.session.wanted = self.pack_reading.read_whole
        self.pack_reloading = PackReloading(self)
        """The pack read again after a change (the app's, or one on disk)."""
        self.pack_checking = PackChecking(self, self.pack_reloading)
        """A large pack shown as last compiled: its files checked after the first frame."""
        self.searching = SearchOpening(self)
        """The search index built in a thread; the search screen, and its results opened."""
        self.start = AppStart(self)
        """What is done once mounted: the reader, or the loading screen; then the index."""

    @property
    def result(self) -> LoadResult:
        """The pack shown, with any problems found while loading it (the session's)."""
        return self.session.result

    @property
    def pack(self) -> Pack:
        """The pack shown: on a large pack's head, the head as read so far (it grows as
        articles are opened), until the whole pack is read."""
        return self.reader.pack if self.session.head is not None else self.result.pack

    # The pack's phase, as screens and keys ask it -------------------------------------------

    @property
    def loading(self) -> bool:
        """Whether the pack is being loaded from its files (or failed to be): until it is,
        the loading screen is all there is, and only the keys that quit act."""
        return self.session.loading

    @property
    def reloading(self) -> bool:
        """Whether the pack is being read again in a thread."""
        return self.session.reloading

    @property
    def still_working(self) -> bool:
        """Whether a thread of the app still reads or compiles the pack."""
        return self.threads.still_working

    def when_whole(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the whole pack is read (it may be read again meanwhile); if not, `then`
        waits for it under `key` (see PackSession)."""
        return self.session.when_ready(key, then, what, whole_is_enough=True)

    def when_ready(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the pack is READY (whole, and not being read again); if not, `then` waits
        for it under `key`. (Search and the palette need only `when_whole`: a screen opened
        for them at once holds the keys typed after it, which would otherwise act on the
        screen under it.)"""
        return self.session.when_ready(key, then, what)

    def when_reader(self, key: str, then: Callable[[], object], what: str) -> bool:
        return self.session.when_reader(key, then, what)  # (READY, or on a head)

    def reload_pack(self, then: Reloaded) -> bool:
        """Read the pack again after a screen wrote to it (see PackReloading.reload)."""
        return self.pack_reloading.reload(then)

    def look_at_disk(self) -> None:
        """Look at the pack's files now (the timer does it every few seconds)."""
        self.pack_reloading.look_at_disk()

    def action_reload(self) -> None:
        self.pack_reloading.reload_asked()

    def action_open_source(self) -> None:
        """`o`: the current article's address in a browser (ui/source_actions.py)."""
        open_source(self)

    def action_edit_source(self) -> None:
        """`e`: the current highlight's file in $EDITOR, then the pack read again."""
        edit_source(self)

    def show_title(self) -> None:
        mark = self.pack_checking.mark()
        self.sub_title = clean_line(self.pack.info.title) + (f" · {mark}" if mark else "")

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete:
        """Switch screens; while the pack is read again, once it is, to the screen then made
        from the new pack."""
        if self.pack_reloading.holds(screen):
            return AwaitComplete()
        return super().switch_screen(screen)

    # The saved state ------------------------------------------------------------------------

    def save_state(self) -> None:
        """Write where the session is now; a failure is said once, and the app goes on."""
        self.saver.save()

    def current_state(self) -> SavedState:
        compare = self.compare_screen.place() if "compare" in self.made else None
        place = None if self.loading else (self.shown_name(), *self.reader_place())
        return state_now(self.startup.saved, self.chosen_theme, place, self.search.history, compare)

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def end_by_signal(self, number: int) -> None:
        self.save_state()
        self.exit(return_code=128 + number)

    # Named screens ----------------------------------------------------------------------------

    @property
    def compare_screen(self) -> CompareScreen:
        return self.screens.get("compare")  # type: ignore[return-value]  # made so

    @property
    def quotes_screen(self) -> QuotesScreen:
        return self.screens.get("quotes")  # type: ignore[return-value]  # made so

    @property
    def review_screen(self) -> ReviewScreen:
        return self.screens.get("review")  # type: ignore[return-value]  # made so

    def shown_name(self) -> str | None:
        return self.moves.shown_name()

    def reader_place(self) -> tuple[str | None, int]:
        return self.moves.reader_place()

    def action_show_reader(self) -> None:
        self.moves.show_named("reader")

    def action_show_compare(self) -> None:
        self.moves.show_named("compare")

    def action_show_quotes(self) -> None:
        self.moves.show_named("quotes")

    def action_show_review(self) -> None:
        self.moves.show_named("review")

    # Start-up --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.track_terminal()
        if not self.is_headless:
            self.ending.install()
        self.theme_changed_signal.subscribe(self, self.restyle)
        self.start.begin()

    def start_reading(self) -> None:
        self.start.start_reading()

    def build_search_index(self, rebuild: bool = False) -> None:
        self.searching.build_index(rebuild)

    @on(ThreadDone)
    def _thread_done(self, message: ThreadDone) -> None:
        message.outcome()

    @on(IndexAgain)
    def _index_again(self) -> None:  # (never from a head: once the whole pack is read)
        if self.session.head is None or self.when_whole("index", lambda: None, "search works"):
            self.build_search_index(rebuild=True)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.search.index = message.index

    # Search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.searching.open()

    def open_hit(self, choice: SearchChoice | None) -> None:
        self.searching.open_hit(choice)

    # Keys everywhere --------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """The command palette (ctrl+p), as Textual opens it, but one that pages safely."""
        if not self.when_whole("palette", self.action_command_palette, "the palette opens"):
            return
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        from aiplan_tui.ui.key_catalogue import help_sections
        from aiplan_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self.startup.keymap)))

    def open_quote(self, highlight_id: str) -> None:
        self.moves.in_reader(lambda: self.reader.open_highlight(highlight_id))

    def go_to(self, kind: str, target_id: str) -> None:
        """Open an article, entity or dimension in the reader (the command palette's go-to)."""
        self.moves.go_to(kind, target_id)

    def action_quote(self, step: int) -> None:
        self.moves.in_reader(lambda: self.reader.walk("quote", step))

    def action_highlight(self, step: int) -> None:
        self.moves.in_reader(lambda: self.reader.walk("highlight", step))

    def reader_selection(self) -> ReaderScreen:
        return self.reader

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that cannot do anything now, so the footer stays honest."""
        if not super().check_action(action, parameters):
            return False
        return key_state(
            action, parameters, self.loading, self.screen, self.reader, self.selected_highlight
        )
