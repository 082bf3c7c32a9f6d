"""What the reader's mixins (head, marking, search) may use of the reader screen: stated
once, for the type checker only; at run time the reader screen has them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiplan_tui.core.model import Highlight, Pack
from aiplan_tui.core.navigation import Cursor, Navigation

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from aiplan_tui.ui.widgets.article_view import ArticleView


class ReaderPart:
    """A part of the reader screen, kept in a module of its own."""

    if TYPE_CHECKING:  # a stub here could come first in the method order and hide the real
        navigation: Navigation
        current: Highlight | None
        latest: Pack
        pack: Pack

        @property
        def article_view(self) -> ArticleView: ...

        def cursor(self) -> Cursor: ...

        def update_status(self) -> None: ...

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            severity: SeverityLevel = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None: ...
