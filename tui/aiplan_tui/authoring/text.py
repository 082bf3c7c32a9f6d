"""Plain-text helpers the rules share: sentences, clauses and capitalised names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, split at white space."""
    return frozenset(words.split())


UPPER = "A-ZÀ-ÖØ-Þ"
WORD_CHARS = r"\w’'\.\-"
PARTICLE_WORD = r"(?:de|del|da|dos|das|du|van|von|der|den|ter|bin|al|di|le|la)"
PARTICLE = rf"(?:{PARTICLE_WORD}\s+){{1,2}}"
"""One or two lower-case words inside a name: "Ana Ruiz de la Vega", "Ursula von der
Leyen", "Joost van den Heuvel" (always between capitalised words, never a name's first)."""
NAME = (
    rf"[{UPPER}][{WORD_CHARS}]{{0,40}}"
    rf"(?:\s+(?:{PARTICLE})?[{UPPER}][{WORD_CHARS}]{{0,40}}){{0,5}}"
)
"""A run of up to six capitalised words: "Nvidia CEO Jensen Huang", "Dr. Kao Kim Hourn"
(bounded, so a long run of capitals costs no more than a short one)."""
_CAPITAL = rf"[{UPPER}][{WORD_CHARS}]{{0,40}}"
ORG_OF = (
    rf"(?:{_CAPITAL}\s+){{0,3}}(?:Ministry|Department|University|Bank|Institute|Office|"
    r"Council|Commission|Bureau|Academy|Chamber|Federation|Association|Board|Secretary|"
    r"Alliance|Coalition|Centre|Center|Foundation|Society|Committee|Campaign|Fund|Network|"
    r"Union|Partnership|Agency|Authority|Forum|Trust|Project|Initiative|Institution|Guild|League)"
    rf"\s+(?:of|for)\s+(?:the\s+)?{_CAPITAL}(?:\s+(?:and\s+)?{_CAPITAL}){{0,3}}"
)
"""An organisation named with "of" or "for": "Ministry of Commerce", "Bank of China",
"Alliance for Open Ports" (never a run that starts "For" or "Of": its head noun comes first)."""
ORG_LOWER = (
    r"(?!(?:The|A|An|This|That|Its|Their|Our)\s)"
    rf"(?:[{UPPER}][{WORD_CHARS}]{{0,40}}\s+){{0,2}}"
    rf"[{UPPER}][{WORD_CHARS}]{{0,40}}(?:\s+[a-z]+){{0,2}}\s+(?:government|ministry|council|"
    r"commission|agency|authorities|regulator|administration|department|city\s+hall)\b"
)
"""An organisation written partly in lower case: "the Hangzhou municipal government", "South
Korea's trade ministry"."""
SPEAKER_NAME = rf"(?:{ORG_OF}|{ORG_LOWER}|{NAME})"

MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
ABBREVIATIONS = (
    word_set("mr mrs ms dr prof sen rep gov gen col lt st jr sr inc corp co ltd no vs etc approx")
    | MONTH_ABBREVIATIONS
)
"""Words whose full stop does not end a sentence (initials such as U.S. are also kept)."""
_NUMBERED = MONTH_ABBREVIATIONS | {"no"}
"""Of those, the ones that end no sentence only before a number ("No. 5", "Aug. 14"; but
"No. The plan ...", "in Aug. Then ...")."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


LONGEST_SENTENCE = 2000
"""A run of more characters than this with no sentence's end in it is taken as several
sentences, cut at spaces: the rules look around a sentence, and a text-long "sentence" made
that look cost the square of the text (issue 28). News sentences are well under 500."""
_SENTENCE_END = re.compile(r"[.!?]+[”\"’)»*_]*(?=\s+[“\"‘(«*_]?[" + UPPER + r"0-9])")
"""A sentence's end: its stop, closing marks or Markdown emphasis ("**What they say.**")."""
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]+[”\"’)]*$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_COUNTED = re.compile(r"[\w’'-]+")


def sentences(text: str) -> tuple[Span, ...]:
    """Each sentence's span (see `_sentences`), worked out once per paragraph."""
    return _sentences(text)


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[Span, ...]:
    """Each sentence's span, without the spaces between them. A full stop after an
    abbreviation or initials ("U.S. President", "Dr. Kao") does not end one."""
    found: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        start = _cut_long(text, start, match.end(), found)
        word = _word_before(text, start, match.end()) if match.group()[0] == "." else None
        if word is not None:
            token = word.group(1).rstrip(".")
            folded = token.casefold()
            after = _after_spaces(text, match.end())
            numbered = folded not in _NUMBERED or text[after : after + 1].isdigit()
            if (folded in ABBREVIATIONS and numbered) or _INITIALS.fullmatch(token):
                continue  # "U.S.", "Dr.", "No. 5"; but "No. The plan ..." ends one
        found.append(Span(start, match.end()))
        start = _after_spaces(text, match.end())
    start = _cut_long(text, start, len(text.rstrip()), found)
    if start < len(text) and text[start:].strip():
        found.append(Span(start, len(text.rstrip())))
    return tuple(found)


def _word_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """_WORD_BEFORE in text[start:end], searched from its last space on: a match cannot
    hold one (from `start`, it was tried at every character of the sentence)."""
    return _WORD_BEFORE.search(text, max(start, text.rfind(" ", start, end) + 1), end)


def _cut_long(text: str, start: int, end: int, found: list[Span]) -> int:
    """Where the sentence from `start` to `end` starts once the pieces of it over
    LONGEST_SENTENCE are sentences of their own (each cut after its last space)."""
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        space = max(text.rfind(" ", start, limit), text.rfind("\n", start, limit))
        cut = space if space > start else limit
        found.append(Span(start, len(text[start:cut].rstrip()) + start))
        start = _after_spaces(text, cut)
    return start


def _after_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


@lru_cache(maxsize=64)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(span.start for span in _sentences(text))


def sentence_at(text: str, at: int) -> Span:
    """The sentence holding the character at `at` (the whole text when none does)."""
    spans = sentences(text)
    number = bisect_right(_sentence_starts(text), at) - 1
    if 0 <= number < len(spans) and at < spans[number].end:
        return spans[number]
    return Span(0, len(text))


class Spans:
    """Spans (overlapping or not) asked whether any holds a place or meets a range, each
    answer a bisection, not a look at every span."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._reach = list(accumulate((s.end for s in ordered), max))
        """The furthest end of the spans up to each one."""

    def holds(self, at: int) -> bool:
        """Whether a span has start <= at < end."""
        number = bisect_right(self._starts, at) - 1
        return number >= 0 and self._reach[number] > at

    def meets(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end)."""
        number = bisect_left(self._starts, end) - 1
        return number >= 0 and self._reach[number] > start


class Taken:
    """Spans that do not overlap, added one by one: does a range meet any of them?"""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def meets(self, start: int, end: int) -> bool:
        number = bisect_left(self._starts, end) - 1
        return number >= 0 and self._ends[number] > start

    def add(self, start: int, end: int) -> None:
        """Take [start, end), which meets none of the spans taken."""
        number = bisect_left(self._starts, start)
        self._starts.insert(number, start)
        self._ends.insert(number, end)


def trim(text: str, start: int, end: int, strip: str = " ,;:.") -> tuple[int, int]:
    """Narrow [start, end) past the characters of `strip` (and all white space) at either end."""
    while start < end and (text[start] in strip or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in strip or text[end - 1].isspace()):
        end -= 1
    return start, end


def word_count(text: str) -> int:
    return len(_COUNTED.findall(text))


TITLE_WORDS = word_set(
    """president premier ceo cfo cto coo chairman chairwoman chair secretary secretary-general
    minister spokesperson spokesman spokeswoman director governor senator representative
    former vice chief executive founder co-founder head leader ambassador general judge mayor
    king queen prince princess party analyst partner commissioner deputy officer chancellor
    professor prof. dr. mr. mrs. ms. sen. rep. gov. sir lord dame pope premier. economist
    strategist researcher adviser advisor envoy negotiator spokesperson lawmaker
    vice-president vice-chair vice-chairman vice-chairwoman vice-premier vice-minister
    director-general deputy-director organiser organizer activist campaigner councillor
    councilor councilman councilwoman attorney lawyer sheriff superintendent columnist
    speaker administrator inspector treasurer dean provost rector captain commander admiral
    colonel marshal bishop coach editor publisher correspondent trustee warden comptroller
    auditor registrar czar tsar chairperson co-chair undersecretary under-secretary manager
    official principal supervisor alderman alderwoman assemblyman assemblywoman
    assemblymember congressman congresswoman selectman selectwoman magistrate
    dr mr mrs ms cllr cllr. clr clr."""
)
HONORIFICS = word_set("dr. mr. mrs. ms. prof. dr mr mrs ms prof sir dame lord cllr cllr. clr clr.")
ORGANISATION_WORDS = word_set(
    """group inc inc. corp corp. corporation company co. ltd ltd. ministry department agency bank
    university institute association council commission office administration government
    reuters bloomberg xinhua times post news foundation fund partners capital labs lab
    systems alliance compute channel tv broadcaster network networks technology technologies
    holdings industries robotics securities analytics research consultancy coalition union
    federation chamber society committee board authority bureau wire press media energy
    data forum trust cloud house semiconductor semiconductors motors electric dynamics ventures
    project clinic radio station television digital initiative programme program centre center
    campaign network party studio studios journal gazette herald tribune daily magazine
    advisory consulting economics insights strategies associates llc plc gmbh college school
    academy cooperative co-op hospital utility utilities"""
)


@lru_cache(maxsize=4096)
def split_title(words: str) -> tuple[str, str]:
    """A capitalised run as (name, role): the words after the last title word are the name,
    the ones before are the role, without an honorific ("Nvidia CEO Jensen Huang" ->
    ("Jensen Huang", "Nvidia CEO"); "Dr. Kao Kim Hourn" -> ("Kao Kim Hourn", ""))."""
    tokens = words.split()
    last_title = -1
    for number, token in enumerate(tokens):
        if token.casefold() in TITLE_WORDS:
            last_title = number
    if last_title == len(tokens) - 1:  # "the Premier": no name after the title
        return words, ""
    name = " ".join(tokens[last_title + 1 :])
    role = " ".join(t for t in tokens[: last_title + 1] if t.casefold() not in HONORIFICS)
    return name, role


_BRAND = re.compile(
    r"(?!Mc|Mac|Fitz)\w*[a-z]{3}[A-Z]|\w{3,}(?:ics|ices|ware|works|systems|labs|tech)(?:[’']s)?$"
)
"""A word a company's name has and a person's does not: a capital inside it after a word of
its own ("DigitalEurope", not "McKenna" or "FitzGerald"), or the ending of what a company
makes or does ("Microdevices", "Robotics", "Kelpworks")."""


@lru_cache(maxsize=4096)
def looks_like_person(name: str) -> bool:
    """Two to four capitalised words, no word an organisation's ("Asia Group", "Chile's
    trade ministry", "Pengshan Dynamics", "DigitalEurope Forward")."""
    tokens = [t for t in name.split() if t[0].isupper()]  # "de", "von" aside
    return 2 <= len(tokens) <= 4 and not any(
        t.casefold() in ORGANISATION_WORDS or _BRAND.match(t) for t in name.split()
    )


@dataclass(frozen=True)
class Found:
    """One rule's finding, before it is anchored: `paragraph[start:end]` are its exact words."""

    kind: str
    paragraph: int
    start: int
    end: int
    fields: dict[str, object]
    why: str
