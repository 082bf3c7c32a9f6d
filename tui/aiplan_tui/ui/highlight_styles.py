"""Paragraph text with highlights marked in place: a style per kind, a colour per side."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rich.errors import StyleSyntaxError
from rich.style import Style
from rich.text import Text

from aiplan_tui.core.model import Highlight, Pack, Position
from aiplan_tui.core.safe_text import clean
from aiplan_tui.ui.theme_catalog import rich_colour

KIND_STYLES: dict[str, Style] = {
    "quote": Style(underline=True),
    "fact": Style(bold=True),
    "position": Style(italic=True),
    "event": Style(bold=True, italic=True),
}
"""Kinds stay distinguishable without colour: underline, bold, italic, bold italic."""

CURRENT_STYLE = Style(reverse=True)


def _style(words: str | None, default: Style) -> Style:
    if not words:
        return default
    try:
        return Style.parse(words)
    except StyleSyntaxError:  # themes are validated on load; this is the last line of defence
        return default


@dataclass(frozen=True)
class Marks:
    """How highlights are drawn in the current theme: a colour per side, a style per kind."""

    side_colours: Mapping[str, str] = field(default_factory=dict)
    kinds: Mapping[str, Style] = field(default_factory=lambda: {**KIND_STYLES})
    current: Style = CURRENT_STYLE
    side_css: Mapping[str, str] = field(default_factory=dict)
    """The same side colours as Textual CSS values (ANSI names stay names), for borders."""

    @classmethod
    def from_variables(cls, variables: Mapping[str, str], side_css: Mapping[str, str]) -> Marks:
        """Read `quote-style`, `fact-style`, ... and `current-style` from theme variables;
        `side_css` is each side's theme colour, made a Rich colour here for text."""
        kinds: dict[str, Style] = {
            kind: _style(variables.get(f"{kind}-style"), style)
            for kind, style in KIND_STYLES.items()
        }
        current = _style(variables.get("current-style"), CURRENT_STYLE)
        side_colours = {side: rich_colour(value) for side, value in side_css.items()}
        return cls(side_colours, kinds, current, side_css)

    def kind(self, kind: str) -> Style:
        return self.kinds.get(kind, Style())


def theme_marks(variables: Mapping[str, str], pack: Pack) -> Marks:
    """The marks the current theme asks for, for this pack's sides: each side's colour is
    `side-<id>`, else `side-other`."""
    other = variables.get("side-other", "")
    css = {side.id: variables.get(f"side-{side.id}", other) for side in pack.sides}
    return Marks.from_variables(variables, css)


def primary_side(highlight: Highlight) -> str:
    """The side whose colour a highlight takes: a position's own side, else its first side."""
    if isinstance(highlight, Position):
        return highlight.side
    return highlight.sides[0] if len(highlight.sides) == 1 else ""


def marked_paragraph(
    paragraph: str,
    highlights: Iterable[Highlight],
    marks: Marks,
    current: str | None = None,
) -> Text:
    """The paragraph as plain text with every highlight styled; `current` stands out.

    A highlight about several sides takes no side colour, so colour never claims more than
    the source does.
    """
    text = Text(clean_offsets_safe(paragraph))
    for highlight in highlights:
        loc = highlight.location
        style = marks.kind(highlight.kind)
        colour = marks.side_colours.get(primary_side(highlight))
        if colour:
            style += Style(color=colour)
        text.stylize(style, loc.start, loc.end)
        if highlight.id == current:
            text.stylize(marks.current, loc.start, loc.end)
    return text


def clean_offsets_safe(paragraph: str) -> str:
    """Clean the text, keeping offsets valid: unsafe characters become spaces, not nothing."""
    cleaned = clean(paragraph)
    if len(cleaned) == len(paragraph):
        return cleaned
    return "".join(ch if clean(ch) == ch else " " for ch in paragraph)
