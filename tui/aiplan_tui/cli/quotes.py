"""`aiplan-tui quotes`: every quotation with who said it, direct or paraphrase, and where, as
a table, Markdown ready to paste, JSON or CSV (RFC 4180, for a spreadsheet)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiplan_tui.cli.output import console, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.core.quotations import QuoteLine

READS_PACK = True
PROVENANCE = ["outlet", "author", "published", "url"]
CSV_HEADER = ["id", "speaker", "role", "kind", "article", "title", *PROVENANCE, "paragraph", "text"]


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    quotes = subparsers.add_parser(
        "quotes",
        help="every quotation, with who said it and where",
        description="Every quotation in reading order with its speaker, role, whether it is "
        "direct or a paraphrase, article and paragraph. Exit status: 0 with quotations, 1 "
        "with none, 2 usage error (an unknown speaker lists close names).",
        parents=parents,
    )
    quotes.add_argument(
        "--footnotes", action="store_true",
        help="with --format md: cite each source once, as a pandoc footnote",
    )  # fmt: skip
    quotes.add_argument("--speaker", metavar="NAME", help="one speaker's (name, alias or id)")
    quotes.add_argument("--direct", action="store_true", help="direct quotations only")
    quotes.add_argument("--article", metavar="ID", help="one article's")
    quotes.add_argument(
        "--format", choices=["table", "md", "json", "csv"], default="table",
        help="a table, Markdown with citations, JSON, or CSV for a spreadsheet",
    )  # fmt: skip


def run(args: argparse.Namespace, context: PackContext) -> int:
    from aiplan_tui.cli.context import load
    from aiplan_tui.core.markdown import quotes_markdown
    from aiplan_tui.core.quotations import ChoiceError, select_quotes

    if args.footnotes and args.format != "md":
        print("aiplan-tui quotes: --footnotes goes with --format md", file=sys.stderr)
        return EXIT_USAGE
    result = load(context)
    try:
        lines = select_quotes(result.pack, args.speaker, args.direct, args.article)
    except ChoiceError as exc:
        print(f"aiplan-tui quotes: {clean_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        write_json([as_dict(line) for line in lines])
    elif args.format == "csv":
        sys.stdout.write(as_csv(lines))
    elif args.format == "md":
        sys.stdout.write(
            quotes_markdown((line.quote for line in lines), result.pack, args.footnotes)
        )
    else:
        print_table(lines)
    return EXIT_OK if lines else EXIT_PROBLEMS


def as_dict(line: QuoteLine) -> dict[str, object]:
    quote = line.quote
    return {
        "id": quote.id,
        "speaker": {"id": quote.speaker, "name": line.speaker, "role": line.role},
        "kind": line.kind,
        "article": {
            "id": quote.article,
            "title": line.article_title,
            # What the article does not give is null: never a guess, never a placeholder.
            **{name: value or None for name, value in line.given.items()},
        },
        "paragraph": line.paragraph,
        "page": line.page,
        "text": quote.exact,
    }


def as_csv(lines: list[QuoteLine]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for line in lines:
        q = line.quote
        given = [line.given[name] for name in PROVENANCE]
        writer.writerow([q.id, line.speaker, line.role, line.kind, q.article, line.article_title,
                         *given, line.paragraph, q.exact])  # fmt: skip
    return out.getvalue()


def print_table(lines: list[QuoteLine]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"{len(lines)} quotations"), expand=True)
    for column in ("speaker", "kind", "where", "words"):
        table.add_column(column, no_wrap=column != "words")
    for line in lines:
        page = "" if line.page is None else f" p. {line.page}"
        where = f"{line.quote.article}{page} ¶{line.paragraph}"
        table.add_row(Text(clean_line(line.speaker)), Text(line.kind), Text(where),
                      Text(clean_line(line.quote.exact)))  # fmt: skip
    console().print(table)
