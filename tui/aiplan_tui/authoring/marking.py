"""Marking a passage in the reader as a new highlight: a suggested `[[event]]` appended to the
article's highlights file, for Review to turn into what it is (`K`: a quote, a position...).

An event is the one kind that needs no field beyond the words (its date is optional), so the
table is valid as written and Review can accept it as is or change its kind. What was in the
file stays byte for byte: the table is appended, and the whole is written atomically."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli

from aiplan_tui.authoring.ids import slug_words, unique_id
from aiplan_tui.authoring.text import word_set
from aiplan_tui.authoring.writing import Table, appended, tables_text
from aiplan_tui.core.model import Article, Location, Pack
from aiplan_tui.core.transaction import pack_lock, write_files
from aiplan_tui.pack.anchors import find_all, telling_context
from aiplan_tui.paths import is_bundled_pack

MARK_COMMENT = "suggested: marked in the reader"
ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st jr sr gen sen rep gov lt col capt sgt rev inc co corp ltd vs etc "
    "e.g i.e approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Words whose period does not end a sentence (compared lower case, without the period)."""

_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(\s+)(?=\S)")
_OPENERS = "\"'\u201c\u2018\u00ab("
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Z]")


class MarkError(Exception):
    """Why the passage cannot be marked (the file is unchanged)."""


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence of `text` holding `offset`, as (start, end), its edges' spaces left out.

    A sentence ends at `.`, `!` or `?` (and any closing quotation marks) followed by spaces and
    an upper-case letter or an opening quotation mark; a period after initials ("U.S.",
    "J.") or a known abbreviation ("Mr.", "Jan.") does not end one. Spaces between two
    sentences belong to the one before."""
    starts = [0]
    ends: list[int] = []
    for found in _END.finditer(text):
        after = text[found.end()]
        if not (after.isupper() or after in _OPENERS):
            continue
        if text[found.start()] == "." and _abbreviation(text[: found.start()]):
            continue
        ends.append(found.start(1))
        starts.append(found.end())
    ends.append(len(text))
    number = max(n for n, start in enumerate(starts) if start <= max(offset, 0))
    start, end = starts[number], ends[number]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _abbreviation(before: str) -> bool:
    """Whether the word ending `before` (the period after it cut off) is initials or a known
    abbreviation."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip(_OPENERS)
    return bool(_INITIALS.fullmatch(word)) or word.casefold() in ABBREVIATIONS


def mark_passage(
    root: Path, pack: Pack, article_id: str, paragraph: int, start: int, end: int
) -> str:
    """Append `paragraphs[paragraph][start:end]` (its edges' spaces left out) to
    highlights/<article-id>.toml as a suggested event and return its id; MarkError (nothing
    written) for an empty passage, one already a highlight there, or a file that cannot be
    read; OSError if writing fails (the file then as it was)."""
    if is_bundled_pack(root):
        raise MarkError(
            "The bundled pack is not for marking: make your own with "
            "`aiplan-tui init DIR --from-bundled` and open it with --content DIR."
        )
    article = pack.article(article_id)
    if article is None:
        raise MarkError(f"no article {article_id!r} in the pack")
    if not 0 <= paragraph < len(article.paragraphs):
        raise MarkError(f"no paragraph {paragraph + 1} in {article_id}")
    text = article.paragraphs[paragraph]
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    exact = text[start:end]
    if not exact:
        raise MarkError("nothing to mark: the passage is empty")
    here = Location(paragraph, start, end)
    for known in (*pack.highlights, *pack.suggested):
        if known.article == article_id and known.location == here:
            raise MarkError(f"these words are already the highlight {known.id}")

    path = root / "highlights" / f"{article_id}.toml"
    with pack_lock(root):  # the file read again under the lock, and written in it
        return _mark_in(root, path, pack, article, exact, here)


def _mark_in(
    root: Path, path: Path, pack: Pack, article: Article, exact: str, here: Location
) -> str:
    article_id = article.id
    old = _old_text(path)
    taken = {h.id for h in (*pack.highlights, *pack.suggested)} | _ids_in(path, old)
    made = unique_id("-".join(p for p in ("m", slug_words(exact, 4)) if p), taken)
    values: dict[str, object] = {"id": made, "article": article_id, "status": "suggested"}
    values["exact"] = exact
    if find_all(article.paragraphs, exact) != [here]:
        context = telling_context(article.paragraphs, exact, "", "", here)
        if context is None:
            raise MarkError("these words occur too often in the article to tell this place")
        if context[0]:
            values["prefix"] = context[0]
        if context[1]:
            values["suffix"] = context[1]
    table = Table("event", values, MARK_COMMENT)
    if old is None:
        heading = (
            f"Highlights of articles/{article_id}.md. Marked ones are suggested: review them "
            '(4) or delete their `status = "suggested"` line to keep them.'
        )
        new = tables_text([table], heading)
    else:
        new = appended(old, tables_text([table]))
    try:
        tomli.loads(new)
    except tomli.TOMLDecodeError as exc:  # never expected: refuse rather than break a file
        raise MarkError(f"{path}: the new highlight would not be valid TOML ({exc})") from exc
    path.parent.mkdir(exist_ok=True)
    write_files(root, [(path, new.encode("utf-8"))])
    return made


def _old_text(path: Path) -> str | None:
    """The file as it is (None when there is none); MarkError if it cannot be read."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MarkError(f"{path}: cannot be read ({exc})") from exc


def _ids_in(path: Path, text: str | None) -> set[str]:
    """The ids the file gives (its tables may not have loaded); MarkError if it is not TOML."""
    if text is None:
        return set()
    try:
        data: dict[str, Any] = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise MarkError(f"{path}: not valid TOML ({exc}); fix it first") from exc
    return {
        str(table["id"])
        for tables in data.values()
        if isinstance(tables, list)
        for table in tables
        if isinstance(table, dict) and "id" in table
    }
