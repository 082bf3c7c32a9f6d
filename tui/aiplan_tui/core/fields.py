"""Field-by-field checks of a table of values, every problem reported with its line and column.

The one checking mechanism for every file the app reads: pack tables, `config.toml`, theme
files and `state.json`. A field's type says what a value
must be; a bad value is reported, then either leaves its table out (`check_table`, for a pack)
or falls back to the field's default (`check_fields`, for settings and saved state).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from aiplan_tui.core.problems import Problems, Severity

FieldType = Literal[
    "str", "id", "bool", "number", "count", "date", "date_or_str", "str_list", "id_list",
    "number_list", "count_list", "list", "table",
]  # fmt: skip
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_TYPE_NAMES: dict[FieldType, str] = {
    "str": "a string",
    "id": "an id (letters, digits, - _ . :)",
    "bool": "true or false",
    "number": "a number",
    "count": "a whole number, 0 or more",
    "date": "a date like 2025-07-26",
    "date_or_str": "a date like 2025-07-26 or a string",
    "str_list": "a list of strings",
    "id_list": "a list of ids",
    "number_list": "a list of numbers",
    "count_list": "a list of whole numbers, 0 or more",
    "list": "a list",
    "table": "a table",
}


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


@dataclass(frozen=True)
class Field:
    """One field a table may or must have."""

    name: str
    type: FieldType = "str"
    required: bool = False
    choices: tuple[str, ...] = ()
    nullable: bool = False
    """Whether null (JSON's, as TOML has none) is a value: it stays None."""
    pattern: re.Pattern[str] | None = None
    """A string must match it (from its start; end the pattern with \\Z to match it whole)."""
    expected: str = ""
    """What a message says the value must be, when the type's own words are too vague."""
    missing: str = ""
    """The message for a required field that is absent, when the table's label is not enough."""
    default: Any = NO_DEFAULT
    """For `check_fields`: the value a bad entry falls back to, and the message says so."""


@dataclass(frozen=True)
class Unknown:
    """How to report a key that no field names: `template` may use {key}, {label}, {hint}."""

    template: str
    severity: Severity = "warning"


UNKNOWN_FIELD = Unknown('unknown field "{key}" in {label}{hint}')


class Locator(Protocol):
    """Where tables and keys start in a file (TOML or JSON), to point messages at them."""

    def table(self, name: str, index: int = 0) -> tuple[int, int]: ...

    def key(self, table: str, index: int, key: str) -> tuple[int, int]: ...


@dataclass(frozen=True)
class TableAt:
    """Which table of which file is being checked, so problems point at it."""

    path: Path
    locator: Locator
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


CLOSE = 75.0
"""The least rapidfuzz `ratio` (edits over the whole of both words) for a "did you mean":
`gorge-chen` is 95 from george-chen; `agence-france-presse` is 39 from the nearest entity id.
The default WRatio scorer also matched parts of words, so a long id came "close" to almost
any short one (60 for asean)."""

_SEGMENTS = re.compile(r"[-_.:\s]+")


def closest(word: str, options: Sequence[str]) -> str | None:
    """The option that is a slip of `word` away (a typo or a dropped word of an id), or None.

    Close means most of both words agree (`ratio` >= CLOSE, case aside), or `word` is one
    whole part of a dashed id (`jensen` for jensen-huang)."""
    if not options or not word:
        return None
    from rapidfuzz import fuzz, process  # only a mistake needs it: not imported at start-up

    lowered = word.lower()
    best = process.extractOne(
        lowered, [option.lower() for option in options], scorer=fuzz.ratio, score_cutoff=CLOSE
    )
    if best is not None:
        return options[best[2]]
    for option in options:
        if lowered in _SEGMENTS.split(option.lower()):
            return option
    return None


def did_you_mean(word: str, options: Sequence[str], none: str = "") -> str:
    """` (did you mean "x"?)` for a close option; else `none` (such as " (no close match)")."""
    best = closest(word, list(options))
    return f' (did you mean "{best}"?)' if best is not None else none


def check_table(
    table: Any, fields: Sequence[Field], at: TableAt, problems: Problems
) -> dict[str, Any] | None:
    """The table's valid values, or None if anything is wrong enough to leave it out."""
    values, ok = check_fields(table, fields, at, problems)
    return values if ok else None


def check_fields(
    table: Any,
    fields: Sequence[Field],
    at: TableAt,
    problems: Problems,
    unknown: Unknown | None = UNKNOWN_FIELD,
) -> tuple[dict[str, Any], bool]:
    """The valid values (a bad one replaced by its field's default, if it has one) and
    whether every field was right. Unknown keys are reported as `unknown` says (None: not)."""
    if not isinstance(table, dict):
        problems.error(at.path, *at.where(), f"{at.label} must be a table")
        return {}, False
    known = {f.name: f for f in fields}
    ok = True
    for key in table:
        if key not in known and unknown is not None:
            hint = did_you_mean(key, list(known))
            message = unknown.template.format(key=key, label=at.label, hint=hint)
            add = problems.error if unknown.severity == "error" else problems.warning
            add(at.path, *at.where(key), message)
    values: dict[str, Any] = {}
    for spec in fields:
        if spec.name not in table:
            if spec.required:
                message = spec.missing or f'{at.label} is missing required field "{spec.name}"'
                problems.error(at.path, *at.where(), message)  # found only when wanted
                ok = False
            elif spec.default is not NO_DEFAULT:
                values[spec.name] = spec.default
            continue
        value, message = coerce(table[spec.name], spec)
        if not message:
            values[spec.name] = value
            continue
        ok = False
        if spec.default is not NO_DEFAULT:
            message += f"; using {json.dumps(spec.default)}"
            values[spec.name] = spec.default
        problems.error(at.path, *at.where(spec.name), f'"{spec.name}" {message}')
    return values, ok


def coerce(value: Any, spec: Field) -> tuple[Any, str]:
    """The value in model form, or an error message saying what was expected."""
    if value is None and spec.nullable:
        return None, ""
    found, message = _coerced(value, spec)
    if message is _EXPECTED:  # worded only when wrong: most values are right
        wanted = _TYPE_NAMES[spec.type] + (" or null" if spec.nullable else "")
        if spec.expected:
            message = f"must be {spec.expected}"
        else:
            message = f"must be {wanted}, not {describe(value)}"
    return found, message


_EXPECTED = "\0expected"
"""A helper's answer for "not what the field expects": coerce words the message."""


def _coerced(value: Any, spec: Field) -> tuple[Any, str]:
    kind = spec.type
    if kind in ("str", "id"):
        return _string(value, spec)
    if kind == "bool":
        return (value, "") if isinstance(value, bool) else (None, _EXPECTED)
    if kind in ("number", "count"):
        return _number(value, kind)
    if kind == "date":
        is_date = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return (value, "") if is_date else (None, _EXPECTED)
    if kind == "date_or_str":
        return (value, "") if isinstance(value, (dt.date, str)) else (None, _EXPECTED)
    if kind == "table":
        return (value, "") if isinstance(value, dict) else (None, _EXPECTED)
    if not isinstance(value, list):
        return None, _EXPECTED
    return _list(value, kind)


def _string(value: Any, spec: Field) -> tuple[Any, str]:
    if not isinstance(value, str):
        return None, _EXPECTED
    if spec.type == "id" and not ID_PATTERN.match(value):
        return None, f"must be an id (letters, digits, - _ . :), not {value!r}"
    if spec.pattern is not None and not spec.pattern.match(value):
        return None, _EXPECTED
    if spec.choices and value not in spec.choices:
        hint = did_you_mean(value, spec.choices)
        return None, f"must be one of {', '.join(spec.choices)}, not {value!r}{hint}"
    if spec.required and not value.strip():
        return None, _EXPECTED if spec.expected else "must not be empty"
    return value, ""


def _number(value: Any, kind: FieldType) -> tuple[Any, str]:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None, _EXPECTED
    if kind == "count":
        return (value, "") if isinstance(value, int) and value >= 0 else (None, _EXPECTED)
    if isinstance(value, int) and abs(value) > sys.float_info.max:
        return None, "must be a number within ±1.8e308; this one is larger"
    if not math.isfinite(value):  # 1e400 reads as inf; nan and inf are TOML words
        return None, f"must be a number, not {value}"
    return value, ""


def _list(value: list[Any], kind: FieldType) -> tuple[Any, str]:
    if kind == "list":
        return value, ""
    item_kind: FieldType = {"number_list": "number", "count_list": "count"}.get(kind, "str")  # type: ignore[assignment]
    if item_kind != "str":
        items = [_number(item, item_kind) for item in value]
        if any(message for _, message in items):
            return None, _EXPECTED
        return tuple(item for item, _ in items), ""
    if not all(isinstance(item, str) for item in value):
        return None, _EXPECTED
    if kind == "id_list":
        bad = [item for item in value if not ID_PATTERN.match(item)]
        if bad:
            return None, f"has an invalid id {bad[0]!r}"
    return tuple(value), ""


def describe(value: Any, json: bool = False) -> str:
    """What kind of value this is, in a message's words (a file's own: TOML's, or JSON's)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false" if json else "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object" if json else "a table"
    if isinstance(value, (dt.date, dt.time)):
        return "a date or time"
    return type(value).__name__
