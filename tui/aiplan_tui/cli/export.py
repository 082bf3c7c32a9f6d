"""`aiplan-tui export`: the loaded pack as JSON, for other tools; its articles as references
(CSL-JSON, RIS, BibTeX) and its highlights as W3C Web Annotations, for reference managers and
annotation tools."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import holds_everything, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
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
    """From the compiled pack if it is current (brought up to date a file at a time if it can
    be): the whole pack's JSON from each file's stored text, the rest from its rows, written
    as they are read; else from the pack loaded whole, compiled for next time after the
    output."""
    from aiplan_tui.cli.context import load
    from aiplan_tui.cli.warm import answer_built, answer_from_compiled
    from aiplan_tui.compiled.current import compile_loaded
    from aiplan_tui.compiled.manifest import pack_manifest

    manifest = pack_manifest(context.content)  # before anything is read
    answered = answer_from_compiled(context, manifest, lambda stored: run_stored(args, stored))
    if answered is None:  # built in steps (an interrupted build is taken up)
        answered = answer_built(context, manifest, lambda stored: run_stored(args, stored))
    if answered is not None:
        return answered
    result = load(context)
    status = run_loaded(args, result)
    compile_loaded(result, manifest)
    return status


def run_loaded(args: argparse.Namespace, result: LoadResult) -> int:
    """Any format from the loaded pack."""
    from aiplan_tui.core import export_formats

    pack = result.pack
    if args.article is not None and pack.article(args.article) is None:
        return _no_article(args.article, [article.id for article in pack.articles])
    _report(result.problems)
    made = export_formats.render(args.format, pack, args.article)
    if isinstance(made, str):
        sys.stdout.write(made)
    else:
        write_json(made)
    return EXIT_OK


def run_stored(args: argparse.Namespace, compiled: CompiledPack) -> int | None:
    """Any format from the compiled pack, a row at a time; None if the database turns out
    damaged before anything is written (load the pack then). Damaged part way, the output
    is cut short: said on stderr, status 1, and the database removed (built again next)."""
    from aiplan_tui.cli.stored_export import StoredSource
    from aiplan_tui.compiled.stale import Stale
    from aiplan_tui.core.export_stream import write_export

    source = StoredSource(compiled)
    try:
        if args.article is not None and not source.has_article(args.article):
            return _no_article(args.article, source.article_ids())
        problems = compiled.problems()
    except Stale:
        return None
    written = _Written(lambda: _report(problems))  # said as the output starts
    ascii_only = not holds_everything(sys.stdout)
    try:
        write_export(args.format, source, written, ascii_only, args.article)
    except Stale:
        if not written.any:
            return None
        with contextlib.suppress(OSError):
            compiled.path.unlink()
        print(
            "\naiplan-tui export: the compiled pack turned out damaged part way, so the "
            "output above is incomplete; run the export again (the pack is read again).",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


class _Written:
    """Standard output's `write`, calling `first` before the first text, and remembering
    whether anything was written."""

    def __init__(self, first: Callable[[], None]) -> None:
        self.any, self.first = False, first

    def __call__(self, text: str) -> None:
        if not self.any:
            self.any = True
            self.first()
        sys.stdout.write(text)


def _no_article(wanted: str, ids: list[str]) -> int:
    listed = ", ".join(ids) or "none"
    print(
        f"aiplan-tui export: no article {clean_line(wanted)!r}; articles: {listed}", file=sys.stderr
    )
    return EXIT_USAGE


def _report(problems: Problems) -> None:
    for problem in problems.errors:
        print(problem.format(), file=sys.stderr)
