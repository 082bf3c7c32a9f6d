"""The theme an app starts in, taken before it runs without the stylesheet refresh that
setting it queues (issue 34). Textual parses the stylesheet once as the app starts, with the
theme's variables; the refresh queued by `App.theme` parsed every rule again, into a fresh
stylesheet, before the first frame. It relies on a private name of Textual (the ANSI
colours' filter is made again for the theme): where that is missing, or the app already
runs, the theme is set as ever."""

from __future__ import annotations

from typing import Any

from textual.app import App


def start_in_theme(app: App[Any], name: str) -> None:
    """Give `app`, not running yet, the theme `name` (registered): its classes and the ANSI
    colours it draws, as setting `app.theme` would, less the refresh of the stylesheet."""
    refresh_filter = getattr(app, "_refresh_truecolor_filter", None)
    if app.is_running or refresh_filter is None:
        app.theme = name
        return
    app.set_reactive(App.theme, name)
    theme = app.current_theme
    classes = {old: False for old in app.classes if old.startswith("-theme-")}
    classes |= {f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}
    app.update_classes(classes, update=False)
    refresh_filter(app.ansi_theme)
