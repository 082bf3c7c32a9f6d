"""The shortest style sequence from the terminal's current style (its pen) to the next one.

Textual writes every segment as a full style sequence followed by a reset, about 25 bytes even
when only boldness changes. Terminals keep the pen between writes, so going from plain text
to its bold neighbour needs only `ESC[1m`. This works out the codes to turn off, to turn on
and to change colour, and uses them when that is shorter than a reset and the whole style.
"""

from __future__ import annotations

from rich.color import ColorSystem
from rich.style import Style

from aiplan_tui.terminal.rich_style import attribute_bits

# Rich's attribute bits, in order: bold, dim, italic, underline, blink, blink2, reverse,
# conceal, strike, underline2, frame, encircle, overline.
ON_CODES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "21", "51", "52", "53"]
"""The code that turns each attribute bit on (as Textual writes them)."""
OFF_GROUPS = [
    (0b11, "22"),  # bold and dim go off together
    (0b100, "23"),
    (0b1000001000, "24"),  # underline and double underline
    (0b110000, "25"),  # both blinks
    (0b1000000, "27"),
    (0b10000000, "28"),
    (0b100000000, "29"),
    (0b110000000000, "54"),  # frame and encircle
    (0b1000000000000, "55"),
]
"""Each code that turns attributes off, with the bits it turns off."""


def full_codes(style: Style | None, color_system: ColorSystem) -> list[str]:
    """Every code of a style, as written after a reset."""
    if style is None:
        return []
    bits = attribute_bits(style)
    codes = [ON_CODES[bit] for bit in range(bits.bit_length()) if bits & (1 << bit)]
    if style.color is not None:
        codes.extend(style.color.downgrade(color_system).get_ansi_codes())
    if style.bgcolor is not None:
        codes.extend(style.bgcolor.downgrade(color_system).get_ansi_codes(False))
    return codes


def transition(old: Style | None, new: Style | None, color_system: ColorSystem) -> str:
    """The sequence that changes the pen from `old` to `new` (None: the terminal's default),
    or "" when nothing changes."""
    whole = full_codes(new, color_system)
    reset = f"\x1b[0;{';'.join(whole)}m" if whole else "\x1b[0m"
    if old is None or not full_codes(old, color_system):
        return f"\x1b[{';'.join(whole)}m" if whole else ""
    old_bits, new_bits = attribute_bits(old), attribute_bits(new)
    codes: list[str] = []
    turn_on = new_bits & ~old_bits
    for bits, code in OFF_GROUPS:
        if old_bits & bits & ~new_bits:
            codes.append(code)
            turn_on |= new_bits & bits  # what the code also turned off, back on
    codes.extend(ON_CODES[bit] for bit in range(turn_on.bit_length()) if turn_on & (1 << bit))
    new_color = None if new is None else new.color
    new_bgcolor = None if new is None else new.bgcolor
    if new_color != old.color:
        codes.extend(
            ["39"] if new_color is None else new_color.downgrade(color_system).get_ansi_codes()
        )
    if new_bgcolor != old.bgcolor:
        codes.extend(
            ["49"]
            if new_bgcolor is None
            else new_bgcolor.downgrade(color_system).get_ansi_codes(False)
        )
    if not codes:
        return ""
    relative = f"\x1b[{';'.join(codes)}m"
    return relative if len(relative) < len(reset) else reset
