"""`aiplan-tui check`: every problem in a pack as PATH:LINE:COL, then a one-line summary."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS
from aiplan_tui.core.problems import display_path, plural
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.loader import load_pack


def run_check(root: Path, strict: bool) -> int:
    result = load_pack(root)
    problems = result.problems
    for problem in problems.items:
        print(problem.format())
    pack = result.pack
    counts = ", ".join(
        [
            plural(len(pack.articles), "article"),
            plural(len(pack.highlights), "highlight"),
            plural(len(pack.entities), "entity"),
            plural(len(pack.comparison), "comparison cell"),
        ]
    )
    print(clean_line(f"{display_path(root)}: {problems.summary()} ({counts} loaded)"))
    failed = problems.errors or (strict and problems.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK
