"""What the reader's parts (its head, marking, search matches, the pack read again: objects
the reader screen owns) ask of the reader screen: ReaderHost, a protocol the screen meets,
named here so that the parts never import the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from textual.notifications import SeverityLevel

from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.navigation import Cursor, Navigation, Walk

if TYPE_CHECKING:
    from aiplan_tui.ui.highlight_styles import Marks
    from aiplan_tui.ui.reload_service import Reloader
    from aiplan_tui.ui.widgets.article_view import ArticleView
    from aiplan_tui.ui.widgets.navigator import Navigator


class ReaderHost(Protocol):
    """The reader screen, as its parts see it."""

    pack: Pack
    navigation: Navigation
    current: Highlight | None
    reloader: Reloader | None
    marks: Callable[[], Marks]
    highlight_counts: dict[str, int]

    @property
    def is_mounted(self) -> bool: ...

    @property
    def article_view(self) -> ArticleView: ...

    @property
    def navigator(self) -> Navigator: ...

    def cursor(self) -> Cursor: ...

    def saved_place(self) -> tuple[str | None, int]: ...

    def update_status(self) -> None: ...

    def walk(self, what: Walk, step: int) -> None: ...

    def show_entity(self, entity_id: str) -> None: ...

    def open_article(self, article_id: str, highlight: Highlight | None = None) -> None: ...

    def open_paragraph(self, article_id: str, paragraph: int, flash: bool = True) -> None: ...

    def open_highlight(self, highlight_id: str) -> None: ...

    def focus_pane(self, pane: str) -> None: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
