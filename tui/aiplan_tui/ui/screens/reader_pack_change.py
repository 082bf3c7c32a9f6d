"""The reader given the pack read again (after a change to its files): shown in place, the
article and paragraph kept where they still are, and the cursor on the same highlight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplan_tui.core.model import Pack
from aiplan_tui.core.navigation import Navigation
from aiplan_tui.ui.screens.reader_part import ReaderHost
from aiplan_tui.ui.widgets.navigator import Target

if TYPE_CHECKING:
    from aiplan_tui.compiled.head import PackHead


def count_highlights(pack: Pack) -> dict[str, int]:
    """Each article's number of highlights, by its id (grouped once)."""
    return {a.id: len(pack.highlights_in(a.id)) for a in pack.articles}


class PackChange:
    """The pack read again, for the reader screen that owns this part."""

    def __init__(self, reader: ReaderHost) -> None:
        self.reader = reader

    def use(self, pack: Pack, head: PackHead | None = None) -> None:
        """Shown in place, the article and paragraph kept where they still are (the first
        article otherwise); the last search's matches, which named the old pack's places, are
        dropped. `head`: the pack is a large pack's head (its articles read as opened)."""
        reader = self.reader
        article_id, paragraph = reader.saved_place()
        current = reader.current.id if reader.current is not None else None
        reader.on_head.head = head  # type: ignore[attr-defined]  # (the reader's part)
        reader.pack = pack
        reader.navigation = Navigation(pack, whole=head is None)
        reader.highlight_counts = count_highlights(pack) if head is None else head.per_article
        reader.current = None
        if not reader.is_mounted:  # composed from the new pack when first shown
            return
        sizes = None if head is None else head.per_kind
        reader.navigator.rebuild(pack, reader.highlight_counts, sizes)
        reader.article_view.article = None  # shown again, with the new highlights
        if article_id is not None and pack.article(article_id) is not None:
            reader.open_paragraph(article_id, paragraph, flash=False)
            reader.navigator.go_to(Target("article", article_id))
            kept = pack.highlight(current) if current else None
            if kept is not None and kept.article == article_id:  # the cursor stays on it
                reader.current = kept
                reader.article_view.set_current(kept, flash=False)
        elif pack.articles:
            reader.open_article(pack.articles[0].id)
        else:
            reader.article_view.show_nothing("This pack has no articles.")
        reader.update_status()
