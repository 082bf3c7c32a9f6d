"""`aiplan-tui compare`: the two sides dimension by dimension, as a table, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys

from aiplan_tui.cli.output import console, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.compare.markdown import matrix_to_markdown
from aiplan_tui.compare.matrix import SidesError, build_matrix, parse_sides
from aiplan_tui.compare.render import matrix_table, matrix_to_dict
from aiplan_tui.pack.loader import LoadResult


def run_compare(result: LoadResult, args: argparse.Namespace) -> int:
    pack = result.pack
    try:
        sides = parse_sides(args.sides, pack) if args.sides else None
        matrix = build_matrix(pack, sides)
    except SidesError as exc:
        print(f"aiplan-tui compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        write_json(matrix_to_dict(matrix, pack))
    elif args.format == "md":
        sys.stdout.write(matrix_to_markdown(matrix, pack))
    else:
        console().print(matrix_table(matrix, pack))
    return EXIT_OK
