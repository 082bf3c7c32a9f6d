"""`aiplan-tui compare`: the two sides dimension by dimension, as a table, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import console, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = True


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    compare = subparsers.add_parser(
        "compare",
        help="the two sides, dimension by dimension",
        description="Print the comparison: each side's summary and quoted points per dimension, "
        "and figures both sides give. Exit status: 0 printed, 2 usage error (unknown sides).",
        parents=parents,
    )
    compare.add_argument(
        "--format", choices=["table", "md", "json"], default="table",
        help="a table for the terminal, Markdown with a citation for every point, or JSON",
    )  # fmt: skip
    compare.add_argument(
        "--footnotes", action="store_true",
        help="with --format md: cite each source once, as a pandoc footnote",
    )  # fmt: skip
    compare.add_argument(
        "--sides", metavar="A,B", help="which two sides, left first (default: the pack's first two)"
    )


def run(args: argparse.Namespace, context: PackContext) -> int:
    from aiplan_tui.cli.context import load
    from aiplan_tui.compare.markdown import matrix_to_markdown
    from aiplan_tui.compare.matrix import SidesError, build_matrix, parse_sides
    from aiplan_tui.compare.render import matrix_table, matrix_to_dict

    if args.footnotes and args.format != "md":
        print("aiplan-tui compare: --footnotes goes with --format md", file=sys.stderr)
        return EXIT_USAGE
    pack = load(context).pack
    try:
        sides = parse_sides(args.sides, pack) if args.sides else None
        matrix = build_matrix(pack, sides)
    except SidesError as exc:
        print(f"aiplan-tui compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        write_json(matrix_to_dict(matrix, pack))
    elif args.format == "md":
        sys.stdout.write(matrix_to_markdown(matrix, pack, args.footnotes))
    else:
        console().print(matrix_table(matrix, pack))
    return EXIT_OK
