"""The role an article gives a person where it first names them, besides a title before the
name (people.py): words between commas after the name ("Zhou Meiling, the head of research
at ...", "Aminata Sarr, Senegal's trade envoy,", "Lu Min, chief economist at Jade Bank,",
"Ana Ruiz, who directs the Port Lab,"), or an owner's title between commas before it ("the
county's planning director, Gina Alvarez, said"); and what the words right before a name
say of it (a title, "Minister of", a place's or an organisation's words).

The words before a name are looked at in a window ending at the name with patterns ending in
`\\s+$`: each is searched only when the window's last word ends as its last word must (most
names follow "said" or "and"; searching every one took a tenth of a long text's time)."""

from __future__ import annotations

import re

from aiplan_tui.authoring.match_starts import last_word
from aiplan_tui.authoring.saying import UNNAMED_NOUNS
from aiplan_tui.authoring.text import TITLE_WORDS, word_set

_TITLES = "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w[-1] != "."), key=len)[::-1])
_WORDS = r"[^,;“”\"«»]{3,80}?"
APPOSITIVE = re.compile(
    rf",\s*(?P<role>(?:the|a|an|its|their)\s{_WORDS}"
    rf"|[A-Z]?[\w-]+[’']s\s{_WORDS}"
    r"|who\s+(?:directs|runs|leads|heads|chairs|founded|co-founded|manages|oversees|"
    rf"represents|teaches|advises)\s{_WORDS}"
    rf"|(?:[a-z][\w-]*\s+){{0,2}}(?:{_TITLES})\s+(?:at|of|for|with|in)\s{_WORDS})(?=[,.;]|$)"
)
"""A role between commas after a name: an article's or an owner's ("Senegal's ..."), a
"who directs ..." clause, or a lower-case title with where it is held ("chief strategist at
Jinhai Securities")."""
OWNER_BEFORE = re.compile(
    rf"(?P<role>(?:\b[Tt]he\s+)?\b[\w-]+[’']s\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_TITLES})"
    rf"|\b(?:an?|the)\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{_TITLES}|[a-z]{{3,}}(?:er|or|ist|ian))),\s+$"
)
"""An owner's title between commas right before a name: "Corvane's chief financial
officer, " Marisol Quintero; or what someone is, with an article ("I put it to a former
regulator, " Sam Frost)."""
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?P<role>(?:[A-Za-z][\w’'-]*\s+){0,2}(?:"
    + "|".join(sorted((re.escape(w) for w in TITLE_WORDS if w[-1] != "."), key=len)[::-1])
    + "|"
    + UNNAMED_NOUNS["person"]
    + r"|retiree|pensioner|homeowner|parent|mother|father|nurse|teacher|pilot|driver))\s+$"
)
"""A lower-case title, or what someone is, right before a name: "Science adviser Rowan
Tate", "retiree Walt Kim", "farmer Jo Bell"."""
_TITLE_BEFORE_ENDS = (
    *(w for w in TITLE_WORDS if w[-1] != "."),
    *UNNAMED_NOUNS["person"].split("|"),
    *word_set("retiree pensioner homeowner parent mother father nurse teacher pilot driver"),
)
"""How the last word before the name ends when _TITLE_BEFORE matches (its last word may be
longer: no \\b before the title)."""
_TITLE_WITH_OF = re.compile(
    r"(?P<title>(?:[A-Z][\w-]*\s+){1,3})"
    r"(?P<of>(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and|&)\s+)?)$"
)
"""A capitalised title with "of"/"for" right before a run: "Minister of " Industry Fang Jiayi,
"Minister Delegate for " Digital Affairs Claire Monteil: the run's last two words are the name."""
_TITLE_WITH_OF_ENDS = ("of", "for", "the", "and", "&")
_OWNED = re.compile(
    r"\b[Tt]he\s+$|[A-Z][\w’'-]*\s+(?:of|for)\s+$"
    r"|\b(?:in|near|across|outside|inside|throughout|within|around|at)\s+$"
    r"|\b(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:consultancy|firm|company|group|"
    r"agency|bank|fund|lab|laboratory|start-?up|think[\s-]tank|outlet|broadcaster|newspaper|"
    r"charity|non-?profit|coalition|alliance|association|network|\w*maker|developer|operator|"
    r"provider|insurer|lender|exchange|channel|magazine|institute|foundation|partnership)\s+$"
)
"""Right before a run that is a place or an organisation (people's names take no article:
"Vera Lind of the Northern Data Circle"; "Ministry of Foreign Affairs"; nobody is "in Hong
Kong" or "at Harbour Securities" but a place or an organisation; "the Lyon consultancy Trois
Ponts": a name after what an organisation is, is the organisation's)."""
_OWNED_ENDS = tuple(
    word_set(
        """he of for in near across outside inside throughout within around at consultancy firm
        company group agency bank fund lab laboratory up tank outlet broadcaster newspaper
        charity profit coalition alliance association network maker developer operator
        provider insurer lender exchange channel magazine institute foundation partnership"""
    )
)
"""How the last word before the name ends when _OWNED matches ("The", "start-up", "think
tank", "non-profit", "chipmaker")."""


def title_before(paragraph: str, at: int) -> re.Match[str] | None:
    """A lower-case title or what someone is, right before the name at `at`."""
    start = max(0, at - 60)
    if not last_word(paragraph, start, at).endswith(_TITLE_BEFORE_ENDS):
        return None
    return _TITLE_BEFORE.search(paragraph, start, at)


def title_with_of(paragraph: str, at: int) -> re.Match[str] | None:
    """A capitalised title with "of" or "for" right before the run at `at`."""
    start = max(0, at - 60)
    if not last_word(paragraph, start, at).endswith(_TITLE_WITH_OF_ENDS):
        return None
    return _TITLE_WITH_OF.search(paragraph, start, at)


def owned(paragraph: str, at: int) -> bool:
    """Whether the words right before the run at `at` make it a place or an organisation."""
    start = max(0, at - 50)
    if not last_word(paragraph, start, at).endswith(_OWNED_ENDS):
        return False
    return _OWNED.search(paragraph, start, at) is not None
