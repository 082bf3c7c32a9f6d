"""What the figure rules (`figures.py`) look for: numbers in figures and words, magnitudes,
currencies, qualifiers, and the compiled pattern of each rule.

Each pattern starts with a look at the character it can start on (a qualifier's or its
number's first), and a rule whose pattern needs a word or sign a paragraph lacks is not run
on it: the same matches, found without trying every qualifier at every character (that was
most of the time a long text took, issue 28). The rules that look for numbers are tried only
where a number, or a qualifier before one, may start (match_starts.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from aiplan_tui.authoring.match_starts import Lead, Rule, Words, rule_of_words, with_leads
from aiplan_tui.authoring.text import word_set

BARE_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w)(?![.,]\d)"
NUMBER = r"(?<![\w.,$€£¥₹-])" + BARE_NUMBER
"""A number in figures, not part of a word ("H20") or a name ("COVID-19")."""
SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
WORD_NUMBER = (
    r"\b(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(SMALL) + r"))?|"
    + "|".join(SMALL) + r")\b"
)  # fmt: skip
ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "k": 1e3, "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
SCALE = r"(?:\s?(?:thousand|million|billion|trillion|lakh|crore)\b|(?:mn|bn|tn|m|b|k)\b)"
"""A magnitude after a number, Indian ones too ("₹10,300 crore": ten million each)."""
SYMBOLS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "HK$": "HKD", "₹": "INR",
}  # fmt: skip
SYMBOL = r"(?:US\$|HK\$|\$|€|£|¥|₹)"
CURRENCY_WORDS = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "dollars": "USD", "euros": "EUR",
    "pounds": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR",
}  # fmt: skip
CURRENCY_WORD = r"(?:yuan|renminbi|RMB|dollars|euros|pounds|yen|won|rupees)\b"
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "close to", "an estimated",
    "approximately", "about", "around", "roughly", "nearly", "almost", "over", "under",
    "some", "just over", "just under", "as much as", "as many as", "as little as", "above",
    "below", "upwards of", "in excess of", "as high as", "as low as",
)  # fmt: skip
QUALIFIER = (
    r"(?<![\w’'-])(?P<qualifier>(?i:"
    + "|".join(sorted(QUALIFIERS, key=len, reverse=True))
    + r"))\s+"
)
"""A qualifier, in any case ("More than 2,000 delegates"); "between" opens a range."""
RANGE_JOIN = r"\s*(?:-|–|to)\s*"
OPENING = rf"(?:(?P<btw>[Bb]etween)\s+|{QUALIFIER})?"
"""A qualifier, or "between", which joins the range with "and"."""
JOIN = rf"(?(btw)\s+and\s+|{RANGE_JOIN})"

QUALIFYING = Lead((*QUALIFIERS, "between"))
A, MERE = Lead(["a"]), Lead(["mere"])
NUMBER_WORDS = Words((*SMALL, *TENS))


NUMBER_START = re.compile(r"\d(?<![\w.,$€£¥₹-]\d)")
"""Where a number in figures may start: a digit after none of the characters NUMBER and
SCALED_NUMBER may not follow (so not "334" in "2,334", "3" in "5.3" or "560" in "$560",
which the money rule with its sign finds). The digit first, then the look behind it: the
regex engine skips to the digits."""


@lru_cache(maxsize=4)
def number_starts(paragraph: str) -> tuple[int, ...]:
    """Where a number in figures, or a qualifier or "between" before one, may start."""
    numbers = (m.start() for m in NUMBER_START.finditer(paragraph))
    return with_leads(paragraph, numbers, [QUALIFYING])


@lru_cache(maxsize=4)
def count_starts(paragraph: str) -> tuple[int, ...]:
    """Where a number in figures or in words, "a" before one ("a hundred"), or a qualifier
    or "between" before these, may start."""
    spelled = with_leads(paragraph, NUMBER_WORDS.starts(paragraph), [A, QUALIFYING])
    return tuple(sorted({*spelled, *number_starts(paragraph)}))


SIGN = re.compile(r"[$€£¥₹]")
SIGN_REACH = 2
"""How many letters a currency sign may have before it: "US$", "HK$"."""


@lru_cache(maxsize=4)
def money_starts(paragraph: str) -> tuple[int, ...]:
    """Where a currency sign ("$", "US$"), or a qualifier or "a mere" before one, may start."""
    signs = {
        max(0, m.start() - back) for m in SIGN.finditer(paragraph) for back in range(SIGN_REACH + 1)
    }
    return with_leads(paragraph, signs, [MERE, A, QUALIFYING])


def _starting(words: Iterable[str], more: str = "") -> str:
    """A look-ahead for the first character of any of the words, or of `more` (a class)."""
    firsts = {c for w in words for c in (w[0].lower(), w[0].upper())}
    return "(?=[" + "".join(sorted(re.escape(c) for c in firsts)) + more + "])"


QUALIFIED = _starting(QUALIFIERS, r"\d")
"""Where a qualifier or a number in figures starts."""
SPELLED = "".join(sorted({c for w in (*SMALL, *TENS) for c in (w[0], w[0].upper())}))
"""The first letters of the numbers in words."""
AMOUNT = rf"(?P<sym>{SYMBOL})\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<scale>{SCALE})?"

MONEY_SYMBOL = Rule(
    re.compile(
        _starting((*QUALIFIERS, "between"), r"a\$€£¥₹uh") + rf"{OPENING}(?:a\s+mere\s+)?{AMOUNT}"
        rf"(?:{JOIN}(?:{SYMBOL})?\s?(?P<to>\d[\d,]*(?:\.\d+)?)(?P<scale2>{SCALE})?)?",
        re.IGNORECASE,
    ),
    re.compile(r"[$€£¥₹]"),
    money_starts,
)
SCALED_NUMBER = (
    r"(?<![\w.,$€£¥₹-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]\d)"
    rf"(?:(?={SCALE})|(?!\w))"
)
"""A number in figures that a magnitude may follow at once ("340bn")."""
MONEY_WORD = rule_of_words(
    re.compile(
        QUALIFIED + rf"(?:{QUALIFIER})?(?P<num>{SCALED_NUMBER})(?P<scale>{SCALE})?\s+"
        rf"(?P<cur>{CURRENCY_WORD})"
        rf"(?:\s*\((?:around|about|approximately|roughly|some|or|nearly|almost|over)?\s*"
        rf"(?:US)?\$\s?(?P<usd>\d[\d,]*(?:\.\d+)?)(?P<usdscale>{SCALE})?\))?",
        re.IGNORECASE,
    ),
    tuple(CURRENCY_WORDS),
    number_starts,
)
MONEY_CODE = Rule(
    re.compile(
        _starting(QUALIFIERS, "RCUE")
        + rf"(?:{QUALIFIER})?(?P<cur>RMB|CNY|USD|EUR|GBP)\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
        rf"(?P<scale>{SCALE})?"
    ),
    re.compile(r"RMB|CNY|USD|EUR|GBP"),
)
"""Money with the currency's code first: "RMB 100 billion"."""
PERCENT = rule_of_words(
    re.compile(
        _starting((*QUALIFIERS, "between"), r"\d" + SPELLED)
        + OPENING
        + rf"(?P<num>{NUMBER}|{WORD_NUMBER})(?:{JOIN}(?P<to>{BARE_NUMBER}|{WORD_NUMBER}))?"
        r"\s?(?P<pc>%|percent\b|per cent\b|percentage points?\b)",
        re.IGNORECASE,
    ),
    ("%", "per"),
    count_starts,
)
RATIO = rule_of_words(
    re.compile(
        _starting(QUALIFIERS, "af")
        + rf"(?:{QUALIFIER})?(?:a\s+)?factor\s+of\s+(?P<num>{NUMBER}|{WORD_NUMBER})",
        re.IGNORECASE,
    ),
    ("factor",),
)
MEASURE = Rule(
    re.compile(
        _starting(QUALIFIERS, r"\d" + SPELLED) + rf"(?:{QUALIFIER})?(?P<num>{NUMBER}|{WORD_NUMBER})"
        r"-(?P<unit>[a-z]{3,}(?:-[a-z]{3,})*)\b",
        re.IGNORECASE,
    ),
    re.compile("-"),
)
ORDINAL = Rule(
    re.compile(
        r"\b(?:his|her|its|their)\s+(?P<ord>" + "|".join(ORDINALS) + r")\s+(?P<unit>[a-z]{3,})\b"
    ),
    re.compile("|".join(ORDINALS)),
)
_NOT_BETWEEN = (
    r"(?!(?:of|the|and|or|in|to|a|an|for|on|at|by|with|from|that|than|per|percent|cent|"
    r"within|over|under|into|after|before|during|about|across|since|until|is|are|was|were|"
    r"has|have|had|will|would|could|can|may|might)\b)"
)
"""Words that end a count's noun phrase before its noun: what comes after is not counted."""
COUNT = Rule(
    re.compile(
        _starting((*QUALIFIERS, "between"), r"\d" + SPELLED)
        + OPENING
        + rf"(?P<num>{NUMBER}|(?i:(?:a\s+(?=hundred|dozen))?{WORD_NUMBER}))"
        rf"(?:(?:{JOIN}|\s+or\s+)(?P<to>{BARE_NUMBER}|(?i:{WORD_NUMBER})))?"
        rf"(?P<between>(?:\s+{_NOT_BETWEEN}(?:[A-Z][\w.-]*|[a-z]+-[a-z]+|[a-z]+)"
        rf"(?:\s+and(?=\s+[A-Za-z]))?){{0,4}}?)"
        r"\s+(?P<unit>[a-z]+(?:-[a-z]+)*s|people|staff|children|personnel|men|women|feet)\b"
    ),
    starts=count_starts,
)

_ROUNDED = (
    "more than", "fewer than", "at least", "close to", "an estimated", "approximately",
    "about", "around", "roughly", "nearly", "almost", "over", "some", "just over",
    "as many as", "upwards of", "in excess of",
)  # fmt: skip
"""Qualifiers that round a quantity ("under 18", "over 65" after "aged" are ages)."""
BARE = Rule(
    re.compile(
        _starting(_ROUNDED)
        + r"(?<!\baged\s)(?<![\w’'-])(?P<qualifier>(?i:"
        + "|".join(sorted(_ROUNDED, key=len, reverse=True))
        + rf"))\s+(?P<num>{NUMBER})(?P<scale>\s(?:thousand|million|billion|trillion)\b)?"
        r"(?=\s*[,.;:)]|\s+(?:last|this|a)\s+(?:year|month|week|quarter)\b)"
    ),
    starts=number_starts,
)
"""A rounded number with nothing counted after it: "Exhibitors number over 800, ...", "up
from about 1 million last year" (what it counts is before it)."""


NAMED_BY_NUMBER = word_set(
    """section article rule order phase title chapter part level tier stage series version
    route gate terminal block lot item clause resolution amendment directive regulation
    paragraph schedule annex appendix room hall pier berth line unit model no. number"""
)
"""Capitalised words a number names ("Section 232", "Article 17 rules", "Phase 2 works")."""


def in_a_name(paragraph: str, at: int) -> bool:
    """Whether the number at `at` follows a capitalised word that a number names, inside
    its sentence ("Section 232 reviews"): a name's number, not a count. Looks a few words
    back only."""
    if not at or not paragraph[at - 1].isspace():
        return False
    words = paragraph[max(0, at - 60) : at].split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    word = words[-1]
    named = word.casefold() in NAMED_BY_NUMBER or (
        _PRODUCT_NUMBER.match(paragraph, at) is not None
        and word[1:].islower()
        and word.casefold() not in _NOT_NAMING
    )  # "its top-end Kestrel 5 parts": a product's number, mid-sentence
    return named and not words[-2].endswith((".", "!", "?", ":", ";", "“", '"', "«", "("))


_PRODUCT_NUMBER = re.compile(r"\d{1,2}\b(?!\s+(?:days?|weeks?|months?|years?|hours?)\b)")
"""A product's number: short, and not a time given to someone ("gives Commerce 90 days")."""
_NOT_NAMING = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)
"""Capitalised words a date's or a count's number follows ("on Tuesday 40 delegates left"),
never a name's number."""
