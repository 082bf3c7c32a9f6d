"""`aiplan-tui export`: the loaded pack as JSON, for other tools."""

from __future__ import annotations

import json
import sys

from aiplan_tui.cli.status import EXIT_OK
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.pack.loader import LoadResult


def run_export(result: LoadResult) -> int:
    for problem in result.problems.errors:
        print(problem.format(), file=sys.stderr)
    json.dump(pack_to_dict(result.pack), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
