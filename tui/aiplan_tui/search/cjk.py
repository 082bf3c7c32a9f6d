"""The terms of folded text, for the index and for queries alike: words of letters and digits,
except that a run of Chinese or Japanese characters, which has no spaces between its words,
becomes its overlapping pairs of characters (a lone character itself), as Lucene's CJK
analyzer does. So any word of two or more characters is found inside a sentence: its pairs
are all in the run, one after another (`phrase_pattern` checks they are together). No Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


def _ranges(chars: str) -> tuple[list[int], list[int]]:
    """The first and last code points of each range a character class's text gives."""
    firsts: list[int] = []
    lasts: list[int] = []
    at = 0
    while at < len(chars):
        wide = at + 2 < len(chars) and chars[at + 1] == "-"
        firsts.append(ord(chars[at]))
        lasts.append(ord(chars[at + 2] if wide else chars[at]))
        at += 3 if wide else 1
    return firsts, lasts


_FIRSTS, _LASTS = _ranges(CJK)


def is_cjk_char(char: str) -> bool:
    """Whether a character is one of CJK: looked up in its ranges, as `cjk_char` matches it,
    without compiling that (issue 34: 7 ms of a search whose results hold an emoji, a "ﬁ" or
    a fullwidth comma)."""
    code = ord(char)
    place = bisect_right(_FIRSTS, code) - 1
    return place >= 0 and code <= _LASTS[place]


FEW = 64
"""Different characters after `_FIRST` from which `has_cjk` asks the compiled pattern instead
of looking each up (text in a script such as Korean, with many and none of them CJK)."""


def has_cjk(text: str) -> bool:
    """Whether the text holds any character written without spaces."""
    if text.isascii() or max(text) < _FIRST:
        return False
    late = [char for char in set(text) if char >= _FIRST]
    if len(late) > FEW:
        return _PATTERNS.cjk_char.search(text) is not None
    return any(map(is_cjk_char, late))


def is_cjk(term: str) -> bool:
    """Whether a term is (or starts with) a CJK character: a pair, or a lone character."""
    return bool(term) and term[0] >= _FIRST and is_cjk_char(term[0])


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
        if is_cjk_char(token[0]):
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
        if len(token) < 3 or not is_cjk_char(token[0]):
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
