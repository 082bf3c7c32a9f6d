"""Load a content pack directory into the model, collecting every problem instead of stopping."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
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
    Cell,
    Dimension,
    Entity,
    Highlight,
    Pack,
    PackInfo,
    Position,
    Side,
    SourceRef,
)
from aiplan_tui.core.problems import Fix, Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text, salvage_text
from aiplan_tui.pack import schema
from aiplan_tui.pack.articles import load_article
from aiplan_tui.pack.attribution import check_attribution
from aiplan_tui.pack.highlights import load_highlight_file, settle_ambiguous
from aiplan_tui.pack.mentions import entity_names
from aiplan_tui.pack.registry import Registry


class PackNotFoundError(Exception):
    """The directory given is not there at all: a usage error, not a content problem."""


@dataclass(frozen=True)
class LoadResult:
    """The pack as far as it is valid, and everything that was wrong with it."""

    pack: Pack
    problems: Problems


def load_pack(root: Path) -> LoadResult:
    """Read pack.toml, articles, entities, highlights and comparison, in that order."""
    if not root.is_dir():
        raise PackNotFoundError(f"{root}: no such content directory")
    problems = Problems()
    registry = Registry()
    _report_odd_entries(root, problems)
    refused = _links_outside(root, problems)
    info = _load_pack_toml(root / "pack.toml", registry, problems, refused)
    _load_articles(root / "articles", registry, problems, refused)
    entities = _load_tables(
        root / "entities.toml", "entity", schema.ENTITY, registry, problems, refused
    )
    placed = {
        table["id"]: at
        for table, at, ok in entities
        if _add_entity(table, at, ok, registry, problems)
    }
    _warn_shared_names(placed, registry, problems)
    for path in _files(root / "highlights", "*.toml"):
        if path not in refused:
            load_highlight_file(path, registry, problems)
    settle_ambiguous(registry, problems)
    placed_cells = {
        f"{cell.dimension}/{cell.side}": (cell, at)
        for table, at, ok in _load_tables(
            root / "comparison.toml", "cell", schema.CELL, registry, problems, refused
        )
        if (cell := _make_cell(table, at, ok, registry, problems)) is not None
    }
    cells = [cell for cell, _ in placed_cells.values()]
    _check_coverage(placed_cells, registry, problems)
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
    check_attribution(pack, problems)
    return LoadResult(pack, problems)


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
    _unknown_tables(data, ("pack", "side", "dimension"), path, locator, problems)
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
    return PackInfo(**values) if values else fallback


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
    directory: Path, registry: Registry, problems: Problems, refused: set[Path]
) -> None:
    paths = [path for path in _files(directory, "*.md") if path not in refused]
    if not paths:
        problems.warning(directory, 1, 1, "the pack has no articles (articles/*.md)")
    for path in paths:
        loaded = load_article(path, problems)
        if loaded is None:
            problems.skip("article")
            registry.rejected.add(("article", path.stem))
            continue
        article, at = loaded
        if not ID_PATTERN.match(article.id):
            message = f'the file name gives an invalid id "{article.id}": set "id"'
            problems.error(path, 1, 1, message)
        else:
            claimed = registry.claim("article", article.id, at, problems)
            sides, ok = registry.resolve(
                "side", article.sides, registry.sides, at, "sides", problems
            )
            if claimed and ok:
                registry.articles[article.id] = replace(article, sides=sides)
                continue
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


def _add_entity(
    values: dict[str, Any], at: TableAt, valid: bool, registry: Registry, problems: Problems
) -> bool:
    """Add a valid entity; any table's side and id are checked, so every problem is said."""
    side = [values["side"]] if values.get("side") else []
    kept, side_ok = registry.resolve("side", side, registry.sides, at, "side", problems)
    claimed = "id" in values and registry.claim("entity", values["id"], at, problems)
    if valid and side_ok and claimed:
        values["side"] = kept[0] if kept else ""
        registry.entities[values["id"]] = Entity(source=SourceRef(at.path, at.where()[0]), **values)
        return True
    problems.skip("entity")
    if "id" in values:
        registry.rejected.add(("entity", values["id"]))
    return False


def _one(values: dict[str, Any], key: str) -> list[str]:
    """A single reference as a list to resolve: empty when the field is absent or invalid."""
    return [values[key]] if key in values else []


def _warn_shared_names(placed: dict[str, TableAt], registry: Registry, problems: Problems) -> None:
    """A name or alias more than one entity could be meant by is allowed (a shared surname is
    common), but said, where it is declared, with what the app makes of it."""
    for shared in entity_names(tuple(registry.entities.values())).shared:
        at = placed[shared.declared_by]
        if isinstance(at.locator, KeyLocator):
            line, col = at.locator.string(at.table, at.index, shared.key, shared.text)
        else:
            line, col = at.where(shared.key)
        *others, last = shared.candidates
        who = f"{', '.join(others)} or {last}"
        if shared.key == "aliases":
            message = f'alias "{shared.text}" could name {who}: '
            message += "it counts as a mention only after one of their full names"
        else:
            message = f'name "{shared.text}" could name {who}: '
            message += "it counts as a mention only after an alias that only one of them has"
        problems.warning(at.path, line, col, message)


def _make_cell(
    values: dict[str, Any], at: TableAt, valid: bool, registry: Registry, problems: Problems
) -> Cell | None:
    """A cell needs a known dimension and side; unknown highlight ids are reported and dropped.
    A cell with a bad field has its references checked too, then is left out."""
    dimension, dimension_ok = registry.resolve(
        "dimension", _one(values, "dimension"), registry.dimensions, at, "dimension", problems
    )
    side, side_ok = registry.resolve(
        "side", _one(values, "side"), registry.sides, at, "side", problems
    )
    values["highlights"], _ = registry.resolve(
        "highlight", values.get("highlights", ()), registry.highlights, at, "highlights", problems
    )
    pending = [h for h in values["highlights"] if registry.highlights[h].status]
    if pending:
        line, col = at.where("highlights")
        problems.warning(
            at.path, line, col,
            f"{', '.join(pending)} {'is' if len(pending) == 1 else 'are'} still suggested: "
            "Compare shows a highlight once it is reviewed and accepted",
        )  # fmt: skip
    if not (dimension and side and dimension_ok and side_ok):
        problems.skip("cell")
        return None
    key = f"{dimension[0]}/{side[0]}"
    if not registry.claim("comparison cell", key, at, problems) or not valid:
        problems.skip("cell")
        return None
    return Cell(source=SourceRef(at.path, at.where()[0]), **values)


def _check_coverage(
    placed: dict[str, tuple[Cell, TableAt]], registry: Registry, problems: Problems
) -> None:
    """A highlight tagged with a dimension, of one side, where that comparison cell exists and
    does not list it never appears on Compare: its entry is a fix for `check --fix`. Not a
    warning: a cell may leave tagged highlights out on purpose (the bundled pack's do)."""
    for highlight, key in tagged_cells(registry.highlights.values()):
        if key in placed:
            cell, at = placed[key]
            if highlight.id not in cell.highlights:
                fix = Fix(at.path, "cell", at.index, "highlights", append=highlight.id)
                problems.fixes.append(fix)


def tagged_cells(highlights: Iterable[Highlight]) -> Iterator[tuple[Highlight, str]]:
    """Each accepted highlight with the `dimension/side` of each cell it is tagged for: its
    dimensions, and its side (a position's, else its one entry in `sides`)."""
    for highlight in highlights:
        if highlight.status:
            continue
        if isinstance(highlight, Position):
            side = highlight.side
        elif len(highlight.sides) == 1:
            side = highlight.sides[0]
        else:
            continue
        for dimension in highlight.dimensions:
            yield highlight, f"{dimension}/{side}"
