"""Keys typed ahead reach the screen they were typed for.

Over SSH, or from a fast typist, keys arrive in bursts: `/chips`, or `3` `f` `chen`. Textual
hands each key to the widget focused at that moment, and a new screen takes a moment to be
built and focused, so the keys after the one that opened it went to the old screen and were
lost. Here, from the moment a screen is pushed, switched to or popped until the new top
screen is mounted and laid out, keys are held, then replayed to it in order. (The keys that
open screens are priority bindings, so they act as they arrive, before the keys after them.)
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen

HOLD_SECONDS = 2.0
"""Keys are never held longer than this, whatever happens to the screen."""
READY_TRIES = 100
"""Refreshes to wait for the new screen to be mounted before the keys go anyway."""


class TypeAheadApp(App[None]):
    """An app that holds keys while a screen change is under way."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[events.Key] | None = None

    async def on_event(self, event: events.Event) -> None:
        if self._held is not None and isinstance(event, events.Key) and not event.is_forwarded:
            self._held.append(events.Key(event.key, event.character))
            return
        await super().on_event(event)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self.hold_keys()
        return super().push_screen(*args, **kwargs)

    def switch_screen(self, screen: Screen[Any] | str) -> AwaitComplete:
        self.hold_keys()
        return super().switch_screen(screen)

    def pop_screen(self) -> AwaitComplete:
        self.hold_keys()
        return super().pop_screen()

    def hold_keys(self) -> None:
        """Hold keys from now until the screen on top is ready for them."""
        if self._held is not None or not self.is_running:
            return
        self._held = []
        self.set_timer(HOLD_SECONDS, self.release_keys)
        self.call_after_refresh(self._release_when_ready, 0)

    def _release_when_ready(self, tries: int) -> None:
        screen = self.screen
        if not (screen.is_mounted and screen.size == self.size) and tries < READY_TRIES:
            self.call_after_refresh(self._release_when_ready, tries + 1)
            return
        self.release_keys()

    def release_keys(self) -> None:
        """Replay the held keys, in the order they came, to whatever now has the focus."""
        held, self._held = self._held, None
        for key in held or ():
            self.post_message(key)
