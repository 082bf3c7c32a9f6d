"""Review: the highlights `aiplan-tui add` suggested, one by one in reading order, each in its
paragraph with what is proposed; keys accept, reject or fix it, written back to the pack's
TOML files (authoring/review.py) and the pack loaded again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from aiplan_tui.authoring import review
from aiplan_tui.authoring.review import ReviewError
from aiplan_tui.core.formatting import KIND_ICONS, fact_line, quote_kind, speaker_line
from aiplan_tui.core.model import HIGHLIGHT_KINDS, Event, Fact, Highlight, Pack, Position, Quote
from aiplan_tui.core.problems import plural
from aiplan_tui.core.safe_text import clean, clean_line
from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.screens.review_dialogs import (
    Choice,
    ChoiceDialog,
    ManyDialog,
    SpeakerChoice,
    SpeakerDialog,
    TextDialog,
)
from aiplan_tui.ui.screens.shown import ShownScreen
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.title_bar import TitleBar

EMPTY = "No suggested highlights. Add an article with `aiplan-tui add SOURCE --content DIR`."
MARKED = Style(reverse=True, bold=True)
"""The suggestion's exact words in its paragraph."""
QUOTE_MARKS = "\"'“”‘’«»„「」『』"
"""Characters that, right around the words, say a quotation is direct."""
FACT_CANNOT = (
    "A fact needs a metric, a value and a unit, which Review cannot invent: "
    "write them in the highlight's file."
)
SELECTION_ACTIONS = frozenset(
    {"accept", "reject", "change_kind", "speaker", "side", "dimensions", "cell", "note"}
)
"""The actions that need a suggestion under the cursor."""


def reading_order(pack: Pack) -> list[Highlight]:
    """The suggested highlights as a reader meets them, article after article."""
    number = {article.id: n for n, article in enumerate(pack.articles)}
    return sorted(
        pack.suggested,
        key=lambda h: (number.get(h.article, len(number)), h.location.paragraph, h.location.start),
    )


def sides_of(highlight: Highlight) -> tuple[str, ...]:
    """A position's own side, else the sides it concerns."""
    return (highlight.side,) if isinstance(highlight, Position) else highlight.sides


def looks_direct(paragraph: str, highlight: Highlight) -> bool:
    """Whether quotation marks stand right around (or at the ends of) the words."""
    start, end = highlight.location.start, highlight.location.end
    before = paragraph[start - 1 : start] + paragraph[start : start + 1]
    after = paragraph[end - 1 : end] + paragraph[end : end + 1]
    return any(c in QUOTE_MARKS for c in before) and any(c in QUOTE_MARKS for c in after)


def event_date(event: Event) -> str:
    date = event.date
    if isinstance(date, dt.date):
        return date.isoformat()
    return str(date) if date else "no date"


class ReviewList(OptionList):
    """The suggestions, one line each."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "review", "the suggestion list", "first", "last"
    )


class ReviewScreen(ShownScreen[None]):
    """Accept, reject or fix each suggested highlight; every change is written and the pack
    loaded again (`reload` returns the new pack)."""

    AUTO_FOCUS = "#review-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept", id="review-accept",
                tooltip="Keep the suggestion: it loses its status and shows everywhere."),
        Binding("x", "reject", "Reject", id="review-reject",
                tooltip="Drop the suggestion: its table goes from the file."),
        Binding("right_square_bracket", "walk(1)", "Next", id="review-next",
                tooltip="The next suggestion."),
        Binding("left_square_bracket", "walk(-1)", "Prev", id="review-previous",
                tooltip="The previous suggestion."),
        Binding("n", "note", "Note", id="review-note", tooltip="Write or change the note."),
        Binding("s", "speaker", "Speaker", id="review-speaker",
                tooltip="Pick who says a quote: the pack's people, or a new one."),
        Binding("K", "change_kind", "Kind", id="review-kind",
                tooltip="Make it a quote, a position or an event."),
        Binding("S", "side", "Side", id="review-side",
                tooltip="Set the side of a position, or the sides another highlight concerns."),
        Binding("D", "dimensions", "Dimensions", id="review-dimensions",
                tooltip="Tick the dimensions it bears on."),
        Binding("c", "cell", "To Compare", id="review-cell",
                tooltip="Add it to the comparison cell of each of its dimensions and sides "
                "(a missing cell asks for its summary)."),
        Binding("escape", "back", "Back", id="review-back", show=False,
                tooltip="Back to the reader."),
    ]  # fmt: skip

    def __init__(self, pack: Pack, reload: Callable[[], Pack]) -> None:
        super().__init__()
        self.pack = pack
        self.reload = reload
        """Load the pack again after a change to its files; the new pack."""
        self.items = reading_order(pack)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="review-panes"):
            yield ReviewList(id="review-list")
            with VerticalScroll(id="review-preview-pane"):
                yield Static(id="review-preview")
        yield Static(id="review-status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.fill()

    # Showing ---------------------------------------------------------------------------------

    def fill(self, keep: str | None = None, index: int = 0) -> None:
        """List the suggestions; the cursor on `keep` if still there, else at `index`."""
        listed = self.query_one(ReviewList)
        listed.clear_options()
        listed.add_options([Option(self.line(h), id=h.id) for h in self.items])
        ids = [h.id for h in self.items]
        if keep in ids:
            index = ids.index(keep)
        listed.highlighted = min(index, len(ids) - 1) if ids else None
        self.show(self.current())

    def line(self, highlight: Highlight) -> Text:
        """Icon, who or what (speaker, figure, date, side), then the words."""
        text = Text(f"{KIND_ICONS.get(highlight.kind, '·')} ")
        detail = ""
        if isinstance(highlight, Quote):
            entity = self.pack.entity(highlight.speaker)
            detail = entity.name if entity else f"new: {highlight.speaker}"
        elif isinstance(highlight, Fact):
            detail = fact_line(highlight)
        elif isinstance(highlight, Event):
            detail = event_date(highlight)
        elif isinstance(highlight, Position):
            detail = self.side_names((highlight.side,))
        text.append(clean_line(detail), style="bold")
        text.append(f"  {clean_line(highlight.exact)}")
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text

    def current(self) -> Highlight | None:
        """The suggestion under the cursor; none before the list is built or when it is empty."""
        lists = self.query(ReviewList)
        index = lists.first().highlighted if lists else None
        return self.items[index] if index is not None and index < len(self.items) else None

    def show(self, highlight: Highlight | None) -> None:
        preview = self.query_one("#review-preview", Static)
        status = self.query_one("#review-status", Static)
        if highlight is None:
            preview.update(Text(EMPTY))
            status.update(Text("No suggestions to review"))
            return
        place = [h.id for h in self.items].index(highlight.id) + 1
        status.update(Text(f"{place} of {plural(len(self.items), 'suggestion')}"))
        preview.update(self.details(highlight))

    def details(self, highlight: Highlight) -> Text:
        """The article's title, the paragraph with the words marked, what is proposed."""
        text = Text()
        article = self.pack.article(highlight.article)
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
        for name, value in self.fields(highlight):
            text.append(f"\n{name:<11}", style="dim")
            text.append(clean_line(value))
        return text

    def fields(self, highlight: Highlight) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = [("kind", highlight.kind)]
        if isinstance(highlight, Quote):
            entity = self.pack.entity(highlight.speaker)
            who = speaker_line(entity, highlight.speaker)
            rows.append(("speaker", who if entity else f"new: {who} (not in entities.toml)"))
            rows.append(("quoted", quote_kind(highlight)))
        elif isinstance(highlight, Fact):
            rows.append(("figure", fact_line(highlight)))
        elif isinstance(highlight, Event):
            rows.append(("date", event_date(highlight)))
        if isinstance(highlight, Position):
            rows.append(("side", self.side_names((highlight.side,))))
        else:
            rows.append(("sides", self.side_names(highlight.sides)))
        titles = {d.id: d.title for d in self.pack.dimensions}
        dimensions = ", ".join(titles.get(d, d) for d in highlight.dimensions) or "none"
        rows.append(("dimensions", dimensions))
        rows.append(("note", highlight.note or "none"))
        rows.append(("file", f"{self.where(highlight.source.path)}:{highlight.source.line}"))
        return rows

    def side_names(self, sides: Sequence[str]) -> str:
        labels = {side.id: side.label for side in self.pack.sides}
        return " · ".join(labels.get(side, side) for side in sides) or "none"

    def where(self, path: Path) -> str:
        """A file as the pack's root sees it."""
        try:
            return str(path.relative_to(self.pack.root))
        except ValueError:
            return str(path)

    @on(OptionList.OptionHighlighted, "#review-list")
    def _highlighted(self) -> None:
        self.show(self.current())

    def selected_highlight(self) -> str | None:
        """What `y` copies here: nothing (a suggestion is not in the pack until accepted)."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not super().check_action(action, parameters):
            return False
        if action in SELECTION_ACTIONS and self.is_mounted and self.current() is None:
            return None
        return True

    # Writing ---------------------------------------------------------------------------------

    def write(self, done: str, change: Callable[[], object], gone: bool = False) -> bool:
        """Make a change to the files; say what was written, or why nothing was; then load
        the pack again and list its suggestions (the cursor stays, or moves on if `gone`)."""
        highlight = self.current()
        listed = self.query_one(ReviewList)
        index = listed.highlighted or 0
        try:
            change()
        except (ReviewError, OSError, UnicodeError) as error:
            self.notify(f"Nothing changed: {error}", title="Review", severity="error", markup=False)
            return False
        self.notify(done, title="Review", markup=False)
        self.pack = self.reload()
        self.items = reading_order(self.pack)
        self.fill(keep=None if gone or highlight is None else highlight.id, index=index)
        return True

    def action_accept(self) -> None:
        if (h := self.current()) is not None:
            path = h.source.path
            self.write(
                f"Accepted {h.id} in {self.where(path)}",
                lambda: review.accept(path, h.id),
                gone=True,
            )

    def action_reject(self) -> None:
        if (h := self.current()) is not None:
            path = h.source.path
            self.write(
                f"Rejected {h.id}: its table is gone from {self.where(path)}",
                lambda: review.reject(path, h.id),
                gone=True,
            )

    def action_walk(self, step: int) -> None:
        listed = self.query_one(ReviewList)
        if step > 0:
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def action_back(self) -> None:
        self.app.switch_screen("reader")

    def action_note(self) -> None:
        if (h := self.current()) is None:
            return

        def keep(note: str | None) -> None:
            if note is not None and note != h.note:
                said = f"note {'set' if note else 'removed'}"
                self.write(
                    f"{h.id}: {said} in {self.where(h.source.path)}",
                    lambda: review.update(h.source.path, h.id, {"note": note or None}),
                )

        self.app.push_screen(
            TextDialog("Note", h.note, placeholder="Why it matters (empty: no note)"), keep
        )

    def action_speaker(self) -> None:
        h = self.current()
        if h is None:
            return
        if not isinstance(h, Quote):
            self.notify(
                f"Only a quote has a speaker; this is {'an' if h.kind[0] in 'aeiou' else 'a'} "
                f"{h.kind} (K makes it a quote).",
                title="Review",
                markup=False,
            )
            return

        def keep(choice: SpeakerChoice | None) -> None:
            if choice is not None:
                self.set_speaker(h, choice, {})

        self.app.push_screen(SpeakerDialog(self.pack.entities, h.speaker), keep)

    def set_speaker(
        self, h: Highlight, choice: SpeakerChoice, retype: dict[str, object] | None
    ) -> None:
        """The quote's speaker (a new person first added to entities.toml); `retype` not
        None makes the highlight a quote, with these fields besides."""
        path = h.source.path
        entity_id = choice.entity_id
        if choice.new_name:
            taken = {e.id for e in self.pack.entities}
            entity_id = review.entity_id_for(choice.new_name, taken)
            entities = self.pack.root / "entities.toml"
            made = self.write(
                f"Added {choice.new_name} as {entity_id} to {self.where(entities)}",
                lambda: review.new_entity(entities, entity_id, choice.new_name),
            )
            if not made:
                return
        if retype:
            fields = {**retype, "speaker": entity_id}
            self.write(
                f"{h.id} is a quote by {entity_id} now, in {self.where(path)}",
                lambda: review.change_kind(path, h.id, "quote", fields),
            )
        else:
            self.write(
                f"{h.id}: speaker {entity_id}, in {self.where(path)}",
                lambda: review.update(path, h.id, {"speaker": entity_id}),
            )

    def action_change_kind(self) -> None:
        h = self.current()
        if h is None:
            return
        labels = {
            "quote": "quote: someone's words (asks who)",
            "position": "position: a side's stance (asks which side)",
            "event": "event: something that happened",
            "fact": "fact: not offered here",
        }
        choices = [
            Choice(kind, labels[kind], enabled=kind not in (h.kind, "fact"))
            for kind in HIGHLIGHT_KINDS
        ]
        article = "an" if h.kind[0] in "aeiou" else "a"
        note = f"It is {article} {h.kind} now. {FACT_CANNOT}"

        def keep(kind: str | None) -> None:
            if kind is not None:
                self.retype(h, kind)

        self.app.push_screen(ChoiceDialog("Make it a…", choices, note), keep)

    def retype(self, h: Highlight, kind: str) -> None:
        path = h.source.path
        if kind == "quote":
            article = self.pack.article(h.article)
            paragraphs = article.paragraphs if article else ()
            paragraph = paragraphs[h.location.paragraph] if paragraphs else ""
            direct = looks_direct(paragraph, h)

            def speaker(choice: SpeakerChoice | None) -> None:
                if choice is not None:
                    self.set_speaker(h, choice, {"direct": direct})

            self.app.push_screen(SpeakerDialog(self.pack.entities, title="Who says it?"), speaker)
        elif kind == "position":

            def side(chosen: str | None) -> None:
                if chosen is not None:
                    self.write(
                        f"{h.id} is a position of {chosen} now, in {self.where(path)}",
                        lambda: review.change_kind(path, h.id, "position", {"side": chosen}),
                    )

            self.app.push_screen(ChoiceDialog("Whose position?", self.side_choices()), side)
        elif kind == "event":
            self.write(
                f"{h.id} is an event now, in {self.where(path)}",
                lambda: review.change_kind(path, h.id, "event", {}),
            )

    def side_choices(self) -> list[Choice]:
        return [Choice(side.id, side.label) for side in self.pack.sides]

    def action_side(self) -> None:
        h = self.current()
        if h is None:
            return
        path = h.source.path
        if isinstance(h, Position):

            def one(chosen: str | None) -> None:
                if chosen is not None and chosen != h.side:
                    self.write(
                        f"{h.id}: side {chosen}, in {self.where(path)}",
                        lambda: review.update(path, h.id, {"side": chosen}),
                    )

            dialog = ChoiceDialog("Whose position?", self.side_choices(), current=h.side)
            self.app.push_screen(dialog, one)
            return

        def many(chosen: list[str] | None) -> None:
            if chosen is not None and tuple(chosen) != h.sides:
                said = ", ".join(chosen) or "none"
                self.write(
                    f"{h.id}: sides {said}, in {self.where(path)}",
                    lambda: review.update(path, h.id, {"sides": chosen or None}),
                )

        self.app.push_screen(ManyDialog("Which sides?", self.side_choices(), h.sides), many)

    def action_dimensions(self) -> None:
        h = self.current()
        if h is None:
            return
        path = h.source.path
        choices = [Choice(d.id, d.title) for d in self.pack.dimensions]

        def keep(chosen: list[str] | None) -> None:
            if chosen is not None and tuple(chosen) != h.dimensions:
                said = ", ".join(chosen) or "none"
                self.write(
                    f"{h.id}: dimensions {said}, in {self.where(path)}",
                    lambda: review.update(path, h.id, {"dimensions": chosen or None}),
                )

        self.app.push_screen(ManyDialog("Which dimensions?", choices, h.dimensions), keep)

    def action_cell(self) -> None:
        """Into the cell of each (dimension, side); a missing cell asks for its summary."""
        h = self.current()
        if h is None:
            return
        pairs = [(d, s) for d in h.dimensions for s in sides_of(h)]
        if not pairs:
            self.notify(
                "It has no dimension or no side yet: set them first (D, S).",
                title="Review",
                markup=False,
            )
            return
        comparison = self.pack.root / "comparison.toml"
        missing: list[tuple[str, str]] = []
        added: list[str] = []
        for dimension, side in pairs:
            try:
                if review.add_to_cell(comparison, dimension, side, h.id):
                    added.append(f"{dimension}/{side}")
                else:
                    missing.append((dimension, side))
            except (ReviewError, OSError, UnicodeError) as error:
                self.notify(
                    f"Not added to {dimension}/{side}: {error}",
                    title="Review",
                    severity="error",
                    markup=False,
                )
                missing = []
                break
        if added:
            self.write(
                f"Added {h.id} to {', '.join(added)} in {self.where(comparison)}", lambda: None
            )
        self.ask_summaries(h.id, comparison, missing)

    def ask_summaries(self, highlight_id: str, path: Path, missing: list[tuple[str, str]]) -> None:
        """A new cell for each missing (dimension, side), one after another, with the summary
        typed (the editors' words: never made up here)."""
        if not missing:
            return
        (dimension, side), rest = missing[0], missing[1:]
        titles = {d.id: d.title for d in self.pack.dimensions}
        sides = {s.id: s.label for s in self.pack.sides}
        where = f"{titles.get(dimension, dimension)} · {sides.get(side, side)}"

        def keep(summary: str | None) -> None:
            if summary:
                self.write(
                    f"New cell {dimension}/{side} with {highlight_id} in {self.where(path)}",
                    lambda: review.new_cell(path, dimension, side, summary, highlight_id),
                )
            else:
                self.notify(f"No cell made for {where}.", title="Review", markup=False)
            self.ask_summaries(highlight_id, path, rest)

        note = f"Compare has no cell for {where} yet: what is this side's stance on it?"
        dialog = TextDialog(f"New cell: {where}", note=note, placeholder="The cell's summary")
        self.app.push_screen(dialog, keep)
