"""What `add` needs to know of a pack, answered from its compiled pack's stored rows rather
than by loading every file (issue 34): the articles' ids, whether an article is one the pack
has already, the people, and the highlight ids taken. No Textual."""

from __future__ import annotations

import json
from pathlib import Path

from aiplan_tui.compiled.incremental import stored_groups
from aiplan_tui.compiled.layout import ENTITY_ROWS
from aiplan_tui.compiled.records import in_root
from aiplan_tui.compiled.stale import damage_is_stale
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.model import Entity
from aiplan_tui.core.sameness import url_key, words_key
from aiplan_tui.pack.segments import HIGHLIGHTS


class StoredKnown:
    """`authoring.adding.Known` from an open, current compiled pack (Stale if damaged)."""

    def __init__(self, compiled: CompiledPack) -> None:
        self._compiled = compiled
        self._db = compiled.db
        self._rejected: set[str] | None = None

    def article_ids(self) -> set[str]:
        with damage_is_stale():
            return {str(i) for (i,) in self._db.execute("SELECT id FROM briefs")}

    def same_article(self, paragraphs: tuple[str, ...], url: str) -> str | None:
        """The first article (in the pack's order) at the same address or with the same
        words, spaces and case aside."""
        address, words = url_key(url), words_key(paragraphs)
        with damage_is_stale():
            row = self._db.execute(
                "SELECT id FROM sameness WHERE (?1 != '' AND url = ?1) OR (?2 != '' AND words = ?2)"
                " ORDER BY file LIMIT 1",
                (address, words),
            ).fetchone()
        return None if row is None else str(row[0])

    def entities(self) -> tuple[Entity, ...]:
        with damage_is_stale():
            groups = stored_groups(self._db, self._compiled.root, ENTITY_ROWS)
            return tuple(groups["entity"])

    def has_highlight(self, item_id: str) -> bool:
        """Whether a highlight the loader found has this id, one it left out with an error
        included."""
        with damage_is_stale():
            found = self._db.execute(  # (only highlight files claim highlights)
                "SELECT 1 FROM claims WHERE category = 'highlight' AND id = ? LIMIT 1", (item_id,)
            ).fetchone()
            if found is not None:
                return True
            if self._rejected is None:
                self._rejected = set()
                for (rejected,) in self._db.execute(
                    "SELECT rejected FROM segments WHERE phase = ? AND rejected != '[]'",
                    (HIGHLIGHTS,),
                ):
                    self._rejected.update(
                        str(i) for c, i in json.loads(rejected) if c == "highlight"
                    )
            return item_id in self._rejected

    def files_to_read(self) -> list[Path] | None:
        """The highlight files the loader did not read whole (a problem, a table skipped): the
        ids in their text are read from it."""
        with damage_is_stale():
            rows = self._db.execute(
                "SELECT DISTINCT unit FROM problems WHERE phase = ?1 UNION "
                "SELECT unit FROM segments WHERE phase = ?1 AND skipped != '{}'",
                (HIGHLIGHTS,),
            )
            return sorted(in_root(self._compiled.root, str(unit)) for (unit,) in rows)
