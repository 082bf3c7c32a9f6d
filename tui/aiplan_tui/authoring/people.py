"""The people an article names, found once: each full name with the role the article gives
it ("Chinese Premier Wen Haolin", "Zhou Meiling, the head of research at ..."), and every
later mention of one by surname, given name or title, in reading order. A pronoun or a
surname alone is that person; a title alone is never a new person."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from aiplan_tui.authoring.match_starts import tried_at
from aiplan_tui.authoring.names import particled, surname_alone
from aiplan_tui.authoring.pronouns import pronoun_genders
from aiplan_tui.authoring.roles import APPOSITIVE, OWNER_BEFORE, owned, title_before, title_with_of
from aiplan_tui.authoring.runs import Run, capitalised_runs
from aiplan_tui.authoring.sayers import Sayers
from aiplan_tui.authoring.text import (
    HONORIFICS,
    ORGANISATION_WORDS,
    PARTICLE_WORD,
    SPEAKER_NAME,
    TITLE_WORDS,
    looks_like_person,
    split_title,
    word_set,
)

LEADING = word_set(
    """the a an when while but and as after before if so then yet since because though
    although once until whether i we it its this that these those his her their our
    per according by with from for of on in at to is are was were does do did can could
    should has have what why how where which who"""
)
"""Capitalised at a sentence's start, not part of the name that follows (a question's first
word too: "Is China spending more?")."""
NOT_IN_NAMES = word_set(
    """global south north east west central american chinese european african asian
    national federal united states kingdom union action plan valley street house street
    white silicon artificial intelligence summit conference world day week year new"""
)
"""Capitalised words that make a run a place, a document or an event, not a person."""
_ORGANISATION = re.compile(SPEAKER_NAME)  # tried at capitals only, where every branch starts
_BYLINE = re.compile(r"\s*By\s+[A-Z]")
_PARTICLE = re.compile(PARTICLE_WORD)
GENERIC_ORGANISATION = frozenset(
    {"company", "firm", "operator", "developer", "group", "maker", "start-up", "startup", "lab"}
)
"""What any organisation may be called again: "the company said" after "Lakeshore Compute"."""
_CALLED = re.compile(
    r"\b(?P<noun>agency|broadcaster|company|firm|group|network|channel|outlet|newspaper|"
    r"regulator|maker|start-up|startup|developer|association|council|ministry|fund|bank|body|"
    r"lobby|coalition|alliance|union|federation|consultancy|charity|utility|operator|provider|"
    r"supplier|manufacturer|publisher|insurer|lender|retailer|exporter|chipmaker|carmaker)\s+"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
)
"""An organisation introduced by what it is: "state news agency Xinhua" (then "the agency")."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str


def _before_possessive(tokens: list[str]) -> list[str]:
    """An organisation's words up to its owner's possessive: "Halvorsen Semiconductor’s K40"
    names Halvorsen Semiconductor."""
    for number, token in enumerate(tokens):
        if token.endswith(("'s", "’s")):
            return [*tokens[:number], token[:-2]]
    return tokens


@lru_cache(maxsize=4096)
def strip_leading(words: str) -> str:
    """The run without the function words a sentence starts with ("When Premier Wen")."""
    tokens = words.split()
    while tokens and tokens[0].casefold() in LEADING:
        tokens.pop(0)
    return " ".join(tokens)


class ArticlePeople:
    """Full names of people in an article, and where each is mentioned."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.people: dict[str, Person] = {}
        """Each person by full name, case folded."""
        self.honoured: set[str] = set()
        """Single names after an honorific ("Mr. Tanaka"), case folded: people's names."""
        self._parts: dict[str, str] = {}
        """A surname, given name or title, case folded, to the full name it stands for."""
        self._mentions: list[tuple[int, int, str]] = []
        self._sayers = Sayers(paragraphs)
        self._genders: dict[str, str] | None = None
        self._speaking_known = False
        """Whether the names that say something are among the organisations yet."""
        self._paragraphs = paragraphs
        self._organisations: list[tuple[int, int, str]] = []
        self._called: dict[str, str] = {}
        """What an organisation was introduced as ("agency" for Xinhua), by its name."""
        """Where an organisation is named, in reading order, for "the ministry said"."""
        runs: list[tuple[int, Run]] = []
        for number, paragraph in enumerate(paragraphs):
            if _BYLINE.match(paragraph):
                continue  # a byline's author is nobody's antecedent
            quoted = self._sayers.quoted(number)
            runs += [
                (number, run)
                for run in capitalised_runs(paragraph)
                if not quoted.holds(run.start())  # a name inside a quotation is not one
            ]
            for match in tried_at(_ORGANISATION, paragraph, self._sayers.capitals(number)):
                words = strip_leading(match.group())
                tokens = _before_possessive(words.split())
                if len(tokens) > 1 and any(t.casefold() in ORGANISATION_WORDS for t in tokens):
                    self._organisations.append((number, match.start(), " ".join(tokens)))
            for match in _CALLED.finditer(paragraph):
                self._organisations.append((number, match.start("name"), match.group("name")))
                self._called[match.group("name")] = match.group("noun")
        self._organisations.sort()
        for number, run in runs:
            self._learn(paragraphs[number], run)
        named: dict[str, Person | None] = {}  # the people known now: each run's words once
        for number, run in runs:
            words = strip_leading(run.group())
            if words not in named:
                named[words] = self.person_named(words)
            person = named[words]
            if person is not None:
                self._mentions.append((number, run.start(), person.name))

    @property
    def genders(self) -> dict[str, str]:
        """ "he" or "she" for each person the article says it of, by full name."""
        if self._genders is None:
            self._genders = pronoun_genders(self._paragraphs, self._mentions)
        return self._genders

    def _add_speaking(self) -> None:
        """A name that says something and is nobody's is an organisation's ("OpenAI said
        ...", then "the company said": OpenAI)."""
        self._speaking_known = True
        for number, at, run in self._sayers.names():
            words = strip_leading(run)
            if words and not looks_like_person(words) and self.person_named(words) is None:
                self._organisations.append((number, at, words))
        self._organisations.sort()

    def _learn(self, paragraph: str, match: Run) -> None:
        words = strip_leading(match.group())
        name, title = split_title(words)
        tokens = name.split()
        with_of = title_with_of(paragraph, match.start()) if len(tokens) > 2 else None
        if with_of is not None and any(
            t.casefold() in TITLE_WORDS for t in with_of.group("title").split()
        ):
            title = f"{with_of.group()}{' '.join(tokens[:-2])}".strip()
            name, tokens = " ".join(tokens[-2:]), tokens[-2:]
        elif not title and (match.group().startswith("The ") or owned(paragraph, match.start())):
            return  # "the Clean Grid Project", "of the Digital Rights Clinic"
        if len(tokens) == 1 and words.split()[0].casefold() in HONORIFICS:
            self.honoured.add(name.casefold())
        capitals = [t for t in tokens if t[0].isupper()]  # "Ruud de Wit": "de" aside
        if not 2 <= len(capitals) <= 3 or not looks_like_person(name):
            return
        if not tokens[0][0].isupper() or not tokens[-1][0].isupper():
            return
        if any(
            t.endswith(("'s", "’s"))
            or not (t[0].isupper() or _PARTICLE.fullmatch(t))
            or t.isupper()
            or t.casefold() in NOT_IN_NAMES
            for t in tokens
        ):
            return
        key = name.casefold()
        role = title  # else the first of these found (each looked for only when needed)
        if not role:
            before = title_before(paragraph, match.start())
            role = before.group("role") if before is not None else ""
            title = " ".join(w for w in role.split() if w.casefold() in TITLE_WORDS)
            # "Former minister Ana Roe": "the former minister" is her later
        if not role:
            appositive = APPOSITIVE.match(paragraph, match.end())
            role = appositive.group("role").strip() if appositive is not None else ""
        if not role and paragraph.startswith(",", match.end()):
            owner = OWNER_BEFORE.search(paragraph, max(0, match.start() - 80), match.start())
            role = owner.group("role") if owner is not None else ""
        if key not in self.people or (role and not self.people[key].role):
            self.people[key] = Person(name, role)
        for part in (tokens[0], tokens[-1], *particled(tokens), *title.casefold().split()):
            self._parts.setdefault(part.casefold(), name)

    def person_named(self, words: str) -> Person | None:
        """The person a full name, a surname, a given name or a title names, if any."""
        words = words.strip(" ,.;:")
        found = self.people.get(words.casefold())
        if found is not None:
            return found
        name, _ = split_title(words)
        found = self.people.get(name.casefold())
        if found is not None:
            return found
        tokens = name.casefold().split()
        for size in (2, 3):  # "Digital Affairs Claire Monteil": a known name ending the run
            if len(tokens) > size and (ending := " ".join(tokens[-size:])) in self.people:
                return self.people[ending]
        if len(tokens) > 1 and all(t in TITLE_WORDS for t in tokens):
            name = tokens[-1]  # "the vice premier": the person given that title
        if surname_alone(name):
            full = self._parts.get(name.casefold())
            if full is not None and (
                name.casefold() not in TITLE_WORDS or full.casefold() in self.people
            ):
                return self.people[full.casefold()]
        return None

    def introduced(self, name: str) -> bool:
        """Whether the article introduces `name` by what an organisation is ("industry group
        Kelp Forward", "robot maker Pengshan Dynamics")."""
        return name in self._called

    def organisation_before(self, noun: str, paragraph: int, at: int) -> str | None:
        """The organisation named last before `at` whose name has `noun` in it ("the
        council": the Workers Technology Council), looking a few names back."""
        if not self._speaking_known:
            self._add_speaking()
        number = bisect_left(self._organisations, (paragraph, at, ""))
        for _, _, name in reversed(self._organisations[max(0, number - 8) : number]):
            if noun.casefold() in (t.casefold() for t in name.split()):
                return name
            if self._called.get(name) == noun.casefold() or noun.casefold() in GENERIC_ORGANISATION:
                return name
        return None

    def all_before(self, paragraph: int, at: int, most: int = 4) -> list[Person]:
        """The people mentioned last before `at`, the nearest first, a few at most (each
        once)."""
        number = bisect_left(self._mentions, (paragraph, at, ""))
        found: list[Person] = []
        for _, _, name in reversed(self._mentions[max(0, number - 3 * most) : number]):
            person = self.people[name.casefold()]
            if person not in found:
                found.append(person)
            if len(found) == most:
                break
        return found

    def unnamed_before(self, paragraph: int, at: int) -> str | None:
        """The article's words for someone not named who said something last before `at`,
        when no named person is mentioned between them and `at` ("A port official told me
        ... . He laughed")."""
        here = [(at_, who) for at_, who in self._sayers.unnamed(paragraph) if at_ < at]
        before = self._sayers.unnamed(paragraph - 1) if paragraph > 0 else []
        if here:
            where, who = (paragraph, here[-1][0]), here[-1][1]
        elif before:  # someone unnamed is not "she" two paragraphs on
            where, who = (paragraph - 1, before[-1][0]), before[-1][1]
        else:
            return None
        named = bisect_left(self._mentions, (paragraph, at, "")) - 1
        if named >= 0 and self._mentions[named][:2] > where:
            return None
        return who

    def before(self, paragraph: int, at: int) -> Person | None:
        """The person mentioned last before `at` in paragraph `paragraph`."""
        number = bisect_left(self._mentions, (paragraph, at, "")) - 1
        if number < 0:
            return None
        return self.people[self._mentions[number][2].casefold()]
