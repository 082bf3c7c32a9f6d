"""The notices the app has shown, kept so they can be read back (by tests, and by anything
that lists what was said), without reaching into Textual's own notification store."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from textual.app import App
from textual.notifications import SeverityLevel

KEPT = 50
"""Notices remembered, newest last; older ones are dropped."""


@dataclass(frozen=True)
class Notice:
    """One notice as the user saw it."""

    message: str
    title: str = ""
    severity: SeverityLevel = "information"


class NoticesApp(App[None]):
    """An app that remembers its notices since start-up or the last `clear_notifications`."""

    def __init__(self) -> None:
        super().__init__()
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
        self._notices.append(Notice(message, title, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def clear_notifications(self) -> None:
        self._notices.clear()
        super().clear_notifications()
