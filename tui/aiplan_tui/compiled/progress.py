"""A cold build's progress on standard error, when that is a terminal (issue 34): the files
read of the pack's article and highlight files, then the documents indexed, the items, and
the time so far. Nothing is shown elsewhere (a pipe, a file, the tests' capture), nor for a
build over within a moment. Rich is imported only when shown. No Textual."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from aiplan_tui.core.pausing import FILES_EVERY, PAUSE_EVERY

SHOW_AFTER = 0.5
"""Seconds of building before the progress is shown."""


class BuildProgress:
    """Counts the ticks a load and a build give (`reading`, then `indexing`: each a `Pause`)
    and shows them once the build has taken SHOW_AFTER seconds."""

    def __init__(self, root: Path, stream: TextIO) -> None:
        self._stream = stream
        self._files = _pack_files(root)
        self._started = time.monotonic()
        self._read = 0
        self._documents = 0
        self._items: int | None = None
        self._held: tuple[int, int] | None = None
        self._shown: Any = None
        self._task: Any = None

    def reading(self) -> None:
        """Called every FILES_EVERY files read (pack/loader.py)."""
        self._read = min(self._read + FILES_EVERY, self._files)
        self._show()

    def indexed(self, items: int) -> None:
        """The pack is read: `items` articles and highlights, now indexed and written."""
        self._read, self._items = self._files, items
        self._show()

    def indexing(self) -> None:
        """Called every PAUSE_EVERY documents or rows written (compiled/build.py)."""
        self._documents += PAUSE_EVERY
        self._show()

    def held(self, done: int, total: int) -> None:
        """A build in steps (compiled/staged.py) holds `done` of the pack's `total` article
        and highlight files."""
        self._held = done, total
        self._show()

    def close(self) -> None:
        if self._shown is not None:
            self._shown.stop()

    def line(self) -> str:
        """What is shown, as one line."""
        if self._held is not None:
            return f"Compiling: {self._held[0]:,}/{self._held[1]:,} files"
        if self._items is None:
            return f"Reading the pack: {self._read:,}/{self._files:,} files"
        return f"Compiling: {self._files:,} files, {self._items:,} items, {self._documents:,} rows"

    def _show(self) -> None:
        if self._shown is None:
            if time.monotonic() - self._started < SHOW_AFTER:
                return
            from rich.console import Console
            from rich.progress import Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self._stream, highlight=False, markup=False)
            self._shown = Progress(
                TextColumn("{task.description}", markup=False),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self._task = self._shown.add_task(self.line(), total=None)
            self._shown.start()
        self._shown.update(self._task, description=self.line())


@contextmanager
def build_progress(root: Path, stream: TextIO | None = None) -> Iterator[BuildProgress | None]:
    """A BuildProgress if `stream` (standard error by default) is a terminal, else None."""
    out = sys.stderr if stream is None else stream
    if not out.isatty():
        yield None
        return
    progress = BuildProgress(root, out)
    try:
        yield progress
    finally:
        progress.close()


def _pack_files(root: Path) -> int:
    count = 0
    for folder, pattern in (("articles", ".md"), ("highlights", ".toml")):
        try:
            with os.scandir(root / folder) as entries:
                count += sum(1 for entry in entries if entry.name.endswith(pattern))
        except OSError:
            continue
    return count
