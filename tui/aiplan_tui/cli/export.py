"""`aiplan-tui export`: the loaded pack as JSON, for other tools."""

from __future__ import annotations

import sys

from aiplan_tui.cli.output import holds_everything, write_json
from aiplan_tui.cli.status import EXIT_OK
from aiplan_tui.compiled.stale import Stale
from aiplan_tui.compiled.store import CompiledPack
from aiplan_tui.core.export import pack_to_dict
from aiplan_tui.core.problems import Problems
from aiplan_tui.pack.loader import LoadResult


def run_export(result: LoadResult) -> int:
    _report(result.problems)
    write_json(pack_to_dict(result.pack))
    return EXIT_OK


def run_stored_export(compiled: CompiledPack) -> int | None:
    """The export as it was stored when the pack was compiled, the same text to the byte;
    None if the database turns out damaged (build it again)."""
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
