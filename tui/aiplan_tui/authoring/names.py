"""The names of the people and organisations known so far, indexed as they come, for
`speakers.Speakers`: each look-up costs about what the few names it could be cost, not a
look at every name (with the entities proposed for a long text that was quadratic, issue 28).
Each answer is the one a look at every name in order would give."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from aiplan_tui.authoring.text import PARTICLE_WORD
from aiplan_tui.core.model import EntityKind

WORD = re.compile(r"\w+")
_PARTICLE_WORD = re.compile(PARTICLE_WORD)


@dataclass(frozen=True)
class Known:
    id: str
    name: str
    names: tuple[str, ...]
    kind: EntityKind


class Names:
    """Known entities in the order they were added, each of their names indexed."""

    def __init__(self) -> None:
        self._by_name: dict[str, Known] = {}
        self._by_part: dict[str, list[Known]] = {}
        self._by_last_word: dict[str, list[int]] = {}
        self._unindexed: list[int] = []
        """Names whose last word cannot be told apart without the regex: always tried."""
        self._inside: list[tuple[Known, str]] = []
        self._patterns: dict[int, re.Pattern[str]] = {}
        """Each name's pattern, compiled when a look-up first needs it (most are never
        needed: compiling one for each of a long text's names took a fifth of a second)."""
        self._near: dict[int, dict[str, str]] = {}
        """Each name a near spelling may stand for, by its length, keyed by its entity's id
        and the name, in the order they came."""
        self._near_order: dict[str, int] = {}
        self._kinds: dict[str, EntityKind] = {}

    def add(self, known: Known) -> None:
        self._kinds.setdefault(known.id, known.kind)
        for name in known.names:
            self._by_name.setdefault(name.casefold(), known)
            parts = name.split()
            if known.kind == "person" and parts:
                for part in {parts[0].casefold(), parts[-1].casefold(), *particled(parts)}:
                    people = self._by_part.setdefault(part, [])
                    if not people or people[-1] is not known:  # its other names came last
                        people.append(known)
            if len(name) > 2:
                number = len(self._inside)
                self._inside.append((known, name))
                words = WORD.findall(name)
                if words and not _odd(name):
                    self._by_last_word.setdefault(_fold(words[-1]), []).append(number)
                else:
                    self._unindexed.append(number)
            key = f"{known.id}\x00{name}"
            if len(name) > 3 and key not in self._near_order:
                self._near_order[key] = len(self._near_order)
                self._near.setdefault(len(name), {})[key] = name

    def kind(self, entity: str) -> EntityKind | None:
        return self._kinds.get(entity)

    def named(self, words: str) -> Known | None:
        """The first entity with a name that is `words` but for case."""
        return self._by_name.get(words.casefold())

    def inside(self, words: str, at_end: bool) -> Known | None:
        """The entity of the name found in `words` that ends last (the longer on a tie, then
        the first added); with `at_end`, only a name that ends the words."""
        if _odd(words):
            numbers: list[int] | range = range(len(self._inside))
        else:
            keys = {_fold(word) for word in WORD.findall(words)}
            found = [n for key in keys for n in self._by_last_word.get(key, ())]
            numbers = sorted({*found, *self._unindexed})
        best: tuple[int, int] | None = None
        chosen: Known | None = None
        lowered = words.lower() if words.isascii() else None
        for number in numbers:
            known, name = self._inside[number]
            if lowered is not None and name.isascii() and name.lower() not in lowered:
                continue  # ASCII in both: the case-blind pattern matches only these letters
            for match in self._pattern(number).finditer(words):
                if at_end and match.end() != len(words):
                    continue
                if best is None or (match.end(), len(name)) > best:
                    best, chosen = (match.end(), len(name)), known
        return chosen

    def _pattern(self, number: int) -> re.Pattern[str]:
        pattern = self._patterns.get(number)
        if pattern is None:
            name = self._inside[number][1]
            pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
            self._patterns[number] = pattern
        return pattern

    def people_called(self, part: str) -> list[Known]:
        """The people with a name whose first or last word is `part` (folded)."""
        return list(self._by_part.get(part, ()))

    def near(self, words: str, close_enough: float) -> tuple[str, str] | None:
        """(entity id, name) of the name most like `words`, at least `close_enough` alike."""
        best: tuple[float, int, str] | None = None  # score, minus the order it came in, key
        for length, names in self._near.items():
            if _ratio_at_most(len(words), length) < close_enough:
                continue
            found = process.extractOne(words, names, scorer=fuzz.ratio, score_cutoff=close_enough)
            if found is not None:  # the first of the best, as one look at all in order
                here = (found[1], -self._near_order[found[2]], found[2])
                best = here if best is None or here > best else best
        if best is None:
            return None
        entity, _, name = best[2].partition("\x00")
        return entity, name


def _ratio_at_most(one: int, other: int) -> float:
    """The most `fuzz.ratio` can give two strings of these lengths (each insertion or deletion
    costs one of their total), less a little for the rounding: names of other lengths are
    never near enough, and are not compared (comparing every name made a long text's
    look-ups quadratic, issue 28)."""
    total = one + other
    return 100.0 * (total - abs(one - other)) / total + 0.01 if total else 100.0


def particled(parts: list[str]) -> tuple[str, ...]:
    """The surname with its particles, folded, of a name with a lower-case word after its
    first ("Anneke van den Berg" -> "van den berg", written "Van den Berg" when it starts a
    sentence; "Aurélie Van den Broeck" -> "van den broeck"); none for a name without one."""
    for number, part in enumerate(parts[1:-1], start=1):
        if not part[:1].isupper():
            # "Aurélie Van den Broeck": a capitalised particle before it is the surname's too
            while number > 1 and _PARTICLE_WORD.fullmatch(parts[number - 1].casefold()):
                number -= 1
            return (" ".join(parts[number:]).casefold(),)
    return ()


def surname_alone(words: str) -> bool:
    """Whether `words` may be a surname alone: one word ("Chen"), or a capitalised particle
    and the rest ("Van den Berg", "De la Vega")."""
    parts = words.split()
    if len(parts) <= 1:
        return True
    first = _PARTICLE_WORD.fullmatch(parts[0].casefold()) is not None
    return first and len(parts) <= 4 and parts[-1][:1].isupper()


def _odd(text: str) -> bool:
    """Whether `text` has a character outside words that a case-blind match equates with
    another (U+0345 is one): its words alone cannot say what such a match finds."""
    return any(not (c.isalnum() or c == "_") and (c.lower() != c or c.upper() != c) for c in text)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """The same for any two words a case-blind regex takes as equal: ASCII letters in lower
    case, other characters with no case as they are, and "?" for the rest (i, s and k, which
    match İ, ı, ſ and the Kelvin sign, and every other cased character)."""
    return "".join(_fold_character(c) for c in word)


def _fold_character(c: str) -> str:
    if c.isascii():
        lower = c.lower()
        return "?" if lower in "isk" else lower
    return c if c.lower() == c == c.upper() else "?"
