"""Load a content pack directory into the model, collecting every problem instead of stopping."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiplan_tui.core.fields import (
    ID_PATTERN,
    Field,
    TableAt,
    check_fields,
    check_table,
    did_you_mean,
)
from aiplan_tui.core.files import entry_problem
from aiplan_tui.core.model import (
    Dimension,
    Pack,
    PackInfo,
    Side,
)
from aiplan_tui.core.pausing import FILES_EVERY, Pause, paused
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text, salvage_text
from aiplan_tui.core.transaction import finish_interrupted
from aiplan_tui.pack import schema
from aiplan_tui.pack.articles import load_article
from aiplan_tui.pack.attribution import check_attribution
from aiplan_tui.pack.cells import check_coverage, make_cell
from aiplan_tui.pack.entities import add_entity, warn_shared_names
from aiplan_tui.pack.equivalents import load_equivalents
from aiplan_tui.pack.highlights import load_highlight_file, settle_ambiguous
from aiplan_tui.pack.not_found import no_pack_directory
from aiplan_tui.pack.registry import Registry
from aiplan_tui.pack.result import LoadResult, PackNotFoundError
from aiplan_tui.pack.segments import (
    ARTICLES,
    ATTRIBUTION,
    CELLS,
    ENTITIES,
    ENTRIES,
    HIGHLIGHTS,
    PACK_FILE,
    SegmentLog,
)

__all__ = ["LoadResult", "PackNotFoundError", "load_pack"]


def load_pack(
    root: Path, pause: Pause | None = None, only: Collection[str] | None = None
) -> LoadResult:
    """Read pack.toml, articles, entities, highlights and comparison, in that order.
    `pause`: called every few files (core/pausing.py), for a load in the app's thread.
    `only`: of the article and highlight files, only these (names relative to the root), for
    a build made in steps (compiled/staged.py); all of them if None."""
    if not root.is_dir():
        raise no_pack_directory(root)
    finish_interrupted(root)  # a write a kill cut short: the new pack, never half of it
    problems = Problems()
    registry = Registry()
    log = SegmentLog(problems, registry)
    log.begin(ENTRIES)
    _report_odd_entries(root, problems)
    refused = _links_outside(root, problems)
    log.begin(PACK_FILE, "pack.toml")
    info = _load_pack_toml(root / "pack.toml", registry, problems, refused)
    _load_articles(root, registry, problems, refused, log, pause, only)
    log.begin(ENTITIES, "entities.toml")
    load_entities(root, registry, problems, refused)
    for path in paused(_files(root / "highlights", "*.toml"), pause, FILES_EVERY):
        if path not in refused and (only is None or unit_name(root, path) in only):
            log.begin(HIGHLIGHTS, unit_name(root, path))
            load_highlight_file(path, registry, problems)
    log.begin(CELLS, "comparison.toml")
    settle_ambiguous(registry, problems)
    placed_cells = {
        f"{cell.dimension}/{cell.side}": (cell, at)
        for table, at, ok in _load_tables(
            root / "comparison.toml", "cell", schema.CELL, registry, problems, refused
        )
        if (cell := make_cell(table, at, ok, registry, problems)) is not None
    }
    cells = [cell for cell, _ in placed_cells.values()]
    check_coverage(placed_cells, registry, problems)
    pack = Pack(
        info=info,
        root=root,
        sides=tuple(registry.sides.values()),
        dimensions=tuple(registry.dimensions.values()),
        articles=tuple(registry.articles.values()),
        entities=tuple(registry.entities.values()),
        highlights=tuple(h for h in registry.highlights.values() if not h.status),
        comparison=tuple(cells),
        suggested=tuple(h for h in registry.highlights.values() if h.status),
    )
    for article in pack.articles:
        log.begin(ATTRIBUTION, unit_name(root, article.source.path))
        check_attribution(pack, problems, article)
    log.end()
    return LoadResult(pack, problems, tuple(log.segments))


def load_entities(root: Path, registry: Registry, problems: Problems, refused: set[Path]) -> None:
    """Add the people and organisations of entities.toml to the registry; report the rest,
    and the names two of them share."""
    entities = _load_tables(
        root / "entities.toml", "entity", schema.ENTITY, registry, problems, refused
    )
    placed = {
        table["id"]: at
        for table, at, ok in entities
        if add_entity(table, at, ok, registry, problems)
    }
    warn_shared_names(placed, registry, problems)


def unit_name(root: Path, path: Path) -> str:
    """A pack file's name as its segment and the compiled pack know it: relative to the root."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _files(directory: Path, pattern: str) -> list[Path]:
    return sorted(p for p in directory.glob(pattern) if p.is_file()) if directory.is_dir() else []


def _report_odd_entries(root: Path, problems: Problems) -> None:
    """Names that look like pack files but are not regular files (a dangling link, a FIFO, a
    directory called `x.md`) are skipped, and said to be."""
    named = [root / "pack.toml", root / "entities.toml", root / "comparison.toml"]
    for directory, pattern in ((root / "articles", "*.md"), (root / "highlights", "*.toml")):
        if directory.is_dir():
            named += sorted(directory.glob(pattern))
    for path in named:
        if not os.path.lexists(path):
            continue
        problem = entry_problem(path)
        if problem is not None:
            problems.error(path, 1, 1, f"{problem}; skipped")


def _links_outside(root: Path, problems: Problems) -> set[Path]:
    """Pack files that are links (or sit in linked folders) leading outside the pack: refused,
    so a pack can never make the app read a file it does not contain."""
    real_root = root.resolve()
    candidates = [
        root / "pack.toml",
        root / "entities.toml",
        root / "comparison.toml",
        *_files(root / "articles", "*.md"),
        *_files(root / "highlights", "*.toml"),
    ]
    refused = set()
    for path in candidates:
        if not path.exists():
            continue
        target = path.resolve()
        if not target.is_relative_to(real_root):
            problems.error(
                path,
                1,
                1,
                f"is a link to {target}, outside the pack; refused (copy the file into the pack)",
            )
            refused.add(path)
    return refused


def _load_pack_toml(
    path: Path, registry: Registry, problems: Problems, refused: set[Path]
) -> PackInfo:
    fallback = PackInfo(id=path.parent.name or "pack", title=path.parent.name or "pack")
    if path in refused:
        return fallback
    if not path.is_file():
        if not os.path.lexists(path):
            message = "pack.toml is missing: every pack needs one with a [pack] table"
            problems.error(path, 1, 1, message)
        return fallback
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        registry.reject_ids_in("side", text or salvage_text(path))
        registry.reject_ids_in("dimension", text or salvage_text(path))
        return fallback
    locator = KeyLocator.scan(text)
    _unknown_tables(data, ("pack", "side", "dimension", "equivalent"), path, locator, problems)
    values = check_table(
        data.get("pack", {}), schema.PACK, TableAt(path, locator, "pack"), problems
    )
    for index, table in enumerate(_as_list(data.get("side", []))):
        at = TableAt(path, locator, "side", index)
        side = check_table(table, schema.SIDE, at, problems)
        if side and registry.claim("side", side["id"], at, problems):
            side.setdefault("short", side["label"])
            registry.sides[side["id"]] = Side(**side)
    for index, table in enumerate(_as_list(data.get("dimension", []))):
        at = TableAt(path, locator, "dimension", index)
        dimension = check_table(table, schema.DIMENSION, at, problems)
        if dimension and registry.claim("dimension", dimension["id"], at, problems):
            registry.dimensions[dimension["id"]] = Dimension(**dimension)
    if not registry.sides:
        problems.warning(path, 1, 1, "no [[side]] is defined, so nothing can be compared")
    equivalents = load_equivalents(data.get("equivalent", []), path, locator, problems)
    return PackInfo(**values, equivalents=equivalents) if values else fallback


def _unknown_tables(
    data: dict[str, Any],
    allowed: Sequence[str],
    path: Path,
    locator: KeyLocator,
    problems: Problems,
) -> None:
    for key in data:
        if key not in allowed:
            line, col = locator.table(key)
            problems.warning(path, line, col, f'unknown table "{key}"{did_you_mean(key, allowed)}')


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _load_articles(
    root: Path,
    registry: Registry,
    problems: Problems,
    refused: set[Path],
    log: SegmentLog,
    pause: Pause | None = None,
    only: Collection[str] | None = None,
) -> None:
    directory = root / "articles"
    paths = [path for path in _files(directory, "*.md") if path not in refused]
    if only is not None:
        paths = [path for path in paths if unit_name(root, path) in only]
    log.begin(ARTICLES)
    if not paths:
        problems.warning(directory, 1, 1, "the pack has no articles (articles/*.md)")
    for path in paused(paths, pause, FILES_EVERY):
        log.begin(ARTICLES, unit_name(root, path))
        load_article_file(path, registry, problems)


def load_article_file(path: Path, registry: Registry, problems: Problems) -> None:
    """Add the article in the file to the registry if it is valid; else report why."""
    loaded = load_article(path, problems)
    if loaded is None:
        problems.skip("article")
        registry.rejected.add(("article", path.stem))
        return
    article, at = loaded
    if not ID_PATTERN.match(article.id):
        message = f'the file name gives an invalid id "{article.id}": set "id"'
        problems.error(path, 1, 1, message)
    else:
        claimed = registry.claim("article", article.id, at, problems)
        sides, ok = registry.resolve("side", article.sides, registry.sides, at, "sides", problems)
        if claimed and ok:
            registry.articles[article.id] = replace(article, sides=sides)
            return
    problems.skip("article")
    registry.rejected.add(("article", article.id))


def _load_tables(
    path: Path,
    name: str,
    spec: tuple[Field, ...],
    registry: Registry,
    problems: Problems,
    refused: set[Path],
) -> list[tuple[dict[str, Any], TableAt, bool]]:
    """The `[[name]]` tables of an optional file: each one's valid values, where it stands and
    whether it is wholly valid (one that is not is still checked further, then left out)."""
    if path in refused or not path.is_file():
        return []
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        problems.skip(f"{path.name} file")
        registry.reject_ids_in(name, text or salvage_text(path))
        return []
    locator = KeyLocator.scan(text)
    _unknown_tables(data, (name,), path, locator, problems)
    valid = []
    for index, table in enumerate(_as_list(data.get(name, []))):
        at = TableAt(path, locator, name, index)
        values, ok = check_fields(table, spec, at, problems)
        if not isinstance(table, dict):
            problems.skip(name)
            continue
        if not ok and isinstance(table.get("id"), str):
            registry.rejected.add((name, table["id"]))
        valid.append((values, at, ok))
    return valid
