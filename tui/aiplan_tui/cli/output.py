"""Writing to standard output and error whatever their encoding: a command never dies with a
traceback (or leaves half a JSON document) because the terminal or pipe is ASCII or Latin-1.

Text that the encoding cannot hold is written with a replacement character; JSON is written
with `\\u` escapes instead, so it stays complete and exact.
"""

from __future__ import annotations

import codecs
import os
import sys

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import Any, TextIO

    from rich.console import Console

UNICODE = frozenset({"utf-8", "utf-16", "utf-32", "utf-8-sig", "utf-16-le", "utf-16-be"})


def holds_everything(stream: TextIO) -> bool:
    """Whether the stream's encoding can write any character."""
    try:
        return codecs.lookup(stream.encoding or "ascii").name in UNICODE
    except LookupError:
        return False


def prepare() -> None:
    """Text that cannot be encoded becomes "?" instead of an exception, on both streams."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and not holds_everything(stream):
            reconfigure(errors="replace")


def console() -> Console:
    """A Rich console for tables, as wide as the terminal. A COLUMNS that is not a positive
    number (`COLUMNS=0` printed nothing at all) is ignored for the terminal's own width, or 80."""
    import shutil

    from rich.console import Console

    raw = os.environ.get("COLUMNS")
    width = None
    if raw is not None and not (raw.strip().isdigit() and int(raw) > 0):
        width = shutil.get_terminal_size((80, 24)).columns
    return Console(width=width)


def write_json(data: Any) -> None:
    """Indented JSON and a newline; escaped to ASCII where the encoding needs it."""
    import json  # here: `--version` and the app's start write none

    json.dump(data, sys.stdout, ensure_ascii=not holds_everything(sys.stdout), indent=2)
    sys.stdout.write("\n")
