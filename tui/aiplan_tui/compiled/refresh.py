"""What a compiled pack says of itself, brought up to date after a change (compiled/apply.py):
counts, skips, the names `article:` matches, highlights per article and kind, the manifest and
the sources. No Textual."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from aiplan_tui.compiled.incremental import Change, meta
from aiplan_tui.compiled.layout import HIGHLIGHT_ROWS
from aiplan_tui.compiled.records import rows_groups
from aiplan_tui.core.model import Article, Highlight, Pack, PackInfo
from aiplan_tui.pack.registry import Registry
from aiplan_tui.search.names import article_names


def rows_of_files(db: sqlite3.Connection, root: Path, files: set[str]) -> list[Highlight]:
    marks = ", ".join("?" * len(files))
    rows = db.execute(
        f"SELECT kind, item FROM pack WHERE section = ? AND file IN ({marks}) ORDER BY file, n",
        (HIGHLIGHT_ROWS, *sorted(files)),
    )
    return list(rows_groups(root, rows)["quote"])


def refresh_meta(
    db: sqlite3.Connection,
    root: Path,
    manifest: str,
    change: Change,
    old: list[Highlight],
    new: list[Highlight],
    registry: Registry,
    ids: list[str] | None = None,
) -> None:
    """Counts, skips, names and the manifest: the stored ones less what the replaced rows
    gave, plus what their new rows give. `ids`: every article's id in its file's order, as
    the briefs table has them now (read from it if not given)."""
    skipped: Counter[str] = Counter()
    for (text,) in db.execute(
        "SELECT skipped FROM segments WHERE skipped != '{}' ORDER BY phase, unit"
    ):
        skipped.update(json.loads(text))
    per_kind = Counter(meta(db, "per_kind"))
    per_kind.subtract(h.kind for h in old if not h.status)
    per_kind.update(h.kind for h in new if not h.status)
    stored_per_article: dict[str, int] = meta(db, "per_article")
    per_article = Counter(stored_per_article)
    per_article.subtract(h.article for h in old if not h.status)
    per_article.update(h.article for h in new if not h.status)
    stored_names: dict[str, str] = meta(db, "articles")
    names = dict(stored_names)
    for article in registry.articles.values():
        if isinstance(article, Article) and article.id not in names:
            names.update(article_names(mini_pack(registry, root, [article], [])))
    if ids is None:
        ids = [str(i) for (i,) in db.execute("SELECT id FROM briefs ORDER BY file")]
    counts = meta(db, "counts")
    counts[0], counts[1] = len(ids), sum(per_article[i] for i in ids)
    if change.people:
        counts[2] = len(registry.entities)
    counts[4] += sum(1 for h in new if h.status) - sum(1 for h in old if h.status)
    fresh = {a.id for a in registry.articles.values() if isinstance(a, Article)}
    values = {
        "manifest": manifest, "counts": counts, "skipped": dict(skipped),
        "articles": {i: names[i] for i in ids} if not fresh else _names(registry, root, ids, names),
        "per_article": {i: per_article.get(i, 0) for i in ids},
        "per_kind": {kind: n for kind, n in per_kind.items() if n > 0},
    }  # fmt: skip
    for key, value in (("articles", stored_names), ("per_article", stored_per_article)):
        if list(values[key].items()) == list(value.items()):
            del values[key]  # as stored, in the same order: not written again (a megabyte at 1M)
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
    )
    for name in change.gone:
        db.execute("DELETE FROM sources WHERE path = ?", (name,))
    db.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", change.sources)


def _names(
    registry: Registry, root: Path, ids: list[str], stored: dict[str, str]
) -> dict[str, str]:
    """What `article:` matches, the articles read again as they are now."""
    fresh = [a for a in dict.values(registry.articles) if isinstance(a, Article)]
    names = {**stored, **article_names(mini_pack(registry, root, fresh, []))}
    return {i: names[i] for i in ids}


def mini_pack(
    registry: Registry, root: Path, articles: list[Article], highlights: list[Any]
) -> Pack:
    """A pack of these articles and highlights, with the stored sides, dimensions and people."""
    return Pack(
        PackInfo("", ""), root, tuple(registry.sides.values()),
        tuple(registry.dimensions.values()), tuple(articles),
        tuple(registry.entities.values()), tuple(h for h in highlights if not h.status),
        (), tuple(h for h in highlights if h.status),
    )  # fmt: skip
