"""Fold text for matching (case, accents, compatibility forms, curly quotes, dashes) while
remembering where each folded character came from, so match spans point into the original."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from aiplan_tui.search.cjk import has_cjk, terms

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, made at no cost to import (issue 34)
    from aiplan_tui.core.light_dataclass import dataclass

_PUNCTUATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
}  # fmt: skip
WORD = re.compile(r"[^\W_]+")
"""A word: letters and digits (any script), nothing else."""


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: may become several (ﬁ -> fi) or none (a lone combining accent)."""
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]

    def __init__(self, text: str, origin: tuple[int, ...]) -> None:
        """(As the standard `dataclass` writes it: a search folds every field it scores.)"""
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "origin", origin)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced folded[start:end]."""
        if start >= end or not self.origin:
            point = self.origin[start] if start < len(self.origin) else self._length()
            return point, point
        return self.origin[start], self.origin[end - 1] + 1

    def _length(self) -> int:
        return self.origin[-1] + 1 if self.origin else 0


def fold(text: str) -> Folded:
    """Fold `text`, keeping the map back to it."""
    if text.isascii():
        return Folded(text.lower(), tuple(range(len(text))))
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return Folded("".join(pieces), tuple(origin))


class _FoldTable(dict[int, str]):
    """Each character's fold by its code point, made when first met: for `str.translate`,
    which looks every character up in C (five times as quick as folding Chinese text a
    character at a time in Python, twice for English with curly quotes)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLDS = _FoldTable()


def fold_plain(text: str) -> str:
    """Just the folded text, for queries, the vocabulary and checking phrases in place."""
    return text.lower() if text.isascii() else text.translate(_FOLDS)


_ASCII_WORDS = bytes(c if c < 128 and chr(c).isalnum() else ord(" ") for c in range(256))
"""A byte table for `words`: each ASCII letter and digit kept, anything else a space."""


def words(text: str) -> list[str]:
    """The folded terms of a text, what the index files it under and a query looks up: the
    words `WORD` finds in `fold_plain(text)`, a run of Chinese or Japanese characters cut into
    pairs (search/cjk.py). Plain ASCII text, most of any pack, is split in C: four times as
    quick as the regex."""
    if text.isascii():
        return text.lower().encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    folded = fold_plain(text)
    return terms(folded) if has_cjk(folded) else WORD.findall(folded)
