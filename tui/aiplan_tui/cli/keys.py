"""`aiplan-tui keys`: every key binding's id (for `[keys]` in config.toml), keys and use.

The bindings are the app's own, so this command reads them from the app's screens."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_OK

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = False


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "keys",
        help="list the key binding ids",
        description="List every key binding: its id (for [keys] in config.toml), keys and what "
        "it does.",
    )


def run(args: argparse.Namespace, context: PackContext | None = None) -> int:
    return run_keys()


def run_keys() -> int:
    from aiplan_tui.ui.key_catalogue import all_bindings
    from aiplan_tui.ui.screens.help import key_name

    rows = [
        (b.id or "", ",".join(key_name(k) for k in b.key.split(",")), b.tooltip or b.description)
        for _, b in all_bindings()
        if b.id
    ]
    width = max(len(row[0]) for row in rows)
    keys_width = max(len(row[1]) for row in rows)
    for binding_id, keys, what in rows:
        print(f"{binding_id:<{width}}  {keys:<{keys_width}}  {what}")
    return EXIT_OK
