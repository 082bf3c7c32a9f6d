"""Reported speech as indirect quotations: the clause from a verb of saying whose subject is
a name, "he"/"she" or "X, who" to the end of what is reported, the verb kept ("cautioned
against ...", "said the fund's priorities had shifted"), so a listing reads as a clause; a
following "and said ..." or ", saying ..." has the same speaker. Words before ", X said." are
reported too. A trailing source (", according to ...") is not part of the clause."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aiplan_tui.authoring.match_starts import tried_before, word_starts
from aiplan_tui.authoring.participles import participle_clause
from aiplan_tui.authoring.quotes import word_before
from aiplan_tui.authoring.reported_after import (
    ACCORDING,
    NOT_A_ROLE,
    SHORTEST_REPORT,
    pronoun_after,
    reported_before,
)
from aiplan_tui.authoring.saying import (
    ADVERB,
    AGE,
    NAME_THEN_ROLE,
    ORG_NOUNS,
    PARENTHETICAL,
    PARTY,
    PRONOUN,
    REPORTING,
    REPORTING_WORD,
    ROLE,
    TITLES,
    UNNAMED_GROUP,
    UNNAMED_PERSON,
    WHO_CLAUSE,
    unnamed_kind,
)
from aiplan_tui.authoring.speakers import Speaker, Speakers
from aiplan_tui.authoring.text import (
    NAME,
    SPEAKER_NAME,
    UPPER,
    Found,
    Span,
    Spans,
    sentences,
    trim,
    word_count,
)
from aiplan_tui.core.model import EntityKind

_NAMING = r"called|described"
_QUOTED_AS = r"(?<=\bas\s)saying"
"""The verb of "Xinhua quoted Li as saying ..." (or cited, or "Li was quoted as saying"):
the clause is Li's, from "saying"."""
"""Verbs whose content is a name for something ("called the plan “a permission slip”"):
never a clause of their own, but a following "and said ..." is reported speech."""
FEWEST_OWN_WORDS = 3
"""A clause holding a direct quotation is suggested as well only with this many words of its
own besides the verb ("called the plan “a turning point”" is the quotation alone)."""

_REPORTED = re.compile(
    rf"(?:(?P<name>{SPEAKER_NAME}){AGE},\s*(?P<role>{ROLE}),\s*(?:who\s+)?"
    rf"|(?P<name2>{SPEAKER_NAME}){AGE},\s*(?=(?:also\s+)?{REPORTING}\b)"
    rf"|(?P<who>{SPEAKER_NAME}),\s*(?:which|who)\s+"
    rf"|\b[Tt]he\s+(?P<noun>{ORG_NOUNS})\s+"
    # a title for the person it was given to: "The premier cautioned against ..."
    rf"|\b[Tt]he\s+(?P<title>(?:[a-z][\w-]*\s+){{0,2}}(?:{TITLES}))\s+"
    # someone not named: "District officials said", "A port official told reporters"
    rf"|(?P<unnamed>{UNNAMED_PERSON}|{UNNAMED_GROUP}){WHO_CLAUSE}(?:,\s*{PARENTHETICAL}\s*,)?\s+"
    rf"|\b(?:quoted|cited)\s+(?:(?P<quoted>{SPEAKER_NAME})|(?P<cited>{UNNAMED_PERSON}))\s+as\s+"
    # (and "Li was quoted as saying ...")
    # (never the agent of a passive: "a document seen by Harbourline puts ...")
    rf"|(?<!\bby\s)(?P<name3>{SPEAKER_NAME}|\b{PRONOUN}){PARTY}\s+(?:was\s+(?:quoted|cited)\s+as\s+)?"
    # a person of an organisation: "Vera Lind of the Northern Data Circle argues"
    rf"|(?P<name4>{NAME})\s+(?:of|at|from)\s+(?:the\s+)?{SPEAKER_NAME}\s+)"
    rf"{ADVERB}(?P<verb>{REPORTING}|{_NAMING}|{_QUOTED_AS})\b"
)
_MARK = re.compile(r"[“”\"«»]")
"""No branch of _REPORTED has a quotation mark before its verb: a start with one between it
and the next verb is not tried (most of a quotation's words; issue 28)."""
_SAME = r"(?:he|she|it|they)\s+"
"""The subject of a second verb that is the first's ("..., and he asked the board to ...")."""
_AND_REPORTED = re.compile(
    rf"(?:,?\s+(?:and|but)\s+(?:{_SAME})?{ADVERB}|,\s+(?:though|although)\s+{_SAME}{ADVERB}"
    rf"|,\s+(?:yet\s+{ADVERB})?)(?P<verb>{REPORTING}|saying|adding|warning|arguing|noting|"
    r"stressing|insisting|cautioning|urging|explaining|acknowledging|pointing\s+out)\b"
)
"""A second verb with the same subject: "and said ...", ", noting that ..." (the clause starts
at the participle: "said, noting that ..." is the words after "noting"), or a pronoun for it
(", but they warned that ...", ", though he cautioned that ..."); "yet" joins one only after a
comma ("had not yet said" is one clause)."""
_PAST = re.compile(r"(?:said|told|\w+ed)\b")
_PERFECT = re.compile(r"\b(?:has|have|had)\s+$")
"""The verb's own "has" ("has said China will ..."): the clause starts with it."""
_OTHERS = r"analyst|critic|economist|expert|observer|investor|skeptic|sceptic|rival|other"
"""Others who may doubt what was said, in the writer's words: "..., though analysts doubt"."""
_PRESENT_AFTER = re.compile(
    r",\s+(?:(?:and|but)\s+(?:(?:the|its|their|this|that|these|those)\s+(?:[\w’'-]+\s+){0,3}?"
    r"|(?:he|she|it|they)\s+)(?:has|have|is|are|will)\b"
    rf"|(?:though|although|but)\s+(?:{_OTHERS})s\s+(?!(?:would|could|might|should|had|"
    r"were|was)\b)[a-z]+(?<!ed)\b)"
)
"""After a verb in the past, a clause of its own in the present (", and the city has set
aside ...", ", and he is not wrong", ", though analysts doubt it"): what is reported is told in
the past ("was ready"), so this is the writer's."""
_SUBORDINATE = re.compile(
    r"(?:When|After|As|While|Since|Although|Though|Because|Once|Before|If|Until)\b"
)
"""A sentence opening with a subordinate clause: what is reported in it ends at a comma."""
_AGENT = re.compile(
    rf"\b(?:by|after|before|since|until)\s+(?:the\s+)?(?:[{UPPER}][\w’'-]*\s+){{0,3}}$"
)
"""A passive's agent before a name ("seen by Tidewater Radio puts"): the name is no subject;
nor is the subject of what the news came after ("..., after Oslo on Friday called for ...")."""
_THAT = re.compile(r"\s+(?:(?:on|last|this|late|early)\s+\w+\s+)?that\b")
"""After "announced" or "reported": "that", perhaps after when ("reported last week that")."""
_CLAUSE_COMMA = re.compile(r",(?!\d)|(?<!\d),")
"""A comma that ends a clause: not a number's ("2,400")."""
_SOURCED = re.compile(r"\b(?:according\s+to|per)\s+(?:the\s+)?$")
_QUOTED_CONTENT = re.compile(r":\s*[“\"«]")
"""A verb whose content is the quotation after a colon ("told the Ledger: “...”")."""
ATTRIBUTION_WORDS = 5
"""After a quotation in its sentence, a clause this short without "that" is its attribution
("said in a statement", "told reporters in Brussels"), not reported speech."""
_QUOTED = re.compile(r"[“\"«][^“”\"«»]*[”\"»]")
_CIRCUMSTANCE = re.compile(
    r"\s*(?:in|on|at|during|to|with|via|through|after|before|from|while|over)\b"
)
"""What follows a quotation's verb in its attribution: "said in an interview with ..."."""
_ROLE_THEN_NAME = re.compile(rf"(?P<role>(?:[a-z][\w’'-]*\s+){{1,4}})(?P<name>{NAME})")
"""A role between commas that ends with a name, after words that name nobody ("Another")."""


def reported_speech(
    paragraphs: Sequence[str], speakers: Speakers, number: int, taken: Sequence[Span]
) -> list[Found]:
    """Reported speech in one paragraph (see the module's docstring)."""
    paragraph = paragraphs[number]
    found: list[Found] = []
    quoted = Spans(taken)
    for sentence in sentences(paragraph):
        text = paragraph[sentence.start : sentence.end]
        before = reported_before(text, sentence.start, paragraph, speakers, number)
        if before is not None:
            found.append(before)
            also = pronoun_after(text, sentence.start, paragraph, number, before)
            found.extend([also] if also is not None else [])
            continue
        first = None
        # every match of _REPORTED has a verb REPORTING_WORD finds (it finds a few places
        # more): a sentence without one is not searched, then _REPORTED is tried only where
        # a word or a capital starts, as every branch does
        for match in tried_before(_REPORTED, text, word_starts(text), REPORTING_WORD, _MARK):
            agent = match.group("name3") and _AGENT.search(
                text, max(0, match.start("name3") - 80), match.start("name3")
            )
            if not quoted.holds(sentence.start + match.start("verb")) and not agent:
                first = match
                break
        if first is None:
            found += _participle(text, sentence.start, paragraph, speakers, number, quoted)
            continue
        if _SOURCED.search(text, max(0, first.start() - 20), first.start()):
            continue  # "according to Treasury estimates": a source, never a speaker
        group = next(
            g
            for g in (
                "name",
                "name2",
                "who",
                "noun",
                "title",
                "unnamed",
                "quoted",
                "cited",
                "name4",
                "name3",
            )
            if first.group(g)
        )
        name = first.group(group)
        speakers.here = (number, sentence.start + first.start())
        if group == "noun":  # "The ministry warned ...": the ministry named before
            name = speakers.organisation_called(name) or ""
        role = (first.group("role") or "").strip()
        opened = NAME_THEN_ROLE.fullmatch(role) if group == "name" else None
        if opened is not None:  # "In Tokyo, Ken Mori, the director, said": Mori said it
            name, role = opened.group("name"), opened.group("role")
        if NOT_A_ROLE.match(role):  # "Huang, speaking at the summit, said"
            role = ""
        if group in ("unnamed", "cited"):
            speaker: Speaker | None = speakers.unnamed(name, unnamed_kind(name))
        else:
            kind: EntityKind | None = "organisation" if group == "noun" else None
            speaker = speakers.resolve(name, role, word_before(text, first.start(group)), kind)
        renamed = _ROLE_THEN_NAME.fullmatch(role) if speaker is None else None
        if renamed is not None:  # "Another, retired teacher Ann Roe, said": the name is theirs
            name = renamed.group("name")
            speaker = speakers.resolve(name, renamed.group("role").strip())
        speakers.here = None
        if speaker is None:
            continue
        verbs = [(first.start("verb"), first.group("verb"))]
        more = [m for m in _AND_REPORTED.finditer(text) if m.start() >= first.end()]
        verbs += [(m.start("verb"), m.group("verb")) for m in more]
        stops = [m.start() for m in more] + [len(text)]
        for index, (at, verb) in enumerate(verbs):
            clause = text[at : stops[index]]
            if _SUBORDINATE.match(text) or group == "who":
                # "When X told ... that ..., most coverage ...", "X, which said ..., met"
                clause = _CLAUSE_COMMA.split(clause, maxsplit=1)[0]
            if verb in ("announced", "reported") and not _THAT.match(clause, len(verb)):
                continue  # announcing a plan is an act, announcing that ... is speech
            if re.fullmatch(_NAMING, verb):
                continue  # "called the plan “...”": the quotation's, or a name given
            if _QUOTED_CONTENT.search(clause) or (
                quoted.meets(sentence.start, sentence.start + at)
                and " that " not in clause
                and (
                    word_count(clause) <= ATTRIBUTION_WORDS
                    or _CIRCUMSTANCE.match(clause, len(verb)) is not None
                )
            ):
                continue  # told X: “...” / “...,” X said in a statement: the quotation's
            according = ACCORDING.search(clause)
            if according:
                clause = clause[: according.start()]
            own = _PRESENT_AFTER.search(clause) if _PAST.match(verb) else None
            if own:  # "said X was ready, and the city has set aside ...": the writer's
                clause = clause[: own.start()]
            start, end = trim(paragraph, sentence.start + at, sentence.start + at + len(clause))
            perfect = _PERFECT.search(paragraph, max(0, start - 5), start)
            start = perfect.start() if perfect is not None else start
            words = paragraph[start:end]
            if word_count(words) < SHORTEST_REPORT:
                continue
            if quoted.meets(start, end) and word_count(_QUOTED.sub(" ", words)) - 1 < (
                FEWEST_OWN_WORDS
            ):
                continue  # the words are a direct quotation's
            verb_text = " ".join(verb.split())
            why = f"reported speech: {name!r} {verb_text} ... ({speaker.how})"
            fields: dict[str, object] = {"speaker": speaker.id, "direct": False}
            found.append(Found("quote", number, start, end, fields, why))
    return found


def _participle(
    text: str, offset: int, paragraph: str, speakers: Speakers, number: int, quoted: Spans
) -> list[Found]:
    """ "X proposed ..., telling the session that ...": the clause from the participle."""
    found = participle_clause(text)
    if found is None:
        return []
    name, at, unnamed = found
    clause = text[at:]
    according = ACCORDING.search(clause)
    if according:
        clause = clause[: according.start()]
    start, end = trim(paragraph, offset + at, offset + at + len(clause))
    words = paragraph[start:end]
    own = word_count(_QUOTED.sub(" ", words)) - 1
    if word_count(words) < SHORTEST_REPORT or (quoted.meets(start, end) and own < FEWEST_OWN_WORDS):
        return []
    speakers.here = (number, offset)
    speaker = speakers.unnamed(name, unnamed_kind(name)) if unnamed else speakers.resolve(name)
    speakers.here = None
    if speaker is None:
        return []
    fields: dict[str, object] = {"speaker": speaker.id, "direct": False}
    why = f"reported speech: {name!r} ..., {words.split()[0]} ... ({speaker.how})"
    return [Found("quote", number, start, end, fields, why)]
