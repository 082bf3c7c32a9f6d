"""Pages in an article's body: in an article whose front matter says `paged = true` (as
`add` writes for a PDF), a paragraph `[page 12]` marks where page 12 starts; the paragraphs
after it are on that page until the next mark. Marks are not paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"\[page (\d{1,6})\](?:\s+(.*))?", re.DOTALL)
"""A mark, and any text run on after it on the next line (then that is a paragraph)."""
_ESCAPED = re.compile(r"(\\*)\[page \d{1,6}\](?:\s|$)")
"""A paragraph that starts as a mark does, behind backslashes or none: the article's own text
when it has one backslash or more, which `escaped` adds and the loader takes away."""


@dataclass(frozen=True)
class Paged:
    """The body's paragraphs without the marks, each one's line, and the page each is on
    (0 for a paragraph before the first mark)."""

    paragraphs: tuple[str, ...]
    lines: tuple[int, ...]
    pages: tuple[int, ...]


def page_mark(page: int) -> str:
    """The paragraph that marks where `page` starts."""
    return f"[page {page}]"


def escaped(paragraph: str) -> str:
    """The paragraph as written in a paged article: one more backslash before a first line that
    would read as a mark (`[page 9]` in a PDF's own text is written `\\[page 9]`)."""
    return "\\" + paragraph if _ESCAPED.match(paragraph) else paragraph


def split_pages(paragraphs: tuple[str, ...], lines: tuple[int, ...]) -> Paged:
    """The marks taken out of a paged body and read as the page of what follows them."""
    kept: list[str] = []
    starts: list[int] = []
    pages: list[int] = []
    page = 0
    for paragraph, line in zip(paragraphs, lines, strict=True):
        mark = _MARK.fullmatch(paragraph)
        if mark is None:
            escape = _ESCAPED.match(paragraph)
            kept.append(paragraph[1:] if escape and escape.group(1) else paragraph)
            starts.append(line)
            pages.append(page)
            continue
        page = int(mark.group(1))
        if mark.group(2):
            kept.append(mark.group(2))
            starts.append(line + 1)
            pages.append(page)
    return Paged(tuple(kept), tuple(starts), tuple(pages))
