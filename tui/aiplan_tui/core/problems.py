"""Content problems with file, line and column, collected (not raised) so one run reports all."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from aiplan_tui.core.safe_text import clean_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, pointing at the place to fix it."""

    path: Path
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """`PATH:LINE:COL: error: MESSAGE`, the shape editors and CI annotate from; one line,
        with any control character from the pack (quoted in the message) taken out."""
        where = f"{display_path(self.path)}:{self.line}:{self.col}"
        return clean_line(f"{where}: {self.severity}: {self.message}")


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, so messages stay short and clickable."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


@dataclass(frozen=True)
class Fix:
    """The one right repair of a problem, as an edit of one field of one table of a TOML file:
    `value` sets the string field `key`; `append` adds an id to the list `key` (made if absent).
    `check --fix` applies them; a loaded pack does not keep them (nor does the compiled one)."""

    path: Path
    table: str
    index: int
    key: str
    value: str | None = None
    append: str | None = None


@dataclass
class Problems:
    """An ordered collection of problems plus what had to be skipped because of them."""

    items: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    fixes: list[Fix] = field(default_factory=list)
    """Repairs with one right answer for some of the problems (see `check --fix`)."""

    def error(self, path: Path, line: int, col: int, message: str) -> None:
        self.items.append(Problem(path, line, col, message, "error"))

    def warning(self, path: Path, line: int, col: int, message: str) -> None:
        self.items.append(Problem(path, line, col, message, "warning"))

    def skip(self, what: str) -> None:
        """Count an item left out of the pack (an article, a highlight...)."""
        self.skipped[what] = self.skipped.get(what, 0) + 1

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def summary(self) -> str:
        """One line: counts of errors and warnings, and what was skipped."""
        errors, warnings = len(self.errors), len(self.warnings)
        text = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        if self.skipped:
            parts = [plural(n, what) for what, n in sorted(self.skipped.items())]
            text += "; skipped " + ", ".join(parts)
        return text


def plural(count: int, noun: str) -> str:
    """`1 entity`, `2 entities`, `3 highlights`."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"
