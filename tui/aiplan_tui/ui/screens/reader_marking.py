"""`m` in the reader: the sentence under the cursor (or the one holding the search's match
there) becomes a suggested highlight for Review (`4`)."""

from __future__ import annotations

from collections.abc import Callable

from aiplan_tui.settings.read_only import REFUSED, read_only
from aiplan_tui.ui.reload_service import RELOADING
from aiplan_tui.ui.screens.reader_part import ReaderHost


class Marking:
    """The reader's marking, a part the reader screen owns. `when_whole` is the reader's on
    a large pack's head (HeadReading's): marking reads the pack again, so it waits for the
    whole pack to be read, and asks for it."""

    def __init__(
        self, reader: ReaderHost, when_whole: Callable[[str, Callable[[], object], str], bool]
    ) -> None:
        self.reader = reader
        self.when_whole = when_whole

    def offset(self) -> int:
        """Where in the paragraph under the cursor `m` looks for its sentence: the last
        search's match there, else the start of the highlight the cursor is on, else 0."""
        reader = self.reader
        cursor = reader.cursor()
        if cursor.article is not None:
            here = reader.navigation.everything.paragraph_start(cursor.article, cursor.paragraph)
            for match in reader.navigation.matches:
                if match[:2] == here[:2]:
                    return max(match.offset, 0)
        current = reader.current
        if current is not None and current.location.paragraph == cursor.paragraph:
            return current.location.start
        return 0

    def mark(self) -> None:
        """Mark a sentence of the paragraph under the cursor as a suggested highlight, for
        Review (`4`) to accept, retype or drop; the pack is read again so Review lists it
        (every screen gets it: NamedScreens.pack_changed)."""
        from aiplan_tui.authoring.marking import MarkError, mark_passage, sentence_at

        reader = self.reader
        if read_only():  # (serve --read-only)
            reader.notify(REFUSED, title="Not marked", timeout=3, markup=False)
            return
        if not self.when_whole("mark", self.mark, "the sentence is marked"):
            return
        if reader.reloader is not None and reader.reloader.reloading:  # ids checked against it
            reader.notify(RELOADING, timeout=3, markup=False)
            return
        view = reader.article_view
        article = view.article
        if article is None or not article.paragraphs:
            return
        paragraph = min(view.paragraph, len(article.paragraphs) - 1)
        start, end = sentence_at(article.paragraphs[paragraph], self.offset())
        try:
            made = mark_passage(reader.pack.root, reader.pack, article.id, paragraph, start, end)
        except (MarkError, OSError) as error:
            reader.notify(str(error), title="Not marked", severity="error", markup=False)
            return
        reader.notify(
            f"Marked {made} in highlights/{article.id}.toml: review it with 4", markup=False
        )
        if reader.reloader is not None:
            reader.reloader.reload_pack(lambda _pack: None)
