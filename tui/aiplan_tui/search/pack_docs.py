"""Search documents made from a loaded pack (`PackDocs`): what building an index (and the
app on a pack it has loaded) searches. A compiled pack's are read from its database instead
(compiled/stored_index.py), without the model's classes this needs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from aiplan_tui.core.model import (
    Article,
    Cell,
    Entity,
    Event,
    Fact,
    Highlight,
    Location,
    Pack,
    Position,
    Quote,
)
from aiplan_tui.search.documents import BODY, NAME, NOTE, TITLE, Doc, Field, LazyDocs
from aiplan_tui.search.folding import words as fold_words

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _years(*texts: str) -> frozenset[str]:
    # Most texts hold no year at all: a plain substring test skips the regex for them.
    return frozenset(
        year for text in texts if "19" in text or "20" in text for year in _YEAR.findall(text)
    )


def build_docs(pack: Pack) -> list[Doc]:
    """All documents in reading order: each article's title and paragraphs, then the rest."""
    return list(PackDocs(pack))


class PackDocs(LazyDocs):
    """All documents in reading order (each article's title and paragraphs, then highlights,
    entities and comparison cells), then the suggested highlights (last, so a pack's other
    documents keep their numbers whether it has suggestions or not), each made when first
    asked for (or, building the index, made for one pass and dropped: `passing`)."""

    def __init__(self, pack: Pack) -> None:
        # here: the documents of a compiled pack are read whole, never made (nor these needed)
        from aiplan_tui.core.formatting import attribution, fact_line

        self._attribution, self._fact_line = attribution, fact_line
        self._pack = pack
        self._article_starts: list[int] = []
        count = 0
        for article in pack.articles:
            self._article_starts.append(count)
            count += 1 + len(article.paragraphs)
        self._highlights = count
        self._entities = self._highlights + len(pack.highlights)
        self._cells = self._entities + len(pack.entities)
        self._suggested = self._cells + len(pack.comparison)
        self._made: list[Doc | None] = [None] * (self._suggested + len(pack.suggested))
        self._here: dict[tuple[str, int], list[Highlight]] | None = None
        self._speakers: tuple[dict[str, Entity], dict[str, str]] | None = None
        self._titles: dict[str, str] | None = None

    def __len__(self) -> int:
        return len(self._made)

    def _doc(self, index: int) -> Doc:
        doc = self._made[index]
        if doc is None:
            doc = self._make(index % len(self._made))
            self._made[index] = doc
        return doc

    def __iter__(self) -> Iterator[Doc]:
        made = self._made
        for number, doc in enumerate(made):
            if doc is None:
                doc = made[number] = self._make(number)
            yield doc

    def passing(self) -> Iterator[Doc]:
        """Every document in order, as iterating does, but those not made yet are made for this
        pass only, not kept: building the index looks at each once, and keeping a large pack's
        millions of small objects alive costs memory and collector time for nothing (queries
        make the few they return again, equal to these)."""
        made, make = self._made, self._make
        for number, doc in enumerate(made):
            yield make(number) if doc is None else doc

    def _make(self, number: int) -> Doc:
        pack = self._pack
        if number >= self._suggested:
            return self._highlight(pack.suggested[number - self._suggested])
        if number >= self._cells:
            return self._cell(pack.comparison[number - self._cells])
        if number >= self._entities:
            return self._entity(pack.entities[number - self._entities])
        if number >= self._highlights:
            return self._highlight(pack.highlights[number - self._highlights])
        place = bisect_right(self._article_starts, number) - 1
        article = pack.articles[place]
        paragraph = number - self._article_starts[place] - 1
        if paragraph < 0:
            return self._article(article)
        if self._here is None:  # filled before it is shared: searches may run in threads
            here_by_place: dict[tuple[str, int], list[Highlight]] = {}
            for h in pack.highlights:  # once, not per article: large packs have many of each
                here_by_place.setdefault((h.article, h.location.paragraph), []).append(h)
            self._here = here_by_place
        text = article.paragraphs[paragraph]
        here = self._here.get((article.id, paragraph), [])
        return Doc(
            "paragraph", f"{article.id}:{paragraph + 1}", (Field("text", text, BODY),),
            article.id, Location(paragraph, 0, len(text)),
            frozenset(s for h in here for s in h.sides),
            frozenset(d for h in here for d in h.dimensions),
            years=_years(text), page=article.page_of(paragraph) or 0,
        )  # fmt: skip

    def _highlight(self, h: Highlight) -> Doc:
        if self._speakers is None:
            everyone = self._pack.entities
            entities = {e.id: e for e in reversed(everyone)}  # the first of a repeated id wins
            names = {e.id: " ".join([e.name, *e.aliases, e.id]).lower() for e in everyone}
            self._speakers = entities, names
        fields = [Field("exact", h.exact, BODY)]
        speaker = ""
        extra_years = ""
        sides = set(h.sides)
        if isinstance(h, Quote):
            entity = self._speakers[0].get(h.speaker)
            fields.append(Field("speaker", entity.name if entity else h.speaker, TITLE))
            speaker = self._speakers[1].get(h.speaker, h.speaker)
        if isinstance(h, Fact):
            figure = self._fact_line(h)
            fields.append(Field("figure", figure, TITLE))
            if not set(fold_words(h.unit)) <= set(fold_words(figure)):  # "USD", shown as "$"
                fields.append(Field("unit", h.unit, BODY))
            extra_years = h.period
        if isinstance(h, Event) and h.date:
            extra_years = str(h.date)
            fields.append(Field("when", extra_years, BODY))
        if isinstance(h, Position):
            sides.add(h.side)
        if h.according_to:
            claimant = self._speakers[0].get(h.according_to)
            fields.append(
                Field("according to", claimant.name if claimant else h.according_to, BODY)
            )
        if h.note:
            fields.append(Field("note", h.note, NOTE))
        return Doc(
            h.kind, h.id, tuple(fields), h.article, h.location, frozenset(sides),
            frozenset(h.dimensions), speaker, _years(h.exact, extra_years),
            self._attribution(h, self._pack), h.status, self._page(h),
        )  # fmt: skip

    def _page(self, h: Highlight) -> int:
        article = self._pack.article(h.article)
        return (article.page_of(h.location.paragraph) or 0) if article is not None else 0

    @staticmethod
    def _article(article: Article) -> Doc:
        """The title, then the provenance the reader's header shows (the address weighs
        little: most of its words are a site's furniture)."""
        published = article.published.isoformat() if article.published else ""
        given = [
            ("outlet", article.outlet, BODY), ("author", article.author, BODY),
            ("published", published, BODY), ("dateline", article.dateline, BODY),
            ("url", article.url, NOTE),
        ]  # fmt: skip
        fields = [Field("title", article.title, TITLE)]
        fields += [Field(name, text, weight) for name, text, weight in given if text]
        return Doc("article", article.id, tuple(fields), article.id,
                   years=_years(article.title, published))  # fmt: skip

    @staticmethod
    def _entity(e: Entity) -> Doc:
        fields = [Field("name", e.name, NAME)]
        fields += [Field("alias", alias, TITLE) for alias in e.aliases]
        if e.role:
            fields.append(Field("role", e.role, BODY))
        return Doc("entity", e.id, tuple(fields), sides=frozenset([e.side] if e.side else []))

    def _cell(self, cell: Cell) -> Doc:
        if self._titles is None:
            self._titles = {d.id: d.title for d in self._pack.dimensions}
        cell_fields = (
            Field("summary", cell.summary, BODY),
            Field("dimension", self._titles.get(cell.dimension, cell.dimension), TITLE),
        )
        return Doc("compare", f"{cell.dimension}/{cell.side}", cell_fields,
                   sides=frozenset([cell.side]), dimensions=frozenset([cell.dimension]),
                   years=_years(cell.summary))  # fmt: skip
