"""The theme the app starts in is taken before it runs, as setting it then would (its classes,
its ANSI colours), without the stylesheet parsed a second time as the app starts."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.filter import ANSIToTruecolor

from aiplan_tui.ui.startup import Startup
from conftest import make_app


@pytest.mark.parametrize("theme", ["aiplan-dark", "aiplan-light", "aiplan-ansi"])
async def test_the_app_starts_in_its_theme_parsing_the_stylesheet_once(
    theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        parsed.append(self)
        reparse(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app(startup=Startup(theme=theme))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        dark = app.current_theme.dark
        assert app.has_class(f"-theme-{theme}")
        assert (app.has_class("-dark-mode"), app.has_class("-light-mode")) == (dark, not dark)
        (ansi,) = [f for f in app._filters if isinstance(f, ANSIToTruecolor)]
        assert ansi._terminal_theme is app.ansi_theme
        assert app.get_css_variables()["background"] == app.current_theme.background
        assert len(parsed) == 1  # as the first screen is shown; the theme asked no other
        app.theme = "aiplan-high-contrast"  # a theme picked while running refreshes, as ever
        await pilot.pause()
        assert len(parsed) == 2
        assert app.has_class("-theme-aiplan-high-contrast")
        assert not app.has_class(f"-theme-{theme}")
