"""The one place that reads and writes Rich's private style fields.

The changed-cells writer compares styles as the terminal shows them thousands of times a
frame, so it reads Rich's fields directly instead of through properties, and copies styles
without the parts the terminal never sees. Rich is pinned to one version; `compat.probe`
exercises every function here at start-up, and if Rich has changed, change tracking is off.
"""

from __future__ import annotations

from rich.color import ColorSystem
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style


def has_link(style: Style) -> bool:
    """Whether the style carries a hyperlink (written with its own opening and closing)."""
    return bool(style._link)


def attribute_bits(style: Style | None) -> int:
    """The attributes a style turns on, as Rich's bits: bold, dim, italic, underline, blink,
    blink2, reverse, conceal, strike, underline2, frame, encircle, overline."""
    return 0 if style is None else style._attributes & style._set_attributes


def drawn_key(style: Style, color_system: ColorSystem) -> tuple[object, ...]:
    """What decides how a style looks in a colour system: not its meta (click data)."""
    return (
        style._color,
        style._bgcolor,
        style._attributes,
        style._set_attributes,
        style._link,
        color_system,
    )


def drawn_copy(style: Style, color_system: ColorSystem) -> Style:
    """A copy with colours in the terminal's colour system and no meta."""
    drawn = style.copy()
    drawn._meta = drawn._hash = drawn._ansi = None
    if style._color is not None:
        drawn._color = style._color.downgrade(color_system)
    if style._bgcolor is not None:
        drawn._bgcolor = style._bgcolor.downgrade(color_system)
    return drawn


def console_colours(console: Console) -> ColorSystem:
    """The console's colour system (true colour when it has none)."""
    name = console.color_system
    return COLOR_SYSTEMS.get(name, ColorSystem.TRUECOLOR) if name else ColorSystem.TRUECOLOR
