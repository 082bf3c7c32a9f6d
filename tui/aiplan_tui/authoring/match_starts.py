"""Where a rule's match may start in a paragraph: at a number, a currency sign, a month's or
a weekday's name, or at a word right before one (a qualifier, "between", "a mere", "on",
"last"). A rule with such places is tried at them only, each with `match`, which gives the
matches `finditer` would, since every place a match can start is among them. Trying the
figure patterns at every character (each starts with a look at its first one, but a
qualifier's first letters are most letters) was most of the time a long text took once the
anchoring had its index (issue 28)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from aiplan_tui.authoring.text import UPPER

DIGITS = re.compile(r"\d+")
WORD = re.compile(r"\w+")
_CAPITAL = re.compile(f"[{UPPER}]")


def capitals(text: str) -> list[int]:
    """Where each capital letter (text.UPPER) is: every place a pattern whose every branch
    starts with one (text.SPEAKER_NAME, text.NAME) can match."""
    return [match.start() for match in _CAPITAL.finditer(text)]


_WORD_START = re.compile(rf"[{UPPER}]|(?<!\w)\w|(?<![\w’'-])[’'-]")


def word_starts(text: str) -> Iterator[int]:
    """Where a capital letter is, a word starts (`\\b` before a letter or digit), or an
    apostrophe or hyphen opens a word (`(?<![\\w’'-])` before one): every place a pattern
    whose every branch starts with one of those can match. Found as they are asked for (a
    rule that stops at its first match looks no further)."""
    return (match.start() for match in _WORD_START.finditer(text))


class Lead:
    """Words that may stand, with white space after them, before what a match starts with.
    Asked about a piece of text, it says yes when a case-blind pattern of the words could
    match it: always when the piece is not ASCII (such a pattern takes some other letters,
    "ſ" for "s", as ASCII ones)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w.lower() for w in words)
        self.lengths = tuple(sorted({len(w) for w in self.words}))
        self._by_last: dict[str, tuple[int, ...]] = {}
        for word in self.words:
            self._by_last[word[-1]] = tuple(sorted({*self._by_last.get(word[-1], ()), len(word)}))

    def starts(self, text: str, at: int) -> list[int]:
        """Where one of the words, with white space from its end to `at`, may start."""
        end = at
        while end and text[end - 1].isspace():
            end -= 1
        if end == at or not end:
            return []
        last = text[end - 1]
        if last.isascii():
            lengths = self._by_last.get(last.lower())
            if lengths is None:  # no word ends so: most places
                return []
        else:
            lengths = self.lengths
        found = []
        for length in lengths:
            if length <= end:
                piece = text[end - length : end]
                if not piece.isascii() or piece.lower() in self.words:
                    found.append(end - length)
        return found


def with_leads(text: str, cores: Iterable[int], leads: Sequence[Lead]) -> tuple[int, ...]:
    """The places, and where each lead may start before them (or before another lead's
    places), in order."""
    found = set(cores)
    for lead in leads:
        more: list[int] = []
        for at in found:
            if at and text[at - 1].isspace():
                more += lead.starts(text, at)
        found.update(more)
    return tuple(sorted(found))


class Words:
    """Where a whole word of some (lower-case ASCII) words may start, wherever a case-blind
    pattern with \\b before them could match one: found in the text in lower case, unless
    it has one of the letters such a pattern takes for an ASCII one that lower() does not
    make one ("ſ" for "s", "ı" and "İ" for "i", the Kelvin sign): then at every word."""

    ODD = re.compile("[\u0130\u0131\u017f\u212a]")

    def __init__(self, words: Iterable[str]) -> None:
        self.pattern = re.compile("|".join(sorted(words, key=len, reverse=True)))

    def starts(self, text: str) -> list[int]:
        lowered = text.lower()
        if len(lowered) != len(text) or self.ODD.search(text):
            return [m.start() for m in WORD.finditer(text)]
        return [
            at
            for m in self.pattern.finditer(lowered)
            if not (at := m.start()) or not (text[at - 1].isalnum() or text[at - 1] == "_")
        ]


def ends_at(pattern: re.Pattern[str], paragraph: str, at: int) -> bool:
    """Whether `pattern` (a word, then white space to its end: `\\b...\\s+$`) matches right
    before `at`: searched from that word's start, not from the paragraph's (a long paragraph
    of spelled numbers took the square of its length, issue 28)."""
    spaces = at
    while spaces and paragraph[spaces - 1].isspace():
        spaces -= 1
    word = spaces
    while word and (paragraph[word - 1].isalnum() or paragraph[word - 1] == "_"):
        word -= 1
    return spaces < at and pattern.search(paragraph, word, at) is not None


def tried_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, when every place one can start is in
    `starts` (in order) and none is empty: tried there only, each from where the last ended."""
    end = 0
    for at in starts:
        if at >= end and (match := pattern.match(text, at)) is not None:
            yield match
            end = match.end()


def tried_before(
    pattern: re.Pattern[str],
    text: str,
    starts: Iterable[int],
    needed: re.Pattern[str],
    barrier: re.Pattern[str],
) -> Iterator[re.Match[str]]:
    """What `tried_at` gives, for a pattern whose every match holds, at or after its start, a
    place where `needed` matches, with no match of `barrier` from its start to that place
    (reported speech: a verb of saying, no quotation mark before it). A start without such a
    place is not tried: `needed.search` finds the first place after it, `barrier.search`
    the first barrier (each looked for again only once the starts are past it)."""
    end = 0
    need = needed.search(text)
    wall = barrier.search(text)
    for at in starts:
        if at < end:
            continue
        if need is not None and need.start() < at:
            need = needed.search(text, at)
        if need is None:
            return  # no place after this start, nor after the later ones
        if wall is not None and wall.start() < at:
            wall = barrier.search(text, at)
        if wall is not None and wall.start() < need.start():
            continue
        if (match := pattern.match(text, at)) is not None:
            yield match
            end = match.end()


def holds_any(paragraph: str, words: Sequence[str], needs: re.Pattern[str]) -> bool:
    """Whether `needs`, a case-blind pattern of the lower-case ASCII `words` (or pieces of
    them), finds one in the paragraph: told by the words in the paragraph in lower case (a
    case-blind search tries each of them at every character, slowly), unless it has one of the
    letters such a pattern takes for an ASCII one that lower() does not make one (Words.ODD)."""
    lowered = _lowered(paragraph)
    if lowered is None:
        return needs.search(paragraph) is not None
    return any(word in lowered for word in words)


@lru_cache(maxsize=4)
def _lowered(paragraph: str) -> str | None:
    """The paragraph in lower case, for the rules that ask it one after another; None when
    it has a letter of Words.ODD."""
    if not paragraph.isascii() and Words.ODD.search(paragraph):
        return None
    return paragraph.lower()


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    """What a paragraph must hold for the pattern to match in it: looked for first."""
    starts: Callable[[str], Sequence[int]] | None = None
    """Where in a paragraph a match may start (every place one can): tried there only."""
    words: tuple[str, ...] = ()
    """When `needs` is a case-blind pattern of these lower-case ASCII words: looked for
    with them (holds_any)."""

    def finditer(self, paragraph: str) -> Iterator[re.Match[str]]:
        if self.needs is not None:
            if self.words:
                if not holds_any(paragraph, self.words, self.needs):
                    return iter(())
            elif self.needs.search(paragraph) is None:
                return iter(())
        if self.starts is not None:
            return tried_at(self.pattern, paragraph, self.starts(paragraph))
        return self.pattern.finditer(paragraph)


def rule_of_words(
    pattern: re.Pattern[str],
    words: Sequence[str],
    starts: Callable[[str], Sequence[int]] | None = None,
) -> Rule:
    """A rule whose pattern matches only in a paragraph holding one of `words` (lower-case
    ASCII) in any case: `needs` made of them, looked for with them (holds_any)."""
    needs = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    return Rule(pattern, needs, starts, tuple(words))


def last_word(text: str, start: int, end: int) -> str:
    """The characters other than white space that end `text[start:end]` before the white
    space that ends it ("" when it does not end with white space): what a pattern ending
    with a word and `\\s+$`, searched there, must end that word with."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop == end:
        return ""
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]
