"""Comparison cells: each checked and made, and the tagged highlights a cell leaves out
(entries `check --fix` can add)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from aiplan_tui.core.fields import TableAt
from aiplan_tui.core.model import Cell, Highlight, Position, SourceRef
from aiplan_tui.core.problems import Fix, Problems
from aiplan_tui.pack.registry import Registry


def _one(values: dict[str, Any], key: str) -> list[str]:
    """A single reference as a list to resolve: empty when the field is absent or invalid."""
    return [values[key]] if key in values else []


def make_cell(
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


def check_coverage(
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
