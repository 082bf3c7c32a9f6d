"""Reading pack files safely and locating TOML keys, since TOML parsers report no key positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiplan_tui.core.files import Refused, read_capped
from aiplan_tui.core.problems import Problems

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Pack files larger than this are refused before they are read or parsed."""

_KEY = re.compile(r"""\s*([A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')\s*[=.]""")
_HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]]*?)\s*\]\]?\s*(#.*)?$")


def read_text(path: Path, problems: Problems) -> str | None:
    """The file as text with LF line ends, or None after reporting why it cannot be used."""
    try:
        data = read_capped(path, MAX_FILE_BYTES)
    except Refused as refused:
        reason = refused.reason
        if reason.startswith("is ") and "byte limit" in reason:
            reason = "file " + reason + "; split it"
        problems.error(path, 1, 1, reason)
        return None
    except OSError as exc:
        problems.error(path, 1, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error(path, 1, 1, "file is UTF-16; save it as UTF-8")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(path, line, col, "file is not valid UTF-8; save it as UTF-8")
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def salvage_text(path: Path) -> str:
    """Whatever text can be read from a rejected file, to find the ids it meant to define."""
    try:
        return read_capped(path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def parse_toml(
    text: str, path: Path, problems: Problems, line_offset: int = 0
) -> dict[str, Any] | None:
    """Parse TOML, turning every parser failure into a located problem instead of an exception."""
    import tomli  # here, not at the top: a warm command reads no TOML

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        problems.error(path, exc.lineno + line_offset, exc.colno, f"TOML syntax: {exc.msg}")
    except RecursionError as exc:
        detail = f" ({exc})" if str(exc).startswith("TOML") else ""
        line = _failing_line(text, RecursionError)
        problems.error(path, line + line_offset, 1, f"TOML nested too deeply to read{detail}")
    except ValueError as exc:
        line = _failing_line(text, ValueError)
        problems.error(path, line + line_offset, 1, f"TOML value cannot be read: {exc}")
    return None


def _failing_line(text: str, error: type[Exception]) -> int:
    """The line where the parser meets `error`, which carries no position. The parser reads in
    one pass, so the first N lines raise it exactly when N reaches that line: first try the
    likeliest line (most brackets, dots or digits), else bisect (a few parses of prefixes)."""
    import tomli

    lines = text.split("\n")

    def raises(count: int) -> bool:
        try:
            tomli.loads("\n".join(lines[:count]))
        except error:
            return True
        except Exception:  # another fault before the cut, or a cut mid-value: not there yet
            return False
        return False

    guess = 1 + max(range(len(lines)), key=lambda i: sum(map(lines[i].count, "[{.0123456789")))
    if raises(guess) and not raises(guess - 1):
        return guess
    low, high = 1, len(lines)  # the whole text raises it
    while low < high:
        middle = (low + high) // 2
        if raises(middle):
            high = middle
        else:
            low = middle + 1
    return low


_HEADER_LINE = re.compile(r"^[^\S\n]*\[.*$", re.MULTILINE)
"""A line that could be a table header: the only lines a header-only pass looks at."""


def _table(line: str, counts: dict[str, int]) -> tuple[str, int] | None:
    """The table a header line opens, as (name, index among the `[[name]]` before it), the
    headers seen so far counted in `counts`; None if the line is not a header."""
    header = _HEADER.match(line)
    if not header or line.lstrip().startswith(("[=", "['", '["')):
        return None
    name = header.group(2)
    index = counts.get(name, 0) if header.group(1) == "[[" else 0
    counts[name] = index + 1
    return name, index


@dataclass
class KeyLocator:
    """Remembers where each table header and key starts, to point messages at the right line.

    Only the headers are found when the file is read (a highlight's source line is its
    header's): the keys, wanted only for a message, are found when one is first wanted."""

    line_offset: int = 0
    text: str = ""
    _tables: dict[tuple[str, int], int] | None = None
    _keys: dict[tuple[str, int, str], tuple[int, int]] | None = None
    _lines: list[str] | None = None

    @classmethod
    def scan(cls, text: str, line_offset: int = 0) -> KeyLocator:
        return cls(line_offset, text)

    @property
    def tables(self) -> dict[tuple[str, int], int]:
        """The line of each table header, by table name and index."""
        if self._tables is None:
            if '"""' in self.text or "'''" in self.text:  # a header-like line may be text
                self._scan_all()
            else:
                self._tables = self._headers()
        assert self._tables is not None
        return self._tables

    @property
    def keys(self) -> dict[tuple[str, int, str], tuple[int, int]]:
        """The line and column of each key, by table name, index and key."""
        if self._keys is None:
            self._scan_all()
        assert self._keys is not None
        return self._keys

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def _headers(self) -> dict[tuple[str, int], int]:
        """The headers of a file with no multi-line string: only lines opening with `[` are
        looked at (a tenth of the time of every line), each as `_scan_all` looks at it."""
        tables: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        number, scanned = 1 + self.line_offset, 0
        for candidate in _HEADER_LINE.finditer(self.text):
            number += self.text.count("\n", scanned, candidate.start())
            scanned = candidate.start()
            table = _table(candidate.group(), counts)
            if table is not None:
                tables.setdefault(table, number)
        return tables

    def _scan_all(self) -> None:
        """Every line: headers and keys, skipping the inside of multi-line strings."""
        tables: dict[tuple[str, int], int] = {}
        keys: dict[tuple[str, int, str], tuple[int, int]] = {}
        counts: dict[str, int] = {}
        current = ("", 0)
        in_string = ""
        for number, line in enumerate(self.lines, start=1 + self.line_offset):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = ""
                continue
            table = _table(line, counts)
            if table is not None:
                current = table
                tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                keys.setdefault((*current, name), (number, key.start(1) + 1))
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2 == 1:
                    in_string = quotes
        self._tables, self._keys = tables, keys

    def table(self, name: str, index: int = 0) -> tuple[int, int]:
        """Line and column of the `[[name]]` header (the index-th one), or the file's start."""
        return self.tables.get((name, index), 1 + self.line_offset), 1

    def key(self, table: str, index: int, key: str) -> tuple[int, int]:
        """Line and column of `key` inside that table, or of the table itself."""
        found = self.keys.get((table, index, key))
        return found if found else self.table(table, index)

    def string(self, table: str, index: int, key: str, value: str) -> tuple[int, int]:
        """Line and column of the string `value` as written for `key` (the key's value or an
        item of its list, on the key's line or below it), or of the key when it is not written
        plainly there (escapes, say)."""
        line, col = self.key(table, index, key)
        if (table, index, key) not in self.keys:
            return line, col
        basic = value.replace("\\", "\\\\").replace('"', '\\"')
        quoted = (f'"{basic}"', f"'{value}'")
        for number in range(line, len(self.lines) + self.line_offset + 1):
            text = self.lines[number - 1 - self.line_offset]
            if number > line and (_HEADER.match(text) or _KEY.match(text)):
                break  # past the key's value
            start = col - 1 if number == line else 0
            found = [at for form in quoted if (at := text.find(form, start)) >= 0]
            if found:
                return number, min(found) + 1
        return line, col
