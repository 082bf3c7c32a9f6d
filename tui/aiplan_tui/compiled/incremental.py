"""A compiled pack brought up to date a file at a time: only the files a change touched,
and what depends on them, are read and indexed again. No Textual.

Which files: article files (`articles/*.md`) and highlight files (`highlights/*.toml`)
added, changed, removed or renamed. What depends on them, and so is read again too: every
highlight file with a highlight in an article whose file changed (its words are found in
that article again), and, when any article file changed, every highlight file with a
problem (it may name the article that came or went); each article whose highlights changed
gets its attribution checked again and its paragraphs indexed again. Everything else —
the other files' rows, problems and documents — is kept as stored.

A change to entities.toml is taken on too (compiled/people.py): the people loaded again,
and every highlight file naming one who changed read again.

The bound: a change this does not take on is a whole build, as before. That is any change
to pack.toml or comparison.toml, a link or an odd entry among the pack's files, a pack with
a duplicate id, a comparison with a problem or naming a highlight of a file read again, the
first article added or the last removed, an unfinished transaction, or a database compiled
without its segments.

The update is made in place, in one write transaction on the database in WAL mode
(compiled/update.py): a reader (the app keeps its database open all session, in one read
transaction) sees the old pack or the new one, never a mix.
"""

from __future__ import annotations

import json
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiplan_tui.compiled.layout import ARTICLE_ROWS
from aiplan_tui.compiled.records import rows_groups
from aiplan_tui.compiled.sources import file_hash, regular
from aiplan_tui.core.model import Article
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.segments import ENTRIES

GLOBAL_FILES = ("pack.toml", "entities.toml", "comparison.toml")


class NotLocal(Exception):
    """The change is not one this module takes on: build the whole pack."""


@dataclass
class Change:
    """The pack files whose bytes changed (each name relative to the root), and the stored
    stats to refresh for files touched but not changed."""

    articles: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    sources: list[tuple[str, int, int, str]] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    people: bool = False
    """entities.toml changed."""


def meta(db: sqlite3.Connection, key: str) -> Any:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    return json.loads(str(row[0]))


def find_change(
    db: sqlite3.Connection, root: Path, manifest: str, stored_manifest: str | None = None
) -> Change:
    """The pack files changed since the database's manifest (`stored_manifest`, if read
    already); NotLocal if it is not a change of article and highlight files alone."""
    if meta(db, "incremental") is not True:
        raise NotLocal("compiled without segments")
    old_manifest = str(meta(db, "manifest")) if stored_manifest is None else stored_manifest
    old_whole, new_whole = json.loads(old_manifest), json.loads(manifest)
    if old_whole[:3] != new_whole[:3]:
        raise NotLocal("another format, version or folder")
    old, new = differing(old_whole[3], new_whole[3])
    change = Change()
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before == after or (_is_directory(before) and _is_directory(after)):
            continue
        kind = _kind(name)
        if kind is None:
            if name.endswith(" ->") or name in (".", "articles", "highlights"):
                raise NotLocal(f"{name}: a link or a folder")
            continue  # a file the loader never reads
        if not all(entry is None or regular(entry) for entry in (before, after)):
            raise NotLocal(f"{name}: not a regular file")
        if after is not None:
            size, mtime = int(str(after[1])), int(str(after[2]))
            digest = file_hash(root / name, size, mtime)
            change.sources.append((name, size, mtime, digest))
            if before is not None and digest and digest == _stored_hash(db, name):
                continue  # touched, not changed
        else:
            change.gone.append(name)
        if name == "entities.toml":
            change.people = True
            continue
        if kind == "global":
            raise NotLocal(f"{name} changed")
        (change.articles if kind == "article" else change.highlights).append(name)
    _check_articles_remain(old_whole[3], new_whole[3])
    return change


def differing(
    old: list[list[object]], new: list[list[object]]
) -> tuple[dict[str, tuple[object, ...]], dict[str, tuple[object, ...]]]:
    """The entries of two manifests' lists that are not in both alike, by name (a name in
    one only, or with another type, size or time): entries equal in both are left out."""
    if len(old) == len(new):  # the same names, most likely: compared in place, pair by pair
        pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        if all(a[0] == b[0] for a, b in pairs):
            return (
                {str(a[0]): tuple(a[1:]) for a, _ in pairs},
                {str(b[0]): tuple(b[1:]) for _, b in pairs},
            )
    before, after = set(map(tuple, old)), set(map(tuple, new))
    return (
        {str(e[0]): e[1:] for e in before - after},
        {str(e[0]): e[1:] for e in after - before},
    )


def _stored_hash(db: sqlite3.Connection, name: str) -> str | None:
    row = db.execute("SELECT hash FROM sources WHERE path = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def _kind(name: str) -> str | None:
    if name in GLOBAL_FILES:
        return "global"
    folder, _, rest = name.partition("/")
    if "/" in rest or not rest:
        return None
    if folder == "articles" and rest.endswith(".md"):
        return "article"
    if folder == "highlights" and rest.endswith(".toml"):
        return "highlight"
    return None


def _is_directory(entry: tuple[object, ...] | None) -> bool:
    return entry is not None and isinstance(entry[0], int) and stat.S_ISDIR(entry[0])


def _check_articles_remain(old: list[list[object]], new: list[list[object]]) -> None:
    """The pack's 'no articles' warning stands or falls with the first and last article."""
    if any(_kind(str(entry[0])) == "article" for entry in old) != any(
        _kind(str(entry[0])) == "article" for entry in new
    ):
        raise NotLocal("the first article added or the last removed")


class StoredArticles(dict[str, Article | None]):
    """Every stored article's id, each article read from the database when first asked
    for: a highlight file read again finds its words in the articles it names."""

    def __init__(self, db: sqlite3.Connection, root: Path, ids: list[str]) -> None:
        super().__init__(dict.fromkeys(ids))
        self._db, self._root = db, root

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self:
            return default
        return self[key]

    def __getitem__(self, key: str) -> Article:
        found = super().__getitem__(key)
        if found is None:
            rows = self._db.execute(
                "SELECT kind, item FROM pack WHERE +section = ? AND article = ?",
                (ARTICLE_ROWS, key),
            ).fetchall()
            (found,) = rows_groups(self._root, rows)["article"]
            self[key] = found
        assert found is not None
        return found


def stored_groups(db: sqlite3.Connection, root: Path, *sections: int) -> dict[str, list[Any]]:
    """The stored objects of these sections of the `pack` table, by kind, in pack order."""
    marks = ", ".join("?" * len(sections))
    rows = db.execute(
        f"SELECT kind, item FROM pack WHERE section IN ({marks}) ORDER BY section, file, n",
        sections,
    )
    return rows_groups(root, rows)


def has_problems(db: sqlite3.Connection, phase: int, unit: str | None = None) -> bool:
    query = "SELECT 1 FROM problems WHERE phase = ?" + (" AND unit = ?" if unit else "")
    return (
        db.execute(query + " LIMIT 1", (phase, unit) if unit else (phase,)).fetchone() is not None
    )


def check_stored(db: sqlite3.Connection) -> None:
    """NotLocal for a pack whose stored problems make a local change unsafe to reason about."""
    if has_problems(db, ENTRIES):
        raise NotLocal("odd entries or links")
    found = db.execute("SELECT 1 FROM problems WHERE message LIKE 'duplicate %' LIMIT 1")
    if found.fetchone() is not None:
        raise NotLocal("a duplicate id")


def new_problems(problems: Problems) -> None:
    """NotLocal if the files read again found a duplicate id (it may be another file's)."""
    if any(p.message.startswith("duplicate ") for p in problems.items):
        raise NotLocal("a duplicate id")
