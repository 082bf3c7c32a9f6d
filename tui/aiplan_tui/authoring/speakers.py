"""Who said it: a name from the text matched to the pack's people and organisations (by name
or alias, allowing a near spelling), else a proposed new entity with the role the text gives;
"he" and "she" stand for the last person named as a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aiplan_tui.authoring.ids import entity_id
from aiplan_tui.authoring.names import Known, Names, surname_alone
from aiplan_tui.authoring.org_described import described_before
from aiplan_tui.authoring.org_words import organisation_behind
from aiplan_tui.authoring.people import ArticlePeople, strip_leading
from aiplan_tui.authoring.saying import unnamed_kind
from aiplan_tui.authoring.text import (
    TITLE_WORDS,
    UPPER,
    looks_like_person,
    split_title,
    word_set,
)
from aiplan_tui.core.model import Entity, EntityKind

CLOSE_ENOUGH = 88.0
"""How alike (0-100) a name must be to an entity's name or alias to stand for it."""

PRONOUNS = frozenset({"he", "she"})
_POSSESSIVE = re.compile(r"’s$|'s$")
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
class Speaker:
    """A resolved speaker: the entity id and how it was found, for the suggestion's `why`."""

    id: str
    how: str


class Speakers:
    """Resolves names in reading order, remembering the last person named as a speaker and
    the entities proposed so far (so "Chen said" after "said George Chen" is the same one)."""

    def __init__(self, entities: Sequence[Entity], paragraphs: Sequence[str] = ()) -> None:
        self.people = ArticlePeople(paragraphs)
        self._paragraphs = paragraphs
        self.here: tuple[int, int] | None = None
        """Where the words being attributed are (paragraph, offset): "he" is the person
        mentioned last before them."""
        self._names = Names()
        for e in entities:
            if e.kind in ("person", "organisation"):
                self._names.add(Known(e.id, e.name, (e.name, *e.aliases), e.kind))
        self._taken: set[str] = {e.id for e in entities}
        self._proposed: dict[str, ProposedEntity] = {}
        self._proposed_names: dict[str, str] = {}
        """Each proposed entity's id by its name, case folded."""
        self.last_person: Speaker | None = None
        self._pronouns: dict[str, str] = {}
        """The pronoun ("he", "she") each person's full name was last stood for by."""

    @property
    def proposed(self) -> tuple[ProposedEntity, ...]:
        return tuple(self._proposed.values())

    def pronoun(self, word: str = "") -> Speaker | None:
        """The person mentioned last before the words (else the last person named as a
        speaker), for "he said"; one "she" stood for before is not "he", nor the reverse."""
        word = word.casefold()
        here = self.here
        someone = self.people.unnamed_before(*here) if here is not None else None
        if someone is not None and unnamed_kind(someone) == "person":
            # "A port official told me ... . He laughed: “...”"
            return Speaker(self.unnamed(someone, "person").id, f"{someone!r}, named last before")
        for mentioned in self.people.all_before(*here) if here is not None else ():
            known = self._pronouns.get(mentioned.name) or self.people.genders.get(mentioned.name)
            if word and known and known != word:
                continue  # "he" after "Lie ... she said": not Lie
            found = self.resolve(mentioned.name, mentioned.role)
            if found is not None:
                if word:
                    self._pronouns[mentioned.name] = word
                return Speaker(found.id, f"{mentioned.name!r}, the person named last before")
            break
        if self.last_person is None:
            return None
        return Speaker(self.last_person.id, "the last named speaker")

    def unnamed(self, words: str, kind: EntityKind) -> Speaker:
        """A speaker the article does not name ("One broadcaster"), by the article's words."""
        words = " ".join(words.split())
        behind = organisation_behind(words)
        named = self.resolve(behind, kind="organisation") if behind is not None else None
        if named is not None:  # "Analysts at Harbour Capital": the organisation, named
            return named
        proposed = self._propose(words, "", kind)
        return Speaker(proposed.id, f"unnamed: {words!r}")

    def resolve(
        self, words: str, role: str = "", before: str = "", kind: EntityKind | None = None
    ) -> Speaker | None:
        """The entity a capitalised run of words names, or a new proposed one; None when the
        words name nobody ("The", "It"). `before` is the word before the run: "former" in
        "former Google CEO Eric Schmidt" belongs to the role the text gives; `kind`, what the
        words are known to name ("a spokesperson for Harbourline Freight": an organisation)."""
        words = words.strip(" ,.;:’'")
        if words.casefold() in PRONOUNS:
            return self.pronoun(words)
        words = _owner_dropped(_POSSESSIVE.sub("", words))
        behind = organisation_behind(words)
        if behind is not None:  # "Analysts at Harbour Capital", "Leeds-based Corran Robotics"
            words, kind = behind, "organisation"
        paper = _PUBLICATION.search(words)
        if paper is not None:  # "The Eastern Herald said": a paper's "The" is its name's
            return self._paper(paper.group(), role)
        article = words.startswith("The ") or before.casefold() == "the"
        words = strip_leading(words)  # "The European Commission", "When Premier Wen"
        person = self.people.person_named(words)
        if person is not None:  # "Wen", "the Premier", "Premier Wen Haolin": one person
            title = split_title(words)[1]
            fuller = title.casefold() in person.role.casefold()  # "Minister" of Ports
            if role.endswith((" of", " for", " and")):
                role = ""  # "Singapore's Minister for": the person's own role is whole
            words, role = person.name, role or (person.role if fuller else title) or person.role
            article = False  # "the premier": a person named before
        name, title = split_title(words)
        folded = name.casefold()
        if not name or folded in _NOT_NAMES or (" " not in name and folded.endswith("ly")):
            return None
        if all(t.casefold() in TITLE_WORDS for t in name.split()):
            return None  # a title is never a person of its own
        if " " in name and _DOCUMENT_NAME.search(name):
            return None  # "America's AI Action Plan tells agencies ...": a document's words
        if " " not in name and self.here is not None and self.people.person_named(name) is None:
            longer = self.people.organisation_before(name, *self.here)  # "Kelp": Kelp Works
            if longer is not None and longer.split()[0].casefold() == folded:
                name = words = longer  # an organisation by the first word of its name
        found = self._match(name)  # then a name ending the words (asked again when other)
        found = found or (self._match(words, at_end=True) if words != name else None)
        if found is not None:
            speaker = Speaker(found.id, f"{found.name!r} by {found.how}")
        else:
            given = role or title
            if given and before.casefold() in ROLE_QUALIFIERS:
                given = f"{before.casefold()} {given}"
            # "The Clean Grid Project said": a name after "the" (and no title) is no person's
            if kind is None and article and not title:
                kind = "organisation"
            if kind is None and _ORGANISATION_ROLE.match(given) and not _FORMER.search(given):
                kind = "organisation"  # "Green Coast, an environmental group, argues"
            if kind is None and self.people.introduced(name):
                kind = "organisation"  # "industry group Kelp Forward said"
            if name.casefold() in self.people.honoured:
                kind = "person"  # "Mr. Tanaka" in the article: a person however few the names
            proposed = self._propose(name, given, kind)
            speaker = Speaker(proposed.id, f"new entity {proposed.name!r}")
        if self._kind(speaker.id) == "person":
            self.last_person = speaker
        return speaker

    def _paper(self, name: str, role: str) -> Speaker:
        found = self._match(name)
        if found is not None:
            return Speaker(found.id, f"{found.name!r} by {found.how}")
        proposed = self._propose(name, role, "organisation")
        return Speaker(proposed.id, f"new entity {proposed.name!r}")

    def organisation_called(self, noun: str) -> str | None:
        """The name of the organisation "the company" or "the ministry" stands for where the
        words are: one named before with the noun in its name (or any, for "company"), else
        the words it was described by ("China's industry ministry": "industry ministry")."""
        here = self.here or (0, 0)
        named = self.people.organisation_before(noun, *here)
        return named or described_before(self._paragraphs, noun, *here)

    def _kind(self, entity: str) -> EntityKind | None:
        return self._names.kind(entity)

    def _match(self, words: str, at_end: bool = False) -> _Found | None:
        """The known or proposed entity `words` name; with `at_end`, only one whose name ends
        the words counts ("Nvidia CEO Jensen Huang" is not Nvidia)."""
        named = self._names.named(words) or self._names.named(f"The {words}")
        if named is not None:  # "the Eastern Herald" after "The Eastern Herald"
            return _Found(named.id, named.name, "name")
        # a known name inside the run, the one nearest its end first ("Nvidia CEO Jensen Huang")
        inside = self._names.inside(words, at_end)
        if inside is not None:
            return _Found(inside.id, inside.name, "name")
        if surname_alone(words):  # a surname or family name alone: "Chen", "Van den Berg"
            people = self._names.people_called(words.casefold())
            if self.last_person is not None and any(k.id == self.last_person.id for k in people):
                return _Found(self.last_person.id, words, "the last named speaker's name")
            if len(people) == 1:
                return _Found(people[0].id, people[0].name, "part of the name")
        near = self._names.near(words, CLOSE_ENOUGH)
        if near is not None:
            return _Found(near[0], near[1], "a near spelling")
        return None

    def _propose(self, name: str, role: str, kind: EntityKind | None = None) -> ProposedEntity:
        same = self._proposed_names.get(name.casefold())
        if same is not None:
            proposed = self._proposed[same]
            if role and not proposed.role:
                proposed = replace(proposed, role=role)
                self._proposed[proposed.id] = proposed
            return proposed
        if kind is None:
            kind = "person" if looks_like_person(name) else "organisation"
        new = ProposedEntity(entity_id(name, self._taken), name, kind, role.strip())
        self._taken.add(new.id)
        self._proposed[new.id] = new
        self._proposed_names[name.casefold()] = new.id
        self._names.add(Known(new.id, new.name, (new.name,), new.kind))
        return new


@dataclass(frozen=True)
class _Found:
    id: str
    name: str
    how: str


_ORGANISATION_ROLE = re.compile(
    r"(?:an?|the)\s+(?:(?!(?:at|of|for|in|with|from|and)\b)[\w-]+\s+){0,3}(?:group|organi[sz]ation|company|firm|"
    r"agency|association|alliance|coalition|charity|non-?profit|think[\s-]tank|start-?up|"
    r"maker|manufacturer|developer|operator|provider|lab|laboratory|institute|consortium|"
    r"union|federation|council|body|watchdog|regulator|ministry|department|bank|fund|"
    r"network|broadcaster|outlet|newspaper|publisher|party|university|foundation|subsidiary|"
    r"unit|venture|exchange|chain|retailer|supplier|utility|carrier|insurer|lender|show|"
    r"programme|program|podcast|channel|station|magazine|newsletter|daily|weekly|"
    r"cooperative|co-op|college|school|hospital)"
    r"(?=\s*,|\s*$)"
)
"""A role that says the speaker is an organisation: "an environmental group", "the chip
maker" (the noun ends it: not "the council's president", nor "a lawyer at a group")."""
_PUBLICATION = re.compile(
    rf"(?:^|(?<=\s))The\s+(?:[{UPPER}][\w’'-]*\s+){{0,3}}(?:Herald|Ledger|Times|Post|Journal|"
    r"Gazette|Tribune|Chronicle|Observer|Guardian|Economist|Independent|Courier|Standard|"
    r"Telegraph|Examiner|Inquirer|Sentinel|Globe|Mirror|Record|Register|Bulletin|Dispatch|"
    r"Monitor|Enquirer|Argus|Clarion|Messenger|Spectator)$"
)
"""A newspaper whose name has "The" in it, written with a capital: the name keeps it ("The
Eastern Herald said"; "the Harbour Journal said" is the Harbour Journal)."""
_DOCUMENT_NAME = re.compile(
    r"\s(?:Plan|Order|Act|Bill|Law|Strategy|Charter|Declaration|Framework|Directive|"
    r"Regulation|Roadmap|Blueprint|Treaty|Accord|Memo|Guidance)$"
)
"""The last word of a document's name: what it says nobody said."""
_FORMER = re.compile(r"\b(?:former|retired|onetime|one-time|ex)\b")
"""What only a person's role says ("a former regulator" is someone who was one)."""
_NOT_NAMES = word_set(
    """the it this that they we i you there here however but and or so in on at as after
    before when while if its his her their our a an some many others officials one another
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december yes no what why how who"""
)


def _owner_dropped(words: str) -> str:
    """The run after its last possessive word: "China's Ministry of Commerce" ->
    "Ministry of Commerce" (the owner is not the speaker); "China's foreign ministry" as it
    is."""
    tokens = words.split()
    owned = [n for n, t in enumerate(tokens[:-1]) if t.endswith(("'s", "’s"))]
    owned_by = " ".join(tokens[owned[-1] + 1 :]) if owned else words
    # "China's foreign ministry": the owner's name is all that names the ministry
    return owned_by if any(t[:1].isupper() for t in owned_by.split()) else words


"""Capitalised at a sentence's start, but nobody's name."""
