"""What loading a pack gives: the pack as far as it is valid and what was wrong with it, or
that the directory is not there. Its own module, so the app can start on a compiled pack
without importing the loader."""

from __future__ import annotations

from dataclasses import dataclass

from aiplan_tui.core.model import Pack
from aiplan_tui.core.problems import Problems


class PackNotFoundError(Exception):
    """The directory given is not there at all: a usage error, not a content problem."""


@dataclass(frozen=True)
class LoadResult:
    """The pack as far as it is valid, and everything that was wrong with it."""

    pack: Pack
    problems: Problems
