"""Exit statuses shared by every subcommand."""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
"""0: done; 1: the command found problems (or no results); 2: it was used wrongly."""
EXIT_INTERRUPTED = 130
"""Ended by Ctrl-C (SIGINT), as shells report it: 128 + 2."""
