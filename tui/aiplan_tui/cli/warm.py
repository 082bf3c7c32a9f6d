"""Commands answered from the compiled pack, when it is current, without loading the pack.

Each returns an exit status, or None when there is no current database or it turns out
damaged while being read: then the command loads the pack and compiles it again.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from aiplan_tui.compiled.current import open_compiled
from aiplan_tui.compiled.stale import Stale


def answer_from_compiled(root: Path, args: argparse.Namespace, manifest: str) -> int | None:
    """`search` or `export` from the compiled pack of `root`, if it is current for
    `manifest`."""
    compiled = open_compiled(root, manifest=manifest)
    if compiled is None:
        return None
    try:
        if args.command == "export":
            from aiplan_tui.cli.export import run_stored_export

            return run_stored_export(compiled)
        from aiplan_tui.cli.search import search_command

        return search_command(compiled.search_index(), args)
    except Stale:
        return None
    finally:
        compiled.close()
