"""An app session started by `aiplan-tui serve`: what the command says before the app runs
(a pack that is not there, an unknown theme) would go to the server's log, and the browser
would only see the session end. Here it is kept, and if the command fails with it, shown on
the page instead."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import TextIO

SERVED = "AIPLAN_TUI_SERVED"
"""Set for the app processes the server starts: a failure before the app runs is shown on
the page (see `served`)."""

_said: io.StringIO | None = None
"""What the command has written to standard error, until the app starts."""
_real: TextIO = sys.stderr


def served() -> bool:
    """Whether this process is an app session started by `serve` (drawn by the browser)."""
    return bool(os.environ.get(SERVED)) and "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")


def run_served(run: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None) -> int:
    global _said, _real
    _real, _said = sys.stderr, io.StringIO()
    sys.stderr = _said
    try:
        status = run(argv)
    finally:
        said = _said.getvalue() if _said is not None else ""
        if _said is not None:
            sys.stderr, _said = _real, None
    if status != 0 and said:
        from aiplan_tui.ui.start_failed import StartFailedApp

        StartFailedApp(said).run()
    elif said:
        sys.stderr.write(said)
    return status


def app_starting() -> None:
    """The app is about to run: standard error is itself again, with what was said so far."""
    global _said
    if _said is not None:
        said, _said = _said.getvalue(), None
        sys.stderr = _real
        _real.write(said)
