"""`]`/`[` and `}`/`{` in the reader: to the next or previous quote or highlight in reading
order, across articles (on a large pack's head, past the articles read once the whole pack
is: see reader_head.py)."""

from __future__ import annotations

from collections.abc import Callable

from aiplan_tui.core.navigation import Walk
from aiplan_tui.ui.screens.reader_head import HeadReading
from aiplan_tui.ui.screens.reader_part import ReaderHost


class Walking:
    """The reader's walking keys, a part the reader screen owns. `narrow` says whether the
    screen is narrow (one pane at a time: the article is then brought forward)."""

    def __init__(self, reader: ReaderHost, head: HeadReading, narrow: Callable[[], bool]) -> None:
        self.reader = reader
        self.head = head
        self.narrow = narrow

    def can(self, what: Walk, step: int) -> bool:
        """Whether `]`/`[` (what="quote") or `}`/`{` (what="highlight") can go anywhere (on
        a pack's head, perhaps: the key waits for the whole pack)."""
        if self.head.head is not None:
            return True
        reader = self.reader
        return reader.navigation.neighbour(what, reader.cursor(), step) is not None

    def walk(self, what: Walk, step: int) -> None:
        """Go to the next or previous quote or highlight, saying so on reaching either end."""
        reader = self.reader
        target = reader.navigation.neighbour(what, reader.cursor(), step)
        if self.head.must_wait_to_walk(target, what, step):
            return
        if target is None:
            reader.notify(f"No {what} {'after' if step > 0 else 'before'} this one.", timeout=2)
            return
        reader.open_highlight(target.id)
        if self.narrow():
            reader.focus_pane("center")
        notice = reader.navigation.end_notice(what, reader.cursor())
        if notice:
            reader.notify(notice, timeout=2)
