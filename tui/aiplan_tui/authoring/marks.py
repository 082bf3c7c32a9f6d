"""Where quotations are: pairs of quotation marks as news copy writes them. Curly (“…”),
straight ("…"), mixed as wire copy mixes them (“…" or "…”), guillemets («…»), low-high
(„…“) and single curly marks (‘…’, told apart from an apostrophe: it opens after a space and
closes before one or punctuation); a quotation left open at a paragraph's end is one when
the next paragraph opens another (the convention for a quotation running over two
paragraphs)."""

from __future__ import annotations

import re
from functools import lru_cache

from aiplan_tui.authoring.text import Span

CLOSERS = {"“": '”"', '"': '"”', "«": "»", "„": '“”"', "‹": "›", "‘": "’"}
"""What closes each opening mark."""
_MARK = re.compile(r"[“”\"«»„‹›‘’]")
OPENING = frozenset('“"«„‹')


def quotation_spans(paragraph: str, continued: bool = False) -> list[Span]:
    """Each quotation's span, marks included; one left open at the end runs to the end of
    the paragraph when `continued` (the next paragraph opens with a mark), else is none."""
    return list(_quotation_spans(paragraph, continued))


@lru_cache(maxsize=16)
def _quotation_spans(paragraph: str, continued: bool) -> tuple[Span, ...]:
    """quotation_spans', worked out once for the rules that ask about the same paragraph."""
    found: list[Span] = []
    opened: int | None = None
    closers = ""
    for match in _MARK.finditer(paragraph):
        at, mark = match.start(), match.group()
        if opened is None:
            if mark in CLOSERS and (mark not in '"‘' or _opens(paragraph, at)):
                opened, closers = at, CLOSERS[mark]
        elif mark in closers and (mark not in '"”’' or _closes(paragraph, at)):
            found.append(Span(opened, at + 1))
            opened = None
        elif mark in "“«" and _opens(paragraph, at) and at > opened + 1:
            opened, closers = at, CLOSERS[mark]  # the one before was a stray mark
    if opened is not None and continued and paragraph[opened + 1 :].strip():
        found.append(Span(opened, len(paragraph)))
    return tuple(found)


def inner(paragraph: str, span: Span) -> tuple[int, int]:
    """The quotation's words' range inside its marks (to the paragraph's end when open)."""
    closed = span.end - span.start > 1 and paragraph[span.end - 1] in '”"»“›’'
    return span.start + 1, span.end - 1 if closed else span.end


def opens_with_mark(paragraph: str) -> bool:
    stripped = paragraph.lstrip()
    return bool(stripped) and stripped[0] in OPENING


def _opens(text: str, at: int) -> bool:
    """A straight mark opens when nothing or a space, bracket or dash is before it."""
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-/:"


def _closes(text: str, at: int) -> bool:
    """A closing mark is followed by nothing, a space or punctuation, not a letter."""
    return at + 1 >= len(text) or not text[at + 1].isalnum()
