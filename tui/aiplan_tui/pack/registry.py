"""What a pack has defined so far, so later files can check their references against it."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from aiplan_tui.core.fields import TableAt, did_you_mean
from aiplan_tui.core.model import Article, Dimension, Entity, Highlight, Location, Side
from aiplan_tui.core.problems import Problems

_ID_LINE = re.compile(r"""^\s*id\s*=\s*["']([^"'\n]*)["']""", re.MULTILINE)

DECLARED = {
    "side": "sides are declared in pack.toml",
    "dimension": "dimensions are declared in pack.toml",
    "entity": "entities are declared in entities.toml",
    "article": "articles are the files in articles/",
    "highlight": "highlights are declared in highlights/*.toml",
}
"""Where an unknown reference's kind of thing is declared, said in its message."""


@dataclass(frozen=True)
class Ambiguous:
    """A highlight whose words occur in several places of its article, to settle once every
    highlight is loaded (one that others already hold is not the one meant)."""

    at: TableAt
    article: str
    exact: str
    prefix: str
    suffix: str
    found: tuple[Location, ...]
    speaker: str


@dataclass
class Registry:
    """Everything loaded so far, by id, plus the ids that were defined but rejected."""

    sides: dict[str, Side] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    highlights: dict[str, Highlight] = field(default_factory=dict)
    rejected: set[tuple[str, str]] = field(default_factory=set)
    """(category, id) pairs whose definition had errors: references to them are not errors again."""
    defined_at: dict[tuple[str, str], TableAt] = field(default_factory=dict)
    """Where each id was first defined: its line is found only if a duplicate is reported."""
    ambiguous: list[Ambiguous] = field(default_factory=list)

    def claim(self, category: str, item_id: str, at: TableAt, problems: Problems) -> bool:
        """Reserve an id; a duplicate is reported with where the first one is, and gives False."""
        key = (category, item_id)
        if key in self.defined_at:
            earlier = self.defined_at[key]
            first = f"{earlier.path.name}:{earlier.where('id')[0]}"
            message = f'duplicate {category} id "{item_id}" (first defined at {first})'
            problems.error(at.path, *at.where("id"), message)
            return False
        self.defined_at[key] = at
        return True

    def reject_ids_in(self, category: str, text: str) -> None:
        """Mark the ids an unparseable file seems to define, so refs to them stay quiet."""
        self.rejected.update((category, match) for match in _ID_LINE.findall(text))

    def resolve(
        self,
        category: str,
        ids: Collection[str],
        known: Collection[str],
        at: TableAt,
        key: str,
        problems: Problems,
    ) -> tuple[tuple[str, ...], bool]:
        """The refs that are known, and False if any is unknown (each reported with a close
        match or "no close match", and where that kind of thing is declared).

        A ref to something whose own definition was rejected is dropped without a second error:
        the definition's error already says what to fix.
        """
        ok = True
        for ref in ids:
            if ref in known or (category, ref) in self.rejected:
                continue
            ok = False
            line, col = at.where(key)
            hint = did_you_mean(ref, list(known), none=" (no close match)")
            where = f"; {DECLARED[category]}" if category in DECLARED else ""
            problems.error(at.path, line, col, f'unknown {category} "{ref}"{hint}{where}')
        return tuple(ref for ref in ids if ref in known), ok
