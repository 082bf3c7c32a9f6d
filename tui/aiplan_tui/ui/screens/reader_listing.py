"""A person's or a dimension's listing in the reader's centre pane: every place they occur,
grouped, each opening where it lives. (What a listing holds, and the pack's mentions it
reads, are imported when the first one opens: the reader's first frame has none.)"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.reader_part import ReaderHost
from aiplan_tui.ui.widgets.listing import Section


class Listings:
    """The reader's listings, a part the reader screen owns; `show` puts a listing in the
    centre pane (the screen's)."""

    def __init__(
        self,
        reader: ReaderHost,
        when_whole: Callable[[str, Callable[[], object], str], bool],
        show: Callable[[Text, list[Section]], None],
    ) -> None:
        self.reader = reader
        self.when_whole = when_whole
        """Whether the whole pack is read; if not, what was asked waits for it (the head's)."""
        self.show = show

    def entity(self, entity_id: str) -> None:
        reader = self.reader
        if not self.when_whole("listing", lambda: self.entity(entity_id), "the listing opens"):
            return
        entity = reader.pack.entity(entity_id)
        if entity is not None:
            from aiplan_tui.ui.listing_content import entity_sections, entity_title

            self.show(entity_title(entity), entity_sections(reader.pack, entity))

    def dimension(self, dimension_id: str) -> None:
        reader = self.reader
        if not self.when_whole(
            "listing", lambda: self.dimension(dimension_id), "the listing opens"
        ):
            return
        dimension = next((d for d in reader.pack.dimensions if d.id == dimension_id), None)
        if dimension is not None:
            from aiplan_tui.ui.listing_content import dimension_sections

            title = Text()
            title.append(clean_line(dimension.title), style="bold")
            self.show(title, dimension_sections(reader.pack, dimension_id))
