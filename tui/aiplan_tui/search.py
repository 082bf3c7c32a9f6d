"""Fuzzy search over a pack: an inverted index of folded words, each query word expanded over
the vocabulary (exact, prefix, then rapidfuzz), then ranked. No Textual.

Ranking, highest first: exact beats prefix beats fuzzy; a word found in a name or title weighs
more than one in body text; all words close together beat scattered ones; ties in reading order.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from aiplan_tui.folding import WORD, Folded, fold
from aiplan_tui.model import Location, Pack
from aiplan_tui.query import Query, Term, parse
from aiplan_tui.reading import Place, ReadingOrder
from aiplan_tui.search_docs import Doc, build_docs

EXACT, PREFIX = 1.0, 0.8
FUZZY_SCALE = 0.6
"""A fuzzy match scores its rapidfuzz ratio (0-1) times this, so it ranks below any prefix."""
MAX_EXPANSIONS = 20
SHORTLIST = 4
"""Documents matched in full per result asked for; the rest are ranked by postings alone."""
NEAR = 40
"""Folded characters within which all matched words count as close together."""


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
    """Built once per pack; `search` answers a query string."""

    def __init__(self, pack: Pack) -> None:
        self.docs = build_docs(pack)
        self._folded: list[tuple[Folded, ...]] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._weights: dict[str, list[float]] = defaultdict(list)
        """Beside each posting, the weight of the heaviest field holding the word there."""
        for number, doc in enumerate(self.docs):
            folded = tuple(fold(f.text) for f in doc.fields)
            self._folded.append(folded)
            heaviest: dict[str, float] = {}
            for field, text in zip(doc.fields, folded, strict=True):
                for word in WORD.findall(text.text):
                    heaviest[word] = max(field.weight, heaviest.get(word, 0.0))
            for word, weight in heaviest.items():
                self._postings[word].append(number)
                self._weights[word].append(weight)
        self._by_kind: dict[str, set[int]] = defaultdict(set)
        for number, doc in enumerate(self.docs):
            self._by_kind[doc.kind].add(number)
        self._vocabulary = sorted(self._postings)
        self._reversed = sorted(word[::-1] for word in self._vocabulary)
        self._article_names = {
            a.id: " ".join([a.id, a.title, a.outlet]).lower() for a in pack.articles
        }
        self._dimension_names = {d.id: f"{d.id} {d.title}".lower() for d in pack.dimensions}

    # Expanding words -------------------------------------------------------------------------

    def expand(self, term: Term) -> dict[str, float]:
        """Vocabulary words a term matches, with how well (1 exact, 0.8 prefix, less fuzzy)."""
        word = term.text
        if term.mode == "exact":
            return {word: EXACT} if word in self._postings else {}
        if term.mode == "suffix":
            found = self._with_prefix(self._reversed, word[::-1])
            return {w[::-1]: (EXACT if w == word[::-1] else PREFIX) for w in found}
        matches = dict.fromkeys(self._with_prefix(self._vocabulary, word), PREFIX)
        if word in self._postings:
            matches[word] = EXACT
        cutoff = fuzzy_cutoff(word)
        if term.mode == "fuzzy" and cutoff is not None:
            for candidate, ratio, _ in process.extract(
                word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=MAX_EXPANSIONS
            ):
                matches.setdefault(candidate, FUZZY_SCALE * ratio / 100)
        return matches

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
        (spans, the field to show, closeness), so a query costs little more than its postings."""
        if query.empty:
            return []
        groups = [[(term, self._term_words(term)) for term in group] for group in query.groups]
        scored = sorted((self._group_scores(group) for group in groups), key=len)
        if scored:
            candidates = set(scored[0]).intersection(*scored[1:])
        else:
            candidates = set(range(len(self.docs)))
        candidates = self._filtered(candidates, query, set(kinds))
        for term in query.excluded:
            candidates -= self._docs_with(term, self._term_words(term))
        rough = {n: sum(group[n] for group in scored) for n in candidates}
        if limit is not None:
            keep = heapq.nsmallest(limit * SHORTLIST, rough, key=lambda n: (-rough[n], n))
        else:
            keep = list(rough)
        hits = [hit for number in keep if (hit := self._hit(number, groups)) is not None]
        hits.sort(key=lambda hit: (-round(hit.score, 6), hit.order))
        return hits if limit is None else hits[:limit]

    def _group_scores(self, group: list[tuple[Term, dict[str, float]]]) -> dict[int, float]:
        """Each document an OR group matches, with its best word score times field weight."""
        scores: dict[int, float] = {}
        for term, words in group:
            phrase_docs = self._docs_with(term, words) if term.mode == "phrase" else None
            for word, score in words.items():
                for doc, weight in zip(self._postings[word], self._weights[word], strict=True):
                    if phrase_docs is not None and doc not in phrase_docs:
                        continue
                    if score * weight > scores.get(doc, 0.0):
                        scores[doc] = score * weight
        return scores

    def _term_words(self, term: Term) -> dict[str, float]:
        """A phrase is looked up by its first word, then checked in place."""
        if term.mode != "phrase":
            return self.expand(term)
        first = term.text.split()[0]
        return {first: EXACT} if first in self._postings else {}

    def _docs_with(self, term: Term, words: dict[str, float]) -> set[int]:
        if term.mode == "phrase":  # every word of the phrase must be there before it is checked
            postings = sorted((self._postings.get(w, []) for w in term.text.split()), key=len)
            docs = set(postings[0]).intersection(*postings[1:]) if words else set()
        else:
            docs = {d for w in words for d in self._postings[w]}
        if term.mode == "phrase":
            docs = {
                d for d in docs if any(_phrase_spans(f.text, term.text) for f in self._folded[d])
            }
        return docs

    def _filtered(self, candidates: set[int], query: Query, kinds: set[str]) -> set[int]:
        for key, value in query.filters:
            if key == "kind":
                wanted = value.replace(",", "|").split("|")
                candidates &= set().union(*(self._by_kind.get(kind, set()) for kind in wanted))
                continue
            candidates = {n for n in candidates if self._passes(self.docs[n], key, value)}
        if kinds:
            candidates = {n for n in candidates if self.docs[n].kind in kinds}
        return candidates

    def _passes(self, doc: Doc, key: str, value: str) -> bool:
        if key == "kind":
            return doc.kind in value.replace(",", "|").split("|")
        if key == "side":
            return value in doc.sides
        if key == "speaker":
            return bool(doc.speaker) and value in doc.speaker
        if key == "dim":
            return any(value in self._dimension_names.get(d, d) for d in doc.dimensions)
        if key == "article":
            return bool(doc.article) and value in self._article_names.get(doc.article, "")
        return value in doc.years

    # Scoring a document ----------------------------------------------------------------------

    def _hit(self, number: int, groups: list[list[tuple[Term, dict[str, float]]]]) -> Hit | None:
        """Score = each group's best match over the fields (weighted), summed; shown in the field
        that holds the most of them. None if no field holds any."""
        doc = self.docs[number]
        if not groups:  # filters only
            return Hit(doc, 0.0, doc.fields[0].name, doc.fields[0].text, (), number)
        per_field = [_field_matches(folded.text, groups) for folded in self._folded[number]]
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
        field, folded = doc.fields[shown], self._folded[number][shown]
        original = tuple(sorted({folded.original_span(a, b) for a, b in spans}))
        return Hit(doc, total, field.name, field.text, original, number)


def _field_matches(
    text: str, groups: list[list[tuple[Term, dict[str, float]]]]
) -> list[tuple[float, tuple[int, int]] | None]:
    """For each group, its best match in this text (score and folded span), or None."""
    words = [(m.group(), m.span()) for m in WORD.finditer(text)]
    found: list[tuple[float, tuple[int, int]] | None] = []
    for group in groups:
        best: tuple[float, tuple[int, int]] | None = None
        for term, matches in group:
            if term.mode == "phrase":
                spans = _phrase_spans(text, term.text)
                if spans and (best is None or best[0] < EXACT):
                    best = (EXACT, spans[0])
                continue
            for word, span in words:
                score = matches.get(word, 0.0)
                if score and (best is None or score > best[0]):
                    best = (score, span)
        found.append(best)
    return found


def _phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where the phrase's words stand in order, separated only by non-word characters."""
    pattern = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, phrase.split())) + r"(?![^\W_])"
    return [match.span() for match in re.finditer(pattern, text)]


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
