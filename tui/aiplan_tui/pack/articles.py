"""Article files: TOML front matter between `+++` lines, then plain-text paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aiplan_tui.core.fields import TableAt, check_table
from aiplan_tui.core.model import Article, SourceRef
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text
from aiplan_tui.pack import schema
from aiplan_tui.pack.pages import split_pages

FENCE = "+++"


@dataclass(frozen=True)
class Body:
    """An article body split into paragraphs, with the line each starts on."""

    paragraphs: tuple[str, ...]
    lines: tuple[int, ...]


def split_paragraphs(lines: list[str], first_line: int) -> Body:
    """Paragraphs are runs of non-blank lines; a paragraph's lines are joined with one space."""
    paragraphs: list[str] = []
    starts: list[int] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            if not current:
                starts.append(number)
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return Body(tuple(paragraphs), tuple(starts))


def load_article(path: Path, problems: Problems) -> tuple[Article, TableAt] | None:
    """The article and where its front matter stands, or None once the reason is reported."""
    text = read_text(path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        problems.error(
            path, 1, 1, f'an article must start with a "{FENCE}" line opening its front matter'
        )
        return None
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if close is None:
        problems.error(
            path, 1, 1, f'the front matter is never closed: add a "{FENCE}" line after it'
        )
        return None
    front = "\n".join(lines[1:close])
    data = parse_toml(front, path, problems, line_offset=1)
    if data is None:
        return None
    locator = KeyLocator.scan(front, line_offset=1)
    at = TableAt(path, locator, "")
    values = check_table(data, schema.ARTICLE, at, problems)
    if values is None:
        return None
    body = split_paragraphs(lines[close + 1 :], first_line=close + 2)
    pages: tuple[int, ...] = ()
    if values.pop("paged", False):
        paged = split_pages(body.paragraphs, body.lines)
        body, pages = Body(paged.paragraphs, paged.lines), paged.pages
    if not body.paragraphs:
        problems.warning(path, close + 1, 1, "the article has no body text after its front matter")
    values.setdefault("id", path.stem)
    if "byline" in values:
        byline = values.pop("byline")
        line, col = at.where("byline")
        if "author" in values:
            problems.warning(path, line, col, '"byline" is ignored: "author" is given too')
        else:
            values["author"] = byline
            problems.warning(path, line, col, '"byline" is now called "author": rename it')
    article = Article(
        paragraphs=body.paragraphs, paragraph_lines=body.lines, source=SourceRef(path, 1),
        pages=pages, **values,
    )  # fmt: skip
    return article, at
