"""What each step of a load found, step by step and file by file: so the compiled pack can
keep each file's problems, skips, claimed and rejected ids with the file, and a change can
load again only the files it touches (compiled/incremental.py). No Textual.

A load's steps run in a fixed order (the phases below) and, within a step, file by file in
sorted order; every problem, skip and id belongs to the step and file that was being loaded
when it was found. Ordering the segments by (phase, unit) gives the load's own order back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from aiplan_tui.core.problems import Problem, Problems
from aiplan_tui.pack.registry import Registry

ENTRIES, PACK_FILE, ARTICLES, ENTITIES, HIGHLIGHTS, CELLS, ATTRIBUTION = range(7)
"""The phases of a load, in its order: odd entries and links, pack.toml, each article file,
entities.toml, each highlight file, the comparison, each article's attribution."""


@dataclass
class Segment:
    """One step of a load, or one file's part of it (`unit`: its path relative to the root)."""

    phase: int
    unit: str
    problems: list[Problem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    claims: list[tuple[str, str]] = field(default_factory=list)
    """(category, id) of each id it defined (the first to, as `Registry.claim` says)."""
    rejected: list[tuple[str, str]] = field(default_factory=list)
    """(category, id) it found defined with errors (see `Registry.rejected`)."""


class SegmentLog:
    """Cuts a load's problems, skips and ids into segments as it goes: `begin` each step or
    file, `end` once the load is done."""

    def __init__(self, problems: Problems, registry: Registry) -> None:
        self.segments: list[Segment] = []
        self._problems = problems
        self._registry = registry
        self._open: Segment | None = None
        self._items = 0
        self._skipped: dict[str, int] = {}
        self._claims = 0
        self._rejected: set[tuple[str, str]] = set()

    def begin(self, phase: int, unit: str = "") -> None:
        self.end()
        problems, registry = self._problems, self._registry
        self._open = Segment(phase, unit)
        self._items = len(problems.items)
        self._skipped = dict(problems.skipped)
        self._claims = len(registry.defined_at)
        if len(registry.rejected) != len(self._rejected):
            self._rejected = set(registry.rejected)

    def end(self) -> None:
        segment, self._open = self._open, None
        if segment is None:
            return
        problems, registry = self._problems, self._registry
        segment.problems = problems.items[self._items :]
        grown = Counter(problems.skipped)
        grown.subtract(self._skipped)
        segment.skipped = {what: n for what, n in grown.items() if n}
        new_claims = len(registry.defined_at) - self._claims
        segment.claims = list(islice(reversed(registry.defined_at), new_claims))[::-1]
        if len(registry.rejected) != len(self._rejected):
            segment.rejected = sorted(registry.rejected - self._rejected)
            self._rejected = set(registry.rejected)
        self.segments.append(segment)
