"""Review's keys, declared once (ids for `[keys]`, tooltips for help): the screen
(review.py) binds them."""

from __future__ import annotations

from textual.binding import Binding, BindingType

REVIEW_BINDINGS: list[BindingType] = [
    Binding("a", "accept", "Accept", id="review-accept",
            tooltip="Keep the suggestion: it loses its status and shows everywhere."),
    Binding("x", "reject", "Reject", id="review-reject",
            tooltip="Drop the suggestion: its table goes from the file."),
    Binding("right_square_bracket", "walk(1)", "Next", id="review-next",
            tooltip="The next suggestion."),
    Binding("left_square_bracket", "walk(-1)", "Prev", id="review-previous",
            tooltip="The previous suggestion."),
    Binding("n", "note", "Note", id="review-note", tooltip="Write or change the note."),
    Binding("s", "speaker", "Speaker", id="review-speaker",
            tooltip="Pick who says a quote: the pack's people, or a new one."),
    Binding("K", "change_kind", "Kind", id="review-kind",
            tooltip="Make it a quote, a position or an event."),
    Binding("S", "side", "Side", id="review-side",
            tooltip="Set the side of a position, or the sides another highlight concerns."),
    Binding("D", "dimensions", "Dimensions", id="review-dimensions",
            tooltip="Tick the dimensions it bears on."),
    Binding("c", "cell", "To Compare", id="review-cell",
            tooltip="Add it to the comparison cell of each of its dimensions and sides "
            "(a missing cell asks for its summary)."),
    Binding("d", "direct", "Direct", id="review-direct", show=False,
            tooltip="Make a quote a paraphrase, or a paraphrase a direct quotation."),
    Binding("w", "words", "Words", id="review-words", show=False,
            tooltip="Widen, narrow or retype the words (they must stay verbatim in their "
            "paragraph)."),
    Binding("p", "person", "Person", id="review-person", show=False,
            tooltip="Edit the speaker: name, role, kind, side and aliases."),
    Binding("M", "merge", "Merge", id="review-merge", show=False,
            tooltip="Merge the speaker into another person, who is kept: every quote, "
            "claim and mention moves to them."),
    Binding("A", "accept_all", "Accept all", id="review-accept-all",
            tooltip="Accept every suggestion of this article that can be (a quote needs a "
            "speaker), as one step of undo."),
    Binding("f", "filter", "Filter", id="review-filter", show=False,
            tooltip="List only one article, one kind, or the quotes with no speaker."),
    Binding("u", "undo", "Undo", id="review-undo",
            tooltip="Undo the last edit, in every file it wrote (again: the one before)."),
    Binding("escape", "back", "Back", id="review-back", show=False,
            tooltip="Back to the reader."),
]  # fmt: skip
"""The keys of the Review screen; those of its list and dialogs are with them."""
