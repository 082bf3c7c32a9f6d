"""Long loops that a thread runs beside the app's UI: a `pause` now and then, which lets the UI
thread run (keys stay quick) and stops the loop by raising (the app is closing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


PAUSE_EVERY = 1000
"""Items (rows, documents) between two calls of a loop's `pause`."""
FILES_EVERY = 10
"""Files between two calls, for a loop over a pack's files (each of many items)."""

Pause = Callable[[], None]
"""Called now and then by a loop (`paused`); it may sleep a moment, or raise to stop it."""


def paused(items: Iterable[T], pause: Pause | None, every: int | None = None) -> Iterator[T]:
    """The items, `pause` (if given) called before the first and then every `every` (by
    default PAUSE_EVERY)."""
    if pause is None:
        yield from items
        return
    every = every or PAUSE_EVERY
    for number, item in enumerate(items):
        if not number % every:
            pause()
        yield item
