"""A tree whose lines fit its width: a label too long for the room its depth leaves is cut
with an ellipsis, so the tree never grows a horizontal scrollbar or scrolls sideways (a
navigator scrolled sideways hid the first letters of every line). A label that ends a
quotation keeps its closing mark when it is cut: “The two camps…”."""

from __future__ import annotations

from typing import TypeVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from aiplan_tui.ui.wide_text import ellipsized

DataType = TypeVar("DataType")
CLOSING_MARK = "”"


class FittedTree(Tree[DataType]):
    """A Tree whose labels are cut to fit, "…" marking the cut; Textual rebuilds the lines
    (and so cuts again) on every resize."""

    DEFAULT_CSS = "FittedTree { overflow-x: hidden; }"

    def render_label(self, node: TreeNode[DataType], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        room = self.scrollable_content_region.width - self._indent(node)
        if room > 0 and label.cell_len > room:
            if label.plain.endswith(CLOSING_MARK) and room > 2:
                label = ellipsized(label[:-1], room - 1).append_text(label[-1:])
            else:
                label = ellipsized(label, room)
        return label

    def get_label_width(self, node: TreeNode[DataType]) -> int:
        """The width a line's label takes, from its text, without drawing it (Textual's own
        draws every line's label to measure it, each time it rebuilds the lines: a navigator
        of 10,000 articles paid a second for that before its first frame)."""
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        label = node.label
        width = label.cell_len if isinstance(label, Text) else cell_len(label)
        width += cell_len(icon) if node.allow_expand else 0
        room = self._room() - self._indent(node)
        return min(width, room) if room > 0 else width

    def _room(self) -> int:
        """The width lines have, worked out once per size of the tree (asked once a line)."""
        size = self.size
        if getattr(self, "_room_for", None) != size:
            self._room_for, self._room_width = size, self.scrollable_content_region.width
        return self._room_width

    def _indent(self, node: TreeNode[DataType]) -> int:
        """The columns the guides take left of `node`'s label."""
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        if not self.show_root:
            depth -= 1
        return max(0, depth) * self.guide_depth
