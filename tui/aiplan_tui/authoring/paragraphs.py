"""Paragraphs from a laid-out document's blocks of lines (a PDF's text boxes): the lines of a
block joined with one space, a word hyphenated across a line end made whole again, a list's
items each a paragraph, and a paragraph that a page or column break cuts carried on. Each
paragraph keeps the page it starts on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

BULLETS = "•●▪◦‣∙■□◆◇➢➤✓\uf0b7\uf0a7\uf076\uf0d8"
"""Glyphs that start a list item (the private-use ones are Symbol and Wingdings bullets)."""
_ENDS_SENTENCE = re.compile(r"[.!?:;。！？：；][\"'”’)\]]*\Z")
_HYPHENATED = re.compile(r"([^\W\d_]+)[-\u2010]\Z")
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_LABEL = rf"(?:\(?(?:\d{{1,3}}|[a-z]|[ivxlc]{{1,6}})[.)]|\d{{1,4}}|o|[{BULLETS}])"
_LABELS = re.compile(rf"{_LABEL}(?:\s+{_LABEL})*")
_NUMBERED = re.compile(r"\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]")
_FOOTNOTE = re.compile(r"(?:\d{1,3}\s|[*†‡])\S")
_SMALL_LAST = re.compile(r"(?:^|\s)[a-z][a-z,]*\Z")
LONG = 80
TAIL = 200
"""How much of a growing paragraph's end the joining rules look at (a word is shorter)."""
"""A text this long that stops mid-sentence is a paragraph cut short, not a heading."""
LOOK_BACK = 4
"""How many paragraphs back (footnotes between) a cut paragraph is looked for."""
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


@dataclass(frozen=True)
class Block:
    """One block of lines on one page, in reading order."""

    page: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class _Piece:
    page: int
    text: str
    may_continue: bool
    """The first text of its block and not a list item: it may carry on the one before."""


def joined_paragraphs(blocks: Iterable[Block]) -> tuple[list[str], list[int]]:
    """The paragraphs and the page each starts on."""
    blocks = list(blocks)
    words = _vocabulary(line for block in blocks for line in block.lines)
    pieces = _labelled(list(_pieces(blocks, words)))
    paragraphs: list[str] = []
    pages: list[int] = []
    for piece in pieces:
        target = _carried_on(paragraphs, piece) if piece.may_continue else None
        if target is not None:
            paragraphs[target] = _join(paragraphs[target], piece.text, words)
        else:
            paragraphs.append(piece.text)
            pages.append(piece.page)
    return paragraphs, pages


def _pieces(blocks: list[Block], words: set[str]) -> Iterator[_Piece]:
    for block in blocks:
        for number, item in enumerate(_items(block.lines)):
            bullet = item[0][:1] in BULLETS
            text = _join_lines(item, words, strip_bullet=bullet)
            if text:
                yield _Piece(block.page, text, number == 0 and not bullet)


def _labelled(pieces: list[_Piece]) -> list[_Piece]:
    """A list number that stands apart ("8.") put before its paragraph; runs of them, and
    bare numbers or bullets, which cannot be told apart from footnote marks, left out."""
    kept: list[_Piece] = []
    at = 0
    while at < len(pieces):
        run = at
        while run < len(pieces) and _LABELS.fullmatch(pieces[run].text):
            run += 1
        if run == at:
            kept.append(pieces[at])
            at += 1
            continue
        label, after = pieces[at], pieces[run] if run < len(pieces) else None
        numbered = _NUMBERED.fullmatch(label.text)
        if run == at + 1 and numbered and after is not None and after.page == label.page:
            kept.append(_Piece(after.page, f"{label.text} {after.text}", False))
            run += 1
        at = run
    return kept


def _carried_on(paragraphs: list[str], piece: _Piece) -> int | None:
    """The paragraph that `piece` goes on with, if any: the last one, or the last before
    the footnotes that a page break put between them."""
    for back in range(1, min(len(paragraphs), LOOK_BACK) + 1):
        before = paragraphs[-back]
        if _continues(before, piece.text):
            return len(paragraphs) - back
        if not _FOOTNOTE.match(before):
            return None
    return None


def _vocabulary(lines: Iterable[str]) -> set[str]:
    """Every word of the document in lower case, hyphenated compounds as written: whether
    "mea-" + "sure" is "measure" or "third-" + "party" is "third-party" is told by the
    document's other lines."""
    return {word.lower().replace("\u2010", "-") for line in lines for word in _WORD.findall(line)}


def _items(lines: tuple[str, ...]) -> Iterator[list[str]]:
    """The block's lines, cut where a line starts with a bullet."""
    item: list[str] = []
    for line in lines:
        if line[:1] in BULLETS and item:
            yield item
            item = []
        item.append(line)
    if item:
        yield item


def _join_lines(lines: list[str], words: set[str], strip_bullet: bool) -> str:
    text = ""
    for number, line in enumerate(lines):
        if number == 0 and strip_bullet:
            line = line[1:].strip()
        text = _join(text, line, words) if text else line
    return text


def _continues(before: str, after: str) -> bool:
    """Whether `after` goes on with `before`'s sentence: `before` stops mid-sentence, and
    `after` starts with a small letter or `before` is a long text whose last word is a small
    one ("... we must seize the" + "President ..."; a heading is short)."""
    tail = before[-TAIL:]  # the end is all these look at: linear however long `before` grows
    if _ENDS_SENTENCE.search(tail):
        return False
    if after[:1].islower():
        return True
    return after[:1].isupper() and len(before) >= LONG and bool(_SMALL_LAST.search(tail))


def _join(before: str, after: str, words: set[str]) -> str:
    """Two runs of text as one: a soft hyphen at the line end dropped; a word hyphenated
    across the break whole again unless the document writes it with its hyphen."""
    if not after:
        return before
    if before.endswith("\u00ad"):
        return before[:-1] + after
    cut = _HYPHENATED.search(before[-TAIL:])
    rest = _NEXT_WORD.match(after)
    if cut is not None and rest is not None and after[:1].islower():
        first, second = cut.group(1).lower(), rest.group(0).lower()
        if f"{first}-{second}" in words and first + second not in words:
            return before + after  # a compound: "third-party"
        return before[:-1] + after
    return f"{before} {after}"
