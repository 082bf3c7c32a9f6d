"""The reader on a large pack's head (see compiled/head.py): each article's text and
highlights read as it is opened, and what needs the whole pack (walking past the articles
read, a person's or dimension's listing, the other screens, search) done once it is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from aiplan_tui.compiled.stale import Stale
from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.navigation import Navigation, Walk
from aiplan_tui.ui.screens.reader_part import ReaderHost

if TYPE_CHECKING:
    from aiplan_tui.compiled.head import PackHead


class HeadReading:
    """The reader's waiting for the whole pack, a part the reader screen owns."""

    def __init__(self, reader: ReaderHost, head: PackHead | None) -> None:
        self.reader = reader
        self.head = head
        """The pack's head, until the whole pack is read (None: it is, or was from the start)."""

    def read_article(self, article_id: str) -> None:
        """Before an article is shown: its text and highlights, read if they are not yet."""
        head, reader = self.head, self.reader
        if head is None or head.has(article_id):
            return
        try:
            reader.pack = head.read(article_id)
        except Stale:  # damaged meanwhile: the article is shown without its text until
            return  # the whole pack (loaded from the files) comes
        matches, number = reader.navigation.matches, reader.navigation.match_number
        reader.navigation = Navigation(reader.pack, whole=False)
        reader.navigation.matches, reader.navigation.match_number = matches, number

    def when_whole(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the whole pack is read, so the caller can go on; if not, `then` (the caller
        again) waits for it under `key` in the app's pack session, which says so. (`what`:
        what happens then, as "the listing opens".)"""
        reloader = self.reader.reloader
        if self.head is None or reloader is None:
            return True
        return reloader.when_whole(key, then, what)

    def must_wait_to_walk(self, target: Highlight | None, what: Walk, step: int) -> bool:
        """On a pack's head, whether a walking key must wait for the whole pack: the next
        stop outside this article (or none found) may lie in an article not read yet."""
        reader = self.reader
        if self.head is None or (target is not None and target.article == reader.cursor().article):
            return False
        self.when_whole(
            f"walk:{what}", lambda: reader.walk(what, step), f"the next {what} is found"
        )
        return True

    def take_whole(self, pack: Pack, navigation: Navigation) -> None:
        """The whole pack is read: use it (what waited for it is the session's to do)."""
        reader = self.reader
        navigation.matches = reader.navigation.matches
        navigation.match_number = reader.navigation.match_number
        reader.pack = pack
        reader.navigation = navigation
        self.head = None
        reader.navigator.use_pack(pack)
        view = reader.article_view
        shown = view.article
        whole = pack.article(shown.id) if shown is not None else None
        if shown is not None and whole is not None and whole != shown:  # a brief was shown
            paragraph = view.paragraph
            view.show(whole, pack.highlights_in(whole.id), reader.marks())
            view.paragraph = paragraph
        reader.update_status()  # its numbers, and the walking keys' footer entries

    def take_head(self, head: PackHead) -> bool:
        """The head of the compiled pack brought up to date, if nothing the reader shows
        changed (the navigator's entries and counts, the article on screen and its
        highlights): taken without a redraw; False, and nothing taken, if something did."""
        reader, old = self.reader, self.head
        shown = reader.article_view.article if reader.is_mounted else None
        if old is None or shown is None or not _same_list(old, head):
            return False
        try:
            pack = head.read(shown.id)
        except Stale:
            return False
        if pack.article(shown.id) != shown:
            return False
        if pack.highlights_in(shown.id) != reader.pack.highlights_in(shown.id):
            return False
        self.head = head
        reader.pack = pack
        reader.navigation = Navigation(pack, whole=False)  # (the last search's matches dropped)
        reader.navigator.pack = pack
        reader.update_status()
        return True


def _same_list(old: PackHead, new: PackHead) -> bool:
    """Whether the navigator lists the same entries, with the same counts, for both heads."""
    if old.per_article != new.per_article or old.per_kind != new.per_kind:
        return False
    listed = [(a.id, a.title, a.outlet) for a in old.pack.articles]
    if listed != [(a.id, a.title, a.outlet) for a in new.pack.articles]:
        return False
    a, b = old.pack, new.pack
    return (a.info, a.sides, a.entities) == (b.info, b.sides, b.entities) and (
        a.dimensions == b.dimensions
    )
