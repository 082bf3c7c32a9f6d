"""Review's words box: a suggestion's words made wider or narrower by a word at either end, or
typed anew, checked against its paragraph at each key (they must stay verbatim in it); enter
keeps them only when they are there. The paragraph is shown with the words marked.

The paragraph is pack text made a rich Text after `clean`, never markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from aiplan_tui.authoring.spans import (
    Anchored,
    Span,
    anchor,
    end_earlier,
    end_later,
    start_earlier,
    start_later,
)
from aiplan_tui.core.safe_text import clean
from aiplan_tui.ui.review_view import MARKED
from aiplan_tui.ui.screens.review_dialogs import CANCEL, MAX_TEXT, dialog_css
from aiplan_tui.ui.screens.shown import ShownModal
from aiplan_tui.ui.wide_text import WideStatic

MOVES: dict[str, Callable[[Span], Span]] = {
    "start-earlier": start_earlier,
    "start-later": start_later,
    "end-earlier": end_earlier,
    "end-later": end_later,
}
HINT = "shift+←/→ moves the start by a word · ctrl+←/→ the end · or type the words"


class WordsDialog(ShownModal[Anchored | None]):
    """The words of one suggestion in its paragraph, to widen, narrow or retype."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+left", "move('start-earlier')", "Start earlier", priority=True,
                id="review-words-start-earlier",
                tooltip="In the words box: one more word at the start."),
        Binding("shift+right", "move('start-later')", "Start later", priority=True,
                id="review-words-start-later",
                tooltip="In the words box: one word fewer at the start."),
        Binding("ctrl+left", "move('end-earlier')", "End earlier", priority=True,
                id="review-words-end-earlier",
                tooltip="In the words box: one word fewer at the end."),
        Binding("ctrl+right", "move('end-later')", "End later", priority=True,
                id="review-words-end-later",
                tooltip="In the words box: one more word at the end."),
        CANCEL,
    ]  # fmt: skip
    DEFAULT_CSS = (
        dialog_css("WordsDialog")
        + """
    WordsDialog #words-paragraph-pane { height: auto; max-height: 12; }
    WordsDialog #words-verdict { height: auto; }
    WordsDialog #words-verdict.-wrong { color: $error; text-style: bold; }
    """
    )

    def __init__(self, paragraphs: Sequence[str], number: int, start: int, end: int) -> None:
        super().__init__()
        self.paragraphs = tuple(paragraphs)
        self.number = number
        self.span = Span(self.paragraphs[number], start, end)
        """The words as last found in the paragraph (what the moves start from)."""
        self.found: Anchored | str = anchor(self.paragraphs, number, self.span.words, start)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "The words"
            box.border_subtitle = "enter keeps · escape cancels"
            with VerticalScroll(id="words-paragraph-pane"):
                yield WideStatic(id="words-paragraph")
            yield Input(self.span.words, max_length=MAX_TEXT, id="words-text")
            yield Static(id="words-verdict")
            yield Static(Text(HINT), classes="dialog-note")

    def on_mount(self) -> None:
        self.show()
        self.query_one(Input).focus()

    def show(self) -> None:
        paragraph, span = self.span.paragraph, self.span
        marked = Text(clean(paragraph[: span.start]))
        marked.append(clean(span.words), style=MARKED)
        marked.append(clean(paragraph[span.end :]))
        self.query_one("#words-paragraph", Static).update(marked)
        verdict = self.query_one("#words-verdict", Static)
        wrong = isinstance(self.found, str)
        verdict.set_class(wrong, "-wrong")
        said = self.found if isinstance(self.found, str) else "✓ word for word in its paragraph"
        verdict.update(Text(said))

    @on(Input.Changed, "#words-text")
    def _typed(self, event: Input.Changed) -> None:
        self.found = anchor(self.paragraphs, self.number, event.value, self.span.start)
        if isinstance(self.found, Anchored):
            start = self.found.start
            self.span = Span(self.span.paragraph, start, start + len(self.found.exact))
        self.show()

    @on(Input.Submitted, "#words-text")
    def _keep(self) -> None:
        if isinstance(self.found, Anchored):
            self.dismiss(self.found)
        else:
            self.app.bell()

    def action_move(self, move: str) -> None:
        self.span = MOVES[move](self.span)  # (found again here as the box changes)
        self.query_one(Input).value = self.span.words

    def action_cancel(self) -> None:
        self.dismiss(None)
