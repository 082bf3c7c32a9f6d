"""The terms of folded text, for the index and for queries alike: words of letters and digits,
except that a run of Chinese or Japanese characters, which has no spaces between its words,
becomes its overlapping pairs of characters (a lone character itself), as Lucene's CJK
analyzer does. So any word of two or more characters is found inside a sentence: its pairs
are all in the run, one after another (`phrase_pattern` checks they are together). No Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

CJK = (
    "\u3005-\u3007"  # 々 〆 〇 (〇 in dates: 二〇二五年)
    "\u3041-\u3096\u309d-\u309f"  # hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # katakana, without its middle dot
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0003134f"  # Han, extensions B to G
)
"""Characters written without spaces between words. Not Hangul: Korean has spaces, and
folding turns its syllables into their letters (jamo)."""
_FIRST = "\u3005"
"""The first of them: text whose characters are all before it (any Latin, Greek, Cyrillic,
curly quotes, dashes) has none, found without compiling a pattern."""


class _Patterns:
    """The patterns over CJK characters, each compiled when first used: their classes' ranges
    of tens of thousands of characters took the regex compiler 12 ms at import, which a
    search of English text (most of any pack) never needs."""

    @cached_property
    def cjk_char(self) -> re.Pattern[str]:
        return re.compile(f"[{CJK}]")

    @cached_property
    def token(self) -> re.Pattern[str]:
        """A run of CJK characters, or a word of other letters and digits."""
        return re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")

    @cached_property
    def word_char(self) -> re.Pattern[str]:
        """A letter or digit that belongs to a spaced word."""
        return re.compile(f"[^\\W_{CJK}]")

    @cached_property
    def pieces(self) -> re.Pattern[str]:
        return re.compile(f"[{CJK}]+|[^{CJK}\\s]+")

    @cached_property
    def run(self) -> re.Pattern[str]:
        return re.compile(f"[{CJK}]+")


_PATTERNS = _Patterns()


def has_cjk(text: str) -> bool:
    """Whether the text holds any character written without spaces."""
    return (
        not text.isascii() and max(text) >= _FIRST and _PATTERNS.cjk_char.search(text) is not None
    )


def is_cjk(term: str) -> bool:
    """Whether a term is (or starts with) a CJK character: a pair, or a lone character."""
    return bool(term) and term[0] >= _FIRST and _PATTERNS.cjk_char.match(term) is not None


def is_word_char(text: str, position: int) -> bool:
    """Whether the character at `position` is a letter or digit that belongs to a spaced word:
    what may not touch a phrase's ends."""
    char = text[position]  # before the CJK characters, a word character is a letter or digit
    return char.isalnum() if char < _FIRST else _PATTERNS.word_char.match(char) is not None


def pairs(run: str) -> list[str]:
    """A CJK run's overlapping pairs of characters; a lone character itself."""
    if len(run) < 3:
        return [run]
    return [run[at : at + 2] for at in range(len(run) - 1)]


_SPACED_WORD = re.compile(r"[^\W_]+")
"""A word of letters and digits: in text without CJK characters, every term is one."""


def terms(folded: str) -> list[str]:
    """The terms of folded text, in order."""
    if not has_cjk(folded):
        return _SPACED_WORD.findall(folded)
    found: list[str] = []
    patterns = _PATTERNS
    for token in patterns.token.findall(folded):
        if patterns.cjk_char.match(token):
            found += pairs(token)
        else:
            found.append(token)
    return found


def spans(folded: str) -> Iterator[tuple[str, int, int]]:
    """Each term of folded text with where it is (start, end), in order."""
    if not has_cjk(folded):
        for match in _SPACED_WORD.finditer(folded):
            yield match.group(), match.start(), match.end()
        return
    patterns = _PATTERNS
    for match in patterns.token.finditer(folded):
        token, start = match.group(), match.start()
        if patterns.cjk_char.match(token) is None or len(token) < 3:
            yield token, start, match.end()
        else:
            for at in range(len(token) - 1):
                yield token[at : at + 2], start + at, start + at + 2


@lru_cache(maxsize=256)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A folded phrase's words, in order, as a pattern: spaced words apart only by characters
    that are no letters or digits, with no letter or digit of a spaced word just after; where
    CJK meets anything, nothing need be between (`人工智能治理`, `AI治理`, `AI 治理`). The literal
    first word lets the regex engine skip ahead to it."""
    pieces = _PATTERNS.pieces.findall(phrase)
    pattern = ""
    for number, piece in enumerate(pieces):
        if number:
            touching = is_cjk(piece) or is_cjk(pieces[number - 1][-1])
            pattern += r"[\W_]*" if touching else r"[\W_]+"
        pattern += re.escape(piece)
    if pieces and not is_cjk(pieces[-1][-1]):
        pattern += f"(?![^\\W_{CJK}])"
    return re.compile(pattern)


def is_run(phrase: str) -> bool:
    """Whether a folded phrase is one run of CJK characters and nothing else. Each of its
    characters folds to itself, so a text that has it unfolded has it folded too."""
    return (
        not phrase.isascii()
        and min(phrase) >= _FIRST
        and _PATTERNS.run.fullmatch(phrase) is not None
    )
