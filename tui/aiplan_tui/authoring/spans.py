"""A highlight's words made wider or narrower by a word at either end, or typed anew, and
anchored: verbatim in the highlight's own paragraph, with the prefix or suffix that tells
their place where the words occur more than once in the article. No Textual."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiplan_tui.pack.anchors import find_all, telling_context


@dataclass(frozen=True)
class Span:
    """Words of one paragraph, `paragraph[start:end]`."""

    paragraph: str
    start: int
    end: int

    @property
    def words(self) -> str:
        return self.paragraph[self.start : self.end]


@dataclass(frozen=True)
class Anchored:
    """Words to write as a highlight's `exact`, with what anchors them ("": none needed)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    """Where the words start in the paragraph."""


def start_earlier(span: Span) -> Span:
    """One more word at the start (the same span at the paragraph's start)."""
    start = span.start
    while start > 0 and span.paragraph[start - 1].isspace():
        start -= 1
    while start > 0 and not span.paragraph[start - 1].isspace():
        start -= 1
    return Span(span.paragraph, start, span.end)


def start_later(span: Span) -> Span:
    """One word fewer at the start (never none left)."""
    start = span.start
    while start < span.end and not span.paragraph[start].isspace():
        start += 1
    while start < span.end and span.paragraph[start].isspace():
        start += 1
    return span if start >= span.end else Span(span.paragraph, start, span.end)


def end_later(span: Span) -> Span:
    """One more word at the end."""
    end, text = span.end, span.paragraph
    while end < len(text) and text[end].isspace():
        end += 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Span(text, span.start, end)


def end_earlier(span: Span) -> Span:
    """One word fewer at the end (never none left)."""
    end, text = span.end, span.paragraph
    while end > span.start and not text[end - 1].isspace():
        end -= 1
    while end > span.start and text[end - 1].isspace():
        end -= 1
    return span if end <= span.start else Span(text, span.start, end)


def anchor(paragraphs: Sequence[str], number: int, words: str, near: int) -> Anchored | str:
    """The words anchored in paragraph `number` (the occurrence nearest `near`, if several),
    or why they cannot be: not there verbatim, or too often to tell apart."""
    exact = words.strip()
    if not exact:
        return "no words: type the highlight's words as the article has them"
    everywhere = find_all(paragraphs, exact)
    mine = [at for at in everywhere if at.paragraph == number]
    if not mine:
        return "not in its paragraph word for word (marks, spaces and case too)"
    here = min(mine, key=lambda at: abs(at.start - near))
    if len(everywhere) == 1:
        return Anchored(exact, "", "", here.start)
    context = telling_context(paragraphs, exact, "", "", here)
    if context is None:
        return "these words occur too often in the article to tell this place"
    return Anchored(exact, context[0], context[1], here.start)
