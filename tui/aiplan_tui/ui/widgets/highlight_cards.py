"""The highlights pane: a card for each highlight in the paragraph under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from aiplan_tui.core.formatting import fact_line, quote_kind, quoted, side_labels, speaker_line
from aiplan_tui.core.model import Event, Fact, Highlight, Pack, Position, Quote
from aiplan_tui.core.safe_text import clean, clean_line
from aiplan_tui.ui.highlight_styles import Marks, primary_side
from aiplan_tui.ui.wide_text import WideStatic

KIND_BADGES = {"quote": "❝ quote", "fact": "# fact", "position": "◆ position", "event": "◷ event"}


def card_text(highlight: Highlight, pack: Pack, marks: Marks) -> Text:
    """What a card says: kind, sides, the words, then what the kind adds (speaker, figure...)."""
    colour = marks.side_colours.get(primary_side(highlight), "")
    text = Text()
    text.append(KIND_BADGES[highlight.kind], style=f"bold {colour}".strip())
    sides = side_labels(highlight, pack)
    if sides:
        text.append(f"  {clean_line(sides)}", style="dim")
    text.append("\n")
    if isinstance(highlight, Fact):
        text.append(clean_line(fact_line(highlight)), style="bold")
        text.append("\n")
    words = clean(highlight.exact)
    in_marks = not isinstance(highlight, Quote) or highlight.direct
    start = len(text) + (1 if in_marks else 0)
    text.append(quoted(words) if in_marks else words)
    text.stylize(marks.kind(highlight.kind), start, start + len(words))
    for line in _details(highlight, pack):
        text.append("\n")
        text.append(clean_line(line), style="dim")
    return text


def _details(highlight: Highlight, pack: Pack) -> list[str]:
    lines: list[str] = []
    if isinstance(highlight, Quote):
        lines.append(f"— {speaker_line(pack.entity(highlight.speaker), highlight.speaker)}")
        lines.append(quote_kind(highlight))
    if isinstance(highlight, Event) and highlight.date:
        lines.append(f"when: {highlight.date}")
    if isinstance(highlight, Position):
        side = next((s.label for s in pack.sides if s.id == highlight.side), highlight.side)
        lines.append(f"stance of {side}")
    if highlight.according_to:
        claimant = pack.entity(highlight.according_to)
        lines.append(f"according to {speaker_line(claimant, highlight.according_to)}")
    if highlight.note:
        lines.append(highlight.note)
    article = pack.article(highlight.article)
    if article is not None:
        page = article.page_of(highlight.location.paragraph)
        lines.append(f"in: {article.title}" + ("" if page is None else f", p. {page}"))
    return lines


class HighlightCards(VerticalScroll):
    """Cards for one paragraph's highlights; the current one is marked."""

    DEFAULT_CSS = """
    HighlightCards .card { margin-bottom: 1; padding: 0 1; border-left: tall $panel; }
    HighlightCards .card.-current { border-left: tall $accent; background: $boost; }
    HighlightCards .empty { color: $text-muted; padding: 0 1; }
    """

    def show(
        self,
        highlights: list[Highlight],
        pack: Pack,
        marks: Marks,
        current: str | None,
    ) -> None:
        """Replace the cards with these highlights'."""
        with self.app.batch_update():
            self.remove_children()
            if not highlights:
                self.mount(Static("No highlights in this paragraph.", classes="empty"))
                return
            for highlight in highlights:
                card = WideStatic(card_text(highlight, pack, marks), classes="card")
                if highlight.id == current:
                    card.add_class("-current")
                self.mount(card)
