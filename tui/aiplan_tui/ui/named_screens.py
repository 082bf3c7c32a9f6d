"""The app's named screens: the reader from the start, Compare, Quotes and Review made (and
installed under their names) the first time they are asked for."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

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

    def name_of(self, screen: object) -> str | None:
        """The name of `screen` if it is one of these."""
        return next((name for name, made in self.made.items() if made is screen), None)
