"""The reader: navigator, article with highlights in place, and the highlights pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Static, Tree

from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.navigation import Cursor, Navigation, Walk
from aiplan_tui.ui.highlight_styles import Marks
from aiplan_tui.ui.screens.panes import PanedScreen
from aiplan_tui.ui.screens.reader_head import HeadReading
from aiplan_tui.ui.screens.reader_keys import READER_BINDINGS
from aiplan_tui.ui.screens.reader_listing import Listings
from aiplan_tui.ui.screens.reader_marking import Marking
from aiplan_tui.ui.screens.reader_pack_change import PackChange, count_highlights
from aiplan_tui.ui.screens.reader_search import SearchMatches
from aiplan_tui.ui.screens.reader_walk import Walking
from aiplan_tui.ui.widgets.article_view import ArticleView
from aiplan_tui.ui.widgets.footer import KeysFooter
from aiplan_tui.ui.widgets.highlight_cards import HighlightCards
from aiplan_tui.ui.widgets.listing import Listing, Section
from aiplan_tui.ui.widgets.navigator import Navigator, Target
from aiplan_tui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:  # the search engine is imported when first used, not at start-up
    from aiplan_tui.compiled.head import PackHead
    from aiplan_tui.ui.reload_service import Reloader


PANE_TITLES = {"navigator": " Contents ", "center": " Article ", "cards": " Highlights "}
CENTER_TITLES = {"article": " Article ", "listing": " Listing "}
"""Each pane's title, on the rule along its top (reversed while the pane has the focus)."""


class ReaderScreen(PanedScreen):
    """Read an article with every highlight marked; the side pane explains what is at the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    def __init__(
        self,
        pack: Pack,
        marks: Callable[[], Marks],
        reloader: Reloader | None = None,
        head: PackHead | None = None,
        navigation: Navigation | None = None,
    ) -> None:
        """On `pack`, or on a large pack's `head` (then `pack` is the head's, and
        `take_whole` gives the whole pack once it is read)."""
        super().__init__()
        self.pack = pack
        self.reloader = reloader
        """Loads the pack again after `m` wrote to it (the app; None: not reloaded)."""
        self.on_head = HeadReading(self, head)
        """On a large pack's head: articles read as opened, the rest waits for the whole."""
        self.marking = Marking(self, self.on_head.when_whole)
        self.matches = SearchMatches(self)
        """The last search's matches, for n and N."""
        self.walking = Walking(self, self.on_head, lambda: self.has_class("-narrow"))
        """The walking keys, ] [ } {."""
        self.listings = Listings(self, self.on_head.when_whole, self._show_listing)
        """A person's or dimension's listing in the centre pane."""
        self.pack_change = PackChange(self)
        """The pack read again, shown in place."""
        self.marks = marks
        """How the current theme draws highlights (the app's, made once per theme)."""
        self.navigation = navigation or Navigation(pack, whole=head is None)
        """Where the walking keys lead, and the last search's matches."""
        self.highlight_counts = count_highlights(pack) if head is None else head.per_article
        self.current: Highlight | None = None
        """The highlight the cursor is on, if any."""
        self._available: tuple[bool, ...] = ()
        """Which keys could act at the last footer redraw (see refresh_bindings_if_changed)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="panes"):
            sizes = None if self.head is None else self.head.per_kind
            yield Navigator(self.pack, self.highlight_counts, sizes, id="navigator")
            with ContentSwitcher(initial="article", id="center"):
                yield ArticleView(id="article")
                yield Listing(id="listing")
            yield HighlightCards(id="cards")
        yield Static(id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        for pane, title in PANE_TITLES.items():
            self.query_one(f"#{pane}").border_title = title
        if self.pack.articles:
            first = self.pack.articles[0].id
            self.open_article(first)
            self.navigator.go_to(Target("article", first))
        else:
            where = self.pack.root / "articles"
            self.article_view.show_nothing(
                f"This pack has no articles. Add Markdown files to {where}."
            )
        self.query_one(Navigator).focus()

    def show_center(self, which: str) -> None:
        """The article or a listing in the centre pane, titled to say which."""
        switcher = self.query_one(ContentSwitcher)
        switcher.current = which
        switcher.border_title = CENTER_TITLES[which]

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def navigator(self) -> Navigator:
        return self.query_one(Navigator)

    def use_pack(self, pack: Pack) -> None:
        """The pack read again: shown in place (reader_pack_change.py)."""
        self.pack_change.use(pack)

    def use_head(self, head: PackHead) -> None:
        """The head of the compiled pack brought up to date: taken as it is if nothing shown
        changed, else shown in place, as the pack read again is."""
        if not self.on_head.take_head(head):
            self.pack_change.use(head.pack, head)

    def restyle(self) -> None:
        """Redraw what carries theme colours, after a theme change."""
        view = self.article_view
        if view.article is not None:
            view.restyle(self.marks())
            self.fill_cards()

    # Opening things -------------------------------------------------------------------------

    def open_article(self, article_id: str, highlight: Highlight | None = None) -> None:
        """Show an article (if not already shown), then put the cursor on `highlight`."""
        self.on_head.read_article(article_id)
        article = self.pack.article(article_id)
        if article is None:
            return
        view = self.article_view
        self.show_center("article")
        if view.article is None or view.article.id != article_id:
            view.show(article, self.pack.highlights_in(article_id), self.marks())
        self.current = highlight
        view.set_current(highlight, flash=highlight is not None)
        self.update_status()

    def open_highlight(self, highlight_id: str) -> None:
        """Open the highlight's article scrolled to it, flashed so the eye finds it."""
        highlight = self.pack.highlight(highlight_id)
        if highlight is not None:
            self.open_article(highlight.article, highlight)
            self.call_after_refresh(self.center_cursor)

    def center_cursor(self) -> None:
        view = self.article_view
        view.center_on(view.paragraph)

    def open_paragraph(self, article_id: str, paragraph: int, flash: bool = True) -> None:
        """Open an article at a paragraph, centred (and flashed, so the eye finds it)."""
        self.open_article(article_id)
        view = self.article_view
        article = view.article
        if article is None or article.id != article_id:
            return
        view.paragraph = min(paragraph, max(0, len(article.paragraphs) - 1))
        if flash:
            view.flash(view.paragraph)
        self.call_after_refresh(self.center_cursor)

    def saved_place(self) -> tuple[str | None, int]:
        """The article and paragraph to reopen next time (nothing before the reader is built)."""
        views = self.query(ArticleView)
        if not views:
            return None, 0
        view = views.first()
        return (view.article.id if view.article else None), view.paragraph

    def selected_highlight(self) -> str | None:
        return self.current.id if self.current else None

    def open_target(self, target: Target) -> None:
        if target.kind == "article":
            self.open_article(target.id)
        elif target.kind == "highlight":
            self.open_highlight(target.id)
        elif target.kind == "entity":
            self.show_entity(target.id)
        else:
            self.listings.dimension(target.id)

    def show_entity(self, entity_id: str) -> None:
        self.listings.entity(entity_id)

    def _show_listing(self, title: Text, sections: list[Section]) -> None:
        listing = self.query_one(Listing)
        listing.show(title, sections)
        self.show_center("listing")
        self.focus_pane("center")

    # Moving ---------------------------------------------------------------------------------

    def cursor(self) -> Cursor:
        """Where the cursor is: article, paragraph and the highlight it is on."""
        view = self.article_view
        article = view.article.id if view.article else None
        return Cursor(article, view.paragraph, self.current)

    def can_walk(self, what: Walk, step: int) -> bool:
        return self.walking.can(what, step)

    def walk(self, what: Walk, step: int) -> None:
        self.walking.walk(what, step)

    def update_status(self) -> None:
        """The status line; the footer too, when a key's availability changed."""
        article = self.article_view.article
        paragraphs = len(article.paragraphs) if article else None
        cursor = self.cursor()
        page = article.page_of(cursor.paragraph) if article else None
        status = self.navigation.status(cursor, paragraphs, page)
        self.query_one("#status", Static).update(Text(status))
        available = self.navigation.available(self.cursor())
        if available != self._available:  # each footer redraw costs bytes
            self._available = available
            self.refresh_bindings()

    # Events ---------------------------------------------------------------------------------

    @on(Tree.NodeSelected, "#navigator")
    def _navigator_selected(self, event: Tree.NodeSelected[Target]) -> None:
        if event.node.data is not None:
            self.open_target(event.node.data)
            if self.has_class("-narrow"):
                self.focus_pane("center")

    @on(Navigator.WholeWanted)
    def _whole_wanted(self) -> None:
        """A highlight section opened on a head: the whole pack is read (the navigator
        fills the section once it is)."""
        self.on_head.when_whole("navigator", lambda: None, "its entries come")

    @on(Listing.Open)
    def _listing_open(self, event: Listing.Open) -> None:
        entry = event.entry
        highlight = self.pack.highlight(entry.highlight) if entry.highlight else None
        if highlight is not None:
            self.open_highlight(highlight.id)
        else:
            self.open_paragraph(entry.article, entry.paragraph)
        self.focus_pane("center")

    @on(ArticleView.Moved)
    def _article_moved(self, event: ArticleView.Moved) -> None:
        if event.paragraph != self.article_view.paragraph:
            return  # a later move is on its way
        if self.current is not None and (
            self.current.article != event.article.id
            or self.current.location.paragraph != event.paragraph
        ):
            self.current = None
            self.article_view.set_current(None)
        self.fill_cards()
        self.update_status()

    def fill_cards(self) -> None:
        """The highlights pane for the paragraph under the cursor."""
        view = self.article_view
        here = [h for h in view.highlights if h.location.paragraph == view.paragraph]
        current = self.current.id if self.current else None
        self.query_one(HighlightCards).show(here, self.pack, self.marks(), current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        answer = super().check_action(action, parameters)
        if answer is not True or action == "toggle_cards":
            return answer
        if action == "match":
            return True if self.navigation.matches else None
        if action == "mark":  # an article's paragraph shown, not a listing
            switcher = self.query(ContentSwitcher)
            shown = bool(switcher) and switcher.first().current == "article"
            article = self.article_view.article if shown else None
            return True if article is not None and article.paragraphs else None
        if action == "back_to_article":  # asked by the footer even before compose
            switcher = self.query(ContentSwitcher)
            return bool(switcher) and switcher.first().current == "listing"
        return True

    # The parts' keys and what the app asks of them ---------------------------------------------

    @property
    def head(self) -> PackHead | None:
        """The pack's head, until the whole pack is read (None: it is, or was from the start)."""
        return self.on_head.head

    def action_match(self, step: int) -> None:
        self.matches.step(step)

    def action_mark(self) -> None:
        self.marking.mark()

    def action_back_to_article(self) -> None:
        self.show_center("article")
        self.focus_pane("center")
