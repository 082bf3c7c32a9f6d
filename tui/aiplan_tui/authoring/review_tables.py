"""The line-level tools Review's writers share: find a table in a TOML file's lines, set or
remove its keys touching only their lines, and write files back checked, as one transaction
under the pack's lock, each write told to undo (review_history.py). No Textual."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import tomli

from aiplan_tui.authoring.review_history import record
from aiplan_tui.authoring.writing import toml_value
from aiplan_tui.core.toml_source import KeyLocator
from aiplan_tui.core.transaction import pack_lock, pack_root, write_files

_KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=")
P = ParamSpec("P")
R = TypeVar("R")


class ReviewError(Exception):
    """Why the change cannot be made (the file is unchanged)."""


@dataclass(frozen=True)
class Table:
    kind: str
    index: int
    start: int
    """0-based line of the `[[kind]]` header."""
    end: int
    """0-based line after the table's last key (comments and blanks before the next header
    belong to the next table)."""


@dataclass(frozen=True)
class Edited:
    """A file's new lines, and the values a table must have in them (`gone`: none may)."""

    path: Path
    lines: list[str]
    check: Mapping[str, object]
    gone: bool = False


def find_table(
    lines: list[str], data: dict[str, Any], what: str, wanted: Mapping[str, object]
) -> Table:
    """The table whose values include `wanted`, and the lines it spans."""
    for table in find_tables(lines, data, wanted):
        return table
    raise ReviewError(f"no {what} with {dict(wanted)} in the file")


def find_tables(
    lines: list[str], data: dict[str, Any], wanted: Mapping[str, object]
) -> list[Table]:
    """Every table whose values include `wanted`, in the file's order of kinds."""
    locator = KeyLocator.scan("\n".join(lines))
    headers = sorted(line - 1 for line in locator.tables.values())
    found = []
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
                found.append(Table(kind, index, start, end))
    return found


def _trailing(line: str) -> bool:
    """A blank or comment line at a table's end: it belongs with the table after it."""
    return not line.strip() or line.lstrip().startswith("#")


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomli.loads(text)
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read ({exc})") from exc


def _key_lines(lines: list[str], table: Table, key: str) -> range | None:
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


def set_keys(lines: list[str], table: Table, values: Mapping[str, object | None]) -> list[str]:
    """The lines with each key set (None: removed), new keys after the table's last line."""
    edited = list(lines)
    end = table.end
    for key, value in values.items():
        current = _key_lines(edited, Table(table.kind, table.index, table.start, end), key)
        line = None if value is None else f"{key} = {toml_value(value)}"
        if current is not None:
            edited[current.start : current.stop] = [] if line is None else [line]
            end += (0 if line is None else 1) - len(current)
        elif line is not None:
            edited.insert(end, line)
            end += 1
    return edited


def without_table(lines: list[str], table: Table) -> list[str]:
    """The lines without the table, the comment lines right above it and the blank lines
    after it (so no gap is left)."""
    start = table.start
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    stop = table.end
    while stop < len(lines) and not lines[stop].strip():
        stop += 1
    return lines[:start] + lines[stop:]


def _checked(edit: Edited) -> bytes:
    """The file's new bytes, if they read as TOML and hold (or, `gone`, lack) the table."""
    text = "\n".join(edit.lines)
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:  # never expected: refuse rather than break a file
        raise ReviewError(f"{edit.path}: the change would not be valid TOML ({exc})") from exc
    tables = [t for v in data.values() if isinstance(v, list) for t in v if isinstance(t, dict)]
    if edit.gone == any(all(t.get(k) == v for k, v in edit.check.items()) for t in tables):
        raise ReviewError(f"{edit.path}: the change did not come out as meant; nothing was written")
    return text.encode("utf-8")


def write_checked(edits: Sequence[Edited]) -> None:
    """Every file checked, then all written as one transaction (or none): for undo, each
    file's bytes before and after."""
    if not edits:
        return
    contents = [(edit.path, _checked(edit)) for edit in edits]
    befores: list[bytes | None] = []
    for path, _ in contents:
        try:
            befores.append(path.read_bytes())
        except FileNotFoundError:
            befores.append(None)
    write_files(pack_root(edits[0].path), contents)
    for (path, after), before in zip(contents, befores, strict=True):
        record(path, before, after)


def locked(edit: Callable[Concatenate[Path, P], R]) -> Callable[Concatenate[Path, P], R]:
    """The edit done holding its pack's lock, its file read again under it: another writer's
    change made meanwhile is kept, never overwritten."""

    def held(path: Path, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with pack_lock(pack_root(path)):
            return edit(path, *args, **kwargs)

    held.__doc__ = edit.__doc__
    return held
