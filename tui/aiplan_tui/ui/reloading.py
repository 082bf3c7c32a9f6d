"""Loading the pack again while the app runs (Review has written to its files): the new pack
shown everywhere, each screen reopening where it was, the search index built again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ScreenStackError

from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from aiplan_tui.ui.marking import Marks
    from aiplan_tui.ui.screens.compare import CompareScreen
    from aiplan_tui.ui.startup import Startup


class ReloadingApp(NoticesApp):
    """Reloading, for an app with a pack, a reader, named screens and a search index."""

    if TYPE_CHECKING:  # for the type checker only: at run time the app and its other mixins
        # have these, and a stub here could come first in the method order and hide them
        startup: Startup
        result: LoadResult
        made: dict[str, Screen[None]]
        reader: ReaderScreen
        _marks: tuple[str, Marks] | None

        @property
        def pack(self) -> Pack: ...

        @property
        def compare_screen(self) -> CompareScreen: ...

        def marks(self) -> Marks: ...

        def shown_name(self) -> str | None: ...

        def reader_place(self) -> tuple[str | None, int]: ...

        def build_search_index(self, rebuild: bool = False) -> object: ...  # a worker

    def reload_pack(self) -> Pack:
        """Load the pack again from its root (Review has written to its files) and show the
        new one: the named screens other than the one shown are dropped (made again from
        the new pack when next shown; the reader at once, reopening where it was), and the
        search index is built again. The screen shown keeps the old pack: it asks for the
        new one by calling this. A pack gone from its directory keeps the old one."""
        from aiplan_tui.pack.loader import load_pack

        root = self.pack.root
        manifest = None
        if self.startup.manifest is not None:  # taken before the load, as at start-up
            from aiplan_tui.compiled.manifest import pack_manifest

            manifest = pack_manifest(root)
        try:
            result = load_pack(root)
        except PackNotFoundError as error:
            self.notify(str(error), title="Pack not reloaded", severity="error", markup=False)
            return self.pack
        self.keep_places()
        self.result = result
        self._marks = None  # the sides may have changed
        if manifest is not None:
            self.startup.manifest = manifest
            self.startup.compiled = None  # of the old files (its index serves until the new)
        self.drop_screens()
        self.sub_title = clean_line(self.pack.info.title)
        self.build_search_index(rebuild=True)
        return self.pack

    def keep_places(self) -> None:
        """Where the reader and Compare are, for the screens made again after a reload."""
        article, paragraph = self.reader_place()
        saved = replace(self.startup.saved, article=article, paragraph=paragraph)
        if "compare" in self.made:
            saved = replace(saved, compare=self.compare_screen.place())
        self.startup.saved = saved

    def drop_screens(self) -> None:
        """Every named screen but the one shown goes; the reader is made anew at once."""
        shown = self.shown_name()
        for name, screen in list(self.made.items()):
            if name == shown:
                continue
            try:
                self.uninstall_screen(name)
            except ScreenStackError:  # under a dialog, say: it stays, with the old pack
                continue
            del self.made[name]
            if screen.is_running:
                screen.remove()
        if "reader" not in self.made:
            self.reader = ReaderScreen(self.pack, self.marks, self.reload_pack)
            self.made["reader"] = self.reader
            self.install_screen(self.reader, "reader")
            saved = self.startup.saved
            if saved.article and self.pack.article(saved.article) is not None:
                self.reader.call_later(
                    self.reader.open_paragraph, saved.article, saved.paragraph, False
                )
