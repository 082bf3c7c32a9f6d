"""`aiplan-tui check`: every problem in a pack as PATH:LINE:COL, then a one-line summary.

A pack unchanged since it was last compiled is not read again: its stored problems are
reported as they were found.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.core.problems import Problem, Problems

READS_PACK = True


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "check",
        help="validate a content pack",
        description="Validate a content pack and print every problem as PATH:LINE:COL: "
        "error|warning: MESSAGE. Exit status: 0 valid, 1 problems found, 2 usage error.",
    )
    check.add_argument(  # named `pack`: the PackContext takes it before --content
        "pack", nargs="?", type=Path, metavar="DIR", help="pack (default: bundled)"
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as problems too")
    check.add_argument(
        "--fix", action="store_true",
        help="first repair what has one right answer (an anchor's quotation marks, apostrophes "
        "and dashes; a prefix or suffix where only one place can be meant; a comparison cell's "
        "missing entry), printing each change with its line; then check",
    )  # fmt: skip
    check.add_argument(
        "--dry-run", action="store_true",
        help="with --fix: print the changes it would make, write nothing",
    )  # fmt: skip


def run(args: argparse.Namespace, context: PackContext) -> int:
    if args.dry_run and not args.fix:
        print("aiplan-tui check: --dry-run goes with --fix", file=sys.stderr)
        return EXIT_USAGE
    return run_check(context.content, strict=args.strict, fix=args.fix, dry_run=args.dry_run)


def run_check(root: Path, strict: bool, fix: bool = False, dry_run: bool = False) -> int:
    from aiplan_tui.compiled.current import build_and_read
    from aiplan_tui.core.problems import display_path, plural
    from aiplan_tui.pack.not_found import no_pack_directory
    from aiplan_tui.paths import is_bundled_pack

    if not root.is_dir():
        raise no_pack_directory(root)
    if fix and is_bundled_pack(root) and not dry_run:
        print(
            "aiplan-tui check: --fix does not edit the bundled pack (it is part of the "
            "installed app); make your own with `aiplan-tui init DIR --from-bundled`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if fix:
        from aiplan_tui.cli.fix import apply_fixes

        if not apply_fixes(root, dry_run):
            return EXIT_PROBLEMS
    found = _stored(root)
    if found is None:
        result = build_and_read(root, shown=True)  # its progress, on a terminal
        pack = result.pack
        counts = (
            len(pack.articles), len(pack.highlights), len(pack.entities), len(pack.comparison),
            len(pack.suggested),
        )  # fmt: skip
        found = result.problems, counts
    problems, (articles, highlights, entities, cells, suggested) = found
    for line in grouped(problems.items):
        print(line)
    loaded = ", ".join(
        [
            plural(articles, "article"),
            plural(highlights, "highlight"),
            *([f"{suggested} suggested (to review)"] if suggested else []),
            plural(entities, "entity"),
            plural(cells, "comparison cell"),
        ]
    )
    print(clean_line(f"{display_path(root)}: {problems.summary()} ({loaded} loaded)"))
    failed = problems.errors or (strict and problems.warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _stored(root: Path) -> tuple[Problems, tuple[int, int, int, int, int]] | None:
    from aiplan_tui.compiled.current import open_compiled
    from aiplan_tui.compiled.stale import Stale

    compiled = open_compiled(root)
    if compiled is None:
        return None
    try:
        return compiled.problems(), compiled.counts()
    except Stale:
        return None
    finally:
        compiled.close()


GROUP_FROM = 3
"""A message said at this many places or more is one line: the same cause, fixed once."""
SHOWN_PLACES = 4


def grouped(items: list[Problem]) -> Iterator[str]:
    """Each problem as PATH:LINE:COL; one whose very message recurs GROUP_FROM times or more
    (the same unknown entity in twelve quotations) as one line at its first place, listing
    the others, where the first one stood."""
    from aiplan_tui.core.problems import display_path

    places: dict[tuple[str, str], list[Problem]] = {}
    for problem in items:
        places.setdefault((problem.severity, problem.message), []).append(problem)
    for problem in items:
        same = places[(problem.severity, problem.message)]
        if len(same) < GROUP_FROM:
            yield problem.format()
            continue
        if same[0] is not problem:
            continue
        others = [f"{display_path(p.path)}:{p.line}" for p in same[1 : 1 + SHOWN_PLACES]]
        more = len(same) - 1 - len(others)
        listed = ", ".join(others) + (f" and {more} more" if more else "")
        yield clean_line(f"{problem.format()} ({len(same)} places; also {listed})")
