"""Paragraph text with highlights marked in place: a style per kind, a colour per side."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.style import Style
from rich.text import Text

from aiplan_tui.model import Highlight, HighlightKind, Position
from aiplan_tui.safe_text import clean

KIND_STYLES: dict[HighlightKind, Style] = {
    "quote": Style(underline=True),
    "fact": Style(bold=True),
    "position": Style(italic=True),
    "event": Style(bold=True, italic=True),
}
"""Kinds stay distinguishable without colour: underline, bold, italic, bold italic."""

CURRENT_STYLE = Style(reverse=True)


def primary_side(highlight: Highlight) -> str:
    """The side whose colour a highlight takes: a position's own side, else its first side."""
    if isinstance(highlight, Position):
        return highlight.side
    return highlight.sides[0] if len(highlight.sides) == 1 else ""


def marked_paragraph(
    paragraph: str,
    highlights: Iterable[Highlight],
    side_colours: Mapping[str, str],
    current: str | None = None,
) -> Text:
    """The paragraph as plain text with every highlight styled; `current` stands out.

    A highlight about several sides takes no side colour, so colour never claims more than
    the source does.
    """
    text = Text(clean_offsets_safe(paragraph))
    for highlight in highlights:
        loc = highlight.location
        style = KIND_STYLES[highlight.kind]
        colour = side_colours.get(primary_side(highlight))
        if colour:
            style += Style(color=colour)
        text.stylize(style, loc.start, loc.end)
        if highlight.id == current:
            text.stylize(CURRENT_STYLE, loc.start, loc.end)
    return text


def clean_offsets_safe(paragraph: str) -> str:
    """Clean the text, keeping offsets valid: unsafe characters become spaces, not nothing."""
    cleaned = clean(paragraph)
    if len(cleaned) == len(paragraph):
        return cleaned
    return "".join(ch if clean(ch) == ch else " " for ch in paragraph)
