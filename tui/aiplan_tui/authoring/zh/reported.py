"""Reported speech in Chinese: a subject that names someone, a speech verb and a comma or
colon, then what was said, from the verb to the sentence's end (李强表示，…; 据王明介绍，…;
“…”李强强调，…). A verb followed by a quotation mark attributes that quotation instead."""

from __future__ import annotations

from dataclasses import dataclass

from aiplan_tui.authoring.speakers import Speaker
from aiplan_tui.authoring.text import Found
from aiplan_tui.authoring.zh.speakers import ChineseSpeakers
from aiplan_tui.authoring.zh.text import (
    ALL_OPENERS,
    Marked,
    clause_start,
    pair_opening,
    quoted_at,
    sentence_end,
    subject_words,
)
from aiplan_tui.authoring.zh.verbs import SPEECH_VERB


@dataclass(frozen=True)
class Said:
    """A speech verb with a speaker: where its words are, and the quotation it opens (the
    offset of the mark after it), if any."""

    start: int
    end: int
    speaker: Speaker
    opens: int | None
    goes_on: bool = False
    """Whether the sentence goes on after the quotation it opens (指出，「…」，政府应…): what
    was said is reported as well."""


def speech(
    paragraph: str,
    number: int,
    speakers: ChineseSpeakers,
    pairs: list[Marked],
    skip: int = 0,
    inside: tuple[int, int] | None = None,
) -> list[Said]:
    """Every speech verb of the paragraph (after `skip`, outside quotation marks and outside
    `inside`, a transcript's answer) whose subject names someone."""
    said: list[Said] = []
    for match in SPEECH_VERB.finditer(paragraph, skip):
        at = match.start()
        if quoted_at(pairs, at) or (inside is not None and inside[0] <= at < inside[1]):
            continue
        subject = subject_words(paragraph[clause_start(paragraph, at, skip) : at])
        if not subject:
            continue
        speaker = speakers.resolve(subject, number, at)
        if speaker is None:
            continue
        mark = match.group("mark")
        opens = match.end() if mark and mark[-1] in ALL_OPENERS else None
        if opens is not None and not _stands(paragraph, opens, pairs):
            opens = None  # 他提到，“人工智能+”行动已…: a term in marks, in what is reported
        end = _capped(paragraph, match.end(), sentence_end(paragraph, match.end(), pairs))
        said.append(Said(at, end, speaker, opens, _goes_on(paragraph, opens, pairs, end)))
    return said


LONGEST_CLAUSE = 300
"""The most characters a reported clause runs on after its verb: a text without sentence
stops (ASCII punctuation, a run-on page) would otherwise give each verb the rest of the
paragraph, and the paragraph's verbs its length squared."""


def _capped(paragraph: str, start: int, end: int) -> int:
    """`end`, or where a clause mark ends the first LONGEST_CLAUSE characters after `start`."""
    if end - start <= LONGEST_CLAUSE:
        return end
    limit = start + LONGEST_CLAUSE
    cut = max(paragraph.rfind(mark, start, limit) for mark in "，,；;")
    return cut if cut > start else limit


def _stands(paragraph: str, opens: int, pairs: list[Marked]) -> bool:
    """Whether the quotation a verb opens is its words (open to the paragraph's end, ending
    with a stop or comma of its own, or followed by punctuation), not a term in marks."""
    pair = pair_opening(pairs, opens)
    if pair is None or not pair.closed:
        return True
    inside = paragraph[pair.start : pair.end].rstrip()
    after = paragraph[pair.end + 1 : pair.end + 2]
    return (
        inside[-1:] in ("。", "！", "？", "，", "!", "?", ",", "…")
        or not after
        or after in "，,。；;！？!?：:"
    )


def _goes_on(paragraph: str, opens: int | None, pairs: list[Marked], end: int) -> bool:
    pair = pair_opening(pairs, opens) if opens is not None else None
    if pair is None or not pair.closed:
        return False
    after = paragraph[pair.end + 1 : end]
    return bool(after) and after[0] in "，,；;" and len(after.strip("，,；; ")) >= 2


def reported(paragraph: str, number: int, said: list[Said]) -> list[Found]:
    """The reported clauses: each verb not opening a quotation, to its sentence's end."""
    found = []
    for one in said:
        if one.opens is not None and not one.goes_on:
            continue
        end = _before_semicolon(paragraph, one.start, one.end)
        while end > one.start and paragraph[end - 1] in " \u3000，,":
            end -= 1
        if end - one.start < 4:
            continue
        fields: dict[str, object] = {"speaker": one.speaker.id, "direct": False}
        why = f"reported speech: {paragraph[one.start : one.start + 4]!r}… ({one.speaker.how})"
        found.append(Found("quote", number, one.start, end, fields, why))
    return found


def _before_semicolon(paragraph: str, start: int, end: int) -> int:
    """Where a reported clause ends when a semicolon outside marks ends it first: what
    follows (；一位主持人甚至发问：…) is another clause, often another speaker's."""
    depth = 0
    for at in range(start, end):
        char = paragraph[at]
        if char in "“「『":
            depth += 1
        elif char in "”」』" and depth:
            depth -= 1
        elif char in "；;" and not depth:
            return at
    return end
