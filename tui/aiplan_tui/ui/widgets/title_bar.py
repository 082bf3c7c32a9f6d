"""The line at the top of each screen: the app's name and the pack's title.

Textual's Header looked its title widget up each time the title changed, and a screen built
while keys were replayed to it (ui/typeahead.py) could ask before that widget existed: the
app crashed with NoMatches. This bar is one line of text, updated in place.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from aiplan_tui.core.safe_text import clean_line


class TitleBar(Static):
    """`aiplan-tui — <the pack's title>`, centred; follows the app's title and sub-title."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top; width: 100%; height: 1;
        background: $panel; color: $foreground; text-align: center;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__(self._title())  # (in the first frame, not the one after it)

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self, _value: object = None) -> None:
        self.update(self._title())

    def _title(self) -> Text:
        text = Text(clean_line(self.app.title))
        if self.app.sub_title:
            text.append(f" — {clean_line(self.app.sub_title)}", style="dim")
        return text
