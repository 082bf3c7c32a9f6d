"""How many times words occur in an article, for anchoring suggestions: counted through an
index of the article's words made once, so a count costs about what its rarest word costs.

Anchoring asked `pack.anchors.find_all` for each suggestion, a search of the whole text each
time: suggesting was quadratic in the text (1 MB took 35 s, issue 28). A count here is the
count find_all would give (a test checks it), up to the `most` asked for."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate, pairwise

from aiplan_tui.pack.anchors import SEPARATOR

WORD = re.compile(r"\w+")
PAIR_GAP = 3
"""Two words at most this many characters apart are indexed as a pair too ("5.3", "than
12"): a figure's words are each common, but rarely together."""
ENOUGH = 16
"""A word (or pair) with no more places than this is cheap enough: no rarer one is sought."""
CANDIDATES_BEFORE_SCAN = 4096
"""A count with more places than this to look at searches the whole text instead."""
SCANNED_AT_MOST = 256_000_000
"""Characters that searches of the whole text may read in all (a tenth of a second or so);
past that, a count that needs one more is given as too many and its suggestion is left out,
rather than the work growing with the square of the text. Only a text made to defeat the
index gets there: an article's counts search it a few times, for its one-word quotations."""

_Plan = tuple[int, "Iterator[int] | None"]


class Occurrences:
    """The places of each word of an article's paragraphs (joined as the anchors join them),
    and of each pair of words next to each other."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.text = text = SEPARATOR.join(paragraphs)
        self.starts = tuple(accumulate((len(p) + 1 for p in paragraphs[:-1]), initial=0))
        """Where each paragraph starts in the text."""
        self._where: dict[str, list[int]] = {}
        self._pairs: dict[str, list[int]] = {}
        where, pairs = self._where, self._pairs  # (a new list only for a new word or pair)
        before_start = before_end = -PAIR_GAP - 1
        for match in WORD.finditer(text):
            start, end = match.span()
            word = match.group()
            if (places := where.get(word)) is None:
                where[word] = [start]
            else:
                places.append(start)
            if start - before_end <= PAIR_GAP:
                pair = text[before_start:end]
                if (places := pairs.get(pair)) is None:
                    pairs[pair] = [before_start]
                else:
                    places.append(before_start)
            before_start, before_end = start, end
        self._forward = sorted(self._where)
        self._forward_total = [0, *accumulate(len(self._where[w]) for w in self._forward)]
        self._backward = sorted(word[::-1] for word in self._where)
        self._backward_total = [
            0,
            *accumulate(len(self._where[w[::-1]]) for w in self._backward),
        ]
        self._scan_left = SCANNED_AT_MOST
        self._few: dict[str, bool] = {}
        self.work = 0
        """Places looked at and characters searched so far: what the counts cost."""

    def count(self, words: str, most: int = 2) -> int:
        """How many times `words` occur in the text, overlapping ones too, counted up to
        `most` (`most` also when counting them would cost too much)."""
        places = self.places(words, most - 1)
        return most if places is None else len(places)

    def places(self, words: str, most: int | None = None) -> list[int] | None:
        """Where `words` start in the text, in order, overlapping ones too; None when they
        occur more than `most` times, or when finding them would cost too much."""
        most = len(self.text) if most is None else most
        if not words or SEPARATOR in words:
            return []
        cost, candidates = self._cheapest(words)
        if candidates is None or cost > CANDIDATES_BEFORE_SCAN:
            return self._scan(words, most) if self._scan_left >= len(self.text) else None
        found: list[int] = []
        for at in candidates:
            self.work += 1
            if at >= 0 and self.text.startswith(words, at):
                found.append(at)
                if len(found) > most:
                    return None
        return sorted(found)

    def count_around(
        self, words: str, places: list[int], prefix: str, suffix: str, most: int = 2
    ) -> int:
        """count(prefix + words + suffix), from every place of `words` (`places`): each of
        those is at one of them, so only these are looked at, when count would have used
        the index (a word inside `words` has few enough places: it would not search the
        whole text, and gives the count as this does), else asked of count."""
        whole = prefix + words + suffix
        if SEPARATOR in whole or not self._indexed(words):
            return self.count(whole, most)
        found = 0
        for at in places:
            start = at - len(prefix)
            if start >= 0 and self.text.startswith(whole, start):
                found += 1
                if found == most:
                    break
        return found

    def _indexed(self, words: str) -> bool:
        """Whether a whole word inside `words` (not at its start or end), or two such words
        next to each other, has no more places than CANDIDATES_BEFORE_SCAN: `words` with more
        around it is then counted with the index (_cheapest takes that word or pair, or one
        cheaper: one of ENOUGH places at most, never more than that), never by a search of
        the whole text."""
        known = self._few.get(words)
        if known is None:
            inner = [t for t in WORD.finditer(words) if t.start() > 0 and t.end() < len(words)]
            known = any(
                len(self._where.get(t.group(), ())) <= CANDIDATES_BEFORE_SCAN for t in inner
            ) or any(
                second.start() - first.end() <= PAIR_GAP
                and len(self._pairs.get(words[first.start() : second.end()], ()))
                <= CANDIDATES_BEFORE_SCAN
                for first, second in pairwise(inner)
            )
            self._few[words] = known
        return known

    def shared(self, places: list[int], length: int, reach: int) -> dict[int, tuple[int, int]]:
        """For each place of the same words (`length` characters long), how many characters
        right before it and right after it are the same at another place, at most: a prefix
        (or suffix) longer than that, and no longer than `reach`, is found there alone."""
        if len(places) == 1:  # most words: nothing to sort or compare
            return {places[0]: (-1, -1)}
        text = self.text
        lefts = {at: text[max(0, at - reach) : at][::-1] for at in places}  # each made once
        rights = {at: text[at + length : at + length + reach] for at in places}
        before = sorted(places, key=lefts.__getitem__)
        after = sorted(places, key=rights.__getitem__)
        shared = dict.fromkeys(places, (-1, -1))  # alone: not even no context is shared
        for one, other in pairwise(before):
            same = _alike(lefts[one], lefts[other])
            for at in (one, other):
                shared[at] = (max(shared[at][0], same), shared[at][1])
        for one, other in pairwise(after):
            same = _alike(rights[one], rights[other])
            for at in (one, other):
                shared[at] = (shared[at][0], max(shared[at][1], same))
        return shared

    def _scan(self, words: str, most: int) -> list[int] | None:
        found: list[int] = []
        at = self.text.find(words)
        while at != -1 and len(found) <= most:
            found.append(at)
            at = self.text.find(words, at + 1)
        scanned = len(self.text) if at == -1 else at + len(words)
        self._scan_left -= scanned
        self.work += scanned
        return None if len(found) > most else found

    def _cheapest(self, words: str) -> _Plan:
        """Where `words` may start, from the word or pair of it with the fewest places: a
        whole word inside it, two such words next to each other, its first word as the end of
        a word of the text, or its last as the start of one; (cost, None) when it has none of
        these (one word, or no word)."""
        tokens: list[re.Match[str]] = []
        inner: list[re.Match[str]] = []
        best: _Plan = (len(self.text) + 1, None)
        for token in WORD.finditer(words):  # up to the first word rare enough: any will do
            tokens.append(token)
            if token.start() > 0 and token.end() < len(words):
                inner.append(token)
                places = self._where.get(token.group(), [])
                if len(places) < best[0]:
                    best = (len(places), _shifted(places, token.start()))
                    if best[0] <= ENOUGH:
                        return best
        for first, second in pairwise(inner):
            if second.start() - first.end() <= PAIR_GAP:
                places = self._pairs.get(words[first.start() : second.end()], [])
                if len(places) < best[0]:
                    best = (len(places), _shifted(places, first.start()))
        if best[0] <= ENOUGH:
            return best
        if tokens and tokens[0].start() == 0 and tokens[0].end() < len(words):
            first_word = tokens[0].group()
            low, high = _prefixed(self._backward, first_word[::-1])
            cost = self._backward_total[high] - self._backward_total[low]
            if cost < best[0]:
                ends = (word[::-1] for word in self._backward[low:high])
                best = (cost, self._ending(ends, len(first_word)))
        if tokens and tokens[-1].end() == len(words) and tokens[-1].start() > 0:
            last = tokens[-1]
            low, high = _prefixed(self._forward, last.group())
            cost = self._forward_total[high] - self._forward_total[low]
            if cost < best[0]:
                best = (cost, self._starting(self._forward[low:high], last.start()))
        return best

    def _ending(self, words: Iterator[str], length: int) -> Iterator[int]:
        """Where a piece of `length` characters ending each of the words starts."""
        for word in words:
            for at in self._where[word]:
                yield at + len(word) - length

    def _starting(self, words: list[str], offset: int) -> Iterator[int]:
        for word in words:
            yield from _shifted(self._where[word], offset)


def _shifted(places: list[int], offset: int) -> Iterator[int]:
    for at in places:
        yield at - offset


def _prefixed(ordered: list[str], prefix: str) -> tuple[int, int]:
    """The range of `ordered` (sorted) whose strings start with `prefix`."""
    low = bisect_left(ordered, prefix)
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # a word character: never the last
    return low, bisect_left(ordered, following, low)


def _alike(one: str, other: str) -> int:
    """How many characters the two strings begin with alike."""
    low, high = 0, min(len(one), len(other))
    while low < high:  # a bisection over slices compared whole: no loop per character
        middle = (low + high + 1) // 2
        if one[:middle] == other[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
