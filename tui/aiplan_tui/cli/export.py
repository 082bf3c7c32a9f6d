"""`aiplan-tui export`: the loaded pack as JSON, for other tools; its articles as references
(CSL-JSON, RIS, BibTeX) and its highlights as W3C Web Annotations, for reference managers and
annotation tools."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import holds_everything, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.compiled.store import CompiledPack
    from aiplan_tui.core.problems import Problems
    from aiplan_tui.pack.result import LoadResult

READS_PACK = True
FORMATS = ["json", "csl-json", "ris", "bibtex", "annotations"]


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export",
        help="print the pack for other tools: JSON, references, annotations",
        description="Print the loaded pack (only what is valid) for other tools: the whole "
        "pack as JSON; its articles as references for Zotero, pandoc or LaTeX (CSL-JSON, RIS, "
        "BibTeX: one per article, only what the article gives); its highlights as W3C Web "
        "Annotations. Exit status: 0, or 2 for an unknown --article.",
        parents=parents,
    )
    export.add_argument(
        "--format", choices=FORMATS, default="json",
        help="json (the whole pack), csl-json, ris, bibtex (a reference per article), "
        "annotations (W3C Web Annotation JSON-LD, one per highlight)",
    )  # fmt: skip
    export.add_argument("--article", metavar="ID", help="only this article (and its highlights)")


def run(args: argparse.Namespace, context: PackContext) -> int:
    """As stored when the pack was compiled, if that is current; else loaded (and compiled
    for next time, after the output)."""
    from aiplan_tui.cli.context import load
    from aiplan_tui.cli.warm import answer_from_compiled
    from aiplan_tui.compiled.current import compile_loaded
    from aiplan_tui.compiled.manifest import pack_manifest

    if args.format != "json" or args.article is not None:
        return run_narrowed(args, load(context))
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


def run_narrowed(args: argparse.Namespace, result: LoadResult) -> int:
    """Any format but the whole pack's JSON, or one article's: from the loaded pack."""
    from aiplan_tui.core import export_formats

    pack = result.pack
    if args.article is not None and pack.article(args.article) is None:
        ids = ", ".join(article.id for article in pack.articles) or "none"
        print(
            f"aiplan-tui export: no article {clean_line(args.article)!r}; articles: {ids}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    _report(result.problems)
    made = export_formats.render(args.format, pack, args.article)
    if isinstance(made, str):
        sys.stdout.write(made)
    else:
        write_json(made)
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
