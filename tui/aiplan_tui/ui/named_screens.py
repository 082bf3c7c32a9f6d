"""The app's named screens: the reader from the start, Compare, Quotes and Review made (and
installed under their names) the first time they are asked for, by ScreenMakers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from aiplan_tui.core.model import Pack
from aiplan_tui.settings.state import ComparePlace
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.reload_service import Reloader

SCREEN_TITLES = {
    "reader": "The reader",
    "compare": "Compare",
    "quotes": "Quotes",
    "review": "Review",
}
"""Each named screen as it is told ("Compare opens")."""


class NamedScreens:
    """The named screens made so far, and how to make the others."""

    def __init__(
        self,
        install: Callable[[Screen[None], str], object],
        makers: dict[str, Callable[[], Screen[None]]],
    ) -> None:
        self.install = install
        """Installs a screen under its name (the app's install_screen)."""
        self.makers = makers
        self.made: dict[str, Screen[None]] = {}

    def get(self, name: str) -> Screen[None]:
        """The screen called `name`, made and installed the first time it is asked for."""
        screen = self.made.get(name)
        if screen is None:
            screen = self.made[name] = self.makers[name]()
            self.install(screen, name)
        return screen

    def pack_changed(self, pack: Pack) -> None:
        """The session is READY with a pack read again: every screen made shows it in place
        (`use_pack`), at once and in order, before what waited for the pack is done. (Not
        Textual's Signal: it reaches only mounted screens, and later.) On the first READY
        (the whole pack after a head or a load) only the reader is made, and it took it."""
        for screen in list(self.made.values()):
            use_pack = getattr(screen, "use_pack", None)
            if use_pack is not None and screen.pack is not pack:  # type: ignore[attr-defined]
                use_pack(pack)

    def name_of(self, screen: object) -> str | None:
        """The name of `screen` if it is one of these."""
        return next((name for name, made in self.made.items() if made is screen), None)


@dataclass(frozen=True)
class ScreenMakers:
    """How Compare, Quotes and Review are made from the app's pack when first shown."""

    pack: Callable[[], Pack]
    """The pack shown (read when the screen is made: it may have been read again since)."""
    open_quote: Callable[[str], None]
    marks: Callable[[], Marks]
    reloader: Reloader
    compare_place: ComparePlace | None = None
    """Where the last session left Compare's cursor."""

    def makers(self) -> dict[str, Callable[[], Screen[None]]]:
        return {"compare": self.compare, "quotes": self.quotes, "review": self.review}

    def compare(self) -> Screen[None]:
        from aiplan_tui.ui.screens.compare import CompareScreen

        screen = CompareScreen(self.pack(), self.open_quote, self.marks)
        place = self.compare_place
        if place is not None:
            screen.focus_cell(place.dimension, place.side, place.point)
        return screen

    def quotes(self) -> Screen[None]:
        from aiplan_tui.ui.screens.quotes import QuotesScreen

        return QuotesScreen(self.pack(), self.open_quote, self.marks)

    def review(self) -> Screen[None]:
        from aiplan_tui.ui.screens.review import ReviewScreen

        return ReviewScreen(self.pack(), self.reloader)
