"""The content pack as frozen dataclasses: what the loader builds and everything else reads.

Every class has a docstring: a dataclass without one has `inspect.signature` work one out at
import, which was a third of this module's import time (issue 34)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar, Literal, TypeVar

from aiplan_tui.core.location import Location as Location  # its own module: see there

HighlightKind = Literal["quote", "fact", "position", "event"]
HIGHLIGHT_KINDS: tuple[HighlightKind, ...] = ("quote", "fact", "position", "event")
EntityKind = Literal["person", "organisation", "place", "event"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organisation", "place", "event")


@dataclass(frozen=True)
class SourceRef:
    """Where a thing was defined, so messages and "open source" can point at it."""

    path: Path
    line: int = 1


@dataclass(frozen=True)
class PackInfo:
    """The pack's own name and description (pack.toml)."""

    id: str
    title: str
    description: str = ""
    equivalents: tuple[tuple[str, ...], ...] = ()
    """The pack's own families of names search treats as one (`[[equivalent]]`), besides
    the bundled ones (search/equivalents.py)."""


@dataclass(frozen=True)
class Side:
    """One party being compared (the US, China, ...)."""

    id: str
    label: str
    short: str


@dataclass(frozen=True)
class Dimension:
    """One row of the comparison: a topic both sides can be measured on."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Article:
    """One article: its paragraphs, where it was published and what it covers."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    source: SourceRef
    title_source: Literal["article", "editors"] = "article"
    outlet: str = ""
    author: str = ""
    dateline: str = ""
    published: dt.date | None = None
    url: str = ""
    sides: tuple[str, ...] = ()
    paragraph_lines: tuple[int, ...] = ()
    """The 1-based line in the file where each paragraph starts."""
    accessed: dt.date | None = None
    """When the article was read from its address (`add URL` records it), for a citation."""
    pages: tuple[int, ...] = ()
    """The page each paragraph is on, from 1 (0 where no page is given), for an article with
    pages (a PDF: `paged = true`, pack/pages.py); else ()."""

    def page_of(self, paragraph: int) -> int | None:
        """The page paragraph `paragraph` (from 0) is on, if the article gives it."""
        if 0 <= paragraph < len(self.pages) and self.pages[paragraph]:
            return self.pages[paragraph]
        return None


@dataclass(frozen=True, kw_only=True)
class Highlight:
    """Common to every highlight: verbatim words anchored in one paragraph of one article."""

    id: str
    article: str
    exact: str
    location: Location
    source: SourceRef
    prefix: str = ""
    suffix: str = ""
    sides: tuple[str, ...] = ()
    dimensions: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    status: Literal["", "suggested"] = ""
    """"suggested": proposed by `add`, waiting for review; the app shows only the others."""
    according_to: str = ""
    """Whose claim a fact, position or event is (an entity id) when it is not the side's own
    statement: an analyst's reading, an outlet's, another government's. Quotes have a speaker."""
    kind: ClassVar[HighlightKind]


@dataclass(frozen=True, kw_only=True)
class Quote(Highlight):
    """Someone's words, quoted directly or reported."""

    speaker: str
    direct: bool
    kind: ClassVar[HighlightKind] = "quote"


@dataclass(frozen=True, kw_only=True)
class Fact(Highlight):
    """A figure: a metric's value in a unit, for a period."""

    metric: str
    value: float
    unit: str
    period: str = ""
    qualifier: str = ""
    usd: float | None = None
    compare_key: str = ""
    kind: ClassVar[HighlightKind] = "fact"


@dataclass(frozen=True, kw_only=True)
class Position(Highlight):
    """What one side holds or intends."""

    side: str
    kind: ClassVar[HighlightKind] = "position"


@dataclass(frozen=True, kw_only=True)
class Event(Highlight):
    """Something that happened, on a date if one is known."""

    date: dt.date | str | None = None
    kind: ClassVar[HighlightKind] = "event"


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or event the articles mention."""

    id: str
    name: str
    kind: EntityKind
    source: SourceRef
    role: str = ""
    side: str = ""
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Cell:
    """One side's summary on one dimension, with the highlights that support it."""

    dimension: str
    side: str
    summary: str
    source: SourceRef
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """Everything a content pack holds, with lookups by id made on first use."""

    info: PackInfo
    root: Path
    sides: tuple[Side, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    articles: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    comparison: tuple[Cell, ...] = ()
    suggested: tuple[Highlight, ...] = ()
    """Highlights `add` proposed (status "suggested"), kept apart until they are reviewed."""

    # Lookups: each made once, on first use, so a large pack is never scanned per call.
    # (A cached_property writes the instance's __dict__ directly, as a frozen class allows;
    # equality and hashing still look at the fields only.)

    @cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return _first_of_each(self.articles)

    @cached_property
    def _entities_by_id(self) -> dict[str, Entity]:
        return _first_of_each(self.entities)

    @cached_property
    def _highlights_by_id(self) -> dict[str, Highlight]:
        return _first_of_each(self.highlights)

    @cached_property
    def _by_article(self) -> dict[str, tuple[Highlight, ...]]:
        found: dict[str, list[Highlight]] = {}
        for h in self.highlights:
            found.setdefault(h.article, []).append(h)
        return {
            article: tuple(
                sorted(
                    items, key=lambda h: (h.location.paragraph, h.location.start, h.location.end)
                )
            )
            for article, items in found.items()
        }

    def article(self, article_id: str) -> Article | None:
        return self._articles_by_id.get(article_id)

    def entity(self, entity_id: str) -> Entity | None:
        return self._entities_by_id.get(entity_id)

    def highlight(self, highlight_id: str) -> Highlight | None:
        return self._highlights_by_id.get(highlight_id)

    def highlights_in(self, article_id: str) -> tuple[Highlight, ...]:
        """The article's highlights in reading order."""
        return self._by_article.get(article_id, ())


_Item = TypeVar("_Item", Article, Entity, Highlight)


def _first_of_each(items: tuple[_Item, ...]) -> dict[str, _Item]:
    """Each id's first item (a repeated id, which `check` reports, finds the first)."""
    found: dict[str, _Item] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found
