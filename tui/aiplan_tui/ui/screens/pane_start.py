"""A paned screen's layout classes given before it is first mounted, so that its widgets
are styled once, for the terminal's width, before the first frame: laid out only once
mounted (`PanedScreen.apply_layout`, as the screen is shown), the classes changed on a
screen already styled, and every widget of it was styled again (about a tenth of the
reader's start)."""

from __future__ import annotations

from aiplan_tui.ui.screens.panes import MEDIUM, PANES, WIDE, PanedScreen, pane_widths


def layout_classes(screen: PanedScreen, width: int) -> dict[str, bool]:
    """The classes `apply_layout(width)` gives `screen`, each with whether it is set."""
    classes = {"-wide": width >= WIDE, "-medium": MEDIUM <= width < WIDE, "-narrow": width < MEDIUM}
    if width < MEDIUM:
        classes["-no-navigator"] = False
    else:
        classes["-no-navigator"] = pane_widths(width, screen.cards_shown(width))[0] == 0
    for pane in PANES:
        classes[f"-pane-{pane}"] = screen.pane == pane
    classes["-cards"] = screen.show_cards
    return classes


def lay_out_before_mount(screen: PanedScreen, width: int) -> None:
    """Give `screen`, not mounted yet, the layout classes for a terminal `width` wide, without
    styling anything (nothing is styled yet). Its `apply_layout` still runs as it is shown,
    and sizes the panes; it then changes no class."""
    if screen.is_mounted or width <= 0:
        return
    for name, on in layout_classes(screen, width).items():
        screen.set_class(on, name, update=False)
