"""Read-only sessions (`aiplan-tui serve --read-only`): the app changes no pack file, so
Review's edits and the reader's `m` refuse, each with a notice."""

from __future__ import annotations

import os

READ_ONLY = "AIPLAN_TUI_READ_ONLY"
"""Set (to 1) in the environment of a read-only app: `serve --read-only` sets it for the app
processes it starts."""
REFUSED = "This session is read-only: the pack cannot be changed here."


def read_only() -> bool:
    return os.environ.get(READ_ONLY, "").strip().lower() in ("1", "true", "yes", "on")
