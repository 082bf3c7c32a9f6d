"""Review's undo: every file an edit wrote, with its bytes before and after, one step per edit;
undoing a step writes the old bytes back as one transaction under the pack's lock, or, where a
file changed since the edit (an editor, another writer), nothing at all. No Textual.

The writers (authoring/review.py) tell `record` what they wrote; a `History` collects what is
recorded while one of its steps is open."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from aiplan_tui.core.transaction import pack_lock, pack_root, write_files

DEPTH = 100
"""Steps kept; the oldest are forgotten."""


class UndoError(Exception):
    """Why a step cannot be undone (no file was changed)."""


@dataclass(frozen=True)
class FileChange:
    """One file as an edit found it (None: it was not there) and as it left it."""

    path: Path
    before: bytes | None
    after: bytes


@dataclass(frozen=True)
class Step:
    """What one edit did, to every file it wrote, said in `label`."""

    label: str
    changes: tuple[FileChange, ...]
    subject: str = ""
    """The id of what was edited (the cursor goes back to it when undone)."""


_RECORDING: ContextVar[list[FileChange] | None] = ContextVar("review_recording", default=None)


def record(path: Path, before: bytes | None, after: bytes) -> None:
    """A writer wrote `path`: kept by the open step, if one is recording."""
    changes = _RECORDING.get()
    if changes is not None:
        changes.append(FileChange(path, before, after))


def _merged(changes: list[FileChange]) -> tuple[FileChange, ...]:
    """One change per file: as the step found it first and left it last."""
    merged: dict[Path, FileChange] = {}
    for change in changes:
        first = merged.get(change.path, change)
        merged[change.path] = FileChange(change.path, first.before, change.after)
    return tuple(merged.values())


class History:
    """The steps of undo, newest last. A step is open from the first write of an edit until
    `close`, so an edit of several writes (a new person and the speaker set) is one step."""

    def __init__(self, depth: int = DEPTH) -> None:
        self.depth = depth
        self._steps: list[Step] = []
        self._open: list[FileChange] = []
        self._label = ""
        self._subject = ""

    @contextlib.contextmanager
    def recording(self, label: str, subject: str = "") -> Iterator[None]:
        """Keep what the writers write meanwhile, in the open step (`label` and `subject` name
        a new one)."""
        if not self._open:
            self._label, self._subject = label, subject
        token = _RECORDING.set(self._open)
        try:
            yield
        finally:
            _RECORDING.reset(token)

    def close(self) -> None:
        """The edit is over: what it wrote is one step (none, if it wrote nothing)."""
        if self._open:
            self._steps.append(Step(self._label, _merged(self._open), self._subject))
            del self._steps[: -self.depth]
        self._open = []

    @property
    def steps(self) -> list[Step]:
        return list(self._steps)

    def undo(self) -> Step | None:
        """Put back the files of the last step (None: nothing to undo). UndoError, and no
        file changed, where one is not as the step left it; OSError from the write."""
        self.close()
        if not self._steps:
            return None
        step = self._steps[-1]
        root = pack_root(step.changes[0].path)
        with pack_lock(root):
            for change in step.changes:
                if _now(change.path) != change.after:
                    raise UndoError(
                        f"{_shown(root, change.path)} changed on disk since "
                        f"({step.label}); nothing was undone"
                    )
            write_files(root, [(c.path, c.before) for c in step.changes if c.before is not None])
            for change in step.changes:
                if change.before is None:
                    change.path.unlink()
        self._steps.pop()
        return step


def _now(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _shown(root: Path, path: Path) -> str:
    try:
        return str(path.absolute().relative_to(root))
    except ValueError:
        return str(path)
