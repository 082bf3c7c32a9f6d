"""`aiplan-tui export`: the loaded pack as JSON, for other tools."""

from __future__ import annotations

import sys

from aiplan_tui.cli.output import write_json
from aiplan_tui.cli.status import EXIT_OK
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.pack.loader import LoadResult


def run_export(result: LoadResult) -> int:
    for problem in result.problems.errors:
        print(problem.format(), file=sys.stderr)
    write_json(pack_to_dict(result.pack))
    return EXIT_OK
