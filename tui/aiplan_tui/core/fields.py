"""Field-by-field validation of TOML tables, reporting every problem with its line and column."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from aiplan_tui.problems import Problems
from aiplan_tui.toml_source import KeyLocator

FieldType = Literal["str", "id", "bool", "number", "date", "date_or_str", "str_list", "id_list"]
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_TYPE_NAMES: dict[FieldType, str] = {
    "str": "a string",
    "id": "an id (letters, digits, - _ . :)",
    "bool": "true or false",
    "number": "a number",
    "date": "a date like 2025-07-26",
    "date_or_str": "a date like 2025-07-26 or a string",
    "str_list": "a list of strings",
    "id_list": "a list of ids",
}


@dataclass(frozen=True)
class Field:
    """One field a table may or must have."""

    name: str
    type: FieldType = "str"
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableAt:
    """Which table of which file is being checked, so problems point at it."""

    path: Path
    locator: KeyLocator
    table: str
    index: int = 0

    @property
    def label(self) -> str:
        """How messages name the table: `[quote]`, or the front matter of an article."""
        return f"[{self.table}]" if self.table else "the front matter"

    def where(self, key: str | None = None) -> tuple[int, int]:
        if key is None:
            return self.locator.table(self.table, self.index)
        return self.locator.key(self.table, self.index, key)


def did_you_mean(word: str, options: Sequence[str], cutoff: float = 60) -> str:
    """` (did you mean "x"?)` for the closest option, or nothing when none is close."""
    if not options:
        return ""
    from rapidfuzz import process  # only a mistake needs it: not imported at start-up

    best = process.extractOne(word, list(options), score_cutoff=cutoff)
    return f' (did you mean "{best[0]}"?)' if best else ""


def check_table(
    table: Any, fields: Sequence[Field], at: TableAt, problems: Problems
) -> dict[str, Any] | None:
    """The table's valid values, or None if anything is wrong enough to leave it out."""
    line, col = at.where()
    if not isinstance(table, dict):
        problems.error(at.path, line, col, f"{at.label} must be a table")
        return None
    known = {f.name: f for f in fields}
    ok = True
    for key in table:
        if key not in known:
            k_line, k_col = at.where(key)
            hint = did_you_mean(key, list(known))
            problems.warning(at.path, k_line, k_col, f'unknown field "{key}" in {at.label}{hint}')
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.name not in table:
            if spec.required:
                problems.error(
                    at.path, line, col, f'{at.label} is missing required field "{spec.name}"'
                )
                ok = False
            continue
        value, message = _coerce(table[spec.name], spec)
        if message:
            k_line, k_col = at.where(spec.name)
            problems.error(at.path, k_line, k_col, f'"{spec.name}" {message}')
            ok = False
        else:
            values[spec.name] = value
    return values if ok else None


def _coerce(value: Any, spec: Field) -> tuple[Any, str]:
    """The value in model form, or an error message saying what was expected."""
    expected = f"must be {_TYPE_NAMES[spec.type]}, not {_describe(value)}"
    if spec.type in ("str", "id"):
        if not isinstance(value, str):
            return None, expected
        if spec.type == "id" and not ID_PATTERN.match(value):
            return None, f"must be an id (letters, digits, - _ . :), not {value!r}"
        if spec.choices and value not in spec.choices:
            hint = did_you_mean(value, spec.choices)
            return None, f"must be one of {', '.join(spec.choices)}, not {value!r}{hint}"
        if spec.required and not value.strip():
            return None, "must not be empty"
        return value, ""
    if spec.type == "bool":
        return (value, "") if isinstance(value, bool) else (None, expected)
    if spec.type == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return None, expected
        if isinstance(value, int) and abs(value) > sys.float_info.max:
            return None, "must be a number within ±1.8e308; this one is larger"
        if not math.isfinite(value):  # 1e400 reads as inf; nan and inf are TOML words
            return None, f"must be a number, not {value}"
        return value, ""
    if spec.type == "date":
        is_date = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return (value, "") if is_date else (None, expected)
    if spec.type == "date_or_str":
        return (value, "") if isinstance(value, (dt.date, str)) else (None, expected)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None, expected
    if spec.type == "id_list":
        bad = [item for item in value if not ID_PATTERN.match(item)]
        if bad:
            return None, f"has an invalid id {bad[0]!r}"
    return tuple(value), ""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (dt.date, dt.time)):
        return "a date or time"
    return type(value).__name__
