"""What Review shows of a suggested highlight: its line in the list and its details beside it,
made from the highlight and the pack alone (no screen, so each can be read on its own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from rich.style import Style
from rich.text import Text

from aiplan_tui.core.formatting import KIND_ICONS, fact_line, quote_kind, speaker_line
from aiplan_tui.core.model import Event, Fact, Highlight, Pack, Position, Quote
from aiplan_tui.core.safe_text import clean, clean_line

MARKED = Style(reverse=True, bold=True)
"""The suggestion's exact words in its paragraph."""


def reading_order(pack: Pack) -> list[Highlight]:
    """The suggested highlights as a reader meets them, article after article."""
    number = {article.id: n for n, article in enumerate(pack.articles)}
    return sorted(
        pack.suggested,
        key=lambda h: (number.get(h.article, len(number)), h.location.paragraph, h.location.start),
    )


def event_date(event: Event) -> str:
    date = event.date
    if isinstance(date, dt.date):
        return date.isoformat()
    return str(date) if date else "no date"


def side_names(pack: Pack, sides: Sequence[str]) -> str:
    labels = {side.id: side.label for side in pack.sides}
    return " · ".join(labels.get(side, side) for side in sides) or "none"


def pack_path(pack: Pack, path: Path) -> str:
    """A file as the pack's root sees it."""
    try:
        return str(path.relative_to(pack.root))
    except ValueError:
        return str(path)


def suggestion_line(highlight: Highlight, pack: Pack) -> Text:
    """Icon, who or what (speaker, figure, date, side), then the words."""
    text = Text(f"{KIND_ICONS.get(highlight.kind, '·')} ")
    detail = ""
    if isinstance(highlight, Quote):
        entity = pack.entity(highlight.speaker)
        detail = entity.name if entity else f"new: {highlight.speaker}"
    elif isinstance(highlight, Fact):
        detail = fact_line(highlight)
    elif isinstance(highlight, Event):
        detail = event_date(highlight)
    elif isinstance(highlight, Position):
        detail = side_names(pack, (highlight.side,))
    text.append(clean_line(detail), style="bold")
    text.append(f"  {clean_line(highlight.exact)}")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def suggestion_details(highlight: Highlight, pack: Pack, reason: str = "") -> Text:
    """The article's title, the paragraph with the words marked, what is proposed and why."""
    text = Text()
    article = pack.article(highlight.article)
    title = article.title if article else highlight.article
    text.append(clean_line(title), style="bold")
    text.append(f"\nparagraph {highlight.location.paragraph + 1}\n\n", style="dim")
    if article is not None and highlight.location.paragraph < len(article.paragraphs):
        paragraph = article.paragraphs[highlight.location.paragraph]
        start, end = highlight.location.start, highlight.location.end
        text.append(clean(paragraph[:start]))
        text.append(clean(paragraph[start:end]), style=MARKED)
        text.append(clean(paragraph[end:]))
    else:
        text.append(clean(highlight.exact), style=MARKED)
    text.append("\n")
    for name, value in suggestion_fields(highlight, pack, reason):
        text.append(f"\n{name:<11}", style="dim")
        text.append(clean_line(value))
    return text


def suggestion_fields(highlight: Highlight, pack: Pack, reason: str = "") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = [("kind", highlight.kind)]
    if reason:
        rows.append(("why", reason))
    if isinstance(highlight, Quote):
        entity = pack.entity(highlight.speaker)
        who = speaker_line(entity, highlight.speaker)
        rows.append(("speaker", who if entity else f"new: {who} (not in entities.toml)"))
        rows.append(("quoted", quote_kind(highlight)))
    elif isinstance(highlight, Fact):
        rows.append(("figure", fact_line(highlight)))
    elif isinstance(highlight, Event):
        rows.append(("date", event_date(highlight)))
    if isinstance(highlight, Position):
        rows.append(("side", side_names(pack, (highlight.side,))))
    else:
        rows.append(("sides", side_names(pack, highlight.sides)))
    titles = {d.id: d.title for d in pack.dimensions}
    dimensions = ", ".join(titles.get(d, d) for d in highlight.dimensions) or "none"
    rows.append(("dimensions", dimensions))
    rows.append(("note", highlight.note or "none"))
    rows.append(("file", f"{pack_path(pack, highlight.source.path)}:{highlight.source.line}"))
    return rows
