"""One article: a header, then paragraphs with highlights marked, and a paragraph cursor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static

from aiplan_tui.core.formatting import provenance
from aiplan_tui.core.links import web_url
from aiplan_tui.core.model import Article, Highlight
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.highlight_styles import Marks, marked_paragraph
from aiplan_tui.ui.wide_text import WideStatic

MAX_PARAGRAPHS = 1_000
"""Paragraphs shown per article; beyond, a marker says how many more there are."""
LAYOUT_TRIES = 5
"""Refreshes to wait for a just-mounted article's layout before centring gives up."""
MAX_PARAGRAPH_CHARS = 10_000
"""Characters shown per paragraph; beyond, a marker says how many more there are."""
FIRST_PARAGRAPHS = 16
"""Paragraphs made before the article is first drawn (more than a tall screen holds); the
rest are made just after, so a long article costs its first screenful, not its length."""


def shown_paragraphs(article: Article) -> int:
    return min(len(article.paragraphs), MAX_PARAGRAPHS)


def truncated_note(hidden: int, unit: str) -> str:
    """The visible marker where a cap cuts text: how much more, and where to read it all."""
    count = f"{hidden:,} {unit}" + ("" if hidden == 1 else "s")
    return f"[truncated: {count} more, too long to show here; `aiplan-tui export` has it all]"


def article_meta(article: Article) -> str:
    """Where the article comes from: outlet, author, date and address, each "not given" when
    the article does not say (never guessed), then the dateline."""
    return article_meta_text(article).plain


def article_meta_text(article: Article) -> Text:
    """`article_meta`, its address a link (OSC 8) when it is a safe http(s) one, so a terminal
    that supports links opens it on a click."""
    parts = [(name, value) for name, value in provenance(article)]
    if article.dateline:
        parts.append(("dateline", article.dateline))
    text = Text()
    for number, (name, value) in enumerate(parts):
        text.append(" · " if number else "")
        text.append(clean_line(f"{name}: "))
        url = web_url(value) if name == "url" else None
        text.append(clean_line(value), style=Style(link=url) if url else "")
    if article.title_source == "editors":
        text.append(" · title by the pack's editors")
    return text


class ParagraphView(WideStatic):
    """One paragraph; re-rendered alone when its marks change, so a move repaints little."""

    @dataclass
    class Clicked(Message):
        """A click puts the paragraph cursor here."""

        view: ParagraphView

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))

    DEFAULT_CSS = """
    ParagraphView { margin-bottom: 1; padding-left: 1; border-left: blank; }
    ParagraphView.-current { border-left: outer $accent; }
    ParagraphView.-flash { background: $accent 30%; }
    """


class ArticleView(VerticalScroll):
    """Scrollable article; `j`/`k` move the paragraph cursor, which the highlights pane follows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "paragraph(1)", "Next paragraph", show=False, id="paragraph-next"),
        Binding("k,up", "paragraph(-1)", "Previous paragraph", show=False, id="paragraph-previous"),
        Binding("g,home", "paragraph_edge(0)", "First paragraph", show=False, id="article-top"),
        Binding("G,end", "paragraph_edge(-1)", "Last paragraph", show=False, id="article-bottom"),
        Binding("ctrl+e", "scroll_lines(1)", "Scroll down one line", show=False, id="line-down"),
        Binding("ctrl+y", "scroll_lines(-1)", "Scroll up one line", show=False, id="line-up"),
    ]

    @dataclass
    class Moved(Message):
        """The paragraph cursor moved: the highlights pane shows that paragraph's cards."""

        article: Article
        paragraph: int

    flash_seconds: float = 0.6
    """How long a jump's landing paragraph stays tinted."""

    paragraph: var[int] = var(0)
    """Index of the paragraph under the cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.article: Article | None = None
        self.highlights: tuple[Highlight, ...] = ()
        self.current: str | None = None
        self.marks = Marks()
        self._paragraph_views: list[ParagraphView] = []
        self._truncated: Static | None = None

    def validate_paragraph(self, value: int) -> int:
        last = shown_paragraphs(self.article) - 1 if self.article else 0
        return max(0, min(value, max(last, 0)))

    def show_nothing(self, reason: str) -> None:
        """Say why there is no article to show, instead of an empty pane."""
        self.article = None
        self._paragraph_views, self._truncated = [], None
        self.remove_children()
        self.mount(Static(Text(reason), classes="article-title"))

    def show(
        self,
        article: Article,
        highlights: tuple[Highlight, ...],
        marks: Marks,
    ) -> None:
        """Replace what is shown with this article, cursor on its first paragraph."""
        self.article, self.highlights, self.marks = article, highlights, marks
        self.current = None
        self.set_reactive(ArticleView.paragraph, 0)
        with self.app.batch_update():
            self.remove_children()
            self.mount(WideStatic(Text(clean_line(article.title)), classes="article-title"))
            self.mount(WideStatic(article_meta_text(article), classes="article-meta"))
            self._paragraph_views, self._truncated = [], None
            self._make_through(FIRST_PARAGRAPHS - 1)
            hidden = len(article.paragraphs) - shown_paragraphs(article)
            if hidden > 0:
                note = Text(truncated_note(hidden, "paragraph"))
                self._truncated = Static(note, classes="truncated")
                self.mount(self._truncated)
        if len(self._paragraph_views) < shown_paragraphs(article):
            self.call_after_refresh(self._make_rest, article)
        self.scroll_home(animate=False, immediate=True)  # not after a later centring
        self.post_message(self.Moved(article, 0))

    def restyle(self, marks: Marks) -> None:
        """Redraw every paragraph with new marks (a theme change), keeping cursor and scroll."""
        self.marks = marks
        for number, view in enumerate(self._paragraph_views):
            view.update(self._render_paragraph(number))

    def _render_paragraph(self, number: int) -> Text:
        assert self.article is not None
        here = [h for h in self.highlights if h.location.paragraph == number]
        paragraph = self.article.paragraphs[number]
        text = marked_paragraph(paragraph[:MAX_PARAGRAPH_CHARS], here, self.marks, self.current)
        hidden = len(paragraph) - MAX_PARAGRAPH_CHARS
        if hidden > 0:
            text.append(f" {truncated_note(hidden, 'character')}", style="reverse")
        return text

    def _make_through(self, number: int) -> None:
        """Make and mount the paragraphs up to `number` that are not made yet (the cursor is
        on the first, from the first frame)."""
        assert self.article is not None
        made = len(self._paragraph_views)
        last = min(number, shown_paragraphs(self.article) - 1)
        if last < made:
            return
        views = [
            ParagraphView(self._render_paragraph(n), classes="-current" * (n == self.paragraph))
            for n in range(made, last + 1)
        ]
        self._paragraph_views.extend(views)
        self.mount_all(views, before=self._truncated)

    def _make_rest(self, article: Article) -> None:
        """After the article's first frame, the paragraphs past its first screenful."""
        if self.article is article:
            self._make_through(shown_paragraphs(article) - 1)

    def paragraph_view(self, number: int) -> ParagraphView | None:
        """The view of paragraph `number`, made now if it was not yet."""
        if self.article is not None and len(self._paragraph_views) <= number:
            self._make_through(number)
        views = self._paragraph_views
        return views[number] if 0 <= number < len(views) else None

    def center_on(self, number: int, tries: int = 0) -> None:
        """Scroll paragraph `number` to the middle of the view (its top, if it is taller).

        Worked out here from the paragraph's place in the article and the view's height, and
        done at once: Textual's own centring, deferred, could measure a pane just shown by
        its region from before and land elsewhere (a narrow reader put a quote off screen)."""
        view = self.paragraph_view(number)
        height = self.size.height
        if view is None or height <= 0:
            return
        if not view.virtual_region.height:  # just mounted, not laid out yet: after layout
            if tries < LAYOUT_TRIES:
                self.call_after_refresh(self.center_on, number, tries + 1)
            return
        region = view.virtual_region_with_margin
        top = region.y if region.height >= height else region.y - (height - region.height) // 2
        self.scroll_to(y=max(0, top), animate=False, immediate=True)

    def on_resize(self, event: Resize) -> None:
        """A pane shown or hidden, or a resized terminal, rewraps every paragraph: the
        cursor's paragraph was left out of view (`h` at paragraph 4 showed 1 and 2)."""
        self.call_after_refresh(self.keep_cursor_in_view)

    def keep_cursor_in_view(self) -> None:
        """Centre the cursor's paragraph if any of its first screenful is out of view."""
        view = self.paragraph_view(self.paragraph)
        height = self.size.height
        if view is None or height <= 0:
            return
        region = view.virtual_region
        top = self.scroll_offset.y
        if region.y < top or region.y + min(region.height, height) > top + height:
            self.center_on(self.paragraph)

    def set_current(self, highlight: Highlight | None, flash: bool = False) -> None:
        """Make a highlight current: repaint the paragraphs involved, move there, scroll it in."""
        old = next((h for h in self.highlights if h.id == self.current), None)
        self.current = highlight.id if highlight else None
        touched = {h.location.paragraph for h in (old, highlight) if h is not None}
        for number in touched:
            view = self.paragraph_view(number)
            if view is not None:
                view.update(self._render_paragraph(number))
        if highlight is not None:
            self.paragraph = highlight.location.paragraph
            if flash:
                self.flash(highlight.location.paragraph)
            if self.article is not None and (
                highlight.location.paragraph >= shown_paragraphs(self.article)
                or highlight.location.start >= MAX_PARAGRAPH_CHARS
            ):
                self.notify(
                    f"This passage (paragraph {highlight.location.paragraph + 1:,}) is past "
                    "what the reader shows of this long article; `aiplan-tui export` has it.",
                    timeout=6,
                    markup=False,
                )

    def flash(self, number: int) -> None:
        """Briefly tint a paragraph so the eye finds where a jump landed."""
        view = self.paragraph_view(number)
        if view is not None:
            view.add_class("-flash")
            self.set_timer(self.flash_seconds, lambda: view.remove_class("-flash"))

    def watch_paragraph(self, old: int, new: int) -> None:
        self._mark_cursor(old)
        view = self.paragraph_view(new)
        if view is not None:
            self.scroll_to_widget(view, animate=False, top=False)
        if self.article is not None:
            self.post_message(self.Moved(self.article, new))

    def _mark_cursor(self, old: int | None) -> None:
        if old is not None and (previous := self.paragraph_view(old)) is not None:
            previous.remove_class("-current")
        current = self.paragraph_view(self.paragraph)
        if current is not None:
            current.add_class("-current")

    def on_paragraph_view_clicked(self, event: ParagraphView.Clicked) -> None:
        if event.view in self._paragraph_views:
            self.paragraph = self._paragraph_views.index(event.view)
            self.focus()

    def action_paragraph(self, delta: int) -> None:
        self.paragraph += delta

    def action_scroll_lines(self, lines: int) -> None:
        """Nudge the view, as in vi, leaving the paragraph cursor where it is."""
        self.scroll_relative(y=lines, animate=False)

    def action_paragraph_edge(self, edge: int) -> None:
        if self.article is not None:
            self.paragraph = 0 if edge == 0 else shown_paragraphs(self.article) - 1
