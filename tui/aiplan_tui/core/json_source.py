"""Key positions in a JSON file, so a problem in `state.json` points at its line like a TOML one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*:')


@dataclass
class JsonLocator:
    """Where each key first appears; the files it serves are flat objects, so the first
    appearance is the top-level key."""

    keys: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> JsonLocator:
        locator = cls()
        line, line_start = 1, 0
        scanned = 0
        for match in _KEY.finditer(text):
            start = match.start()
            newlines = text.count("\n", scanned, start)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", scanned, start) + 1
            scanned = start
            locator.keys.setdefault(match.group(1), (line, start - line_start + 1))
        return locator

    def table(self, name: str, index: int = 0) -> tuple[int, int]:
        return 1, 1

    def key(self, table: str, index: int, key: str) -> tuple[int, int]:
        return self.keys.get(key, (1, 1))
