"""The Chinese rules for one article's Chinese paragraphs: quotations and reported speech with
their speakers, figures and dated events, in the shapes of Chinese news (see each module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from aiplan_tui.authoring.speakers import ProposedEntity, Speaker
from aiplan_tui.authoring.text import Found
from aiplan_tui.authoring.zh.dates import chinese_events, head_end, is_byline
from aiplan_tui.authoring.zh.figures import chinese_figures
from aiplan_tui.authoring.zh.quotes import direct_quotations, transcript
from aiplan_tui.authoring.zh.reported import reported, speech
from aiplan_tui.authoring.zh.speakers import ChineseSpeakers
from aiplan_tui.authoring.zh.text import quotation_pairs
from aiplan_tui.core.model import Entity


class ChineseRules:
    """Suggestions for the Chinese paragraphs of an article, asked for one at a time in
    reading order (a quotation going on from the last speaker's needs the one before)."""

    def __init__(
        self,
        paragraphs: Sequence[str],
        entities: Sequence[Entity],
        published: dt.date | None,
        taken: Callable[[str], bool],
    ) -> None:
        self._paragraphs = paragraphs
        self._published = published
        self._entities = entities
        self._taken = taken
        self._speakers: ChineseSpeakers | None = None
        self._mine: set[int] = set()
        """The paragraphs these rules were asked for."""
        self._last: Speaker | None = None
        self._last_paragraph = -2

    @property
    def speakers(self) -> ChineseSpeakers:
        """The article's speakers, worked out when its first Chinese paragraph is asked for
        (an English article costs nothing)."""
        if self._speakers is None:
            self._speakers = ChineseSpeakers(self._entities, self._paragraphs, self._taken)
        return self._speakers

    @property
    def proposed(self) -> tuple[ProposedEntity, ...]:
        return self._speakers.proposed if self._speakers is not None else ()

    def settle(self, found: list[Found], others: Sequence[ProposedEntity]) -> None:
        """Give a new id to each entity proposed here whose id the other rules proposed for
        someone after it (李强 here, "Li Qiang" in an English paragraph later: two entities
        until the editor says they are one), in its quotations' fields too."""
        if self._speakers is None:
            return
        theirs = {e.id for e in others}
        renamed = self._speakers.renamed(theirs)
        for item in found:
            if item.paragraph in self._mine and item.fields.get("speaker") in renamed:
                item.fields["speaker"] = renamed[str(item.fields["speaker"])]

    def found(self, number: int) -> list[Found]:
        self._mine.add(number)
        paragraph = self._paragraphs[number]
        if is_byline(paragraph):
            return []  # a byline or stamp: no quotation, figure or event of its own
        skip = head_end(paragraph)
        pairs = quotation_pairs(paragraph)
        answer, answer_start = transcript(paragraph, number, self.speakers)
        found: list[Found] = []
        if answer is not None:
            found.append(answer)
            pairs = []  # marks inside an answer are the speaker's own
        said = speech(paragraph, number, self.speakers, pairs, skip, _span(answer))
        if answer is None:
            last = self._last if self._last_paragraph == number - 1 else None
            found += direct_quotations(paragraph, number, self.speakers, pairs, said, last)
            found += reported(paragraph, number, said)
        quotes = [f for f in found if f.kind == "quote"]
        if quotes:
            speaker = str(quotes[-1].fields["speaker"])
            self._last, self._last_paragraph = Speaker(speaker, "the last speaker"), number
        found += chinese_figures(paragraph, number, max(skip, answer_start if answer else 0))
        found += chinese_events(
            paragraph, number, self._published, max(skip, answer_start if answer else 0)
        )
        return found


def _span(found: Found | None) -> tuple[int, int] | None:
    return (found.start, found.end) if found is not None else None
