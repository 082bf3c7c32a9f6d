"""Why a suggestion was made: `add` writes it in the comment right above the suggestion's
table (`# suggested: quotation marks, followed by 'said Maria Lopez'`). Read from the file,
each file once. No Textual."""

from __future__ import annotations

from pathlib import Path

PREFIX = "suggested:"


def reason_above(lines: list[str], header: int) -> str:
    """The comment lines right above the 1-based line `header`, as one line, without the
    `suggested:` that starts them ("" when there is none)."""
    said: list[str] = []
    number = header - 2
    while number >= 0 and lines[number].lstrip().startswith("#"):
        said.insert(0, lines[number].lstrip().lstrip("#").strip())
        number -= 1
    text = " ".join(part for part in said if part)
    if text.casefold().startswith(PREFIX):
        text = text[len(PREFIX) :].strip()
    return text


class Reasons:
    """The reason of each suggestion, its file read when first asked."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}

    def of(self, path: Path, header: int) -> str:
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        lines = self._lines[path]
        return reason_above(lines, header) if 0 < header <= len(lines) else ""
