"""Whether the changed-cells writer can be trusted with this Textual and this Rich.

The writer relies on private names of both libraries, which may change in any release. Both
are pinned in pyproject.toml to the versions in TESTED; when another version is installed, or
a private name the writer needs is missing, change tracking stays off and the app writes every
update whole, as Textual does. The reason is written once to the log, never on screen.
"""

from __future__ import annotations

import os
import time
from importlib import import_module
from pathlib import Path

from aiplan_tui.paths import log_file

TESTED = {"textual": "8.2.8", "rich": "15.0.0"}
"""The versions the writer was tested with; pyproject.toml pins exactly these."""
FULL_REPAINT_VARIABLE = "AIPLAN_TUI_FULL_REPAINT"
"""Set (to anything) to write every update whole, as Textual does, instead of only changes."""
MAX_LOG_BYTES = 256 * 1024
"""A log past this size is started afresh: it holds notes, not history."""


def version(name: str) -> str:
    """The installed version of a package already imported: from the name of its dist-info
    folder beside it (one directory listing), else from its metadata (importlib.metadata
    costs a twentieth of a second to import, at every start); "unknown" if neither says."""
    try:
        where = import_module(name).__file__
        if where is not None:
            prefix, suffix = f"{name}-", ".dist-info"
            found = [
                entry.name[len(prefix) : -len(suffix)]
                for entry in os.scandir(Path(where).resolve().parent.parent)
                if entry.name.startswith(prefix) and entry.name.endswith(suffix)
            ]
            if len(found) == 1 and found[0][:1].isdigit():  # else ask the metadata
                return found[0]
    except (ImportError, OSError):
        pass
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(name)
    except PackageNotFoundError:
        return "unknown"


def untested_versions() -> list[str]:
    """`rich 15.1.0 (tested with 15.0.0)` for each library whose version differs."""
    found = []
    for name, tested in TESTED.items():
        installed = version(name)
        if installed != tested:
            found.append(f"{name} {installed} (tested with {tested})")
    return found


APP_NAMES = (
    "_display", "_driver", "_running", "_closed", "_batch_count", "_previous_cursor_position",
    "_background_screens",
)  # fmt: skip
"""Textual's private names the writer reads on the app."""


def probe(app: object) -> str | None:
    """Exercise every private name the writer uses; what is missing, or None if all work."""
    try:
        from rich.color import ColorSystem
        from rich.console import Console
        from rich.style import Style

        from aiplan_tui.terminal import model  # imports textual._compositor
        from aiplan_tui.terminal.rich_style import (
            attribute_bits,
            console_colours,
            drawn_copy,
            drawn_key,
            has_link,
        )

        style = Style(bold=True, color="#123456", bgcolor="red", link="https://example.org")
        drawn = drawn_copy(style, ColorSystem.STANDARD)
        assert has_link(style) and attribute_bits(style) == 1, "style fields"
        assert drawn_key(style, ColorSystem.EIGHT_BIT), "style fields"
        assert drawn.color is not None and drawn.color.triplet is None, "colour downgrade"
        assert console_colours(Console(color_system="256")) == ColorSystem.EIGHT_BIT
        assert model.Written("x").render_segments(Console()) == "x", "compositor updates"
        missing = [name for name in APP_NAMES if not hasattr(app, name)]
        assert not missing, f"App has no {', '.join(missing)}"
    except Exception as error:  # whatever changed, the answer is: do not track
        return f"a private name it relies on changed ({type(error).__name__}: {error})"
    return None


def tracking_off_reason(app: object) -> str | None:
    """Why change tracking must stay off for this app, or None to use it."""
    if os.environ.get(FULL_REPAINT_VARIABLE):
        return f"{FULL_REPAINT_VARIABLE} is set"
    untested = untested_versions()
    if untested:
        return f"untested versions installed: {', '.join(untested)}"
    return probe(app)


def write_log(message: str) -> None:
    """Add a line to the app's log file; a log that cannot be written is not worth a notice."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.unlink()
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {message}\n")
    except OSError:
        pass
