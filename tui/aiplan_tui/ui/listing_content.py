"""What the centre pane lists for a person or organisation, and for a comparison dimension."""

from __future__ import annotations

from rich.text import Text

from aiplan_tui.core.model import Entity, Pack, Quote
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.mentions import find_mentions
from aiplan_tui.ui.wide_text import head_cells, tail_cells
from aiplan_tui.ui.widgets.listing import Entry, Section
from aiplan_tui.ui.widgets.navigator import highlight_label

CONTEXT = 40
"""Cells of the paragraph shown on each side of a mention (20 Chinese characters)."""


def entity_title(entity: Entity) -> Text:
    title = Text()
    title.append(clean_line(entity.name), style="bold")
    details = [entity.kind] + ([entity.role] if entity.role else [])
    title.append("  " + clean_line(" · ".join(details)), style="dim")
    return title


def entity_sections(pack: Pack, entity: Entity) -> list[Section]:
    """Their quotes, then every mention of their name or aliases, in reading order."""
    quotes = [
        Entry(highlight_label(h, pack), h.article, h.location.paragraph, h.id)
        for h in pack.highlights
        if isinstance(h, Quote) and h.speaker == entity.id
    ]
    mentions = []
    for mention in find_mentions(pack, entity):
        article = pack.article(mention.article)
        if article is None:
            continue
        paragraph = article.paragraphs[mention.paragraph]
        whole = clean_line(paragraph[: mention.start])
        before = tail_cells(whole, CONTEXT)
        label = Text("…" if before != whole else "")
        label.append(before)
        label.append(clean_line(mention.text), style="bold underline")
        label.append(head_cells(clean_line(paragraph[mention.end :]), CONTEXT) + "…")
        mentions.append(Entry(label, mention.article, mention.paragraph))
    names = ", ".join([entity.name, *entity.aliases])
    return [
        Section(Text(f"Quotes ({len(quotes)})", style="bold"), quotes),
        Section(Text(f"Mentions of {clean_line(names)} ({len(mentions)})", style="bold"), mentions),
    ]


def dimension_sections(pack: Pack, dimension_id: str) -> list[Section]:
    """Each side's summary on the dimension and the highlights that support it."""
    sections = []
    for side in pack.sides:
        cell = next(
            (c for c in pack.comparison if c.dimension == dimension_id and c.side == side.id), None
        )
        heading = Text()
        heading.append(clean_line(side.label), style="bold")
        if cell is None:
            heading.append("  not covered in these articles", style="dim")
            sections.append(Section(heading, []))
            continue
        heading.append("  " + clean_line(cell.summary))
        entries = []
        for highlight_id in cell.highlights:
            highlight = pack.highlight(highlight_id)
            if highlight is not None:
                label = highlight_label(highlight, pack)
                entries.append(
                    Entry(label, highlight.article, highlight.location.paragraph, highlight.id)
                )
        sections.append(Section(heading, entries))
    return sections
