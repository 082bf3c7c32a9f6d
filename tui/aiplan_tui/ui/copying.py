"""`y`: copy the highlight under the cursor with its source, and say what was copied, or
why nothing was."""

from __future__ import annotations

from collections.abc import Mapping

from textual.actions import ActionParseResult
from textual.dom import DOMNode

from aiplan_tui.core.formatting import citation
from aiplan_tui.core.model import Pack
from aiplan_tui.core.safe_text import shorten
from aiplan_tui.ui.notices import NoticesApp
from aiplan_tui.ui.roles import Selecting
from aiplan_tui.ui.tmux_clipboard import TMUX_NOTICE, copy_through_tmux, in_tmux

NOTHING_TO_COPY = "Nothing to copy here: move onto a highlight first (] or })."


class CopyingApp(NoticesApp):
    """Copying for an app with a pack and a reader (the fallback source of a selection)."""

    told_about_tmux = False
    """Whether the notice that tmux keeps copies from the terminal has been given (once)."""

    def copy_to_clipboard(self, text: str) -> None:
        """OSC 52 to the terminal, as Textual writes it; inside tmux, through tmux too, which
        ignores an application's OSC 52 unless told otherwise (ui/tmux_clipboard.py)."""
        super().copy_to_clipboard(text)
        if self.is_web or not in_tmux():
            return
        if not copy_through_tmux(text) and not self.told_about_tmux:
            self.told_about_tmux = True
            self.notify(TMUX_NOTICE, severity="warning", timeout=20, markup=False)

    @property
    def pack(self) -> Pack:
        raise NotImplementedError

    def reader_selection(self) -> Selecting:
        """Where `y` copies from when the screen shown selects nothing itself: the reader."""
        raise NotImplementedError

    def selected_highlight(self) -> str | None:
        """What `y` copies: the shown screen's selection, else the reader's current highlight."""
        screen = self.screen
        source = screen if isinstance(screen, Selecting) else self.reader_selection()
        return source.selected_highlight()

    def action_copy(self) -> None:
        selected = self.selected_highlight()
        highlight = self.pack.highlight(selected) if selected else None
        if highlight is None:
            self.notify(NOTHING_TO_COPY)
            return
        copied = citation(highlight, self.pack)
        self.copy_to_clipboard(copied)
        self.notify(f"Copied with its source: {shorten(copied, 70)}", markup=False)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action; `y` greyed out in the footer, pressed anyway, says why it does
        nothing (a silent key looks broken)."""
        ran = await super().run_action(action, default_namespace, namespaces)
        name = action.partition("(")[0] if isinstance(action, str) else action[1]
        if not ran and name.rpartition(".")[2] == "copy":
            self.notify(NOTHING_TO_COPY)
        return ran
