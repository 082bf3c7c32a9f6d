"""`aiplan-tui export`: the loaded pack as JSON, for other tools."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import holds_everything, write_json
from aiplan_tui.cli.status import EXIT_OK

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.compiled.store import CompiledPack
    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.result import LoadResult

READS_PACK = True


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export",
        help="print the whole loaded pack",
        description="Print the loaded pack (only what is valid) for other tools.",
        parents=parents,
    )
    export.add_argument("--format", choices=["json"], default="json", help="output format")


def run(args: argparse.Namespace, context: PackContext) -> int:
    """As stored when the pack was compiled, if that is current; else loaded (and compiled
    for next time, after the output)."""
    from aiplan_tui.cli.context import load
    from aiplan_tui.cli.warm import answer_from_compiled
    from aiplan_tui.compiled.current import compile_loaded
    from aiplan_tui.compiled.manifest import pack_manifest

    manifest = pack_manifest(context.content)  # before anything is read
    answered = answer_from_compiled(context, manifest, run_stored_export)
    if answered is not None:
        return answered
    result = load(context)
    status = run_export(result)
    compile_loaded(result, manifest, with_export=True)
    return status


def run_export(result: LoadResult) -> int:
    from aiplan_tui.core.export import pack_to_dict

    _report(result.problems)
    write_json(pack_to_dict(result.pack))
    return EXIT_OK


def run_stored_export(compiled: CompiledPack) -> int | None:
    """The export as it was stored when the pack was compiled, the same text to the byte;
    None if the database turns out damaged (build it again)."""
    from aiplan_tui.compiled.stale import Stale

    try:
        problems, chunks = compiled.problems(), compiled.export_text()
    except Stale:
        return None
    _report(problems)
    ascii_only = not holds_everything(sys.stdout)
    for chunk in chunks:
        sys.stdout.write(ascii_escaped(chunk) if ascii_only else chunk)
    sys.stdout.write("\n")
    return EXIT_OK


def _report(problems: Problems) -> None:
    for problem in problems.errors:
        print(problem.format(), file=sys.stderr)


def ascii_escaped(text: str) -> str:
    """JSON text with every character beyond ASCII as `\\uXXXX` (a pair of them beyond the
    BMP), as `json.dumps(..., ensure_ascii=True)` writes it: outside strings JSON is ASCII."""
    if text.isascii():
        return text
    out = []
    for character in text:
        code = ord(character)
        if code < 0x80:
            out.append(character)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)
