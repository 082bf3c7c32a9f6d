"""The error for a pack directory that is not there: its own module, so a command can catch it
without importing what loading a pack gives (pack/result.py)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from pathlib import Path


class PackNotFoundError(Exception):
    """The directory given is not there at all: a usage error, not a content problem."""


def no_pack_directory(root: Path) -> PackNotFoundError:
    """The error for a content directory that is not there, or is a file: what it is, and
    what to give instead."""
    if root.exists() and not root.is_dir():
        return PackNotFoundError(
            f"{root}: not a content directory (it is a file); give the folder of a pack "
            "(the one holding pack.toml)"
        )
    from shlex import quote

    return PackNotFoundError(
        f"{root}: no such content directory; give the folder of a pack, or make one there "
        f"with `aiplan-tui init {quote(str(root))}`"
    )
