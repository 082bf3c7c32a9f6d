"""The words of the index, and what a query word matches among them: itself (exact), longer
words it starts (prefix), other forms of it, those with the same English stem (`stems`), or,
for words long enough to tolerate a typo, close ones (rapidfuzz's ratio, `typos`).
"""

from __future__ import annotations

import math
from _thread import allocate_lock
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence

from aiplan_tui.search.cjk import is_cjk
from aiplan_tui.search.query import Term
from aiplan_tui.search.stems import stem
from aiplan_tui.search.typos import close_words

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")


EXACT, PREFIX = 1.0, 0.8
FORM = 0.7
"""Another form of the word (the same stem): below any prefix, above any typo."""
FUZZY_SCALE = 0.6
"""A fuzzy match scores its rapidfuzz ratio (0-1) times this, so it ranks below any form."""
MAX_EXPANSIONS = 20
SUGGEST_CUTOFF = 70.0
"""How close (rapidfuzz ratio) a word must be to offer it for a word that matched nothing:
looser than a search's own typo tolerance, which has already failed, yet one or two letters
off, never a different word."""
SUGGEST_SHORTEST = 4
"""Shorter words are too short to tell a typo from another word: nothing is offered."""
EXPANSION_CACHE = 512
"""Query words whose expansion over the vocabulary is remembered (typing repeats them)."""

Words = dict[str, float]
"""Vocabulary words a query word matches, with how well (1 exact, 0.8 prefix, 0.7 another form
of it, less fuzzy)."""
Forms = Callable[[str], Sequence[int]]
"""The numbers of the vocabulary words with a given stem (`Postings.stem_words`)."""


def fuzzy_cutoff(word: str) -> float | None:
    """Shorter words tolerate fewer typos: none up to 3 letters, then about one per 5 letters;
    none in Chinese or Japanese, whose pairs of characters are no words to correct."""
    if len(word) <= 3 or is_cjk(word):
        return None
    return 80.0 if len(word) >= 7 else 85.0


class SortedIds(Mapping[str, int]):
    """Each word's number in the index (its place in the sorted words), found by bisection:
    nothing to build, whatever the vocabulary's size (issue 34)."""

    def __init__(self, words: Sequence[str]) -> None:
        self._words = words

    def __getitem__(self, word: str) -> int:
        number = bisect_left(self._words, word)
        if number == len(self._words) or self._words[number] != word:
            raise KeyError(word)
        return number

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


class Vocabulary:
    """The index's words, sorted (and reversed, for suffixes, and by length, for typos: each
    made when a query first needs it), and `forms`, which finds the words of a stem."""

    def __init__(self, words: Sequence[str], forms: Forms) -> None:
        self._words = words if isinstance(words, list) else list(words)
        self._forms = forms
        self.ids = SortedIds(self._words)
        """Each word's number in the index."""
        self._made: dict[str, Any] = {}
        self._made_lock = allocate_lock()  # (threading's Lock: no threading to import)
        self._expansions: dict[Term, Words] = {}
        self._expansions_lock = allocate_lock()

    @property
    def _reversed(self) -> list[str]:
        return self._make("reversed", lambda: sorted(word[::-1] for word in self._words))

    @property
    def _by_length(self) -> dict[int, list[str]]:
        def by_length() -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            for word in self._words:
                found.setdefault(len(word), []).append(word)
            return found

        return self._make("by_length", by_length)

    def _make(self, name: str, make: Callable[[], T]) -> T:
        made = self._made.get(name)
        if made is None:
            with self._made_lock:  # searches may run in several threads at once
                made = self._made.get(name)
                if made is None:
                    made = self._made[name] = make()
        found: T = made  # (what `make` made: a T)
        return found

    def expand(self, term: Term) -> Words:
        """Vocabulary words a term matches, with how well (1 exact, 0.8 prefix, 0.7 another form,
        less fuzzy): a plain word all four; `^word` only itself and words it starts, `word$` only
        itself and words it ends; `'word` only itself."""
        cached = self._expansions.get(term)
        if cached is None:
            cached = self._expand(term)
            with self._expansions_lock:  # searches may run in several threads at once
                if len(self._expansions) >= EXPANSION_CACHE:
                    del self._expansions[next(iter(self._expansions))]
                self._expansions[term] = cached
        return cached

    def _expand(self, term: Term) -> Words:
        word = term.text
        if term.mode == "exact":
            return {word: EXACT} if word in self.ids else {}
        if term.mode == "suffix":
            found = self._with_prefix(self._reversed, word[::-1])
            return {w[::-1]: (EXACT if w == word[::-1] else PREFIX) for w in found}
        matches = dict.fromkeys(self._with_prefix(self._words, word), PREFIX)
        if word in self.ids:
            matches[word] = EXACT
        if term.mode != "fuzzy":
            return matches
        words = self._words
        for number in self._forms(stem(word)):
            matches.setdefault(words[number], FORM)
        cutoff = fuzzy_cutoff(word)
        if cutoff is not None:
            for candidate, ratio in self._fuzzy(word, cutoff):
                matches.setdefault(candidate, FUZZY_SCALE * ratio / 100)
        return matches

    def kin(self, word: str) -> Words:
        """The words of another name of a query word's family (search/equivalents.py): the
        name itself and its other forms, each scored as another form of the query word."""
        found = {self._words[number]: FORM for number in self._forms(stem(word))}
        if word in self.ids:
            found[word] = FORM
        return found

    def holding(self, char: str) -> list[str]:
        """The words a lone CJK character is in: itself, and each pair of characters starting
        or ending with it (a run of several is indexed by its pairs alone: search/cjk.py)."""
        starting = self.expand(Term(char, "prefix")).keys()
        return sorted(starting | self.expand(Term(char, "suffix")).keys())

    def nearest(self, word: str) -> list[str]:
        """The words closest to `word` (one it does not match), equally close, in vocabulary
        order: what to offer instead. None for a short word or when none is close enough."""
        if len(word) < SUGGEST_SHORTEST or is_cjk(word):
            return []
        found = self._fuzzy(word, SUGGEST_CUTOFF)
        return [candidate for candidate, ratio in found if ratio == found[0][1]]

    def _fuzzy(self, word: str, cutoff: float) -> list[tuple[str, float]]:
        """The best MAX_EXPANSIONS words within the cutoff, ties in vocabulary order. Only words
        of a length that can reach the cutoff are compared (ratio <= 2 * shorter / both)."""
        share = cutoff / 100
        shortest = math.ceil(share * len(word) / (2 - share) - 1e-9)
        longest = math.floor(len(word) * (2 - share) / share + 1e-9)
        choices = [
            w for size in range(shortest, longest + 1) for w in self._by_length.get(size, ())
        ]
        found = close_words(word, choices, cutoff)
        found.sort(key=lambda match: (-match[1], self.ids[match[0]]))
        return found[:MAX_EXPANSIONS]

    @staticmethod
    def _with_prefix(words: list[str], prefix: str) -> list[str]:
        start = bisect_left(words, prefix)
        found = []
        for word in words[start:]:
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append(word)
        return found
