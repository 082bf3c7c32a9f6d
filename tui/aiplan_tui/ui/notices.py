"""The notices the app has shown, kept so they can be read back (by tests, and by anything
that lists what was said), without reaching into Textual's own notification store."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from textual.app import App
from textual.notifications import SeverityLevel

KEPT = 50
"""Notices remembered, newest last; older ones are dropped."""
SHORTEST_SECONDS = 4.0
"""No notice leaves sooner: a glance away from the screen must not miss it."""
WORDS_PER_SECOND = 3.0
"""A slow reading pace, for notices long enough to need more than the shortest time."""


def reading_seconds(message: str, asked: float | None = None) -> float:
    """How long a notice stays: what was asked, but never less than it takes to read."""
    needed = max(SHORTEST_SECONDS, 1.5 + len(message.split()) / WORDS_PER_SECOND)
    return max(asked or 0.0, needed)


@dataclass(frozen=True)
class Notice:
    """One notice as the user saw it."""

    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    seconds: float = field(default=SHORTEST_SECONDS, compare=False)
    """How long it stays on screen."""


class NoticesApp(App[None]):
    """An app that remembers its notices since start-up or the last `clear_notifications`."""

    def __init__(self, ansi_color: bool | None = None) -> None:
        super().__init__(ansi_color=ansi_color)
        self._notices: deque[Notice] = deque(maxlen=KEPT)

    @property
    def notices(self) -> list[Notice]:
        """The notices shown since start-up (or the last clear), oldest first."""
        return list(self._notices)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self._notices.append(Notice(message, title, severity, reading_seconds(message, timeout)))
        super().notify(
            message,
            title=title,
            severity=severity,
            timeout=reading_seconds(message, timeout),
            markup=markup,
        )

    def remember(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information"
    ) -> None:
        """Keep what a screen said in its own place (Review's status line), not in a notice."""
        self._notices.append(Notice(message, title, severity, reading_seconds(message)))

    def clear_notifications(self) -> None:
        self._notices.clear()
        super().clear_notifications()
