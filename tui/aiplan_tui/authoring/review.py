"""Review's changes to a pack's TOML files: accept or reject a suggested highlight, set its
fields, change its kind, add it to a comparison cell. Each edit touches only the lines it must,
so the author's comments, order and layout stay byte for byte; the result is parsed again and
checked before it is written (atomically), or nothing is written."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import tomli

from aiplan_tui.authoring.review_history import record
from aiplan_tui.authoring.writing import appended, toml_value
from aiplan_tui.core.toml_source import KeyLocator
from aiplan_tui.core.transaction import pack_lock, pack_root, write_files

KIND_FIELDS = {
    "quote": ("speaker", "direct"),
    "fact": ("metric", "value", "unit", "period", "qualifier", "usd", "compare_key"),
    "position": ("side",),
    "event": ("date",),
}
"""The fields only one kind has: changing kind drops the old kind's."""
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
P = ParamSpec("P")
R = TypeVar("R")


class ReviewError(Exception):
    """Why the change cannot be made (the file is unchanged)."""


@dataclass(frozen=True)
class _Table:
    kind: str
    index: int
    start: int
    """0-based line of the `[[kind]]` header."""
    end: int
    """0-based line after the table's last key (comments and blanks before the next header
    belong to the next table)."""


def _find(
    lines: list[str], data: dict[str, Any], what: str, wanted: Mapping[str, object]
) -> _Table:
    """The table whose values include `wanted`, and the lines it spans."""
    locator = KeyLocator.scan("\n".join(lines))
    headers = sorted(line - 1 for line in locator.tables.values())
    for kind, tables in data.items():
        if not isinstance(tables, list):
            continue
        for index, table in enumerate(tables):
            if isinstance(table, dict) and all(table.get(k) == v for k, v in wanted.items()):
                start = locator.tables[(kind, index)] - 1
                following = [h for h in headers if h > start]
                end = following[0] if following else len(lines)
                while end > start + 1 and _trailing(lines[end - 1]):
                    end -= 1
                return _Table(kind, index, start, end)
    raise ReviewError(f"no {what} with {dict(wanted)} in the file")


def _trailing(line: str) -> bool:
    """A blank or comment line at a table's end: it belongs with the table after it."""
    return not line.strip() or line.lstrip().startswith("#")


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomli.loads(text)
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read ({exc})") from exc


def _key_lines(lines: list[str], table: _Table, key: str) -> range | None:
    """The lines holding `key`'s value in the table (a value may span lines)."""
    for number in range(table.start + 1, table.end):
        found = _KEY.match(lines[number])
        if found and found.group(1) == key:
            for last in range(number, table.end):
                try:
                    tomli.loads("\n".join(lines[number : last + 1]))
                except tomli.TOMLDecodeError:
                    continue
                return range(number, last + 1)
            raise ReviewError(f"the value of {key!r} cannot be read")
    return None


def _set(lines: list[str], table: _Table, values: Mapping[str, object | None]) -> list[str]:
    """The lines with each key set (None: removed), new keys after the table's last line."""
    edited = list(lines)
    end = table.end
    for key, value in values.items():
        current = _key_lines(edited, _Table(table.kind, table.index, table.start, end), key)
        line = None if value is None else f"{key} = {toml_value(value)}"
        if current is not None:
            edited[current.start : current.stop] = [] if line is None else [line]
            end += (0 if line is None else 1) - len(current)
        elif line is not None:
            edited.insert(end, line)
            end += 1
    return edited


def _write(path: Path, lines: list[str], check: Mapping[str, object], gone: bool = False) -> None:
    text = "\n".join(lines)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:  # never expected: refuse rather than break a file
        raise ReviewError(f"{path}: the change would not be valid TOML ({exc})") from exc
    tables = [t for v in data.values() if isinstance(v, list) for t in v if isinstance(t, dict)]
    if gone == any(all(t.get(k) == v for k, v in check.items()) for t in tables):
        raise ReviewError(f"{path}: the change did not come out as meant; nothing was written")
    try:
        before: bytes | None = path.read_bytes()
    except FileNotFoundError:
        before = None
    after = text.encode("utf-8")
    write_files(pack_root(path), [(path, after)])
    record(path, before, after)


def _locked(edit: Callable[Concatenate[Path, P], R]) -> Callable[Concatenate[Path, P], R]:
    """The edit done holding its pack's lock, its file read again under it: another writer's
    change made meanwhile is kept, never overwritten."""

    def locked(path: Path, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with pack_lock(pack_root(path)):
            return edit(path, *args, **kwargs)

    locked.__doc__ = edit.__doc__
    return locked


def accept(path: Path, highlight_id: str) -> None:
    """Keep the highlight: its `status = "suggested"` line goes."""
    update(path, highlight_id, {"status": None})


@_locked
def update(path: Path, highlight_id: str, values: Mapping[str, object | None]) -> None:
    """Set (or, with None, remove) the highlight's fields."""
    text, data = _read(path)
    lines = text.split("\n")
    table = _find(lines, data, "highlight", {"id": highlight_id})
    fields = {**data[table.kind][table.index], **values}
    if table.kind == "quote" and not fields.get("status") and not fields.get("speaker"):
        raise ReviewError(
            f"{highlight_id}: a quotation needs a speaker before it is accepted; set one first"
        )
    edited = _set(lines, table, values)
    _write(path, edited, {"id": highlight_id, **{k: v for k, v in values.items() if v is not None}})


@_locked
def reject(path: Path, highlight_id: str) -> None:
    """Drop the highlight: its table and the comment lines right above it."""
    text, data = _read(path)
    lines = text.split("\n")
    table = _find(lines, data, "highlight", {"id": highlight_id})
    start = table.start
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    stop = table.end
    while stop < len(lines) and not lines[stop].strip():
        stop += 1  # and the blank lines after it, so no gap is left
    _write(path, lines[:start] + lines[stop:], {"id": highlight_id}, gone=True)


@_locked
def change_kind(path: Path, highlight_id: str, kind: str, values: Mapping[str, object]) -> None:
    """Make the highlight another kind: the header changes, the old kind's own fields go and
    `values` (the new kind's required ones) are set."""
    if kind not in KIND_FIELDS:
        raise ReviewError(f"no kind {kind!r}: {', '.join(KIND_FIELDS)}")
    text, data = _read(path)
    lines = text.split("\n")
    table = _find(lines, data, "highlight", {"id": highlight_id})
    edited = _set(lines, table, dict.fromkeys(KIND_FIELDS.get(table.kind, ())))
    edited[table.start] = edited[table.start].replace(f"[[{table.kind}]]", f"[[{kind}]]", 1)
    retyped = tomli.loads("\n".join(edited))
    new_table = _find(edited, retyped, "highlight", {"id": highlight_id})
    _write(path, _set(edited, new_table, dict(values)), {"id": highlight_id, **values})


@_locked
def add_to_cell(path: Path, dimension: str, side: str, highlight_id: str) -> bool:
    """List the highlight in the (dimension, side) cell; False when the pack has no such cell
    (its summary is the editors' words: Review asks for one and calls `new_cell`)."""
    text, data = _read(path)
    lines = text.split("\n")
    try:
        table = _find(lines, data, "cell", {"dimension": dimension, "side": side})
    except ReviewError:
        return False
    listed = list(data["cell"][table.index].get("highlights", []))
    if highlight_id not in listed:
        listed.append(highlight_id)
        edited = _set(lines, table, {"highlights": listed})
        _write(path, edited, {"dimension": dimension, "side": side, "highlights": listed})
    return True


@_locked
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


@_locked
def new_entity(path: Path, entity_id: str, name: str, kind: str = "person", role: str = "") -> None:
    """A new entity at the end of entities.toml (a speaker Review was told about)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text:
        _, data = _read(path)
        if any(t.get("id") == entity_id for t in data.get("entity", []) if isinstance(t, dict)):
            raise ReviewError(f"{path}: an entity {entity_id!r} is there already")
    block = [
        "# added by Review: check the name, and give a role",
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
