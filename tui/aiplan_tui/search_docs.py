"""What search looks through: every paragraph, title, highlight, entity and comparison cell
of a pack, as documents with weighted fields and the attributes filters test."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.model import Event, Fact, Highlight, Location, Pack, Position, Quote

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

TITLE, NAME, BODY, NOTE = 2.0, 3.0, 1.0, 0.5
"""Field weights: names and titles count more than body text, our notes less."""


@dataclass(frozen=True)
class Field:
    name: str
    text: str
    weight: float


@dataclass(frozen=True)
class Doc:
    """One searchable thing, where it lives, and what filters can ask of it."""

    kind: str
    id: str
    fields: tuple[Field, ...]
    article: str = ""
    location: Location | None = None
    sides: frozenset[str] = frozenset()
    dimensions: frozenset[str] = frozenset()
    speaker: str = ""
    """Folded names of the speaker (name, aliases, id), for `speaker:`."""
    years: frozenset[str] = frozenset()


def _years(*texts: str) -> frozenset[str]:
    # Most texts hold no year at all: a plain substring test skips the regex for them.
    return frozenset(
        year for text in texts if "19" in text or "20" in text for year in _YEAR.findall(text)
    )


def build_docs(pack: Pack) -> list[Doc]:
    """All documents in reading order: each article's title and paragraphs, then the rest."""
    docs: list[Doc] = []
    by_article: dict[str, list[Highlight]] = {}
    for h in pack.highlights:  # once, not per article: large packs have many of each
        by_article.setdefault(h.article, []).append(h)
    for article in pack.articles:
        highlights = by_article.get(article.id, [])
        by_paragraph: dict[int, list[Highlight]] = {}
        for h in highlights:
            by_paragraph.setdefault(h.location.paragraph, []).append(h)
        docs.append(
            Doc(
                "article",
                article.id,
                (Field("title", article.title, TITLE),),
                article.id,
                years=_years(article.title),
            )
        )
        for number, paragraph in enumerate(article.paragraphs):
            here = by_paragraph.get(number, [])
            docs.append(Doc(
                "paragraph", f"{article.id}:{number + 1}", (Field("text", paragraph, BODY),),
                article.id, Location(number, 0, len(paragraph)),
                frozenset(s for h in here for s in h.sides),
                frozenset(d for h in here for d in h.dimensions),
                years=_years(paragraph),
            ))  # fmt: skip
    entity_names = {e.id: " ".join([e.name, *e.aliases, e.id]).lower() for e in pack.entities}
    entities = {e.id: e for e in reversed(pack.entities)}  # the first of a repeated id wins
    for h in pack.highlights:
        fields = [Field("exact", h.exact, BODY)]
        speaker = ""
        extra_years = ""
        sides = set(h.sides)
        if isinstance(h, Quote):
            entity = entities.get(h.speaker)
            fields.append(Field("speaker", entity.name if entity else h.speaker, TITLE))
            speaker = entity_names.get(h.speaker, h.speaker)
        if isinstance(h, Fact):
            fields.append(Field("metric", h.metric, TITLE))
            extra_years = h.period
        if isinstance(h, Event) and h.date:
            extra_years = str(h.date)
        if isinstance(h, Position):
            sides.add(h.side)
        if h.note:
            fields.append(Field("note", h.note, NOTE))
        docs.append(Doc(
            h.kind, h.id, tuple(fields), h.article, h.location, frozenset(sides),
            frozenset(h.dimensions), speaker, _years(h.exact, extra_years),
        ))  # fmt: skip
    for e in pack.entities:
        fields = [Field("name", e.name, NAME)]
        fields += [Field("alias", alias, TITLE) for alias in e.aliases]
        if e.role:
            fields.append(Field("role", e.role, BODY))
        docs.append(Doc("entity", e.id, tuple(fields), sides=frozenset([e.side] if e.side else [])))
    titles = {d.id: d.title for d in pack.dimensions}
    for cell in pack.comparison:
        cell_fields = (
            Field("summary", cell.summary, BODY),
            Field("dimension", titles.get(cell.dimension, cell.dimension), TITLE),
        )
        docs.append(Doc("compare", f"{cell.dimension}/{cell.side}", cell_fields,
                        sides=frozenset([cell.side]), dimensions=frozenset([cell.dimension]),
                        years=_years(cell.summary)))  # fmt: skip
    return docs
