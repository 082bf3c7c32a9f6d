"""What loading a pack gives: the pack as far as it is valid and what was wrong with it, or
that the directory is not there. Its own module, so the app can start on a compiled pack
without importing the loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiplan_tui.pack.not_found import PackNotFoundError as PackNotFoundError

if TYPE_CHECKING:  # for the annotations only: a command that finds its pack's directory
    # missing imports neither
    from aiplan_tui.core.model import Pack
    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.segments import Segment


@dataclass(frozen=True)
class LoadResult:
    """The pack as far as it is valid, and everything that was wrong with it."""

    pack: Pack
    problems: Problems
    segments: tuple[Segment, ...] | None = field(default=None, compare=False, repr=False)
    """What each step and file of the load found (pack/segments.py), if it was loaded from
    the files: what lets the compiled pack be updated a file at a time."""
