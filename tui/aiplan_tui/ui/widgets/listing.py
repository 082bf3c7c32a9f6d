"""Openable entries under headings: an entity's quotes and mentions, a dimension's points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.wide_text import WideText


@dataclass(frozen=True)
class Entry:
    """One line of a listing and the place in an article it opens."""

    label: Text
    article: str
    paragraph: int
    highlight: str | None = None


@dataclass(frozen=True)
class Section:
    heading: Text
    entries: Sequence[Entry]


class Listing(OptionList):
    """Headings are disabled options, so the cursor only lands on entries that open something."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "listing", "a person's or dimension's listing", "first", "last"
    )

    @dataclass
    class Open(Message):
        """Open this entry in the article view."""

        entry: Entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: dict[str, Entry] = {}

    def show(self, title: Text, sections: Sequence[Section]) -> None:
        """Replace the listing; a section with no entries says so rather than vanishing."""
        self.clear_options()
        self._entries.clear()
        options: list[Option | None] = [Option(title, disabled=True)]
        for section in sections:
            options.append(None)
            options.append(Option(section.heading, disabled=True))
            if not section.entries:
                options.append(Option(Text("  none in these articles", style="dim"), disabled=True))
            for number, entry in enumerate(section.entries):
                key = f"{len(self._entries)}-{number}"
                self._entries[key] = entry
                options.append(Option(WideText.of(entry.label), id=key))
        self.add_options(options)
        self.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries.get(event.option_id or "")
        if entry is not None:
            self.post_message(self.Open(entry))
