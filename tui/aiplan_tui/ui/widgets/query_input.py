"""A box for a query or a filter that stays responsive whatever arrives: a paste sent as
thousands of keystrokes (as tmux's paste-buffer sends it) stops at a length cap with one
notice, and the work a change starts runs once a burst of typing pauses, not per key."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

MAX_QUERY_CHARS = 500
"""As many characters as a query may have (the saved history keeps as many)."""
SETTLE_SECONDS = 0.06
"""How long typing must pause before the box says its value settled."""


UNNAMED_CHARACTERS = {"slash": "/"}
"""Keys Textual names without giving their character (it looks "slash" up as a Unicode name)."""


class QueryInput(Input):
    """An Input capped at MAX_QUERY_CHARS that posts `Settled` once typing pauses; `down`
    goes on to the list below it, in search as in the quotes filter (a priority binding, so
    the keys typed right after it reach the list, not the box)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_list", "To the list", show=False, id="box-down", priority=True,
                tooltip="From a search or filter box down to its list."),
    ]  # fmt: skip

    class Settled(Message):
        """The value stopped changing for SETTLE_SECONDS: time to search or filter."""

        def __init__(self, box: QueryInput, value: str) -> None:
            super().__init__()
            self.box = box
            self.value = value

        @property
        def control(self) -> QueryInput:
            return self.box

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id, max_length=MAX_QUERY_CHARS)
        self._settle: Timer | None = None
        self._told = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Keys that type a character here: the footer hides what they would do elsewhere
        (Textual misses `/`, so the footer offered Search while `/` typed into the box)."""
        return super().check_consume_key(key, character or UNNAMED_CHARACTERS.get(key))

    def action_to_list(self) -> None:
        self.screen.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Every change restarts the wait; the change itself goes on up as usual."""
        if len(event.value) < MAX_QUERY_CHARS:
            self._told = False
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(SETTLE_SECONDS, self._settled)

    def _settled(self) -> None:
        self._settle = None
        self.post_message(self.Settled(self, self.value))

    def restricted(self) -> None:
        """Past the cap: say so once (not a bell for every key of a long paste)."""
        if not self._told:
            self._told = True
            self.notify(
                f"A query is at most {MAX_QUERY_CHARS} characters; the rest was not typed.",
                severity="warning",
                timeout=4,
            )
