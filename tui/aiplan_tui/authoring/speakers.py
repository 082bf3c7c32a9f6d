"""Who said it: a name from the text matched to the pack's people and organisations (by name
or alias, allowing a near spelling), else a proposed new entity with the role the text gives;
"he" and "she" stand for the last person named as a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from aiplan_tui.authoring.ids import entity_id
from aiplan_tui.authoring.text import looks_like_person, split_title, word_set
from aiplan_tui.core.model import Entity, EntityKind

CLOSE_ENOUGH = 88.0
"""How alike (0-100) a name must be to an entity's name or alias to stand for it."""

PRONOUNS = frozenset({"he", "she"})
ROLE_QUALIFIERS = frozenset({"former", "ex", "acting", "outgoing", "incoming", "late", "then"})
"""A lower-case word before a title that changes what the title says ("former CEO")."""


@dataclass(frozen=True)
class ProposedEntity:
    """A person or organisation the suggested quotations need and the pack does not have."""

    id: str
    name: str
    kind: EntityKind
    role: str = ""


@dataclass(frozen=True)
class _Known:
    id: str
    name: str
    names: tuple[str, ...]
    kind: EntityKind


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the entity id and how it was found, for the suggestion's `why`."""

    id: str
    how: str


class Speakers:
    """Resolves names in reading order, remembering the last person named as a speaker and
    the entities proposed so far (so "Chen said" after "said George Chen" is the same one)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._known: list[_Known] = [
            _Known(e.id, e.name, (e.name, *e.aliases), e.kind)
            for e in entities
            if e.kind in ("person", "organisation")
        ]
        self._taken: set[str] = {e.id for e in entities}
        self._proposed: dict[str, ProposedEntity] = {}
        self.last_person: Speaker | None = None

    @property
    def proposed(self) -> tuple[ProposedEntity, ...]:
        return tuple(self._proposed.values())

    def pronoun(self) -> Speaker | None:
        """The last person named as a speaker, for "he said"."""
        if self.last_person is None:
            return None
        return Speaker(self.last_person.id, "the last named speaker")

    def resolve(self, words: str, role: str = "", before: str = "") -> Speaker | None:
        """The entity a capitalised run of words names, or a new proposed one; None when the
        words name nobody ("The", "It"). `before` is the word before the run: "former" in
        "former Google CEO Eric Schmidt" belongs to the role the text gives."""
        words = words.strip(" ,.;:’'")
        if words.casefold() in PRONOUNS:
            return self.pronoun()
        words = re.sub(r"’s$|'s$", "", words)
        if words.casefold().startswith("the "):  # "The European Commission"
            words = words[4:]
        name, title = split_title(words)
        if not name or name.casefold() in _NOT_NAMES:
            return None
        found = self._match(name) or self._match(words, at_end=True)
        if found is not None:
            speaker = Speaker(found.id, f"{found.name!r} by {found.how}")
        else:
            given = role or title
            if given and before.casefold() in ROLE_QUALIFIERS:
                given = f"{before.casefold()} {given}"
            proposed = self._propose(name, given)
            speaker = Speaker(proposed.id, f"new entity {proposed.name!r}")
        if self._kind(speaker.id) == "person":
            self.last_person = speaker
        return speaker

    def _kind(self, entity: str) -> EntityKind | None:
        for known in self._known:
            if known.id == entity:
                return known.kind
        proposed = self._proposed.get(entity)
        return proposed.kind if proposed else None

    def _all(self) -> list[_Known]:
        return [
            *self._known,
            *(_Known(p.id, p.name, (p.name,), p.kind) for p in self._proposed.values()),
        ]

    def _match(self, words: str, at_end: bool = False) -> _Found | None:
        """The known or proposed entity `words` name; with `at_end`, only one whose name ends
        the words counts ("Nvidia CEO Jensen Huang" is not Nvidia)."""
        folded = words.casefold()
        everyone = self._all()
        for known in everyone:
            if any(folded == n.casefold() for n in known.names):
                return _Found(known.id, known.name, "name")
        # a known name inside the run, the one nearest its end first ("Nvidia CEO Jensen Huang")
        inside = [
            (m.end(), len(n), known)
            for known in everyone
            for n in known.names
            if len(n) > 2
            for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", words, re.IGNORECASE)
            if not at_end or m.end() == len(words)
        ]
        if inside:
            _, _, known = max(inside, key=lambda item: (item[0], item[1]))
            return _Found(known.id, known.name, "name")
        if " " not in words:  # a surname or a family name alone: "Chen", "Li"
            people = [
                k
                for k in everyone
                if k.kind == "person"
                and any(
                    folded in (n.split()[0].casefold(), n.split()[-1].casefold())
                    for n in k.names
                    if n
                )
            ]
            if self.last_person is not None and any(k.id == self.last_person.id for k in people):
                return _Found(self.last_person.id, words, "the last named speaker's name")
            if len(people) == 1:
                return _Found(people[0].id, people[0].name, "part of the name")
        choices = {f"{k.id}\x00{n}": n for k in everyone for n in k.names if len(n) > 3}
        best = process.extractOne(words, choices, scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH)
        if best is not None:
            entity, _, name = best[2].partition("\x00")
            return _Found(entity, name, "a near spelling")
        return None

    def _propose(self, name: str, role: str) -> ProposedEntity:
        for proposed in self._proposed.values():
            if proposed.name.casefold() == name.casefold():
                if role and not proposed.role:
                    proposed = replace(proposed, role=role)
                    self._proposed[proposed.id] = proposed
                return proposed
        kind: EntityKind = "person" if looks_like_person(name) else "organisation"
        new = ProposedEntity(entity_id(name, self._taken), name, kind, role.strip())
        self._taken.add(new.id)
        self._proposed[new.id] = new
        return new


@dataclass(frozen=True)
class _Found:
    id: str
    name: str
    how: str


_NOT_NAMES = word_set(
    """the it this that they we i you there here however but and or so in on at as after
    before when while if its his her their our a an some many others officials"""
)
"""Capitalised at a sentence's start, but nobody's name."""
