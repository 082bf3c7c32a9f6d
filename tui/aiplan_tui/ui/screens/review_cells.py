"""Review's `c`: a suggestion added to Compare, to the cell of each of its dimensions and
sides in comparison.toml; a cell not there yet is made with the summary the editor types."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.authoring import review
from aiplan_tui.authoring.review import ReviewError
from aiplan_tui.core.model import Highlight, Position
from aiplan_tui.ui.review_view import pack_path
from aiplan_tui.ui.screens.review_dialogs import TextDialog
from aiplan_tui.ui.screens.review_writing import Editing


def sides_of(highlight: Highlight) -> tuple[str, ...]:
    """A position's own side, else the sides it concerns."""
    return (highlight.side,) if isinstance(highlight, Position) else highlight.sides


class CellEdits:
    """The suggestion under the cursor into Compare's cells: a part the screen owns."""

    def __init__(self, editing: Editing) -> None:
        self.editing = editing

    def cell(self, h: Highlight) -> None:
        """Into the cell of each (dimension, side); a missing cell asks for its summary."""
        pairs = [(d, s) for d in h.dimensions for s in sides_of(h)]
        if not pairs:
            self.editing.say("It has no dimension or no side yet: set them first (D, S).")
            return
        comparison = self.editing.pack.root / "comparison.toml"
        missing: list[tuple[str, str]] = []
        added: list[str] = []
        for dimension, side in pairs:
            try:
                if review.add_to_cell(comparison, dimension, side, h.id):
                    added.append(f"{dimension}/{side}")
                else:
                    missing.append((dimension, side))
            except (ReviewError, OSError, UnicodeError) as error:
                self.editing.say(f"Not added to {dimension}/{side}: {error}", "error")
                missing = []
                break
        if added:
            self.editing.write(
                f"Added {h.id} to {', '.join(added)} in {pack_path(self.editing.pack, comparison)}",
                lambda: None,
                last=not missing,  # else once the summaries are typed
            )
        self.ask_summaries(h.id, comparison, missing)

    def ask_summaries(self, highlight_id: str, path: Path, missing: list[tuple[str, str]]) -> None:
        """A new cell for each missing (dimension, side), one after another, with the summary
        typed (the editors' words: never made up here); then the pack is loaded again, once
        for all that was written."""
        if not missing:
            self.editing.show_written()
            return
        (dimension, side), rest = missing[0], missing[1:]
        titles = {d.id: d.title for d in self.editing.pack.dimensions}
        sides = {s.id: s.label for s in self.editing.pack.sides}
        where = f"{titles.get(dimension, dimension)} · {sides.get(side, side)}"

        def keep(summary: str | None) -> None:
            if summary:
                self.editing.write(
                    f"New cell {dimension}/{side} with {highlight_id} "
                    f"in {pack_path(self.editing.pack, path)}",
                    lambda: review.new_cell(path, dimension, side, summary, highlight_id),
                    last=False,
                )
            else:
                self.editing.say(f"No cell made for {where}.")
            self.ask_summaries(highlight_id, path, rest)

        note = f"Compare has no cell for {where} yet: what is this side's stance on it?"
        dialog = TextDialog(f"New cell: {where}", note=note, placeholder="The cell's summary")
        self.editing.ask(dialog, keep)
