"""Review's changes to a pack's TOML files: accept or reject a suggested highlight, set its
fields, change its kind, add it to a comparison cell. Each edit touches only the lines it must,
so the author's comments, order and layout stay byte for byte; the result is parsed again and
checked before it is written (atomically), or nothing is written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import tomli

from aiplan_tui.authoring.review_seen import still_as_shown
from aiplan_tui.authoring.review_tables import (
    Edited,
    ReviewError,
    find_table,
    locked,
    read_toml,
    set_keys,
    without_table,
    write_checked,
)
from aiplan_tui.authoring.writing import appended, toml_value
from aiplan_tui.core.model import Highlight
from aiplan_tui.core.transaction import pack_lock

__all__ = [
    "ReviewError",
    "accept",
    "accept_all",
    "add_to_cell",
    "change_kind",
    "new_cell",
    "new_entity",
    "reject",
    "update",
]

KIND_FIELDS = {
    "quote": ("speaker", "direct"),
    "fact": ("metric", "value", "unit", "period", "qualifier", "usd", "compare_key"),
    "position": ("side",),
    "event": ("date",),
}
"""The fields only one kind has: changing kind drops the old kind's."""


def _write(path: Path, lines: list[str], check: Mapping[str, object], gone: bool = False) -> None:
    write_checked([Edited(path, lines, check, gone)])


def accept(path: Path, highlight_id: str, seen: Highlight | None = None) -> None:
    """Keep the highlight: its `status = "suggested"` line goes."""
    update(path, highlight_id, {"status": None}, seen=seen)


@locked
def update(
    path: Path,
    highlight_id: str,
    values: Mapping[str, object | None],
    seen: Highlight | None = None,
) -> None:
    """Set (or, with None, remove) the highlight's fields; refused where its table is not
    what was `seen` (see review_seen.py)."""
    text, data = read_toml(path)
    lines = text.split("\n")
    table = find_table(lines, data, "highlight", {"id": highlight_id})
    still_as_shown(data[table.kind][table.index], table.kind, seen)
    fields = {**data[table.kind][table.index], **values}
    if table.kind == "quote" and not fields.get("status") and not fields.get("speaker"):
        raise ReviewError(
            f"{highlight_id}: a quotation needs a speaker before it is accepted; set one first"
        )
    edited = set_keys(lines, table, values)
    _write(path, edited, {"id": highlight_id, **{k: v for k, v in values.items() if v is not None}})


def accept_all(root: Path, seen: Sequence[Highlight]) -> None:
    """Keep every highlight at once: one transaction, or nothing if one cannot be accepted
    (a quote with no speaker, a table changed since it was `seen`)."""
    by_path: dict[Path, list[Highlight]] = {}
    for highlight in seen:
        by_path.setdefault(highlight.source.path, []).append(highlight)
    with pack_lock(root):
        edits = []
        for path, highlights in by_path.items():
            text, data = read_toml(path)
            lines = text.split("\n")
            for highlight in highlights:
                table = find_table(lines, data, "highlight", {"id": highlight.id})
                values = data[table.kind][table.index]
                still_as_shown(values, table.kind, highlight)
                if table.kind == "quote" and not values.get("speaker"):
                    raise ReviewError(f"{highlight.id}: a quotation needs a speaker first")
                lines = set_keys(lines, table, {"status": None})
                data = tomli.loads("\n".join(lines))
            edits.append(Edited(path, lines, {}))
        write_checked(edits)


@locked
def reject(path: Path, highlight_id: str, seen: Highlight | None = None) -> None:
    """Drop the highlight: its table and the comment lines right above it."""
    text, data = read_toml(path)
    lines = text.split("\n")
    table = find_table(lines, data, "highlight", {"id": highlight_id})
    still_as_shown(data[table.kind][table.index], table.kind, seen)
    _write(path, without_table(lines, table), {"id": highlight_id}, gone=True)


@locked
def change_kind(
    path: Path,
    highlight_id: str,
    kind: str,
    values: Mapping[str, object],
    seen: Highlight | None = None,
) -> None:
    """Make the highlight another kind: the header changes, the old kind's own fields go and
    `values` (the new kind's required ones) are set."""
    if kind not in KIND_FIELDS:
        raise ReviewError(f"no kind {kind!r}: {', '.join(KIND_FIELDS)}")
    text, data = read_toml(path)
    lines = text.split("\n")
    table = find_table(lines, data, "highlight", {"id": highlight_id})
    still_as_shown(data[table.kind][table.index], table.kind, seen)
    edited = set_keys(lines, table, dict.fromkeys(KIND_FIELDS.get(table.kind, ())))
    edited[table.start] = edited[table.start].replace(f"[[{table.kind}]]", f"[[{kind}]]", 1)
    retyped = tomli.loads("\n".join(edited))
    new_table = find_table(edited, retyped, "highlight", {"id": highlight_id})
    _write(path, set_keys(edited, new_table, dict(values)), {"id": highlight_id, **values})


@locked
def add_to_cell(path: Path, dimension: str, side: str, highlight_id: str) -> bool:
    """List the highlight in the (dimension, side) cell; False when the pack has no such cell
    (its summary is the editors' words: Review asks for one and calls `new_cell`)."""
    text, data = read_toml(path)
    lines = text.split("\n")
    try:
        table = find_table(lines, data, "cell", {"dimension": dimension, "side": side})
    except ReviewError:
        return False
    listed = list(data["cell"][table.index].get("highlights", []))
    if highlight_id not in listed:
        listed.append(highlight_id)
        edited = set_keys(lines, table, {"highlights": listed})
        _write(path, edited, {"dimension": dimension, "side": side, "highlights": listed})
    return True


@locked
def new_cell(path: Path, dimension: str, side: str, summary: str, highlight_id: str) -> None:
    """A new cell at the end of comparison.toml with the editor's summary and the highlight."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = [
        "[[cell]]",
        f"dimension = {toml_value(dimension)}",
        f"side = {toml_value(side)}",
        f"summary = {toml_value(summary)}",
        f"highlights = {toml_value([highlight_id])}",
        "",
    ]
    _append(path, text, block, {"dimension": dimension, "side": side, "summary": summary})


@locked
def new_entity(path: Path, entity_id: str, name: str, kind: str = "person", role: str = "") -> None:
    """A new entity at the end of entities.toml (a speaker Review was told about)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text:
        _, data = read_toml(path)
        if any(t.get("id") == entity_id for t in data.get("entity", []) if isinstance(t, dict)):
            raise ReviewError(f"{path}: an entity {entity_id!r} is there already")
    block = [
        f"# added by Review: check the name{' and role' if role else ', and give a role'}",
        "[[entity]]",
        f"id = {toml_value(entity_id)}",
        f"name = {toml_value(name)}",
        f"kind = {toml_value(kind)}",
        *([f"role = {toml_value(role)}"] if role else []),
        "",
    ]
    _append(path, text, block, {"id": entity_id, "name": name, "kind": kind})


def _append(path: Path, text: str, block: list[str], check: Mapping[str, object]) -> None:
    """The file's `text` with a table's lines added at its end, written if it still reads
    as TOML holding a table with the `check` values."""
    _write(path, appended(text, "\n".join(block)).split("\n"), check)
