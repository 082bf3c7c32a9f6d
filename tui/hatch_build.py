"""Build hook: the man page, made when the wheel is built and installed with it as
`share/man/man1/aiplan-tui.1` (so `man aiplan-tui` works wherever the install's `bin` is on
PATH).

Commands and options come from the command's own argparse parser (argparse-manpage); the keys
from docs/keys.md, which docs/generate.py makes from the key bindings (`--check` in CI and
tests/cli/test_docs.py keep it current: the build cannot import Textual to read them itself), and
the query language from the table in docs/search.md.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MAN_PATH = "share/man/man1/aiplan-tui.1"


class ManPageHook(BuildHookInterface):  # type: ignore[type-arg]
    """Writes the man page into a temporary directory and ships it as shared data."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._made = Path(tempfile.mkdtemp(prefix="aiplan-man-"))
        page = self._made / "aiplan-tui.1"
        page.write_text(man_page(Path(self.root)), encoding="utf-8")
        build_data.setdefault("shared_data", {})[str(page)] = MAN_PATH

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        shutil.rmtree(self._made, ignore_errors=True)


def man_page(root: Path) -> str:
    """The whole page, in roff."""
    from argparse_manpage.manpage import Manpage  # type: ignore[import-untyped]

    sys.path.insert(0, str(root / "tui"))
    try:
        from aiplan_tui import __version__
        from aiplan_tui.cli.parser import build_parser
    finally:
        sys.path.remove(str(root / "tui"))
    keys = doc(root, "keys.md")
    search = doc(root, "search.md")
    page = Manpage(
        build_parser(),
        _data={
            "project_name": "aiplan-tui",
            "version": __version__,
            "manual_section": 1,
            "manual_title": "aiplan-tui manual",
            "description": "read, search and compare coverage of the 2025 AI action plans",
        },
    )
    page.add_section("KEYS", ">", keys_section(keys))
    page.add_section("QUERY LANGUAGE", ">", query_section(search))
    page.add_section("ENVIRONMENT", ">", ENVIRONMENT)
    return str(page)


ENVIRONMENT = r""".TP
.B NO_COLOR
Set and not empty: the app writes no colour at all.
.TP
.B AIPLAN_TUI_LITE
1: start as with \-\-lite (for slow links).
.TP
.B AIPLAN_TUI_FULL_REPAINT
1: write every update whole, as Textual does, instead of only the cells that changed.
.TP
.B AIPLAN_TUI_READ_ONLY
1: the app changes no pack file (set by serve \-\-read\-only).
.TP
.B AIPLAN_TUI_FETCH_TIMEOUT
Seconds add may take to fetch an address (default 30).
.TP
.B XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME
Where config.toml and themes, state.json and the log, and compiled packs live (each under
aiplan\-tui/).
"""


def doc(root: Path, name: str) -> str:
    """A page of docs/, or a build error saying where it should be."""
    path = root / "docs" / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the man page is made from it; build from a full tree")
    return path.read_text(encoding="utf-8")


def section_of(page: str, heading: str) -> str:
    """A page's text under `heading` (a `## ` line), up to the next `## ` heading."""
    start = page.index(f"\n{heading}\n") + len(heading) + 2
    end = page.find("\n## ", start)
    return page[start : end if end >= 0 else len(page)]


def keys_section(keys: str) -> str:
    """docs/keys.md's tables: a subsection per screen, a tagged paragraph per key."""
    out = []
    for line in keys.splitlines():
        if line.startswith("## "):
            out.append(f".SS {roff(line[3:].strip())}")
        elif (row := table_row(line)) is not None:
            key, does = row[0], row[1]
            out += [".TP", bold(key), roff(does)]
    return "\n".join(out)


def query_section(search: str) -> str:
    out = ["Every word is matched fuzzily unless marked otherwise:"]
    table = section_of(search, "## The query language")
    for row in (row for line in table.splitlines() if (row := table_row(line))):
        out += [".TP", bold(row[0]), roff(row[1])]
    return "\n".join(out)


def table_row(line: str) -> list[str] | None:
    """The cells of a Markdown table's body row, code marks and escapes taken off; None for
    any other line (the header and its rule included)."""
    if not line.startswith("| ") or line.startswith("| ---"):
        return None
    cells = [
        cell.strip().replace("\\|", "|").replace("`", "")
        for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))
    ]
    if len(cells) < 2 or cells[0] in ("key", "query"):
        return None
    return cells


def bold(text: str) -> str:
    """A line of bold text (not the .B macro, whose arguments lose their double quotes)."""
    return f"\\fB{roff(text)}\\fR"


def roff(text: str) -> str:
    """Plain text, safe as roff: backslashes escaped, hyphens kept as hyphens, and no line
    starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text
