"""`aiplan-tui themes`: every theme with where it comes from, then any problem in a theme file.

Colours are checked as the app draws them, so this command loads the app's theme catalogue.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = False


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "themes",
        help="list the themes",
        description="List every theme (bundled and yours) with where it comes from, then any "
        "problems in theme files as PATH:LINE:COL. Exit status: 0 all themes valid, 1 problems.",
    )


def run(args: argparse.Namespace, context: PackContext | None = None) -> int:
    return run_themes()


def run_themes() -> int:
    from aiplan_tui.core.problems import display_path
    from aiplan_tui.paths import bundled_themes_dir, user_themes_dir
    from aiplan_tui.settings.themes import DEFAULT_THEME
    from aiplan_tui.ui.theme_catalog import ThemeCatalog

    catalog = ThemeCatalog.load(bundled_themes_dir(), user_themes_dir())
    width = max((len(name) for name in catalog.names), default=0)
    for name, entry in catalog.entries.items():
        default = " (default)" if name == DEFAULT_THEME else ""
        where = clean_line(display_path(entry.path))
        print(f"{name:<{width}}  {entry.origin:<7}  {where}{default}")
    for problem in catalog.problems.items:
        print(clean_line(problem.format()))
    if not catalog.names and not catalog.problems.items:
        print("no themes found")
    return EXIT_PROBLEMS if catalog.problems.items else EXIT_OK
