"""What the Chinese rules share: which paragraphs are Chinese, where a sentence ends (outside
quotation marks), the quotation marks' pairs, and a subject's words before a speech verb
without the time, place and adverbs between them (李强26日在开幕式上说: 李强)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from aiplan_tui.authoring.zh.names import HAN, named

_HAN_CHAR = re.compile(f"[{HAN}]")
_LATIN = re.compile(r"[A-Za-z]")
STOPS = "。！？!?"
OPENERS = {"“": "”", "「": "」", "『": "』"}
CLOSERS = frozenset(OPENERS.values())
ALL_OPENERS = '“「『"'
INNER = {"‘": "’"}
CLAUSE_MARKS = '。！？!?；;，,：:“”「」『』"\n'
"""What ends the words before a speech verb: a stop, a comma, a colon, a quotation mark."""


def mostly_chinese(paragraph: str) -> bool:
    """Whether the paragraph is Chinese: at least two Chinese characters and no fewer than a
    third as many as Latin letters (a Chinese character is about a word; an English word
    about five letters). "据路透社报道，Nvidia表示" is Chinese; a Chinese name in English is not."""
    han = len(_HAN_CHAR.findall(paragraph))
    return han >= 2 and han * 3 >= len(_LATIN.findall(paragraph))


@dataclass(frozen=True)
class Marked:
    """A pair of quotation marks: the words between them, and whether it closes."""

    start: int
    end: int
    opener: str
    closed: bool


class Pairs(list[Marked]):
    """The pairs of a paragraph, in order, with their starts for look-ups."""

    def __init__(self, pairs: list[Marked]) -> None:
        super().__init__(pairs)
        self.starts = [p.start for p in pairs]


def quotation_pairs(paragraph: str) -> list[Marked]:
    """Each outermost pair of “…”, 「…」 or 『…』 (what is inside one is not another); one the
    paragraph leaves open runs to its end (a quotation going on in the next paragraph)."""
    pairs: list[Marked] = []
    at = 0
    while at < len(paragraph):
        opener = paragraph[at]
        if opener == '"':  # straight marks, as saved pages often have them: the next one closes
            end = paragraph.find('"', at + 1)
            if end < 0:
                break
            pairs.append(Marked(at + 1, end, opener, True))
            at = end + 1
            continue
        if opener not in OPENERS:
            at += 1
            continue
        closer = OPENERS[opener]
        depth, end = 1, at + 1
        while end < len(paragraph):
            char = paragraph[end]
            if char == opener:
                depth += 1
            elif char == closer:
                depth -= 1
                if depth == 0:
                    break
            end += 1
        closed = end < len(paragraph)
        straight = paragraph.find('"', at + 1) if opener == "“" and not closed else -1
        if straight >= 0:  # “…": a curly mark closed by a straight one, as pages have it
            end, closed = straight, True
        pairs.append(Marked(at + 1, end, opener, closed))
        at = end + 1
    return Pairs(pairs)


def quoted_at(pairs: list[Marked], offset: int) -> bool:
    """Whether `offset` is inside one of the pairs (in order, apart: one look-up)."""
    if not isinstance(pairs, Pairs):
        return any(p.start <= offset < p.end for p in pairs)
    at = bisect_right(pairs.starts, offset) - 1
    return at >= 0 and offset < pairs[at].end


def pair_opening(pairs: list[Marked], start: int) -> Marked | None:
    """The pair whose words start at `start`, if any."""
    if not isinstance(pairs, Pairs):
        return next((p for p in pairs if p.start == start), None)
    at = bisect_left(pairs.starts, start)
    return pairs[at] if at < len(pairs) and pairs[at].start == start else None


@lru_cache(maxsize=64)
def _stops(paragraph: str) -> tuple[int, ...]:
    """The paragraph's sentence stops outside quotation marks, in order."""
    pairs = quotation_pairs(paragraph)
    return tuple(m.start() for m in _STOP.finditer(paragraph) if not quoted_at(pairs, m.start()))


_STOP = re.compile(f"[{STOPS}]")


def sentence_end(paragraph: str, start: int, pairs: list[Marked] | None = None) -> int:
    """Where the sentence that goes on at `start` stops: its first stop outside quotation
    marks (the stop itself left out), else the paragraph's end."""
    stops = _stops(paragraph)
    at = bisect_left(stops, start)
    return stops[at] if at < len(stops) else len(paragraph.rstrip())


def sentence_start(
    paragraph: str, at: int, pairs: list[Marked] | None = None, floor: int = 0
) -> int:
    """Where the sentence holding `at` begins (after the last stop outside marks)."""
    stops = _stops(paragraph)
    before = bisect_left(stops, at) - 1
    return max(floor, stops[before] + 1) if before >= 0 else floor


LONGEST_SUBJECT = 60
"""The most characters before a speech verb looked at for its subject."""


def clause_start(paragraph: str, at: int, floor: int = 0) -> int:
    """Where the words before `at` begin: after the last stop, comma, colon or mark (at most
    LONGEST_SUBJECT characters back); an aside in brackets is passed over whole (梅拉·唐森
    （智库“某中心”研究员）认为)."""
    floor = max(floor, at - LONGEST_SUBJECT)
    back = at - 1
    while back >= floor:
        if paragraph[back] in "）)":
            opening = max(paragraph.rfind("（", floor, back), paragraph.rfind("(", floor, back))
            if opening >= 0:
                back = opening - 1
                continue
        if paragraph[back] in CLAUSE_MARKS and not _in_time(paragraph, back):
            return back + 1
        back -= 1
    return floor


def _in_time(paragraph: str, at: int) -> bool:
    """Whether the colon at `at` is a time's (10:42), not a clause's."""
    return (
        paragraph[at] in ":："
        and paragraph[at - 1 : at].isdigit()
        and paragraph[at + 1 : at + 2].isdigit()
    )


_ADVERBIAL = re.compile(
    r"\d{1,2}月\d{1,2}日|\d{1,2}日|[昨今当當]天|[昨今当當同次]日|日前|近日|此前|随后|隨後|"
    r"也|还|還|则|則|甚至|又|亦|都|曾|更|再次|进一步|進一步|同时|同時|特别|特別|明确|明確|"
    r"在|於|于|对|對|向|接受|就|通过|通過|发表|發表|告诉|告訴|答|回答|"
    r"随即|隨即|当时|當時|近期|日前|昨晚|今晨|上午|下午|晚间|晚間|早前|稍后|稍後|当晚|當晚|"
    r"上?(?:周|星期|禮拜|礼拜)[一二三四五六日天]|本周|下周|上周|上月|本月|当地时间|當地時間|今年|去年|"
    r"周末|週末|日内|目前|已经|已經|一再|这样|這樣|如此|这么|這麼|多次|公开|公開|专门|專門|首次|最近"
)
"""What may come between a subject and its speech verb: a date, an adverb, a place or an
occasion (在…时, 接受…采访时, 对记者), cut off at its first word."""
_LEADING = re.compile(
    r"^(?:\d{1,2}[:：]\d\d\s*)?(?:据|據|而|但|另外|此外|对此|對此|同时|同時|其中|不过|不過)"
)


def subject_words(words: str) -> str:
    """The subject in the words before a speech verb: leading 据 and conjunctions off, then
    everything from the first adverbial on whose words before name someone (研究员曾毅 is not
    cut at 曾: 研究员 names nobody); a cut leaves two characters at least, 他 or 她 one."""
    words = words.strip(" \u3000")
    words = _LEADING.sub("", words).strip(" \u3000")
    words = re.sub(r"^\d{1,2}[:：]\d\d\s*", "", words)
    first = ""
    for match in _ADVERBIAL.finditer(words):
        if match.start() >= 1 and (match.start() >= 2 or words[:1] in "他她"):
            cut = words[: match.start()]
            if cut in ("他", "她") or named(cut) is not None:
                return cut
            first = first or cut
    return words if named(words) is not None else first or words
