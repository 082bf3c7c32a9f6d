"""Direct quotations in Chinese: the words in “…”, 「…」 or 『…』 with a speaker found before
them (李强说：“…”), after them (“…”李强说。 / “…”他表示，…), around them (a quotation inside a
reported clause: 他表示，该计划“…”，…), or a paragraph-long quotation going on from the last
speaker's; and a transcript's answers and questions (郭嘉昆：…; 法新社记者：…; 答：… after the
spokesperson is named). A phrase in marks with none of these is a name or a scare quote."""

from __future__ import annotations

import re
from bisect import bisect_left

from aiplan_tui.authoring.speakers import Speaker
from aiplan_tui.authoring.text import Found
from aiplan_tui.authoring.zh.reported import Said
from aiplan_tui.authoring.zh.speakers import ChineseSpeakers
from aiplan_tui.authoring.zh.text import STOPS, Marked, subject_words
from aiplan_tui.authoring.zh.verbs import VERB_AT_END

_LABEL = re.compile(r"^\s*(?P<label>[^：:，,。\s“”「」（）()]{1,16})\s*[：:]\s*(?=\S)")
"""A transcript's speaker label: 郭嘉昆：, 法新社记者：, 答："""
_AFTER = re.compile(
    r"[，,。！？!?]?\s*(?P<clause>[^，,。：:；;！？!?“”「」\x22\n]{1,40}?)(?=[，,。：:；;！？!?]|$)"
)
"""The clause right after a closing mark: 李强说 in “…”李强说。"""
_PHRASE_END = re.compile(r"[”」』\"]?\s*(?:[，,。；;！？!?]|$)")
"""What ends a quoted phrase that is speech inside a reported clause (not 计划 or 行动)."""


def transcript(paragraph: str, number: int, speakers: ChineseSpeakers) -> tuple[Found | None, int]:
    """The paragraph's words after a speaker's label, as a direct quotation (and where they
    start), or None."""
    match = _LABEL.match(paragraph)
    if match is None:
        return None, 0
    label = match.group("label")
    if VERB_AT_END.search(label):
        return None, 0  # 李强表示：“…”: an attribution, not a transcript's label
    speaker: Speaker | None
    if label in ("问", "問"):
        return None, 0
    if label in ("答",):
        speaker = speakers.last_person(number, 0)
    else:
        speaker = speakers.resolve(label, number, match.start("label"))
    if speaker is None:
        return None, 0
    end = len(paragraph.rstrip())
    fields: dict[str, object] = {"speaker": speaker.id, "direct": True}
    why = f"a transcript's answer or question after {label!r}： ({speaker.how})"
    return Found("quote", number, match.end(), end, fields, why), match.end()


def direct_quotations(
    paragraph: str,
    number: int,
    speakers: ChineseSpeakers,
    pairs: list[Marked],
    said: list[Said],
    last: Speaker | None,
) -> list[Found]:
    """Each pair of marks that holds someone's words, with its speaker."""
    found = []
    starts = [one.start for one in said]
    for pair in pairs:
        if not paragraph[pair.start : pair.end].strip():
            continue
        speaker, how = _speaker(paragraph, number, speakers, pair, (said, starts), last)
        if speaker is None:
            continue
        start, end = pair.start, pair.end
        while end > start and paragraph[end - 1].isspace():
            end -= 1
        fields: dict[str, object] = {"speaker": speaker.id, "direct": True}
        why = f"quotation marks {pair.opener}…, {how} ({speaker.how})"
        found.append(Found("quote", number, start, end, fields, why))
    return found


def _speaker(
    paragraph: str,
    number: int,
    speakers: ChineseSpeakers,
    pair: Marked,
    verbs: tuple[list[Said], list[int]],
    last: Speaker | None,
) -> tuple[Speaker | None, str]:
    said, starts = verbs
    opening = pair.start - 1
    before = _said_before(said, starts, opening)
    if before is not None and before.opens == pair.start:
        return before.speaker, "the speaker before"
    if pair.closed and _opens_clause(paragraph, opening):
        speaker = _speaker_after(paragraph, number, speakers, pair.end + 1)
        if speaker is not None:
            return speaker, "the speaker after"
    one = before
    if one is not None and one.opens is None and opening < one.end and _phrase(paragraph, pair):
        return one.speaker, "inside what the speaker said"
    whole = opening == len(paragraph) - len(paragraph.lstrip()) and (
        not pair.closed or paragraph[pair.end + 1 :].strip() in ("", *STOPS)
    )
    if whole and last is not None:
        return last, "a paragraph's quotation going on from the last speaker's"
    return None, ""


def _speaker_after(
    paragraph: str, number: int, speakers: ChineseSpeakers, at: int
) -> Speaker | None:
    """The speaker of the clause right after a closing mark (“…”李强说。), or of the one
    after it when the first is an aside (“…”采访中，多位企业负责人这样说。)."""
    for _ in range(2):
        after = _AFTER.match(paragraph, at)
        if after is None:
            return None
        clause = after.group("clause")
        verb = VERB_AT_END.search(clause)
        if verb is not None:
            subject = subject_words(clause[: verb.start()])
            return speakers.resolve(subject, number, at) if subject else None
        if len(clause) > 8 or paragraph[after.end() : after.end() + 1] not in ("，", ","):
            return None
        at = after.end() + 1
    return None


def _opens_clause(paragraph: str, opening: int) -> bool:
    """Whether the mark at `opening` starts a clause (“…”李强说), not a name inside one
    (基金会“启明开源”理事长方瀚说: the name's speaker is not the words')."""
    before = paragraph[:opening].rstrip(" \u3000")
    return not before or before[-1] in "，,。：:；;！？!?）)—…" or _TIME.search(before) is not None


_TIME = re.compile(r"(?:^|\s)\d{1,2}[:：]\d\d$")
"""A live blog entry's time before its quotation: 10:05 “…”."""


def _said_before(said: list[Said], starts: list[int], at: int) -> Said | None:
    """The last speech verb before `at` (the verbs are in order)."""
    index = bisect_left(starts, at)
    return said[index - 1] if index > 0 else None


def _phrase(paragraph: str, pair: Marked) -> bool:
    """Whether a phrase in marks inside a reported clause is speech: it ends a clause (not
    “人工智能+”行动, 「超級聯繫人」角色) and is a saying's length, or follows a comma, a colon
    or a dash (信号很清楚——“门是开着的”)."""
    if not pair.closed or not _PHRASE_END.match(paragraph, pair.end):
        return False
    before = paragraph[pair.start - 2 : pair.start - 1]
    return pair.end - pair.start >= 6 or (bool(before) and before in "，,：:—")
