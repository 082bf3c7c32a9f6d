"""Text that wraps between Chinese, Japanese and Korean characters, not only at spaces.

Rich and Textual wrap at spaces: a run of Chinese characters is one "word" to them, so in a
line that mixes Chinese and English the whole run went to the next line, leaving the line
before it half empty. Here a line may break after a space or beside any wide character (the
East Asian scripts write no spaces); a closing mark (，。」” ...) stays with the character
before it and an opening mark (「“ ...) with the one after, as Chinese and Japanese typesetting
does; a run wider than the line is cut between characters, never inside one. Only where the
lines break changes: the text and its styles are drawn as they were, never as markup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from rich.cells import cell_len, chop_cells, get_character_cell_size
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget
from textual.widgets import Static

NO_LINE_START = frozenset(
    "，。、；：！？）」』】》〉〕｝〗’”…‥・ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}%"
)
"""Marks that never begin a line: they close or follow what comes before them."""
NO_LINE_END = frozenset("（「『【《〈〔｛〖‘“([{")
"""Marks that never end a line: they open what comes after them."""
JOINER = "\u200d"
MAY_BE_WIDE = (
    "["
    "\\u1100-\\u115f\\u231a-\\u232a\\u23e9-\\u23f3\\u25fd-\\u27bf\\u2b1b-\\u2b55"
    "\\u2e80-\\ua4c6\\ua960-\\ua97c\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe10-\\ufe6b"
    "\\uff01-\\uff60\\uffe0-\\uffe6\\U00016fe0-\\U00018d1e\\U00018d80-\\U00018df2"
    "\\U0001aff0-\\U0001b2fb\\U0001d300-\\U0001d376\\U0001f004-\\U0001f004"
    "\\U0001f0cf-\\U0001f0cf\\U0001f18e-\\U0001f19a\\U0001f200-\\U0001f265"
    "\\U0001f300-\\U0001f5a4\\U0001f5fb-\\U0001f6fc\\U0001f7e0-\\U0001f7f0"
    "\\U0001f90c-\\U0001f9ff\\U0001fa70-\\U0001faf8\\U00020000-\\U0003fffd"
    "]"
)
"""Every character Rich draws two cells wide (26 ranges, a few narrow ones between): text
with none of them wraps at spaces alone, by Textual's own wrapping (the same breaks, sooner).
A pattern's text, compiled when first needed (`may_be_wide`): 5 ms, at every start."""
NEVER_WIDE_BELOW = "\u1100"
"""Below the first of those ranges: text of such characters alone is never wide."""


@lru_cache(maxsize=1)
def _may_be_wide() -> re.Pattern[str]:
    return re.compile(MAY_BE_WIDE)


def may_be_wide(text: str) -> bool:
    """Whether `text` holds a character of MAY_BE_WIDE."""
    return bool(text) and max(text) >= NEVER_WIDE_BELOW and _may_be_wide().search(text) is not None


def _wide(char: str) -> bool:
    return get_character_cell_size(char) == 2


def _may_break_before(before: str, char: str) -> bool:
    """May a line end between `before` and `char`?"""
    if char.isspace() or get_character_cell_size(char) == 0 or before == JOINER:
        return False  # spaces hang at a line's end; marks and joiners keep to their letter
    if before.isspace():
        return True
    if char in NO_LINE_START or before in NO_LINE_END:
        return False
    return _wide(before) or _wide(char)


def units(line: str) -> Iterator[str]:
    """The pieces a line breaks into: words with their trailing spaces, and single wide
    characters (each with the marks that keep to it)."""
    start = 0
    for index in range(1, len(line)):
        if _may_break_before(line[index - 1], line[index]) and not line[:index].isspace():
            yield line[start:index]
            start = index
    if line:
        yield line[start:]


def break_offsets(line: str, width: int) -> list[int]:
    """Offsets (in characters) where `line` (one line, no newline) breaks into lines of at
    most `width` cells; trailing spaces may run past the width (they are dropped when drawn)."""
    offsets: list[int] = []
    used = start = 0
    for unit in units(line):
        whole = cell_len(unit)
        needed = cell_len(unit.rstrip()) if unit[-1].isspace() else whole
        if used and used + needed > width:
            offsets.append(start)
            used = 0
        if needed <= width or used:
            used += whole
        else:  # wider than a line: cut between characters
            for index, char in enumerate(unit, start):
                size = get_character_cell_size(char)
                if used and size and used + size > width and not char.isspace():
                    offsets.append(index)
                    used = 0
                used += size
        start += len(unit)
    return offsets


def wrap_lines(content: Content, width: int) -> list[tuple[int, Content]]:
    """`content`'s lines broken to fit `width` cells, each with where it starts in the text;
    their trailing spaces dropped where they break."""
    lines: list[tuple[int, Content]] = []
    start = 0
    for line in content.split("\n", allow_blank=True):
        offsets = break_offsets(line.plain, max(1, width))
        pieces = line.divide(offsets)
        starts = [start + offset for offset in (0, *offsets)]
        lines.extend(
            (at, piece.rstrip()) for at, piece in zip(starts[:-1], pieces[:-1], strict=False)
        )
        lines.append((starts[-1], pieces[-1]))
        start += len(line.plain) + 1
    return lines


class WideWrapped(Content):
    """Content whose lines break beside wide characters as well as at spaces when drawn (its
    text and spans are `content`'s); under `text-wrap: nowrap` it is drawn as Content is."""

    def __init__(self, content: Content) -> None:
        super().__init__(content.plain, list(content.spans), strip_control_codes=False)
        self._wrapped: tuple[int, Content, list[int]] | None = None

    def wrapped(self, width: int) -> tuple[Content, list[int]]:
        """The content with its line breaks at `width` cells made explicit, and where each of
        its lines starts in the text (kept per width)."""
        if self._wrapped is None or self._wrapped[0] != width:
            lines = wrap_lines(self, width)
            joined = Content("\n").join(line for _, line in lines)
            self._wrapped = (width, joined, [start for start, _ in lines])
        return self._wrapped[1], self._wrapped[2]

    def _drawn(self, rules: RulesMap, width: int) -> Content | None:
        """What is drawn at `width`: None where Content's own drawing applies (no wrapping)."""
        if rules.get("text_wrap", "wrap") == "nowrap" or not may_be_wide(self.plain):
            return None
        return self.wrapped(width - rules.get("line_pad", 0) * 2)[0]

    def selected(self, selection: Selection, rules: RulesMap, width: int) -> str:
        """The text under `selection`, made on the lines as drawn at `width`: its ends are
        taken back into the text, so a selection over a break copies the text, not the break."""
        drawn = self._drawn(rules, width)
        if drawn is None:
            return selection.extract(self.plain)
        lines = drawn.plain.split("\n")
        starts = self.wrapped(width - rules.get("line_pad", 0) * 2)[1]

        def place(offset: Offset | None, default: int) -> int:
            if offset is None or offset.y >= len(lines):
                return default
            return starts[offset.y] + min(offset.x, len(lines[offset.y]))

        return self.plain[place(selection.start, 0) : place(selection.end, len(self.plain))]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        drawn = self._drawn(options.rules, width)
        if drawn is None:
            return super().render_strips(width, height, style, options)
        return drawn.render_strips(width, height, style, options)

    def get_minimal_width(self, rules: RulesMap) -> int:
        """The widest piece a line cannot break inside (a word, or one wide character)."""
        lines = self.plain.split("\n")
        widths = (cell_len(unit.rstrip()) for line in lines for unit in units(line))
        return max(widths, default=0) + rules.get("line_pad", 0) * 2

    def get_height(self, rules: RulesMap, width: int) -> int:
        drawn = self._drawn(rules, width)
        return super().get_height(rules, width) if drawn is None else drawn.get_height(rules, width)


def wide_wrapped(widget: Widget, text: Text | Content | str) -> WideWrapped:
    """`text` (plain, or styled) as a WideWrapped visual; a str is plain text, never markup."""
    if isinstance(text, Content):
        return WideWrapped(text)
    if isinstance(text, str):
        return WideWrapped(Content(text))
    return WideWrapped(Content.from_rich_text(text, console=widget.app.console))


class WideText(Text):
    """Rich Text that Textual draws as WideWrapped, through Textual's public Visual protocol
    (`textual.visual.SupportsVisual`: an object with a `visualize` method): for prompts of
    option lists, which keep Text (its styles stay readable). Textual 8 calls the method with
    no arguments while its protocol declares `(widget, obj)`: it takes either."""

    @classmethod
    def of(cls, text: Text) -> WideText:
        wide = cls()
        wide.append_text(text)
        return wide

    def visualize(self, *_: object) -> Visual:
        return WideWrapped(Content.from_rich_text(self))


class WideStatic(Static):
    """A Static whose text wraps beside wide characters (see the module's note)."""

    def render(self) -> Visual:
        visual = self.visual
        if isinstance(visual, Content) and not isinstance(visual, WideWrapped):
            return WideWrapped(visual)
        return visual

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selected_in(self, self.render(), selection) or super().get_selection(selection)


def selected_in(widget: Widget, visual: object, selection: Selection) -> tuple[str, str] | None:
    """What `selection` copies from `widget` drawing `visual` (its `get_selection`), when that
    is WideWrapped; None otherwise (Textual's own applies)."""
    if not isinstance(visual, WideWrapped):
        return None
    rules = cast(RulesMap, widget.styles)  # as Textual hands a visual its widget's styles
    return visual.selected(selection, rules, widget.content_region.width), "\n"


def head_cells(text: str, cells: int) -> str:
    """The longest start of `text` at most `cells` wide, cut between characters as drawn
    (an emoji sequence or a wide character goes whole or not at all)."""
    if cell_len(text) <= cells:
        return text
    head = chop_cells(text, cells)[0] if cells > 0 else ""
    return head if cell_len(head) <= cells else ""


def tail_cells(text: str, cells: int) -> str:
    """The longest end of `text` at most `cells` wide."""
    low, high = 0, len(text)  # the first start whose end fits lies in [low, high]
    while low < high:
        middle = (low + high) // 2
        if cell_len(text[middle:]) <= cells:
            high = middle
        else:
            low = middle + 1
    while 0 < low < len(text) and (
        get_character_cell_size(text[low]) == 0 or text[low - 1] == JOINER
    ):
        low += 1  # not from inside a character's marks or an emoji sequence
    return text[low:]


def ellipsized(text: Text, cells: int) -> Text:
    """`text` cut to at most `cells` cells, "…" right after the last whole character that
    fits (Rich's truncate leaves a space before the "…" where it would halve a wide one)."""
    if text.cell_len <= cells:
        return text
    cut = text.copy()
    cut.plain = head_cells(text.plain, max(0, cells - 1)) + "…"  # styled as the cut part was
    return cut
