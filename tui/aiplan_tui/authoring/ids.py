"""Readable ids for suggested highlights and proposed entities: `q-<speaker>-<words>`,
`f-<metric words>`, `george-chen`; letters, digits and `-` only, unique within a set."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from aiplan_tui.authoring.text import word_set

STOP_WORDS = word_set(
    "a an the of to in on at for by and or but with from as is are was were be been has have "
    "had its it this that these those their his her than into over about"
)
"""Words too common to make an id readable."""


def _words(text: str, pinyin: bool = True, most: int = 1_000_000) -> list[tuple[str, bool]]:
    """The text's words in lower-case ASCII, each with whether it is a Chinese character's
    pinyin: a syllable, not an English word, even when it is spelt like "an" (Chinese
    characters are left out unless `pinyin`; at most `most` from each run of them)."""
    if text.isascii():  # (ASCII text is its own NFKD form)
        return [(word, False) for word in _ASCII_WORD.findall(text.casefold())]
    words: list[tuple[str, bool]] = []
    for number, part in enumerate(_HAN_RUN.split(text)):
        if number % 2:
            if pinyin:
                words += [(syllable, True) for syllable in _pinyin(part[:most])]
        else:
            plain = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode("ascii")
            words += [(word, False) for word in _ASCII_WORD.findall(plain.casefold())]
    return words


def _pinyin(han: str) -> list[str]:
    """Each character's syllable, without tones, in its reading in context (行动 xing-dong,
    银行 yin-hang); pypinyin, imported only for Chinese text."""
    from pypinyin import lazy_pinyin

    return _ASCII_WORD.findall(" ".join(lazy_pinyin(han)).casefold())


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_HAN_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)")
"""A run of Chinese characters (the CJK unified and compatibility ideographs)."""


def slug_words(text: str, n: int) -> str:
    """The first `n` telling words of `text`, lower case, joined by "-" ("" when none); a
    Chinese character's pinyin counts as half a word (most Chinese words have two).

    Common words are skipped unless nothing else is left: "The two camps are now being
    formed" -> "two-camps" for n=2."""
    if n <= 0:
        return ""
    words = _words(text, most=2 * n + 2)  # (+2: a character's reading can hang on the next)
    telling = [(w, han) for w, han in words if han or w not in STOP_WORDS] or words
    chosen: list[str] = []
    counted = 0.0
    for word, han in telling:
        counted += 0.5 if han else 1.0
        if counted > n:
            break
        chosen.append(word)
    return "-".join(chosen)


class TakenIds(set[str]):
    """Ids taken so far, a set that only grows, remembering for each base the number its last
    id was given: the next id from that base is counted on from there, not from 2 again (a
    long article's thousand `f-spending` figures cost the square of their number, issue 28)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        super().__init__(taken)
        self.counted: dict[str, int] = {}
        """For each base, a number below which every `base-N` (N >= 2) is taken."""


def unique_id(base: str, taken: Collection[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... the first one not in `taken` ("item" when empty)."""
    base = base.strip("-") or "item"
    if base not in taken:
        return base
    counted = taken.counted if isinstance(taken, TakenIds) else {}
    number = counted.get(base, 2)
    while f"{base}-{number}" in taken:
        number += 1
    counted[base] = number
    return f"{base}-{number}"


def quote_id(speaker: str, exact: str, taken: Collection[str], words: int = 3) -> str:
    """`q-<speaker's last word>-<words of the quotation>`, unique within `taken`."""
    who = speaker.rsplit("-", 1)[-1] if speaker else ""
    parts = [p for p in ("q", slug_words(who, 1), slug_words(exact, words)) if p]
    return unique_id("-".join(parts), taken)


def fact_id(metric: str, taken: Collection[str], words: int = 4) -> str:
    """`f-<metric words>`, unique within `taken`."""
    return unique_id("-".join(p for p in ("f", slug_words(metric, words)) if p), taken)


def entity_id(name: str, taken: Collection[str]) -> str:
    """Every word of the name: "George Chen" -> `george-chen`, "Maria López" ->
    `maria-lopez`, unique within `taken` ("entity" for a name with no ASCII letter: a
    Chinese name's romanisation is for the rules that propose people to settle)."""
    words = [word for word, _ in _words(name, pinyin=False)]
    return unique_id("-".join(words[:8]) or "entity", taken)


_PAGE_SUFFIX = re.compile(r"\.(s?html?|php|aspx?|jsp|pdf|txt|md|markdown)\Z", re.IGNORECASE)
_NOT_A_NAME = frozenset({"index", "default", "article", "articles", "content", "news", "amp"})
"""Last segments of an address that name no article (`.../story/index.html`)."""


def readable(base: str) -> bool:
    """Whether an id says something: it has a letter (`2025`, `2025-07` say nothing)."""
    return any("a" <= char <= "z" for char in base)


def address_slug(address: str) -> str:
    """The words of an address's last meaningful segment, or of a file's name: `https://x.cn/
    2025/07/26/waic-governance-plan.html` -> `waic-governance-plan`; `~/plan_zh.txt` ->
    `plan-zh` (its folders are not looked at). Segments that name no article (`index.html`)
    or are numbers (`26`) are passed over; "" when none is left (standard input's `-`)."""
    from urllib.parse import unquote, urlsplit

    if "://" in address:
        segments = unquote(urlsplit(address).path).split("/")
    else:  # a file: its name alone, not the folders it is in
        segments = [address.replace("\\", "/").rsplit("/", 1)[-1]]
    for segment in reversed(segments):
        name = _PAGE_SUFFIX.sub("", segment)
        words = slug_words(re.sub(r"[-_.+~]+", " ", name), 6)
        if readable(words) and words not in _NOT_A_NAME:
            return words
    return ""


def article_base(title: str, address: str, paragraphs: Iterable[str]) -> str:
    """What an article's id is made from: the headline's first words (a Chinese character's
    pinyin counting half), else, where they are only numbers (a headline of `2025年...` in a
    script with no reading here), the address's slug or the file's name, else the first words
    of the text; `article` when nothing has a letter."""
    first = next(iter(paragraphs), "")
    for base in (slug_words(title, 6), address_slug(address), slug_words(first, 6)):
        if readable(base):
            return base
    return "article"
