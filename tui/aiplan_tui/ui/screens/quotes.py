"""Quotes: every quotation grouped by speaker, a filter, and a preview of it in its paragraph."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from aiplan_tui.core.formatting import quote_kind, quoted, speaker_line
from aiplan_tui.core.markdown import quotes_markdown
from aiplan_tui.core.model import Pack, Quote
from aiplan_tui.core.problems import plural
from aiplan_tui.core.reading import ReadingOrder
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.bindings import list_keys
from aiplan_tui.ui.highlight_styles import Marks, marked_paragraph
from aiplan_tui.ui.screens.shown import ShownScreen
from aiplan_tui.ui.wide_text import WideStatic
from aiplan_tui.ui.widgets.fitted_tree import FittedTree
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.query_input import QueryInput
from aiplan_tui.ui.widgets.title_bar import TitleBar


def quote_matches(quote: Quote, speaker: str, words: str) -> bool:
    """Case-insensitive: every word of the filter is in the speaker's name or the quote."""
    haystack = f"{speaker} {quote.exact}".lower()
    return all(word in haystack for word in words.lower().split())


class QuoteList(FittedTree[str]):
    """Quotes under their speakers; a tree repaints only the lines a cursor move touches."""

    BINDINGS: ClassVar[list[BindingType]] = list_keys(
        "quotes", "the quote list", "scroll_home", "scroll_end"
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Quotes"), id=id)
        self.show_root = False
        self.guide_depth = 2


class QuotesScreen(ShownScreen[None]):
    """Browse and filter quotes; `enter` opens one in the reader."""

    AUTO_FOCUS = "#quote-list"
    """The list has the focus from the first frame: `f` typed while the screen was still
    being built reached the filter box (which Textual focuses by default) as text."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", "Back", id="quotes-back", priority=True, tooltip="Back to the reader."
        ),
        Binding(
            "f",
            "filter",
            "Filter",
            id="quotes-filter",
            priority=True,
            tooltip="Type to narrow the quotes.",
        ),
        Binding(
            "d",
            "direct_only",
            "Direct only",
            id="quotes-direct",
            tooltip="Only direct quotations (the speaker's own words), or every quote again.",
        ),
        Binding(
            "Y",
            "copy_shown",
            "Copy list",
            id="quotes-copy-list",
            tooltip="Copy the quotes shown (filtered, direct only after d) as Markdown, "
            "each with its citation.",
        ),
    ]

    def __init__(
        self, pack: Pack, open_quote: Callable[[str], None], marks: Callable[[], Marks]
    ) -> None:
        super().__init__()
        self.pack = pack
        self.open_quote = open_quote
        self.marks = marks
        """How the current theme draws highlights (the app's, made once per theme)."""
        self.quotes = ReadingOrder(pack, {"quote"}).items
        self.direct_only = False
        """Whether paraphrases are left out (`d`)."""
        self.shown: list[Quote] = []
        """The quotes in the list now, in its order (what `Y` copies)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="quotes-panes"):
            with Vertical(id="quotes-left"):
                yield QueryInput(placeholder="Filter by speaker or words", id="quote-filter")
                yield QuoteList(id="quote-list")
                yield Static(id="quote-count")
            with VerticalScroll(id="quote-preview-pane"):
                yield WideStatic(id="quote-preview")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.fill("")

    def use_pack(self, pack: Pack) -> None:
        """The pack read again: its quotes listed under the same filter."""
        self.pack = pack
        self.quotes = ReadingOrder(pack, {"quote"}).items
        if self.is_mounted:
            self.fill(self.query_one("#quote-filter", QueryInput).value)

    def speaker_name(self, quote: Quote) -> str:
        entity = self.pack.entity(quote.speaker)
        return entity.name if entity else quote.speaker

    def fill(self, words: str) -> None:
        """Group the quotes that match by speaker, speakers by how often they are quoted."""
        groups: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            if not isinstance(quote, Quote) or (self.direct_only and not quote.direct):
                continue
            if quote_matches(quote, self.speaker_name(quote), words):
                groups.setdefault(quote.speaker, []).append(quote)
        ordered = sorted(
            groups.items(), key=lambda item: (-len(item[1]), self.speaker_name(item[1][0]))
        )
        tree = self.query_one(QuoteList)
        tree.clear()
        first: TreeNode[str] | None = None
        for _, quotes in ordered:
            heading = Text()
            heading.append(clean_line(self.speaker_name(quotes[0])), style="bold")
            heading.append(f" ({len(quotes)})", style="dim")
            speaker = tree.root.add(heading, expand=True)
            for quote in quotes:
                said = clean_line(quote.exact)
                label = quoted(said) if quote.direct else f"~ {said}"
                leaf = speaker.add_leaf(Text(label), quote.id)
                first = first or leaf
        self.shown = [quote for _, quotes in ordered for quote in quotes]
        count = len(self.shown)
        total = len(self.quotes)
        narrowed = words.strip() or self.direct_only
        summary = f"{count} of {total} quotes" if narrowed else f"{total} quotes"
        if self.direct_only:
            summary += " · direct only (d: all)"
        status = summary if count else "No quote matches the filter."
        self.query_one("#quote-count", Static).update(status)
        tree.call_after_refresh(tree.move_cursor, first)
        self.preview(first.data if first else None)

    def preview(self, quote_id: str | None) -> None:
        """The quote's paragraph with the quote marked, and who said it."""
        target = self.query_one("#quote-preview", Static)
        quote = self.pack.highlight(quote_id) if quote_id else None
        article = self.pack.article(quote.article) if quote else None
        if not isinstance(quote, Quote) or article is None:
            target.update("")
            return
        text = Text()
        text.append(clean_line(article.title), style="bold")
        text.append(
            f"\nparagraph {quote.location.paragraph + 1} · {quote_kind(quote)}\n\n", style="dim"
        )
        paragraph = article.paragraphs[quote.location.paragraph]
        text.append_text(marked_paragraph(paragraph, [quote], self.marks(), current=quote.id))
        speaker = speaker_line(self.pack.entity(quote.speaker), quote.speaker)
        text.append(f"\n\n— {clean_line(speaker)}", style="italic")
        target.update(text)

    @on(QueryInput.Settled, "#quote-filter")
    def _filter_changed(self, event: QueryInput.Settled) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#quote-filter")
    def _filter_done(self) -> None:
        self.query_one(QuoteList).focus()

    @on(Tree.NodeHighlighted, "#quote-list")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data:
            self.preview(event.node.data)

    @on(Tree.NodeSelected, "#quote-list")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data:
            self.open_quote(event.node.data)

    def selected_quote(self) -> str | None:
        """The quote under the cursor; none before the list is mounted or after it has gone
        (the footer asks while the screen is being built)."""
        lists = self.query(QuoteList)
        node = lists.first().cursor_node if lists else None
        return node.data if node is not None else None

    def selected_highlight(self) -> str | None:
        """What `y` copies here: the quote under the cursor."""
        return self.selected_quote()

    def restyle(self) -> None:
        """The preview carries the theme's side colours."""
        self.preview(self.selected_quote())

    def action_back(self) -> None:
        if self.focused is self.query_one("#quote-filter"):
            self.query_one(QuoteList).focus()
        else:
            self.app.switch_screen("reader")

    def action_direct_only(self) -> None:
        self.direct_only = not self.direct_only
        self.fill(self.query_one("#quote-filter", Input).value)

    def action_copy_shown(self) -> None:
        """The list as it stands, as Markdown to paste into a brief (`y` copies one quote)."""
        if not self.shown:
            self.notify("Nothing to copy: no quote matches the filter.")
            return
        self.app.copy_to_clipboard(quotes_markdown(self.shown, self.pack))
        self.notify(f"Copied {plural(len(self.shown), 'quote')} as Markdown")

    def action_filter(self) -> None:
        """Into the filter box at once: `focus()` waits a turn, and the keys typed right
        after `f` went to the list meanwhile and were lost."""
        self.set_focus(self.query_one("#quote-filter", Input))
