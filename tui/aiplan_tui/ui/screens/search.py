"""Search: one box, results as you type (computed off the UI thread), `enter` opens one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from aiplan_tui.compiled.stale import Stale
from aiplan_tui.core.links import web_url
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.search.hits import Hit, field_label, marked, no_results, partial_note, shown
from aiplan_tui.ui.screens.shown import ShownScreen
from aiplan_tui.ui.search_session import IndexAgain, SearchSession
from aiplan_tui.ui.wide_text import WideText
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.query_input import QueryInput

BADGES = {
    "quote": "❝ quote", "fact": "# fact", "position": "◆ position", "event": "◷ event",
    "paragraph": "¶ text", "entity": "@ entity", "compare": "⇄ compare", "article": "▤ article",
}  # fmt: skip
RESULT_LIMIT = 200


@dataclass(frozen=True)
class SearchChoice:
    """The result chosen (None: the search was left without opening one), and all the
    results, for stepping through matches afterwards."""

    hit: Hit | None
    hits: list[Hit]


def result_prompt(hit: Hit, side_colours: dict[str, str]) -> Text:
    """Kind badge in its side's colour, where it is, the field the match is in when it is not
    the result's own words, and whose words; then the own words (a fact's figure first) and,
    when the match is in another field, that field: matched words highlighted throughout."""
    sides = sorted(hit.doc.sides)
    colour = side_colours.get(sides[0], "") if len(sides) == 1 else ""
    seen = shown(hit)
    prompt = Text()
    prompt.append(BADGES.get(hit.kind, hit.kind), style=f"bold {colour}".strip())
    where = hit.doc.article or hit.id
    if hit.location is not None:
        on_page = f" p. {hit.doc.page}," if hit.doc.page else ""
        where += f"{on_page} ¶{hit.location.paragraph + 1}"
    prompt.append(f"  {clean_line(where)}", style="dim")
    if hit.doc.status:
        prompt.append(f" · {hit.doc.status}", style="italic")  # opens in Review, not the reader
    if seen.field is not None:
        prompt.append(f" · matched in {field_label(seen.field)}", style="dim")
    if seen.who.text:
        prompt.append(" · ", style="dim")
        prompt.append_text(marked(seen.who, style="dim"))
    prompt.append("\n")
    prompt.append_text(marked(seen.own, width=160))
    if seen.matched is not None:
        prompt.append(f"\n{field_label(seen.matched.label)}: ", style="dim")
        start = len(prompt)
        prompt.append_text(marked(seen.matched, width=160))
        url = web_url(seen.matched.text) if seen.matched.label == "url" else None
        if url is not None:  # an article's address, as the reader's header links it
            prompt.stylize(Style(link=url), start, len(prompt))
    return prompt


INDEX_RETRY_SECONDS = 0.25
"""How soon a query typed while the index is still being built is run again."""


class SearchScreen(ShownScreen[SearchChoice | None]):
    """Type to search; `down` or `tab` to the results, `enter` opens, `escape` goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="search-back", priority=True,
                tooltip="Close search."),
        Binding("ctrl+r", "history", "History", id="search-history",
                tooltip="Recall earlier queries, newest first."),
    ]  # fmt: skip

    def __init__(self, session: SearchSession, side_colours: dict[str, str]) -> None:
        super().__init__()
        self.session = session
        """The index (None while it is being built) and the query history, owned by the app."""
        self.side_colours = side_colours
        self.hits: list[Hit] = []
        self.shown_query: str | None = None
        """The query whose results are listed (None before the first)."""
        self._recall = 0

    def compose(self) -> ComposeResult:
        hint = 'Search: words, "a phrase", ^prefix, !not, a | b, kind:quote …'
        yield QueryInput(placeholder=hint, id="search-input")
        yield Static("Type to search.", id="search-count")
        yield OptionList(id="search-results")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(QueryInput.Settled, "#search-input")
    def _changed(self, event: QueryInput.Settled) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str) -> None:
        """Off the UI thread; a newer query cancels this one and stale results are dropped."""
        index = self.session.index
        offers: list[tuple[str, str]] = []
        try:
            hits = [] if index is None or not query.strip() else index.search(query, RESULT_LIMIT)
            if index is not None and query.strip() and not hits:  # only then: it costs a pass
                offers = index.suggest(query)
        except Stale:  # its compiled pack was damaged meanwhile: the app indexes again
            self.app.call_from_thread(self.index_again)
            hits, index = [], None
        self.app.call_from_thread(self.show_results, query, hits, index is None, offers)

    def index_again(self) -> None:
        self.session.index = None
        self.post_message(IndexAgain())

    def show_results(
        self, query: str, hits: list[Hit], indexing: bool, offers: Sequence[tuple[str, str]] = ()
    ) -> None:
        """List the hits; with none, say so, offering the pack's closest words (`offers`)."""
        boxes = self.query(Input)
        if not boxes or not self.query(OptionList):
            return  # closed while the search ran (escape as the worker finished)
        if query != boxes.first().value:
            return  # typed on since: a newer search is on its way
        self.hits = hits
        self.shown_query = None if indexing else query
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(
            Option(WideText.of(result_prompt(hit, self.side_colours)), id=str(number))
            for number, hit in enumerate(hits)
        )
        if hits:
            results.highlighted = 0
        count = self.query_one("#search-count", Static)
        if indexing:
            count.update("Indexing the pack…")
            if query.strip():  # search again once the index is ready, as the user waits
                self.set_timer(
                    INDEX_RETRY_SECONDS, lambda: self.search(self.query_one(Input).value)
                )
        elif not query.strip():
            count.update("Type to search.")
        elif not hits:
            said = no_results(query, offers)
            count.update(Text(said[:1].upper() + said[1:]))  # what was typed is not markup
        else:
            more = "+" if len(hits) == RESULT_LIMIT else ""
            found = f"{len(hits)}{more} result{'s' if len(hits) != 1 else ''}"
            note = partial_note(hits)
            count.update(Text(f"{found} · {note}" if note else found))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is not None and self.hits:
            self.open(results.highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.open(event.option_index)

    def open(self, number: int) -> None:
        self.session.remember(self.query_one(Input).value)
        self.dismiss(SearchChoice(self.hits[number], self.hits))

    def on_key(self, event: events.Key) -> None:
        key = event.key
        box = self.query_one(Input)
        if self.focused is not box:
            return
        if key == "up" and not box.value:
            self.action_history()
        else:
            return
        event.stop()
        event.prevent_default()

    def action_history(self) -> None:
        """Each press goes one query further back; wraps round."""
        history = self.session.history
        if not history:
            self.notify("No earlier searches yet.", timeout=2)
            return
        self._recall = self._recall % len(history) + 1
        box = self.query_one(Input)
        box.value = history[-self._recall]
        box.cursor_position = len(box.value)
        box.focus()

    def action_cancel(self) -> None:
        """Back; a search made here is still the last search, whose matches `n` steps through
        (so the reader's count of an earlier one does not stand)."""
        query = self.shown_query
        self.dismiss(SearchChoice(None, self.hits) if query and query.strip() else None)
