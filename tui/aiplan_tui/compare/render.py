"""The comparison as JSON, Markdown for a brief, or a Rich table: one Matrix, three renderings.

No Textual. Pack text is cleaned of control characters; in Markdown it is also escaped, so a
pasted brief shows the words, never markup or HTML that the words happen to contain.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aiplan_tui.compare.figures import FigurePair, bar, summary_line, value_text
from aiplan_tui.compare.matrix import GAP, CompareCell, Matrix
from aiplan_tui.core.formatting import KIND_ICONS, point_line
from aiplan_tui.core.model import Fact, Highlight, Pack, Quote
from aiplan_tui.core.safe_text import clean_line

FORMAT_VERSION = 1
BAR_WIDTH = 24


# JSON -----------------------------------------------------------------------------------------


def _highlight_dict(highlight: Highlight, pack: Pack) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": highlight.id,
        "kind": highlight.kind,
        "text": highlight.exact,
        "article": highlight.article,
        "location": {
            "paragraph": highlight.location.paragraph,
            "start": highlight.location.start,
            "end": highlight.location.end,
        },
    }
    if isinstance(highlight, Quote):
        speaker = pack.entity(highlight.speaker)
        data["speaker"] = {"id": highlight.speaker, "name": speaker.name if speaker else None}
        data["direct"] = highlight.direct
    if isinstance(highlight, Fact):
        data["figure"] = {
            "metric": highlight.metric,
            "value": highlight.value,
            "unit": highlight.unit,
            "period": highlight.period or None,
            "usd": highlight.usd,
        }
    return data


def _cell_dict(cell: CompareCell, pack: Pack) -> dict[str, Any]:
    return {
        "side": cell.side.id,
        "summary": cell.summary,
        "covered": cell.covered,
        "highlights": [_highlight_dict(h, pack) for h in cell.points],
    }


def _figure_dict(pair: FigurePair) -> dict[str, Any]:
    return {
        "key": pair.key,
        "metric": pair.metric,
        "unit": pair.unit,
        "left": {"id": pair.left.id, "value": pair.left_value, "unit": pair.left.unit},
        "right": {"id": pair.right.id, "value": pair.right_value, "unit": pair.right.unit},
        "ratio": pair.ratio,
        "larger": pair.larger,
        "reason": pair.reason or None,
    }


def matrix_to_dict(matrix: Matrix, pack: Pack) -> dict[str, Any]:
    """The JSON shape: sides, rows (dimension, two cells, figure pairs), then every pair."""
    return {
        "format": FORMAT_VERSION,
        "sides": [
            {"id": side.id, "label": side.label, "short": side.short}
            for side in (matrix.left, matrix.right)
        ],
        "rows": [
            {
                "dimension": {"id": row.dimension.id, "title": row.dimension.title},
                "cells": [_cell_dict(row.left, pack), _cell_dict(row.right, pack)],
                "figures": [_figure_dict(pair) for pair in row.figures],
            }
            for row in matrix.rows
        ],
        "figures": [_figure_dict(pair) for pair in matrix.figures],
    }


# Rich table -----------------------------------------------------------------------------------


def cell_text(cell: CompareCell, pack: Pack) -> Text:
    """The summary, then each point with its kind icon; a gap says so."""
    if not cell.covered:
        return Text(GAP, style="dim italic")
    text = Text()
    if cell.summary:
        text.append(clean_line(cell.summary), style="italic")
    for highlight in cell.points:
        if text:
            text.append("\n")
        text.append(f"{KIND_ICONS[highlight.kind]} ", style="bold")
        text.append(clean_line(point_line(highlight, pack)))
    return text


def figure_text(
    pair: FigurePair,
    left: str,
    right: str,
    width: int = BAR_WIDTH,
    colours: tuple[str, str] = ("", ""),
) -> Text:
    """The metric, a bar per side on one scale (when comparable), and the summary line."""
    text = Text()
    text.append(clean_line(pair.metric), style="bold")
    if pair.comparable and pair.left_value is not None and pair.right_value is not None:
        scale = max(pair.left_value, pair.right_value)
        label_width = max(cell_len(left), cell_len(right))  # cells: 美国 is 4 wide
        rows = (
            (left, pair.left_value, "left", colours[0]),
            (right, pair.right_value, "right", colours[1]),
        )
        for label, value, side, colour in rows:
            text.append(f"\n{label}{' ' * (label_width - cell_len(label))} ")
            text.append(f"{bar(value, scale, width):<{width}}", style=f"bold {colour}".strip())
            text.append(f" {clean_line(value_text(pair, side))}")
    text.append("\n")
    text.append(clean_line(summary_line(pair, left, right)), style="dim")
    return text


def matrix_table(matrix: Matrix, pack: Pack) -> RenderableType:
    """What `aiplan-tui compare` prints in a terminal."""
    table = Table(
        title=Text(clean_line(f"{pack.info.title}: {matrix.left.short} and {matrix.right.short}")),
        show_lines=True,
        expand=True,
    )
    table.add_column("Dimension", ratio=1, style="bold")
    table.add_column(Text(clean_line(matrix.left.label)), ratio=3)
    table.add_column(Text(clean_line(matrix.right.label)), ratio=3)
    for row in matrix.rows:
        table.add_row(
            Text(clean_line(row.dimension.title)),
            cell_text(row.left, pack),
            cell_text(row.right, pack),
        )
    left, right = clean_line(matrix.left.short), clean_line(matrix.right.short)
    figures = [figure_text(p, left, right) for p in matrix.figures]
    return Group(table, *figures) if figures else table
