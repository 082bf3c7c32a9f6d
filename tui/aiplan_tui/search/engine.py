"""Fuzzy search over a pack: an inverted index of folded words, each query word expanded over
the vocabulary (exact, prefix, other forms of the word, then rapidfuzz), candidates found by
set operations on the postings, then ranked (`ranking`). No Textual.

The index itself is plain arrays (`index.IndexData`); this module runs queries over it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from aiplan_tui.core.collector import collector_paused
from aiplan_tui.search.cjk import is_cjk, terms
from aiplan_tui.search.documents import Doc
from aiplan_tui.search.equivalents import Families
from aiplan_tui.search.filters import Filters, statuses
from aiplan_tui.search.folding import fold_plain
from aiplan_tui.search.folding import words as fold_words
from aiplan_tui.search.hits import Hit, hit_of
from aiplan_tui.search.query import Query, Term, parse
from aiplan_tui.search.ranking import Group, holds_phrase, score_doc, shortlist
from aiplan_tui.search.tiers import tiers
from aiplan_tui.search.vocabulary import EXACT, FORM, Vocabulary, Words

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:  # a warm search's index is over the compiled pack's documents: no model
    from aiplan_tui.core.model import Pack
    from aiplan_tui.core.pausing import Pause
    from aiplan_tui.search.index import Postings

NAME_FIELDS = ("name", "alias")
"""An entity's fields that name it: a query equal to one of them is a name (`SearchIndex._name`)."""


class SearchIndex:
    """Built once per pack; `search` answers a query string.
    `over` runs queries on documents and postings kept elsewhere (the compiled pack)."""

    def __init__(self, pack: Pack, pause: Pause | None = None) -> None:
        """`pause`: see core/pausing.py."""
        from aiplan_tui.core.pausing import paused
        from aiplan_tui.search.index import build_index_data
        from aiplan_tui.search.names import article_names, dimension_names
        from aiplan_tui.search.pack_docs import PackDocs  # (a compiled pack's: `over`)

        with collector_paused():
            docs = PackDocs(pack)
            data = build_index_data(paused(docs.passing(), pause))
        names = article_names(pack), dimension_names(pack)
        self._setup(docs, data, *names, pack.info.equivalents)

    @classmethod
    def over(
        cls,
        docs: Sequence[Doc],
        postings: Postings,
        articles: dict[str, str],
        dimensions: dict[str, str],
        equivalents: Sequence[Sequence[str]] = (),
    ) -> SearchIndex:
        """An index whose documents and postings come from elsewhere; `articles` and
        `dimensions` are the names the `article:` and `dim:` filters match (`article_names`),
        `equivalents` the pack's own families of names (search/equivalents.py)."""
        index = cls.__new__(cls)
        index._setup(docs, postings, articles, dimensions, equivalents)
        return index

    def _setup(
        self,
        docs: Sequence[Doc],
        postings: Postings,
        articles: dict[str, str],
        dimensions: dict[str, str],
        equivalents: Sequence[Sequence[str]],
    ) -> None:
        self.docs = docs
        self.families = Families(equivalents)
        self.postings = postings
        self.vocabulary = Vocabulary(postings.words, postings.stem_words)
        self._ids = self.vocabulary.ids
        self._keys = {key: number for number, key in enumerate(postings.keys)}
        self._filters = Filters(postings.keys, self._key_docs, articles, dimensions)

    def suggest(self, text: str) -> list[tuple[str, str]]:
        """For a query that found nothing: each of its words that is no word of the pack, in a
        part of the query nothing else satisfies (not one side of an `a | b` whose other side
        matched), with the pack's closest word: (typed, offered), in query order. Words with no
        close match are left out; of equally close words, the one in most documents is offered.
        Costs a rapidfuzz pass over the vocabulary per such word, so only call it for none."""
        offers: dict[str, str] = {}
        for group in parse(text).groups:
            missing = [self._missing(term) for term in group]
            if not all(missing):
                continue  # some alternative of this part is in the pack
            for word in (word for words in missing for word in words):
                near = self.vocabulary.nearest(word)
                if near and word not in offers:
                    offers[word] = max(near, key=lambda w: (len(self._docs_of(w)), -self._ids[w]))
        return list(offers.items())

    def _missing(self, term: Term) -> list[str]:
        """The term's words that are not in the pack (all or none, but for a phrase's)."""
        if term.mode == "phrase":
            return [word for word in terms(term.text) if not self._term_docs(word)]
        return [] if self.expand(term) else [term.text]

    # Postings --------------------------------------------------------------------------------

    def admits(self, query: Query, kinds: set[str]) -> Callable[[int], bool]:
        """Whether a document passes the query's filters (and `kinds`) and holds none of its
        excluded words."""
        sets = self._filters.sets(query, kinds)
        allowed = sets[0].intersection(*sets[1:]) if sets else None
        excluded: set[int] = self._filters.hidden(query)
        for term in query.excluded:
            excluded |= self._holders(term, self._term_words(term))
        return lambda n: (allowed is None or n in allowed) and n not in excluded

    def _docs_of(self, word: str) -> array[int]:
        """Every document holding the word."""
        number = self._ids.get(word)
        return array("i") if number is None else self.postings.word_docs(number)

    def _holders(self, term: Term, words: Words) -> set[int]:
        """The documents holding a term: any of its words (a phrase: all, in place)."""
        if term.mode == "phrase":
            return self._phrase_docs(term, words, check=True)
        return set().union(*map(self._docs_of, words))

    def _weighted(self, word: str) -> list[tuple[float, array[int]]]:
        """The word's documents by the weight of the field holding it."""
        number = self._ids.get(word)
        return [] if number is None else self.postings.weighted(number)

    def _key_docs(self, key: str) -> array[int]:
        number = self._keys.get(key)
        return array("i") if number is None else self.postings.key_docs(number)

    # Expanding words -------------------------------------------------------------------------

    def expand(self, term: Term) -> Words:
        return self.vocabulary.expand(term)

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
            [(term, self._term_words(term)) for term in group]
            for group in self.families.widen(query.groups)
        ]
        candidates, phrases = self._candidates(groups, query, set(kinds))
        lacking: dict[int, tuple[str, ...]] = {}
        if not candidates and len(groups) > 1:  # (search/relaxed.py: imported only for these)
            from aiplan_tui.search.relaxed import has_phrase, most_words

            if not has_phrase(query.groups):
                admits = self.admits(query, set(kinds))
                candidates, lacking = most_words(groups, self._holders, admits)
        name = self._name(query)
        named = self._all_words_docs(terms(name)) if name else set()
        rough = [tiers(group, candidates, phrases, named, self._weighted) for group in groups]
        rough.sort(key=lambda tier: sum(len(docs) for docs in tier.values()))
        keep = (
            shortlist(sorted(candidates), rough, limit)
            if not lacking
            else sorted(candidates, key=lambda n: (len(lacking[n]), n))[: _relaxed_scored()]
        )
        scored = [
            (found, n)
            for n in keep
            if (found := score_doc(self.docs[n], self._folded(n), groups, name))
        ]
        scored.sort(
            key=lambda item: (len(lacking.get(item[1], ())), -round(item[0][0], 6), item[1])
        )
        if limit is not None:
            scored = scored[:limit]
        docs = self.docs
        return [hit_of(docs[n], n, found, lacking.get(n, ())) for found, n in scored]

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
        sets += self._filters.sets(query, kinds)
        hidden = self._filters.hidden(query)
        if not sets and statuses(query):  # `status:accepted` alone: all it admits
            sets.append(self.postings.all_docs())
        if not sets:
            return set(), {}
        sets.sort(key=len)
        candidates = sets[0].intersection(*sets[1:])
        candidates -= hidden
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
        """Drop candidates a group matched only by a phrase's words, not the phrase itself. A
        phrase of another name of a side (`Term.kin`) is checked only where nothing else of
        its group is found: the check reads the text, the rest is postings."""
        phrases: dict[Term, set[int]] = {}
        for group in groups:
            if not any(term.mode == "phrase" for term, _ in group):
                continue
            kept: set[int] = set()
            for term, words in group:
                if term.mode != "phrase":
                    for word in words:
                        kept.update(candidates.intersection(self._docs_of(word)))
            for term, words in sorted(group, key=lambda item: item[0].kin):
                if term.mode == "phrase":
                    among = candidates - kept if term.kin else candidates
                    phrases[term] = self._phrase_docs(term, words, among, check=True)
                    kept |= phrases[term]
            candidates &= kept
        return candidates, phrases

    def _phrase_docs(
        self, term: Term, words: Words, within: set[int] | None = None, check: bool = False
    ) -> set[int]:
        """Documents holding every word of the phrase; with `check` (or `within` given, as for
        an exclusion) only those where the words stand in order (a lone CJK term: anywhere)."""
        if not words:
            return set()
        found = terms(term.text)
        postings = sorted(map(self._term_docs, found), key=len)
        docs = set(postings[0]) if within is None else within.intersection(postings[0])
        for more in postings[1:]:
            docs.intersection_update(more)
        if (within is None and not check) or (found == [term.text] and is_cjk(term.text)):
            return docs
        phrase, folded = term.text, self._folded
        return {d for d in docs if holds_phrase(self.docs[d], phrase, partial(folded, d))}

    def _name(self, query: Query) -> str | None:
        """The query's words as one folded string, if together they are the name or an alias
        of a person or organisation in the pack (`li`, `george chen`); else None. A query with
        alternatives (`a | b`), a prefix or a suffix is no name."""
        if not query.groups or any(len(group) != 1 for group in query.groups):
            return None
        if any(term.mode in ("prefix", "suffix") for (term,) in query.groups):
            return None
        name = " ".join(term.text for (term,) in query.groups)
        words = terms(name)
        entities = self._all_words_docs(words, set(self._key_docs("kind:entity")))
        for number in sorted(entities):
            fields = self.docs[number].fields
            if any(f.name in NAME_FIELDS and fold_words(f.text) == words for f in fields):
                return name
        return None

    def _all_words_docs(self, words: list[str], within: set[int] | None = None) -> set[int]:
        """The documents (of `within`, if given) holding every one of the words."""
        docs = within
        for word in words:
            holding = self._docs_of(word)
            docs = set(holding) if docs is None else docs.intersection(holding)
        return docs or set()

    def _term_words(self, term: Term) -> Words:
        """A phrase is looked up by its first word, then checked in place."""
        if term.mode != "phrase":
            return self.vocabulary.kin(term.text) if term.kin else self.expand(term)
        first, worth = terms(term.text)[0], FORM if term.kin else EXACT
        if len(first) == 1 and is_cjk(first):
            return dict.fromkeys(self.vocabulary.holding(first), worth)
        return {first: worth} if first in self._ids else {}

    def _term_docs(self, word: str) -> array[int] | set[int]:
        """The documents holding a phrase's term: a lone CJK character in any pair."""
        if len(word) == 1 and is_cjk(word):
            return set().union(*map(self._docs_of, self.vocabulary.holding(word)))
        return self._docs_of(word)

    # Scoring a document ----------------------------------------------------------------------

    def _folded(self, number: int) -> list[str]:
        return [fold_plain(field.text) for field in self.docs[number].fields]


def _relaxed_scored() -> int:
    """How many results lacking some words are matched in full (search/relaxed.py)."""
    from aiplan_tui.search.relaxed import RELAXED_SCORED

    return RELAXED_SCORED
