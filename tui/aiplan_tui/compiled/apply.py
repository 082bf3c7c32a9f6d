"""A local change applied to a compiled pack (compiled/incremental.py says which): the
changed files and what depends on them loaded again with the loader's own per-file steps,
against the rest as stored, and their rows, problems and documents replaced. No Textual."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from aiplan_tui.compiled.build import write_segment
from aiplan_tui.compiled.export_rows import write_texts
from aiplan_tui.compiled.incremental import (
    Change,
    NotLocal,
    StoredArticles,
    check_stored,
    has_problems,
    new_problems,
    stored_groups,
)
from aiplan_tui.compiled.layout import (
    ARTICLE_ROWS,
    CELL_ROWS,
    ENTITY_ROWS,
    HIGHLIGHT_ROWS,
    INFO_ROWS,
    file_of,
    highlight_rows,
    sameness_rows,
)
from aiplan_tui.compiled.people import files_naming, reload_people, replace_people_rows
from aiplan_tui.compiled.records import brief_rows, row_of, rows_groups
from aiplan_tui.compiled.refresh import mini_pack, refresh_meta, rows_of_files
from aiplan_tui.compiled.reindex import reindex
from aiplan_tui.core.model import Article, Highlight
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.attribution import check_attribution
from aiplan_tui.pack.highlights import load_highlight_file
from aiplan_tui.pack.loader import load_article_file
from aiplan_tui.pack.registry import Registry
from aiplan_tui.pack.segments import (
    ARTICLES,
    ATTRIBUTION,
    CELLS,
    ENTITIES,
    HIGHLIGHTS,
    Segment,
    SegmentLog,
)


def apply_change(db: sqlite3.Connection, root: Path, change: Change, manifest: str) -> None:
    """Replace what the change touched; NotLocal if it turns out not to be local."""
    check_stored(db)
    old_ids = _article_ids_by_file(db)
    changed_ids = {old_ids[f] for f in change.articles if f in old_ids}
    changed_ids |= _rejected_articles(db, change.articles)
    info = stored_groups(db, root, INFO_ROWS, ENTITY_ROWS)
    registry = Registry(
        sides={s.id: s for s in info["side"]},
        dimensions={d.id: d for d in info["dimension"]},
        entities={e.id: e for e in info["entity"]},
    )
    keep = [i for f, i in old_ids.items() if f not in change.articles]
    registry.articles = StoredArticles(db, root, keep)  # type: ignore[assignment]
    skip = {(ARTICLES, f) for f in change.articles}
    skip |= {(ENTITIES, "entities.toml")} if change.people else set()
    registry.rejected = _stored_rejected(db, skip)
    problems = Problems()
    people: list[Segment] = []
    if change.people:
        segment, named = reload_people(db, root, registry, problems)
        people.append(segment)
    log = SegmentLog(problems, registry)
    for name in change.articles:
        if (root / name).is_file():
            log.begin(ARTICLES, name)
            load_article_file(root / name, registry, problems)
    log.end()
    new_article_files = {s.unit: s for s in log.segments}
    changed_ids |= {i for (_, i) in _claims_of(log.segments, "article")}
    changed_ids |= {i for (c, i) in _rejected_of(log.segments) if c == "article"}
    reread = set(change.highlights) | _files_in(db, changed_ids)
    if change.people:
        reread |= files_naming(db, named)
    if change.articles or change.people:
        reread |= _with_problems(db, HIGHLIGHTS)
    refs = _highlight_refs(db, reread)
    highlight_log = SegmentLog(problems, registry)
    for name in sorted(reread):
        if (root / name).is_file():
            highlight_log.begin(HIGHLIGHTS, name)
            load_highlight_file(root / name, registry, problems)
    highlight_log.end()
    new_problems(problems)
    _check_claims(db, log.segments, ARTICLES, set(change.articles))
    _check_claims(db, highlight_log.segments, HIGHLIGHTS, reread)
    _check_cells(db, root, reread, highlight_log.segments)
    new_highlights = list(registry.highlights.values())
    affected = changed_ids | {a for f in reread for a in refs.get(f, set())}
    affected |= {h.article for h in new_highlights}
    old_highlights = rows_of_files(db, root, reread)
    _replace_rows(db, root, change.articles, reread, new_article_files, registry, new_highlights)
    if change.people:
        replace_people_rows(db, root, registry)
    touched = [(ARTICLE_ROWS, f) for f in change.articles] + [(HIGHLIGHT_ROWS, f) for f in reread]
    write_texts(db, touched + ([(ENTITY_ROWS, "entities.toml")] if change.people else []))
    segments = [*people, *log.segments, *highlight_log.segments]
    gone = [(ARTICLES, f) for f in change.articles] + [(HIGHLIGHTS, f) for f in reread]
    gone += [(ENTITIES, "entities.toml")] if change.people else []
    ids_now = _ids_now(db, old_ids, change.articles)
    article_files = {i: f for f, i in ids_now.items()}
    gone += [(ATTRIBUTION, f) for f, i in old_ids.items() if i in affected]
    gone += [(ATTRIBUTION, f) for f in change.articles]
    segments += _attribution(db, root, registry, affected, article_files)
    _replace_segments(db, root, gone, segments)
    units = [f for i, f in article_files.items() if i in affected]
    units += [f for f, i in old_ids.items() if i in affected or f in change.articles]
    reindex(db, root, sorted(set(units)), sorted(reread), registry, change.people)
    ids = list(ids_now.values())  # (in file order, as the briefs table has them)
    refresh_meta(db, root, manifest, change, old_highlights, new_highlights, registry, ids)


def _claims_of(segments: list[Segment], category: str) -> set[tuple[str, str]]:
    return {c for s in segments for c in s.claims if c[0] == category}


def _rejected_of(segments: list[Segment]) -> set[tuple[str, str]]:
    return {tuple(r) for s in segments for r in s.rejected}  # type: ignore[misc]


def _check_claims(
    db: sqlite3.Connection, segments: list[Segment], phase: int, replaced: set[str]
) -> None:
    """NotLocal if a file read again defines an id a file kept defines too."""
    for segment in segments:
        for category, item in segment.claims:
            for (unit,) in db.execute(
                "SELECT unit FROM claims WHERE category = ? AND id = ? AND +phase = ?",
                (category, item, phase),
            ):
                if unit not in replaced:
                    raise NotLocal("an id defined twice")


def _stored_rejected(db: sqlite3.Connection, skip: set[tuple[int, str]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for phase, unit, rejected in db.execute(
        "SELECT phase, unit, rejected FROM segments WHERE phase < ? AND rejected != '[]'",
        (HIGHLIGHTS,),
    ):
        if (int(phase), str(unit)) not in skip:
            found.update((str(c), str(i)) for c, i in json.loads(rejected))
    return found


def _rejected_articles(db: sqlite3.Connection, files: list[str]) -> set[str]:
    found: set[str] = set()
    for name in files:
        row = db.execute(
            "SELECT rejected FROM segments WHERE phase = ? AND unit = ?", (ARTICLES, name)
        ).fetchone()
        if row is not None:
            found.update(str(i) for c, i in json.loads(row[0]) if c == "article")
    return found


def _article_ids_by_file(db: sqlite3.Connection) -> dict[str, str]:
    rows = db.execute("SELECT file, id FROM briefs ORDER BY file")
    return {str(file): str(article) for file, article in rows}


def _ids_now(db: sqlite3.Connection, old: dict[str, str], files: list[str]) -> dict[str, str]:
    """_article_ids_by_file after the rows of these files were replaced: only theirs read."""
    replaced = set(files)
    now = {f: i for f, i in old.items() if f not in replaced}
    for name in files:
        row = db.execute("SELECT id FROM briefs WHERE file = ?", (name,)).fetchone()
        if row is not None:
            now[name] = str(row[0])
    return dict(sorted(now.items()))


def _files_in(db: sqlite3.Connection, articles: set[str]) -> set[str]:
    """The highlight files with a highlight in any of these articles."""
    found: set[str] = set()
    for article in articles:
        rows = db.execute(
            "SELECT DISTINCT file FROM pack WHERE article = ? AND +section = ?",
            (article, HIGHLIGHT_ROWS),
        )
        found.update(str(file) for (file,) in rows)
    return found


def _highlight_refs(db: sqlite3.Connection, files: set[str]) -> dict[str, set[str]]:
    """Each of these highlight files' articles (those it has highlights in), as stored."""
    refs: dict[str, set[str]] = {}
    for name in files:
        rows = db.execute(
            "SELECT DISTINCT article FROM pack WHERE section = ? AND file = ?",
            (HIGHLIGHT_ROWS, name),
        )
        refs[name] = {str(article) for (article,) in rows}
    return refs


def _with_problems(db: sqlite3.Connection, phase: int) -> set[str]:
    rows = db.execute(
        "SELECT DISTINCT unit FROM problems WHERE phase = ? UNION "
        "SELECT unit FROM segments WHERE phase = ? AND skipped != '{}'",
        (phase, phase),
    )
    return {str(unit) for (unit,) in rows}


def _check_cells(
    db: sqlite3.Connection, root: Path, reread: set[str], segments: list[Segment]
) -> None:
    """NotLocal if the comparison has a problem or names a highlight of a file read again."""
    if has_problems(db, CELLS):
        raise NotLocal("the comparison has a problem")
    named = {h for cell in stored_groups(db, root, CELL_ROWS)["cell"] for h in cell.highlights}
    if not named:
        return
    ids = {c[1] for s in segments for c in s.claims} | {r[1] for s in segments for r in s.rejected}
    ids |= {h.id for h in rows_of_files(db, root, reread)}
    if ids & named:
        raise NotLocal("the comparison names a highlight read again")


def _replace_rows(
    db: sqlite3.Connection,
    root: Path,
    article_files: list[str],
    reread: set[str],
    segments: dict[str, Segment],
    registry: Registry,
    highlights: list[Highlight],
) -> None:
    for name in article_files:
        db.execute("DELETE FROM pack WHERE section = ? AND file = ?", (ARTICLE_ROWS, name))
        db.execute("DELETE FROM briefs WHERE file = ?", (name,))
        db.execute("DELETE FROM sameness WHERE file = ?", (name,))
    for name in reread:
        db.execute("DELETE FROM pack WHERE section = ? AND file = ?", (HIGHLIGHT_ROWS, name))
    articles = [a for a in registry.articles.values() if isinstance(a, Article)]
    fresh = [a for a in articles if file_of(a.source.path, root) in segments]
    rows: list[Any] = [
        (ARTICLE_ROWS, file_of(a.source.path, root), 0, *row_of(a, root), a.id) for a in fresh
    ]
    ordered = [h for h in highlights if not h.status] + [h for h in highlights if h.status]
    rows += highlight_rows(ordered, root)
    db.executemany("INSERT INTO pack VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO sameness VALUES (?, ?, ?, ?)", sameness_rows(fresh, root))
    brief = brief_rows(mini_pack(registry, root, fresh, []))
    db.executemany(
        "INSERT INTO briefs VALUES (?, ?, ?)",
        ((file_of(a.source.path, root), *row) for a, row in zip(fresh, brief, strict=True)),
    )


def _attribution(
    db: sqlite3.Connection,
    root: Path,
    registry: Registry,
    affected: set[str],
    files: dict[str, str],
) -> list[Segment]:
    """Each affected article's attribution checked again, from its rows as they are now."""
    segments = []
    for article_id in sorted(affected, key=lambda i: files.get(i, "")):
        if article_id not in files:
            continue
        rows = db.execute(
            "SELECT kind, item FROM pack WHERE article = ? ORDER BY section, file, n",
            (article_id,),
        ).fetchall()
        groups = rows_groups(root, rows)
        (article,) = groups["article"]
        pack = mini_pack(registry, root, [article], groups["quote"])
        problems = Problems()
        check_attribution(pack, problems, article)
        segments.append(Segment(ATTRIBUTION, files[article_id], problems.items))
    return segments


def _replace_segments(
    db: sqlite3.Connection, root: Path, gone: list[tuple[int, str]], segments: list[Segment]
) -> None:
    for phase, unit in gone:
        db.execute("DELETE FROM segments WHERE phase = ? AND unit = ?", (phase, unit))
        db.execute("DELETE FROM claims WHERE phase = ? AND unit = ?", (phase, unit))
        db.execute("DELETE FROM problems WHERE phase = ? AND unit = ?", (phase, unit))
    for segment in segments:
        write_segment(db, segment, root)
