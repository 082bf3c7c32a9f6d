"""The start of a large compiled pack, for the app's first frame: every article's title and
highlight count, the people, sides, dimensions and comparison, but the text and highlights
only of the articles opened so far, each read from the database when first opened. The
whole pack is read after the first frame (`whole`), off the UI thread. No Textual.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from aiplan_tui.compiled.layout import PACK_ORDER
from aiplan_tui.compiled.records import rows_groups, rows_pack
from aiplan_tui.compiled.stale import Stale, damage_is_stale
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.model import Article, Pack
from aiplan_tui.pack.result import LoadResult

HEAD_FROM = 5000
"""Highlights from which the app starts on the pack's head: below it, reading the whole pack
costs less than a frame's worth of time."""


class PackHead:
    """A compiled pack's head: a `Pack` that grows by an article at a time."""

    def __init__(
        self,
        compiled: CompiledPack,
        root: Path,
        opened: str | None,
        known: dict[str, Article] | None = None,
    ) -> None:
        """The head, with the text and highlights of `opened` (if the pack has that article;
        else of its first). Stale if the database is damaged. `known`: briefs already made,
        by their stored text, taken as they are (10,000 cost a tenth of a second to make);
        given, it gets this head's too."""
        self.compiled = compiled
        self.root = root
        self.known = known
        """Each brief by its stored text, if asked for: the next head takes those unchanged."""
        with damage_is_stale():  # (read on the UI thread; `whole` opens its own connection)
            db = compiled.db
            rest = db.execute(f"SELECT kind, item FROM pack WHERE article IS NULL {PACK_ORDER}")
            pack = rows_pack(root, iter(rest.fetchall()))
            texts = [str(item) for (item,) in db.execute("SELECT item FROM briefs ORDER BY file")]
            self.pack = dataclasses.replace(pack, articles=_briefs(root, texts, known))
            self.per_article = {str(k): int(v) for k, v in compiled.meta("per_article").items()}
            self.per_kind = {str(k): int(v) for k, v in compiled.meta("per_kind").items()}
        self._read: set[str] = set()
        ids = [article.id for article in self.pack.articles]
        first = opened if opened in self.per_article else (ids[0] if ids else None)
        if first is not None:
            self.read(first)

    @property
    def highlight_count(self) -> int:
        return sum(self.per_kind.values())

    def has(self, article_id: str) -> bool:
        """Whether the article's text and highlights are read (or it is not in the pack)."""
        return article_id in self._read or self.pack.article(article_id) is None

    def read(self, article_id: str) -> Pack:
        """The head with this article's text and highlights too, read now if they were not."""
        if self.has(article_id):
            return self.pack
        with damage_is_stale():
            rows = self.compiled.db.execute(
                f"SELECT kind, item FROM pack WHERE article = ? {PACK_ORDER}", (article_id,)
            ).fetchall()
            groups = rows_groups(self.root, rows)
        (article,) = groups["article"] or [None]
        if not isinstance(article, Article):
            raise Stale(f"damaged: article {article_id!r} has no row")
        pack = self.pack
        found = groups["quote"]
        self.pack = dataclasses.replace(
            pack,
            articles=tuple(article if a.id == article_id else a for a in pack.articles),
            highlights=(*pack.highlights, *(h for h in found if not h.status)),
            suggested=(*pack.suggested, *(h for h in found if h.status)),
        )
        self._read.add(article_id)
        return self.pack

    def whole(self, pause: Callable[[], None] | None = None) -> LoadResult:
        """The whole pack, read from a connection of its own (for a worker thread); loaded
        from the pack's files if the database has gone bad meanwhile. `pause` is called as
        the rows are read (see rows_groups): it may stop the reading by raising."""
        from aiplan_tui.pack.loader import load_pack

        compiled = self.compiled
        try:
            other = CompiledPack(compiled.path, compiled.manifest, compiled.root)
        except Stale:
            return load_pack(self.root)
        try:
            return other.load_result(self.root, pause)
        except Stale:
            return load_pack(self.root)
        finally:
            other.close()


def _briefs(root: Path, texts: list[str], known: dict[str, Article] | None) -> tuple[Article, ...]:
    """The briefs stored as `texts`, each made unless `known` has it (then added to it)."""
    if known is None:
        return tuple(rows_groups(root, (("article", text) for text in texts))["article"])
    new = [text for text in texts if text not in known]
    made = rows_groups(root, (("article", text) for text in new))["article"]
    known.update(zip(new, made, strict=True))
    return tuple(known[text] for text in texts)


def start_on(
    compiled: CompiledPack, root: Path, opened: str | None, known: dict[str, Article] | None = None
) -> tuple[LoadResult, PackHead | None]:
    """What the app starts on: the pack's head if the pack is large (HEAD_FROM), else the
    whole pack; loaded from the files (and no head) if the database turns out damaged.
    (`known`: see PackHead.)"""
    from aiplan_tui.pack.loader import load_pack

    try:
        if compiled.counts()[1] < HEAD_FROM:
            return compiled.load_result(root), None
        head = PackHead(compiled, root, opened, known)
        return LoadResult(head.pack, compiled.problems()), head
    except Stale:
        return load_pack(root), None
