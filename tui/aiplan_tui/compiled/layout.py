"""How a compiled pack is laid out so that it can be updated a file at a time: the schema,
the pack's rows keyed by the file they come from, and the search documents in units of one
file each. No Textual.

Documents are numbered in reading order (each article's title and paragraphs, the accepted
highlights, the entities, the comparison cells, the suggested highlights). A unit is one
file's run of them: an article file's documents, or a highlight file's accepted (or
suggested) highlights; its `base` is the number of its first document. Postings hold those
numbers, and a document is found by its unit and its place in it, so a change that adds or
removes documents moves bases and postings, never the other units' rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from aiplan_tui.compiled.records import relative_to_root, row_of
from aiplan_tui.compiled.rows import DOC_FIELDS
from aiplan_tui.core.model import Article, Highlight, Pack
from aiplan_tui.core.sameness import url_key, words_key

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT);
CREATE TABLE segments (
    phase INTEGER, unit TEXT, skipped TEXT, rejected TEXT, PRIMARY KEY (phase, unit)
);
CREATE TABLE claims (category TEXT, id TEXT, phase INTEGER, unit TEXT);
CREATE TABLE problems (
    phase INTEGER, unit TEXT, n INTEGER, path TEXT, line INTEGER, col INTEGER, severity TEXT,
    message TEXT, PRIMARY KEY (phase, unit, n)
);
CREATE TABLE units (
    uid INTEGER PRIMARY KEY, section INTEGER NOT NULL, file TEXT NOT NULL,
    base INTEGER NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX units_base ON units (base);
CREATE UNIQUE INDEX units_file ON units (section, file);
CREATE TABLE docs (uid INTEGER, local INTEGER, {DOC_FIELDS}, PRIMARY KEY (uid, local));
CREATE TABLE words (
    word TEXT NOT NULL, chunk INTEGER NOT NULL, counts BLOB NOT NULL, docs BLOB NOT NULL,
    PRIMARY KEY (word, chunk)
);
CREATE TABLE keys (key TEXT PRIMARY KEY, docs BLOB NOT NULL);
CREATE TABLE stems (stem TEXT PRIMARY KEY, words BLOB NOT NULL);
CREATE TABLE briefs (file TEXT PRIMARY KEY, id TEXT NOT NULL, item TEXT NOT NULL);
CREATE TABLE sameness (file TEXT PRIMARY KEY, id TEXT NOT NULL, url TEXT, words TEXT);
CREATE INDEX sameness_url ON sameness (url);
CREATE INDEX sameness_words ON sameness (words);
CREATE TABLE exports (part INTEGER NOT NULL, file TEXT NOT NULL, text TEXT NOT NULL);
CREATE UNIQUE INDEX exports_order ON exports (part, file);
CREATE TABLE pack (
    section INTEGER NOT NULL, file TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL,
    item TEXT NOT NULL, article TEXT
);
CREATE UNIQUE INDEX pack_order ON pack (section, file, n);
CREATE INDEX pack_article ON pack (article);
CREATE INDEX claims_id ON claims (category, id);
CREATE INDEX claims_unit ON claims (phase, unit);
"""

PACK_ORDER = "ORDER BY section, file, n"

INFO_ROWS, ARTICLE_ROWS, ENTITY_ROWS, HIGHLIGHT_ROWS, CELL_ROWS = range(5)
"""Sections of the `pack` table, in the pack's order."""
ARTICLE_DOCS, HIGHLIGHT_DOCS, ENTITY_DOCS, CELL_DOCS, SUGGESTED_DOCS = 1, 3, 5, 6, 7
"""Sections of the documents' units, in reading order."""

Row = tuple[int, str, int, str, str, str | None]
"""(section, file, n, kind, JSON, article) of one object."""


def file_of(item_path: Path, root: Path) -> str:
    return relative_to_root(item_path, root).replace("\\", "/")


def pack_rows_keyed(pack: Pack) -> Iterator[Row]:
    """Every object of the pack as a row keyed by its file and its place there."""
    root = pack.root
    yield (INFO_ROWS, "pack.toml", 0, *row_of(pack.info, root), None)
    for n, item in enumerate((*pack.sides, *pack.dimensions), 1):
        yield (INFO_ROWS, "pack.toml", n, *row_of(item, root), None)
    for article in pack.articles:
        yield (
            ARTICLE_ROWS,
            file_of(article.source.path, root),
            0,
            *row_of(article, root),
            article.id,
        )
    for n, entity in enumerate(pack.entities):
        yield (ENTITY_ROWS, "entities.toml", n, *row_of(entity, root), None)
    yield from highlight_rows((*pack.highlights, *pack.suggested), root)
    for n, cell in enumerate(pack.comparison):
        yield (CELL_ROWS, "comparison.toml", n, *row_of(cell, root), None)


def sameness_rows(articles: Iterable[Article], root: Path) -> Iterator[tuple[str, ...]]:
    """(file, id, address, words' digest) of each article: `add` asks if it has one already."""
    for article in articles:
        paragraphs = article.paragraphs
        yield (
            file_of(article.source.path, root),
            article.id,
            url_key(article.url),
            words_key(paragraphs),
        )


def highlight_rows(highlights: Iterable[Highlight], root: Path) -> Iterator[Row]:
    """Highlights (accepted ones first, then suggested), numbered within their files."""
    counters: dict[str, int] = {}
    for highlight in highlights:
        file = file_of(highlight.source.path, root)
        n = counters.get(file, 0)
        counters[file] = n + 1
        yield (HIGHLIGHT_ROWS, file, n, *row_of(highlight, root), highlight.article)


def doc_units(pack: Pack) -> list[tuple[int, str, int]]:
    """(section, file, count) of each unit with documents, in reading order."""
    root = pack.root
    units = [
        (ARTICLE_DOCS, file_of(a.source.path, root), 1 + len(a.paragraphs)) for a in pack.articles
    ]
    units += highlight_units(pack.highlights, HIGHLIGHT_DOCS, root)
    if pack.entities:
        units.append((ENTITY_DOCS, "entities.toml", len(pack.entities)))
    if pack.comparison:
        units.append((CELL_DOCS, "comparison.toml", len(pack.comparison)))
    units += highlight_units(pack.suggested, SUGGESTED_DOCS, root)
    return units


def highlight_units(
    highlights: Iterable[Highlight], section: int, root: Path
) -> list[tuple[int, str, int]]:
    """A unit for each run of highlights from one file (a file's are all together)."""
    return [
        (section, file, sum(1 for _ in run))
        for file, run in groupby(highlights, key=lambda h: file_of(h.source.path, root))
    ]
