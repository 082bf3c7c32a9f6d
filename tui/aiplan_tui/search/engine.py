"""Fuzzy search over a pack: an inverted index of folded words, each query word expanded over
the vocabulary (exact, prefix, then rapidfuzz), then ranked. No Textual.

Ranking, highest first: exact beats prefix beats fuzzy; a word found in a name or title weighs
more than one in body text; all words close together beat scattered ones; ties in reading order.

The index itself is plain arrays (`index_data.IndexData`); this module runs queries over it.
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import add

from rapidfuzz import fuzz, process

from aiplan_tui.core.model import Location, Pack
from aiplan_tui.core.reading import Place, ReadingOrder
from aiplan_tui.search.documents import Doc, PackDocs
from aiplan_tui.search.folding import WORD, fold, fold_plain
from aiplan_tui.search.index import IndexData, build_index_data, collector_paused
from aiplan_tui.search.query import Query, Term, parse

EXACT, PREFIX = 1.0, 0.8
FUZZY_SCALE = 0.6
"""A fuzzy match scores its rapidfuzz ratio (0-1) times this, so it ranks below any prefix."""
MAX_EXPANSIONS = 20
SHORTLIST = 4
"""Documents matched in full per result asked for; the rest are ranked by postings alone."""
NEAR = 40
"""Folded characters within which all matched words count as close together."""
EXPANSION_CACHE = 512
"""Query words whose expansion over the vocabulary is remembered (typing repeats them)."""

Words = dict[str, float]
Group = list[tuple[Term, Words]]


def fuzzy_cutoff(word: str) -> float | None:
    """Shorter words tolerate fewer typos: none up to 3 letters, then about one per 5 letters."""
    if len(word) <= 3:
        return None
    return 80.0 if len(word) >= 7 else 85.0


@dataclass(frozen=True)
class Hit:
    """One result: what and where, the field that matched best, and the matched spans in it."""

    doc: Doc
    score: float
    field: str
    text: str
    spans: tuple[tuple[int, int], ...]
    order: int = 0
    """The document's place in reading order, which breaks ties."""

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def location(self) -> Location | None:
        return self.doc.location


class SearchIndex:
    """Built once per pack (or loaded from `data`, as the disk cache does); `search` answers a
    query string."""

    def __init__(self, pack: Pack, data: IndexData | None = None) -> None:
        with collector_paused():
            self.docs = PackDocs(pack)
            if data is None:
                data = build_index_data(self.docs.passing())
            elif data.doc_count != len(self.docs) or (problem := data.problem()) is not None:
                raise ValueError(f"index data does not fit this pack: {problem or 'other docs'}")
        self.data = data
        self._words = list(data.words)
        self._ids = {word: number for number, word in enumerate(data.words)}
        self._reversed = sorted(word[::-1] for word in data.words)
        self._by_length: dict[int, list[str]] = {}
        for word in data.words:
            self._by_length.setdefault(len(word), []).append(word)
        self._classes = len(data.weights)
        self._keys = {key: number for number, key in enumerate(data.keys)}
        self._expansions: dict[Term, Words] = {}
        self._expansions_lock = threading.Lock()
        self._article_names = {
            a.id: " ".join([a.id, a.title, a.outlet]).lower() for a in pack.articles
        }
        self._dimension_names = {d.id: f"{d.id} {d.title}".lower() for d in pack.dimensions}

    # Postings --------------------------------------------------------------------------------

    def _docs_of(self, word: str) -> array[int]:
        """Every document holding the word, ascending."""
        number = self._ids.get(word)
        if number is None:
            return array("i")
        base = number * self._classes
        return self.data.flat[self.data.starts[base] : self.data.starts[base + self._classes]]

    def _weighted(self, word: str) -> list[tuple[float, array[int]]]:
        """The word's documents by the weight of the field holding it."""
        number = self._ids.get(word)
        if number is None:
            return []
        base, starts, found = number * self._classes, self.data.starts, []
        for offset, weight in enumerate(self.data.weights):
            start, end = starts[base + offset], starts[base + offset + 1]
            if start < end:
                found.append((weight, self.data.flat[start:end]))
        return found

    def _key_docs(self, key: str) -> array[int]:
        number = self._keys.get(key)
        if number is None:
            return array("i")
        starts = self.data.key_starts
        return self.data.key_flat[starts[number] : starts[number + 1]]

    # Expanding words -------------------------------------------------------------------------

    def expand(self, term: Term) -> Words:
        """Vocabulary words a term matches, with how well (1 exact, 0.8 prefix, less fuzzy)."""
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
            return {word: EXACT} if word in self._ids else {}
        if term.mode == "suffix":
            found = self._with_prefix(self._reversed, word[::-1])
            return {w[::-1]: (EXACT if w == word[::-1] else PREFIX) for w in found}
        matches = dict.fromkeys(self._with_prefix(self._words, word), PREFIX)
        if word in self._ids:
            matches[word] = EXACT
        cutoff = fuzzy_cutoff(word)
        if term.mode == "fuzzy" and cutoff is not None:
            for candidate, ratio in self._fuzzy(word, cutoff):
                matches.setdefault(candidate, FUZZY_SCALE * ratio / 100)
        return matches

    def _fuzzy(self, word: str, cutoff: float) -> list[tuple[str, float]]:
        """The best MAX_EXPANSIONS words within the cutoff, ties in vocabulary order. Only words
        of a length that can reach the cutoff are compared (ratio <= 2 * shorter / both)."""
        share = cutoff / 100
        shortest = math.ceil(share * len(word) / (2 - share) - 1e-9)
        longest = math.floor(len(word) * (2 - share) / share + 1e-9)
        choices = [
            w for size in range(shortest, longest + 1) for w in self._by_length.get(size, ())
        ]
        found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        found.sort(key=lambda match: (-match[1], self._ids[match[0]]))
        return [(candidate, ratio) for candidate, ratio, _ in found[:MAX_EXPANSIONS]]

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

    # Searching -------------------------------------------------------------------------------

    def search(self, text: str, limit: int | None = 50, kinds: Iterable[str] = ()) -> list[Hit]:
        """Hits for a query string, best first; any string is accepted."""
        return self.run(parse(text), limit, kinds)

    def run(self, query: Query, limit: int | None = 50, kinds: Iterable[str] = ()) -> list[Hit]:
        """Cheap scores from the postings pick the best few; only those are matched in full
        (spans, the field to show, closeness), so a query costs little more than its postings,
        and those are walked by set operations."""
        if query.empty or (limit is not None and limit <= 0):
            return []
        groups: list[Group] = [
            [(term, self._term_words(term)) for term in group] for group in query.groups
        ]
        candidates, phrases = self._candidates(groups, query, set(kinds))
        tiers = [self._tiers(group, candidates, phrases) for group in groups]
        tiers.sort(key=lambda tier: sum(len(docs) for docs in tier.values()))
        keep = self._shortlist(sorted(candidates), tiers, limit)
        scored = [(found, number) for number in keep if (found := self._score(number, groups))]
        scored.sort(key=lambda item: (-round(item[0][0], 6), item[1]))
        if limit is not None:
            scored = scored[:limit]
        return [self._hit(number, *found) for found, number in scored]

    def _candidates(
        self, groups: list[Group], query: Query, kinds: set[str]
    ) -> tuple[set[int], dict[Term, set[int]]]:
        """Documents every group matches (phrases checked in place), passing every filter,
        holding no excluded word; and the candidates where each phrase was found."""
        sets: list[set[int]] = []
        for group in groups:
            docs: set[int] = set()
            for term, words in group:
                if term.mode == "phrase":
                    docs |= self._phrase_docs(term, words)
                else:
                    for word in words:
                        docs.update(self._docs_of(word))
            sets.append(docs)
        sets += self._filter_sets(query, kinds)
        if not sets:
            return set(), {}
        sets.sort(key=len)
        candidates = sets[0].intersection(*sets[1:])
        for term in query.excluded:
            words = self._term_words(term)
            if term.mode == "phrase":
                candidates -= self._phrase_docs(term, words, candidates)
            else:
                for word in words:
                    candidates.difference_update(self._docs_of(word))
        return self._check_phrases(groups, candidates)

    def _check_phrases(
        self, groups: list[Group], candidates: set[int]
    ) -> tuple[set[int], dict[Term, set[int]]]:
        """Drop candidates a group matched only by a phrase's words, not the phrase itself."""
        phrases: dict[Term, set[int]] = {}
        for group in groups:
            if not any(term.mode == "phrase" for term, _ in group):
                continue
            kept: set[int] = set()
            for term, words in group:
                if term.mode == "phrase":
                    phrases[term] = self._phrase_docs(term, words, candidates, check=True)
                    kept |= phrases[term]
                else:
                    for word in words:
                        kept.update(candidates.intersection(self._docs_of(word)))
            candidates &= kept
        return candidates, phrases

    def _phrase_docs(
        self, term: Term, words: Words, within: set[int] | None = None, check: bool = False
    ) -> set[int]:
        """Documents holding every word of the phrase; with `check` (or `within` given, as for
        an exclusion) only those where the words stand in order."""
        if not words:
            return set()
        postings = sorted((self._docs_of(w) for w in term.text.split()), key=len)
        docs = set(postings[0]) if within is None else within.intersection(postings[0])
        for more in postings[1:]:
            docs.intersection_update(more)
        if within is None and not check:
            return docs
        return {d for d in docs if any(_phrase_span(text, term.text) for text in self._folded(d))}

    def _filter_sets(self, query: Query, kinds: set[str]) -> list[set[int]]:
        sets = []
        for key, value in query.filters:
            if key == "kind":
                wanted = [f"kind:{kind}" for kind in value.replace(",", "|").split("|")]
            elif key == "speaker":
                wanted = self._keys_where("speaker:", value, {}, unnamed=True)
            elif key == "dim":
                wanted = self._keys_where("dim:", value, self._dimension_names, unnamed=True)
            elif key == "article":
                wanted = self._keys_where("article:", value, self._article_names, unnamed=False)
            else:  # side, year
                wanted = [f"{key}:{value}"]
            sets.append(self._union(wanted))
        if kinds:
            sets.append(self._union([f"kind:{kind}" for kind in kinds]))
        return sets

    def _keys_where(
        self, prefix: str, value: str, names: dict[str, str], unnamed: bool
    ) -> list[str]:
        """Keys whose name (or, if `unnamed`, the key itself when it has none) holds `value`."""
        start = bisect_left(self.data.keys, prefix)
        found = []
        for key in self.data.keys[start:]:
            if not key.startswith(prefix):
                break
            name = key[len(prefix) :]
            if value in names.get(name, name if unnamed else ""):
                found.append(key)
        return found

    def _union(self, keys: list[str]) -> set[int]:
        docs: set[int] = set()
        for key in keys:
            docs.update(self._key_docs(key))
        return docs

    def _term_words(self, term: Term) -> Words:
        """A phrase is looked up by its first word, then checked in place."""
        if term.mode != "phrase":
            return self.expand(term)
        first = term.text.split()[0]
        return {first: EXACT} if first in self._ids else {}

    # Picking the shortlist -------------------------------------------------------------------

    def _tiers(
        self, group: Group, candidates: set[int], phrases: dict[Term, set[int]]
    ) -> dict[float, set[int]]:
        """A group's rough score for each candidate, as candidates by score: a document scores
        its best matched word's score times the weight of the field holding it (a phrase's
        first word, where the phrase is found)."""
        by_score: dict[float, set[int]] = {}
        for term, words in group:
            within = phrases.get(term, candidates)
            for word, score in words.items():
                for weight, docs in self._weighted(word):
                    found = within.intersection(docs)
                    if found:
                        by_score.setdefault(score * weight, set()).update(found)
        tiers: dict[float, set[int]] = {}
        seen: set[int] = set()
        for value in sorted(by_score, reverse=True):
            fresh = by_score[value] - seen
            if fresh:
                tiers[value] = fresh
                seen |= fresh
        return tiers

    @staticmethod
    def _shortlist(
        candidates: list[int], tiers: list[dict[float, set[int]]], limit: int | None
    ) -> list[int]:
        """The limit * SHORTLIST candidates with the best rough scores (summed over groups),
        ties in reading order."""
        if limit is None:
            return candidates
        wanted = limit * SHORTLIST
        if len(candidates) <= wanted or not tiers:
            return candidates[:wanted]
        if len(tiers) == 1:  # walk the scores down until enough
            keep: list[int] = []
            for docs in tiers[0].values():
                keep += sorted(docs)
                if len(keep) >= wanted:
                    break
            return keep[:wanted]
        totals: list[float] | None = None
        for tier in tiers:
            scores: dict[int, float] = {}
            for value in sorted(tier):
                scores.update(dict.fromkeys(tier[value], value))
            column = list(map(scores.__getitem__, candidates))
            totals = column if totals is None else list(map(add, totals, column))
        assert totals is not None
        counts = Counter(totals)
        taken, threshold = 0, 0.0
        for threshold in sorted(counts, reverse=True):
            taken += counts[threshold]
            if taken >= wanted:
                break
        chosen = compress(zip(totals, candidates, strict=True), map(threshold.__le__, totals))
        best = sorted(chosen, key=lambda item: (-item[0], item[1]))
        return [number for _, number in best[:wanted]]

    # Scoring a document ----------------------------------------------------------------------

    def _folded(self, number: int) -> list[str]:
        return [fold_plain(field.text) for field in self.docs[number].fields]

    def _score(
        self, number: int, groups: list[Group]
    ) -> tuple[float, int, list[tuple[int, int]]] | None:
        """Score = each group's best match over the fields (weighted), summed; shown in the field
        that holds the most of them, with the folded spans matched there. None if no field
        holds any."""
        doc = self.docs[number]
        if not groups:  # filters only
            return 0.0, 0, []
        per_field = [_field_matches(text, groups) for text in self._folded(number)]
        total = 0.0
        for group in range(len(groups)):
            scores = [0.0]
            for field, found in zip(doc.fields, per_field, strict=True):
                match = found[group]
                if match is not None:
                    scores.append(match[0] * field.weight)
            total += max(scores)
        if not total:
            return None
        shown = max(
            range(len(doc.fields)),
            key=lambda i: (sum(m is not None for m in per_field[i]), -i),
        )
        spans = [m[1] for m in per_field[shown] if m is not None]
        starts = [start for start, _ in spans]
        if len(starts) == len(groups) > 1 and max(starts) - min(starts) <= NEAR:
            total *= 1.25
        return total, shown, spans

    def _hit(self, number: int, total: float, shown: int, spans: list[tuple[int, int]]) -> Hit:
        """The hit, its spans mapped back to the original text (folded only now, for the few
        hits returned)."""
        doc = self.docs[number]
        field = doc.fields[shown]
        folded = fold(field.text)
        original = tuple(sorted({folded.original_span(a, b) for a, b in spans}))
        return Hit(doc, total, field.name, field.text, original, number)


def _field_matches(text: str, groups: list[Group]) -> list[tuple[float, tuple[int, int]] | None]:
    """For each group, its best match in this text (score and folded span), or None: for each
    term the first of its best-scoring words, replaced only by a better later term."""
    present: set[str] | None = None
    found: list[tuple[float, tuple[int, int]] | None] = []
    for group in groups:
        best: tuple[float, tuple[int, int]] | None = None
        for term, matches in group:
            if term.mode == "phrase":
                span = _phrase_span(text, term.text)
                if span and (best is None or best[0] < EXACT):
                    best = (EXACT, span)
                continue
            if present is None:
                present = set(WORD.findall(text))
            common = matches.keys() & present
            if not common:
                continue
            score = max(matches[word] for word in common)
            if best is not None and score <= best[0]:
                continue
            for match in WORD.finditer(text):
                if matches.get(match.group()) == score:
                    best = (score, match.span())
                    break
        found.append(best)
    return found


_WORD_CHAR = re.compile(r"[^\W_]")


@lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # Starting with the literal first word lets the regex engine skip ahead to it.
    return re.compile(r"[\W_]+".join(map(re.escape, phrase.split())) + r"(?![^\W_])")


def _phrase_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Where the phrase's words first stand in order, separated only by non-word characters
    and with no word character just before or after, or None."""
    pattern, position = _phrase_pattern(phrase), 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if not start or _WORD_CHAR.match(text, start - 1) is None:
            return match.span()
        position = start + 1
    return None


def snippet(
    text: str, spans: tuple[tuple[int, int], ...], width: int = 80
) -> tuple[str, list[tuple[int, int]]]:
    """About `width` characters around the first match, spans moved along; "…" marks a cut."""
    if len(text) <= width:
        return text, list(spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    end = min(len(text), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shifted = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in spans
        if a >= start and b <= end
    ]
    return prefix + text[start:end] + suffix, shifted


def match_places(hits: Iterable[Hit], order: ReadingOrder) -> list[Place]:
    """Where hits matched inside article text (paragraphs and highlights' words), in order."""
    places = set()
    for hit in hits:
        location = hit.location
        if location is None or hit.field not in ("text", "exact"):
            continue
        for start, _ in hit.spans:
            offset = start if hit.kind == "paragraph" else location.start + start
            places.add(order.place_in(hit.doc.article, location.paragraph, offset))
    return sorted(places)
