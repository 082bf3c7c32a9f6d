"""The files `add` writes: the article (front matter and paragraphs), its suggested highlights
and the people they need, as TOML a person can read and edit. Values are TOML strings, never
pasted raw, so no text of the article can break a file or add a key."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from aiplan_tui.authoring.source import SourceText
from aiplan_tui.pack.pages import escaped, page_mark

ARTICLE_FIELDS = ("title", "title_source", "outlet", "author", "published", "url", "accessed")


def toml_value(value: object) -> str:
    """A TOML value: strings as basic strings (JSON's escapes are TOML's, plus DEL), dates
    bare, booleans lower-case, numbers as Python writes them, lists of any of these."""
    if isinstance(value, str) and _ESCAPED.search(value) is None:  # most values: as they are
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f]')
"""What a TOML basic string escapes: quotation marks, backslashes and control characters."""


def article_text(source: SourceText, fields: Mapping[str, object] | None = None) -> str:
    """The article file: what the source gives (and `fields` add), absent fields left out."""
    values: dict[str, object] = {
        "title": source.title,
        "title_source": source.title_source,
        "outlet": source.outlet,
        "author": source.author,
        "published": source.published,
        "url": source.url,
        "accessed": source.accessed,
        **(fields or {}),
    }
    front = [f"{key} = {toml_value(values[key])}" for key in ARTICLE_FIELDS if values.get(key)]
    if source.pages:
        front.append("paged = true")
    body = "\n\n".join(_with_page_marks(source.paragraphs, source.pages))
    return "+++\n" + "\n".join(front) + "\n+++\n\n" + body + "\n"


def _with_page_marks(paragraphs: tuple[str, ...], pages: tuple[int, ...]) -> list[str]:
    """The paragraphs, a `[page N]` line before the first of each page (pack/pages.py)."""
    if not pages:
        return list(paragraphs)
    out: list[str] = []
    last = 0
    for paragraph, page in zip(paragraphs, pages, strict=True):
        if page != last:
            out.append(page_mark(page))
            last = page
        out.append(escaped(paragraph))
    return out


@dataclass(frozen=True)
class Table:
    """One TOML table to write: `[[kind]]`, its keys in order, and a comment above it."""

    kind: str
    values: Mapping[str, object]
    comment: str = ""


def tables_text(tables: Iterable[Table], heading: str = "") -> str:
    """Tables separated by blank lines, each comment as `#` lines (one line each)."""
    out = [_comment(heading), ""] if heading else []
    for table in tables:
        if table.comment:
            out.append(_comment(table.comment))
        out.append(f"[[{table.kind}]]")
        out.extend(f"{key} = {toml_value(value)}" for key, value in table.values.items())
        out.append("")
    return "\n".join(out)


def _comment(text: str) -> str:
    return "\n".join(f"# {' '.join(line.split())}" for line in text.split("\n"))


def appended(old: str, block: str) -> str:
    """`old` with `block` after it, one blank line between (none added when `old` is empty or
    already ends in one): what is there stays byte for byte."""
    if not old or old.endswith("\n\n"):
        return old + block
    return old + ("\n" if old.endswith("\n") else "\n\n") + block
