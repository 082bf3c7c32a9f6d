"""Whose claim a position is: one that sits inside a quotation is the speaker's reading, and
when the speaker is not of the position's side the pack should say so (`according_to`)."""

from __future__ import annotations

from aiplan_tui.core.model import Article, Pack, Position, Quote
from aiplan_tui.core.problems import Problems


def check_attribution(pack: Pack, problems: Problems, only: Article | None = None) -> None:
    """Warn for each position inside the words of a speaker of another side (or of none)
    that names no `according_to`: Compare would show someone's reading as the side's own.
    Every article's, in order, or `only` that one's."""
    sides = {side.id: side.label for side in pack.sides}
    for article in pack.articles if only is None else (only,):
        quotes: dict[int, list[Quote]] = {}
        positions: list[Position] = []
        for highlight in pack.highlights_in(article.id):
            if isinstance(highlight, Quote):
                quotes.setdefault(highlight.location.paragraph, []).append(highlight)
            elif isinstance(highlight, Position) and not highlight.according_to:
                positions.append(highlight)
        for position in positions:
            here = position.location
            for quote in quotes.get(here.paragraph, ()):
                if quote.location.end <= here.start or here.end <= quote.location.start:
                    continue
                speaker = pack.entity(quote.speaker)
                speaker_side = speaker.side if speaker is not None else ""
                if speaker_side == position.side:
                    continue
                name = speaker.name if speaker is not None else quote.speaker
                of = f"of {sides.get(speaker_side, speaker_side)}" if speaker_side else "of no side"
                problems.warning(
                    position.source.path,
                    position.source.line,
                    1,
                    f'position "{position.id}" is filed under '
                    f"{sides.get(position.side, position.side)}, but its words are {name}'s "
                    f'(quotation "{quote.id}"; {name} is {of}): add '
                    f'according_to = "{quote.speaker}" if it is their reading',
                )
                break
