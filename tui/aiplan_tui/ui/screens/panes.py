"""The reader's panes: navigator, centre (article or listing) and highlights, laid out by the
terminal's width, with the keys that move between them."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from aiplan_tui.ui.screens.shown import ShownScreen, lays_out

WIDE, MEDIUM = 120, 80
"""Three panes from WIDE columns, two from MEDIUM, one at a time below."""
PANES = ("navigator", "center", "cards")
NAVIGATOR_WIDTH = 36
"""The navigator's width, while the article keeps its measure beside it."""
NAVIGATOR_LEAST = 20
"""Narrower than this the navigator's lines say too little: it gives way instead."""
CARDS_WIDTH, CARDS_MEDIUM_WIDTH = 42, 34
"""The highlights pane's width from WIDE columns, and below (when `h` shows it)."""
CENTER_LEAST = 46
"""The article's pane keeps at least this many columns: about 40 of text, once its padding,
the cursor bar and the scrollbar have theirs. At 80 columns `h` left it 2-4 wide."""


def pane_widths(width: int, cards: bool) -> tuple[int, int]:
    """(navigator, highlights pane) widths for a terminal `width` columns wide, two or three
    panes side by side, the centre taking the rest; 0 for a pane that gives way. The
    article's measure comes first, the highlights asked for next, the navigator last."""
    cards_width = (CARDS_WIDTH if width >= WIDE else CARDS_MEDIUM_WIDTH) if cards else 0
    navigator = min(NAVIGATOR_WIDTH, width - cards_width - CENTER_LEAST)
    return (navigator if navigator >= NAVIGATOR_LEAST else 0), cards_width


# Priority bindings: they move the focus as they arrive, so the keys typed after them reach the
# pane they lead to (ui/typeahead.py).
PANE_BINDINGS: list[BindingType] = [
    Binding("tab", "pane(1)", "Next pane", show=False, id="pane-next", priority=True,
            tooltip="Move to the next pane."),
    Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="pane-previous",
            priority=True, tooltip="Move to the previous pane."),
    Binding("h", "toggle_cards", "Highlights", id="toggle-highlights",
            tooltip="Show or hide the highlights pane (below 120 columns)."),
]  # fmt: skip


class PanedScreen(ShownScreen[None]):
    """A screen of the three panes (ids in PANES), shown by width: classes `-wide`, `-medium`
    or `-narrow`, `-pane-<id>` on the focused pane and `-cards` when the highlights are on."""

    pane: var[str] = var("navigator")
    """The pane that has the focus; below 80 columns the only one shown."""
    show_cards: var[bool] = var(False)
    """Whether the highlights pane is shown between 80 and 119 columns."""

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        for pane in PANES:
            widget = self.query_one(f"#{pane}")
            if focused is not None and (focused is widget or widget in focused.ancestors):
                self.set_reactive(PanedScreen.pane, pane)

    def on_resize(self, event: Resize) -> None:
        if lays_out(self, event):  # a covered screen catches up when shown (on_screen_resume)
            self.apply_layout(event.size.width)

    def on_screen_resume(self) -> None:
        """The terminal may have changed size while another screen (or the too-small notice)
        was over this one: a screen underneath gets no resize events."""
        self.apply_layout(self.app.size.width)

    def apply_layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self.set_class(MEDIUM <= width < WIDE, "-medium")
        self.set_class(width < MEDIUM, "-narrow")
        self._size_panes(width)
        self._show_active_pane()

    def _size_panes(self, width: int) -> None:
        """Side by side, the widths of `pane_widths`; one at a time, the whole width."""
        navigator, cards = self.query_one("#navigator"), self.query_one("#cards")
        if width < MEDIUM:
            navigator.styles.width = cards.styles.width = None  # the stylesheet's 1fr
            self.set_class(False, "-no-navigator")
            return
        navigator_width, cards_width = pane_widths(width, self.cards_shown(width))
        self.set_class(navigator_width == 0, "-no-navigator")
        navigator.styles.width = navigator_width or None
        cards.styles.width = cards_width or None
        if navigator_width == 0 and self.pane == "navigator":
            self.focus_pane("center")

    def cards_shown(self, width: int) -> bool:
        return width >= WIDE or self.show_cards

    def _show_active_pane(self) -> None:
        for pane in PANES:
            self.set_class(self.pane == pane, f"-pane-{pane}")
        self.set_class(self.show_cards, "-cards")

    def visible_panes(self) -> list[str]:
        """The panes `tab` goes through: all three one at a time below MEDIUM columns."""
        if self.has_class("-narrow"):
            return list(PANES)
        shown = list(PANES) if self.has_class("-wide") or self.show_cards else list(PANES[:2])
        return shown[1:] if self.has_class("-no-navigator") else shown

    def focus_pane(self, pane: str) -> None:
        self.pane = pane
        self._show_active_pane()
        widget: Widget = self.query_one(f"#{pane}")
        if pane == "center":
            widget = self.query_one(ContentSwitcher).visible_content or widget
        if widget.display and widget.region:  # shown already: at once, for the next keys
            self.set_focus(widget)
        else:  # one pane at a time: once the stylesheet has shown it
            self.call_after_refresh(widget.focus)

    def action_pane(self, step: int) -> None:
        panes = self.visible_panes()
        index = panes.index(self.pane) if self.pane in panes else 0
        self.focus_pane(panes[(index + step) % len(panes)])

    def action_toggle_cards(self) -> None:
        self.show_cards = not self.show_cards
        self.apply_layout(self.app.size.width)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not super().check_action(action, parameters):
            return False
        if action == "toggle_cards":
            return True if self.has_class("-medium") else None
        return True
