"""`m` in the reader: the sentence under the cursor (or the one holding the search's match
there) becomes a suggested highlight for Review (`4`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplan_tui.core.model import Pack
from aiplan_tui.settings.read_only import REFUSED, read_only
from aiplan_tui.ui.reload_service import RELOADING
from aiplan_tui.ui.screens.reader_part import ReaderPart

if TYPE_CHECKING:
    from aiplan_tui.compiled.head import PackHead
    from aiplan_tui.ui.reload_service import Reloader


class MarkingReader(ReaderPart):
    """The reader's marking: a mixin, so the reader screen keeps to reading."""

    if TYPE_CHECKING:
        reloader: Reloader | None
        latest: Pack

        head: PackHead | None

    def mark_offset(self) -> int:
        """Where in the paragraph under the cursor `m` looks for its sentence: the last
        search's match there, else the start of the highlight the cursor is on, else 0."""
        cursor = self.cursor()
        if cursor.article is not None:
            here = self.navigation.everything.paragraph_start(cursor.article, cursor.paragraph)
            for match in self.navigation.matches:
                if match[:2] == here[:2]:
                    return max(match.offset, 0)
        current = self.current
        if current is not None and current.location.paragraph == cursor.paragraph:
            return current.location.start
        return 0

    def action_mark(self) -> None:
        """Mark a sentence of the paragraph under the cursor as a suggested highlight, for
        Review (`4`) to accept, retype or drop; the pack is loaded again so Review lists it."""
        from aiplan_tui.authoring.marking import MarkError, mark_passage, sentence_at

        if read_only():  # (serve --read-only)
            self.notify(REFUSED, title="Not marked", timeout=3, markup=False)
            return
        if self.head is not None:  # marking loads the pack again: not before it is read
            self.notify("Marking waits until the pack is read: a moment.", timeout=3)
            return
        if self.reloader is not None and self.reloader.reloading:  # ids checked against it
            self.notify(RELOADING, timeout=3, markup=False)
            return
        view = self.article_view
        article = view.article
        if article is None or not article.paragraphs:
            return
        paragraph = min(view.paragraph, len(article.paragraphs) - 1)
        start, end = sentence_at(article.paragraphs[paragraph], self.mark_offset())
        try:
            made = mark_passage(self.pack.root, self.latest, article.id, paragraph, start, end)
        except (MarkError, OSError) as error:
            self.notify(str(error), title="Not marked", severity="error", markup=False)
            return
        self.notify(
            f"Marked {made} in highlights/{article.id}.toml: review it with 4", markup=False
        )
        if self.reloader is not None:
            self.reloader.reload_pack(self._reloaded)

    def _reloaded(self, pack: Pack) -> None:
        self.latest = pack
