"""What the rest of a quotation's sentence says when no verb of saying attributes it: a name
right after the words with any verb ("“...,” laughed Kai Moreno", "“...,” Moreno shrugged")
is the speaker (the sentence before the paragraph); a document as the sentence's subject
("The order directs agencies to buy models that are “...”") makes the words the document's,
which nobody said. A title in marks is nobody's either ("Titled “Keeping Ports Open”")."""

from __future__ import annotations

import re

from aiplan_tui.authoring.saying import PRONOUN
from aiplan_tui.authoring.speakers import Speaker, Speakers
from aiplan_tui.authoring.text import SPEAKER_NAME

_NAME_THEN_VERB = re.compile(
    rf"\s*,?\s*(?P<name>{SPEAKER_NAME}|{PRONOUN})\s+(?:\w+ly\s+)?[a-z]{{3,}}(?:ed|s)\b"
)
"""“...,” Moreno shrugged. / “...!” she laughed."""
_VERB_THEN_NAME = re.compile(rf"\s*,?\s*[a-z]{{3,}}ed\s+(?P<name>{SPEAKER_NAME})")
"""“...,” laughed Kai Moreno, the founder of Orbitline."""
DOCUMENTS = (
    r"order|plan|report|document|bill|law|rule|text|strategy|agreement|memo|guidance|"
    r"directive|regulation|act|framework|roadmap|blueprint|fact\s+sheet|release|proposal|"
    r"draft|policy|white\s+paper|paper|treaty|accord|charter|declaration|communiqu[ée]"
)
_DOCUMENT_SUBJECT = re.compile(
    rf"(?:^|[.;:]\s+|\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?:{DOCUMENTS})\s+|^\s*(?:A:\s*)?It\s+)"
    r"(?:also\s+)?(?:says|states|directs|calls|requires|urges|describes|sets|tells|asks|"
    r"commits|promises|warns|notes|argues|declares|pledges|vows|orders|instructs|lists|"
    r"defines|envisions|envisages|proposes|stresses|aims)\b"
)
"""A document's words: "The 28-page plan states that ...", "It calls for “...”"."""


def open_ended(inside: str, after: str) -> bool:
    """Whether the words end as a quotation whose attribution follows: with a comma, a
    question or exclamation mark inside the marks, or a comma after them."""
    return inside[-1:] in (",", "?", "!") or after.lstrip().startswith(",")


def subject_after(after: str, speakers: Speakers) -> Speaker | None:
    """The person or organisation named right after the words, with any verb."""
    for pattern in (_VERB_THEN_NAME, _NAME_THEN_VERB):
        match = pattern.match(after)
        if match is not None:
            found = speakers.resolve(match.group("name"))
            if found is not None:
                return found
    return None


def documents_words(before: str) -> bool:
    """Whether the sentence before the words has a document as its subject."""
    return _DOCUMENT_SUBJECT.search(before) is not None


_TITLED = re.compile(r"\b(?:[Tt]itled|[Ee]ntitled|[Hh]eadlined|[Nn]amed)\s*,?\s*$")
_TITLE_WORD = re.compile(r"[\w’'-]+")


def titled(before: str) -> bool:
    """Whether the words in marks follow "titled", "entitled", "headlined" or "named"."""
    return _TITLED.search(before) is not None


def is_title(words: str) -> bool:
    """Title case, as a document's or a programme's name is written, not speech."""
    tokens, long = 0, False
    for match in _TITLE_WORD.finditer(words):  # read up to the first long word in lower case
        token = match.group()
        tokens += 1
        if len(token) > 3:
            if not token[0].isupper():
                return False
            long = True
    return tokens >= 3 and long
