"""The error for a pack directory that is not there: its own module, so a command can catch it
without importing what loading a pack gives (pack/result.py)."""

from __future__ import annotations


class PackNotFoundError(Exception):
    """The directory given is not there at all: a usage error, not a content problem."""
