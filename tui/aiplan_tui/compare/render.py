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
from aiplan_tui.compare.matrix import GAP, CompareCell, Matrix, Row
from aiplan_tui.core.formatting import KIND_ICONS, cite_line, point_line, where_line
from aiplan_tui.core.markdown import md_escape, point_item
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


# Markdown -------------------------------------------------------------------------------------


def _md_point(highlight: Highlight, pack: Pack) -> str:
    icon = KIND_ICONS[highlight.kind]
    cite = where_line(highlight, pack)
    return f"{icon} {md_escape(point_line(highlight, pack))} ({md_escape(cite)})"


def _md_cell(cell: CompareCell, pack: Pack) -> str:
    if not cell.covered:
        return f"*{GAP}*"
    lines = [f"*{md_escape(cell.summary)}*"] if cell.summary else []
    lines.extend(_md_point(h, pack) for h in cell.points)
    return "<br>".join(lines)


def matrix_to_markdown(matrix: Matrix, pack: Pack) -> str:
    """A table per dimension and side with a citation for every point, then the figure pairs."""
    left, right = matrix.left, matrix.right
    out = [
        f"# {md_escape(left.label)} and {md_escape(right.label)}: {md_escape(pack.info.title)}",
        "",
        "Summaries (in italics) are the pack editors'; every point is quoted from its article.",
        "",
        f"| Dimension | {md_escape(left.label)} | {md_escape(right.label)} |",
        "| --- | --- | --- |",
    ]
    for row in matrix.rows:
        cells = [_md_cell(row.left, pack), _md_cell(row.right, pack)]
        out.append(f"| **{md_escape(row.dimension.title)}** | {cells[0]} | {cells[1]} |")
    if matrix.figures:
        out += ["", "## Figures", ""]
        for pair in matrix.figures:
            line = summary_line(pair, left.short, right.short)
            sources = "; ".join(
                f"“{fact.exact}” ({where_line(fact, pack)})" for fact in (pair.left, pair.right)
            )
            out.append(f"- **{md_escape(pair.metric)}**: {md_escape(line)}. {md_escape(sources)}")
    return "\n".join(out) + "\n"


def row_to_markdown(row: Row, pack: Pack) -> str:
    """One row as the Compare screen shows it, to paste into a brief: the dimension; each side
    in the row's column order with its summary (the pack editors', in italics) and its points,
    each with its citation; then the figures the row pairs, with theirs."""
    out = [f"## {md_escape(row.dimension.title)}", ""]
    if row.dimension.description:
        out += [md_escape(row.dimension.description), ""]
    for cell in (row.left, row.right):
        out += [f"### {md_escape(cell.side.label)}", ""]
        summary = md_escape(cell.summary or "")
        if not cell.covered:
            out += [f"*{GAP}*", ""]
        elif summary:
            out += [f"*{summary}*", ""]
        if cell.points:
            out += [*(point_item(highlight, pack) for highlight in cell.points), ""]
    if row.figures:
        out += ["### Figures", ""]
        left, right = row.left.side.short, row.right.side.short
        for pair in row.figures:
            line = md_escape(summary_line(pair, left, right))
            sources = "; ".join(
                f"{md_escape(short)}: {md_escape(cite_line(fact, pack))}"
                for short, fact in ((left, pair.left), (right, pair.right))
            )
            out.append(f"- **{md_escape(pair.metric)}**: {line} ({sources})")
    return "\n".join(out).rstrip("\n") + "\n"


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
