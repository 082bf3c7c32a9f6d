"""Reading pack files safely and locating TOML keys, since TOML parsers report no key positions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

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


@dataclass
class KeyLocator:
    """Remembers where each table header and key starts, to point messages at the right line."""

    line_offset: int = 0
    tables: dict[tuple[str, int], int] = field(default_factory=dict)
    keys: dict[tuple[str, int, str], tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    @classmethod
    def scan(cls, text: str, line_offset: int = 0) -> KeyLocator:
        locator = cls(line_offset, lines=text.split("\n"))
        counts: dict[str, int] = {}
        current = ("", 0)
        in_string = ""
        for number, line in enumerate(locator.lines, start=1 + line_offset):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = ""
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith(("[=", "['", '["')):
                name = header.group(2)
                index = counts.get(name, 0) if header.group(1) == "[[" else 0
                counts[name] = index + 1
                current = (name, index)
                locator.tables.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                locator.keys.setdefault((*current, name), (number, key.start(1) + 1))
            for quotes in ('"""', "'''"):
                if line.count(quotes) % 2 == 1:
                    in_string = quotes
        return locator

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
