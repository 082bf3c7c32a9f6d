"""Keys typed ahead reach the screen they were typed for, in the order they were typed.

Over SSH, or from a fast typist, keys arrive in bursts: `/chips`, or `3` `f` `chen`. Textual
hands each key to the widget focused at that moment, and a new screen takes a moment to be
built and focused, so the keys after the one that opened it went to the old screen and were
lost. Here, from the moment a screen is pushed, switched to or popped until the new top
screen is mounted and laid out, keys wait; then they are replayed to it one by one, and a key
that arrives while some still wait joins the end of the line. (Replaying them all at once put
them behind keys already on their way: `3` `f` `chen` reached the filter as "hen".) The keys
that open screens are priority bindings, so they act as they arrive, before the keys after
them.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.timer import Timer

HOLD_SECONDS = 2.0
"""Keys are never held longer than this, whatever happens to the screen."""
READY_TRIES = 100
"""Refreshes to wait for the new screen to be mounted before the keys go anyway."""


class TypeAheadApp(App[None]):
    """An app that holds keys while a screen change is under way."""

    def __init__(self, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        self._waiting: deque[events.Key] = deque()
        self._holding = False
        self._in_flight: events.Key | None = None
        """The replayed key in the app's queue: later keys wait behind it. (A plain Key,
        not a subclass: Textual names handlers after the class, so widgets missed one.)"""
        self._hold_timer: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            replayed = event is self._in_flight
            if replayed:
                self._in_flight = None
                if self._holding:  # a screen change began since it was sent: first in line
                    self._waiting.appendleft(events.Key(event.key, event.character))
                    return
            elif self._holding or self._in_flight is not None or self._waiting:
                self._waiting.append(events.Key(event.key, event.character))
                return
            await super().on_event(event)
            if replayed:
                self._replay_next()
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
        if self._holding or not self.is_running:
            return
        self._holding = True
        self._hold_timer = self.set_timer(HOLD_SECONDS, self.release_keys)
        self.call_after_refresh(self._release_when_ready, 0)

    def _release_when_ready(self, tries: int) -> None:
        screen = self.screen
        if not (screen.is_mounted and screen.size == self.size) and tries < READY_TRIES:
            self.call_after_refresh(self._release_when_ready, tries + 1)
            return
        self.release_keys()

    def release_keys(self) -> None:
        """Replay the held keys, in the order they came, to whatever now has the focus."""
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        self._holding = False
        self._replay_next()

    def _replay_next(self) -> None:
        """The next waiting key, unless a screen change holds them again."""
        if self._holding or self._in_flight is not None or not self._waiting:
            return
        self._in_flight = self._waiting.popleft()
        if not self.post_message(self._in_flight):  # the app is closing
            self._in_flight = None
