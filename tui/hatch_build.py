"""Build hook: the man page, made when the wheel is built and installed with it as
`share/man/man1/aiplan-tui.1` (so `man aiplan-tui` works wherever the install's `bin` is on
PATH).

Commands and options come from the command's own argparse parser (argparse-manpage); the key
tables and the query language from the README's tables, which `tests/test_readme.py` holds
to what the app's help screen lists.
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
    readme = (root / "README.md").read_text(encoding="utf-8")
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
    page.add_section("KEYS", ">", keys_section(readme))
    page.add_section("QUERY LANGUAGE", ">", query_section(readme))
    page.add_section("ENVIRONMENT", ">", ENVIRONMENT)
    return str(page)


ENVIRONMENT = r""".TP
.B NO_COLOR
Set and not empty: the app writes no colour at all.
.TP
.B AIPLAN_TUI_LITE
1: start as with \-\-lite (for slow links).
.TP
.B XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME
Where config.toml and themes, state.json and the log, and compiled packs live (each under
aiplan\-tui/).
"""


def section_of(readme: str, heading: str) -> str:
    """The README's text under `heading` (a `## ` line), up to the next `## ` heading."""
    start = readme.index(f"\n{heading}\n") + len(heading) + 2
    end = readme.find("\n## ", start)
    return readme[start : end if end >= 0 else len(readme)]


def keys_section(readme: str) -> str:
    out = []
    for line in section_of(readme, "## Keys").splitlines():
        title = re.fullmatch(r"\*\*(.+)\*\*", line.strip())
        if title:
            out.append(f".SS {roff(title.group(1))}")
        elif (row := table_row(line)) is not None:
            key, does = row
            out += [".TP", bold(key), roff(does)]
    return "\n".join(out)


def query_section(readme: str) -> str:
    out = ["Every word is matched fuzzily unless marked otherwise:"]
    rows = [
        row for line in section_of(readme, "## Search").splitlines() if (row := table_row(line))
    ]
    for query, finds in rows:
        out += [".TP", bold(query), roff(finds)]
    return "\n".join(out)


def table_row(line: str) -> tuple[str, str] | None:
    """(first cell, second cell) of a Markdown table's body row, code marks taken off."""
    if not line.startswith("| ") or line.startswith("| ---"):
        return None
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|(?![^`]*`\s*\|)", line.strip("|"))]
    if len(cells) < 2 or cells[0] in ("key", "query"):
        return None
    return cells[0].replace("`", ""), " | ".join(cells[1:]).replace("`", "")


def bold(text: str) -> str:
    """A line of bold text (not the .B macro, whose arguments lose their double quotes)."""
    return f"\\fB{roff(text)}\\fR"


def roff(text: str) -> str:
    """Plain text, safe as roff: backslashes escaped, hyphens kept as hyphens, and no line
    starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text
