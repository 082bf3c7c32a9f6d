"""Word families across names: analysts write China, Chinese, PRC and 中国, or US, U.S.,
American and United States, for the same side. A query word that is one name of a family
also finds the others, ranked as another form of the word is (a match of them scores FORM,
below the word itself), and each highlighted as the text has it. No Textual.

The families bundled here are the two sides'; a pack adds its own in pack.toml
(`[[equivalent]] words = [...]`, docs/pack-format.md), and one sharing a name with a bundled
family joins it. A name of several words (United States, U.S.) is found as a phrase, its words
together; typed as separate words of a query (`united states invest`), it is taken as that
name. Only a plain word is widened: `'china` is the word alone, and a quoted phrase stays
the phrase; an excluded word (`!china`) leaves out that word alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiplan_tui.search.cjk import has_cjk, is_run
from aiplan_tui.search.folding import WORD, fold_plain
from aiplan_tui.search.query import STOP_WORDS, Term
from aiplan_tui.search.stems import stem

BUNDLED: tuple[tuple[str, ...], ...] = (
    ("China", "Chinese", "PRC", "People's Republic of China", "中国", "中华人民共和国"),
    (
        "US", "U.S.", "USA", "U.S.A.", "America", "American", "United States",
        "United States of America", "美国",
    ),
)  # fmt: skip
"""The two sides' names, as analysts use them interchangeably."""

Groups = tuple[tuple[Term, ...], ...]


def _phrase(name: str) -> str:
    """A name folded as a query phrase is: its words, one space apart."""
    return " ".join(WORD.findall(fold_plain(name)))


def _telling(phrase: str) -> tuple[str, ...]:
    """A phrase's words as a query keeps them: without the words questions are made of
    (`people s republic china`), as `query.parse` leaves those out."""
    words = phrase.split()
    return tuple(word for word in words if word not in STOP_WORDS) or tuple(words)


class Families:
    """The families a pack's search widens words by: the bundled ones and the pack's own."""

    def __init__(self, extra: Iterable[Sequence[str]] = ()) -> None:
        families: list[list[str]] = []
        family_of: dict[str, int] = {}
        for names in (*BUNDLED, *extra):
            phrases = [p for p in dict.fromkeys(map(_phrase, names)) if p]
            joined = sorted({family_of[p] for p in phrases if p in family_of})
            number = joined[0] if joined else len(families)
            if not joined:
                families.append([])
            for other in joined[1:]:  # a name in two families makes them one
                for phrase in families[other]:
                    family_of[phrase] = number
                families[number] += families[other]
                families[other] = []
            for phrase in phrases:
                if family_of.get(phrase) != number:
                    family_of[phrase] = number
                    families[number].append(phrase)
        self._families = families
        self._word: dict[str, int] = {}
        """A one-word name, and each one-word name's stem, to its family."""
        self._spaced: dict[tuple[str, ...], tuple[str, int]] = {}
        """A name of several words, as a query keeps them, to its phrase and its family."""
        for number, phrases in enumerate(families):
            for phrase in phrases:
                if " " in phrase:
                    self._spaced[tuple(phrase.split())] = phrase, number
                    self._spaced.setdefault(_telling(phrase), (phrase, number))
                    continue
                self._word[phrase] = number
                if not has_cjk(phrase):
                    self._word.setdefault(stem(phrase), number)
        self._longest = max(map(len, self._spaced), default=1)

    def __bool__(self) -> bool:
        return bool(self._word or self._spaced)

    def widen(self, groups: Groups) -> Groups:
        """The query's groups, a word that names a family (or the words of one, in a row)
        given the family's other names as alternatives (`Term.kin`)."""
        if not self:
            return groups
        widened: list[tuple[Term, ...]] = []
        at = 0
        while at < len(groups):
            group = groups[at]
            spaced = self._spaced_at(groups, at)
            if spaced is not None:
                phrase, number, size = spaced
                widened.append((Term(phrase, "phrase"), *self._kin(number, phrase)))
                at += size
                continue
            family = self._family(group[0]) if len(group) == 1 else None
            if family is None:
                widened.append(group)
            else:
                widened.append((*group, *self._kin(family, group[0].text)))
            at += 1
        return tuple(widened)

    def _family(self, term: Term) -> int | None:
        """The family a plain word (or an unquoted Chinese word) names, if any."""
        if term.mode == "fuzzy":
            found = self._word.get(term.text)
            return found if found is not None else self._word.get(stem(term.text))
        if term.mode == "phrase" and is_run(term.text):
            return self._word.get(term.text)
        return None

    def _spaced_at(self, groups: Groups, at: int) -> tuple[str, int, int] | None:
        """A name of several words that the plain words from `at` on are (the longest):
        its phrase, its family and how many groups it takes."""
        for size in range(min(self._longest, len(groups) - at), 1, -1):
            run = groups[at : at + size]
            if not all(len(g) == 1 and g[0].mode == "fuzzy" for g in run):
                continue
            found = self._spaced.get(tuple(g[0].text for g in run))
            if found is not None:
                return (*found, size)
        return None

    def _kin(self, number: int, typed: str) -> tuple[Term, ...]:
        """The family's names other than the one typed, as terms: a word finds itself and
        its forms, a name of several words (or of Chinese characters) its phrase."""
        kin: list[Term] = []
        for phrase in self._families[number]:
            if phrase == typed or (" " not in phrase and stem(phrase) == stem(typed)):
                continue
            one_word = " " not in phrase and not has_cjk(phrase)
            kin.append(Term(phrase, "fuzzy" if one_word else "phrase", kin=True))
        return tuple(kin)
