"""What a screen that writes to the pack's files asks of the app: to load the pack again, and
whether it is doing so still (a large pack is loaded in a thread, and a second change waits
for the first to be read)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from aiplan_tui.core.model import Pack

Reloaded = Callable[[Pack], object]
"""What a screen does with the pack loaded again (or with the old one, if it could not be)."""

READING = "Reading the pack again, to show the change…"
"""Said when a large pack is loaded again in a thread."""
RELOADING = "The pack is being read again after the last change: a moment."
"""Said when a change is asked for before the last one is read."""


class Reloader(Protocol):
    @property
    def reloading(self) -> bool:
        """Whether the pack is being loaded again: a change now would be made to files the
        screen has not seen yet."""
        ...

    def reload_pack(self, then: Reloaded) -> bool:
        """Load the pack again and show it; then `then` it (at once for a small pack). False:
        refused, as the pack is being read again already."""
        ...

    def when_whole(self, key: str, then: Callable[[], object], what: str) -> bool:
        """Whether the whole pack is read; if not, `then` waits for it under `key` (see
        PackSession)."""
        ...
