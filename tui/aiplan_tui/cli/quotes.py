"""`aiplan-tui quotes`: every quotation with who said it, direct or paraphrase, and where, as
a table, Markdown ready to paste, JSON or CSV (RFC 4180, for a spreadsheet)."""

from __future__ import annotations

import argparse
import csv
import io
import sys

from aiplan_tui.cli.output import console, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.markdown import quotes_markdown
from aiplan_tui.core.quotations import ChoiceError, QuoteLine, select_quotes
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.pack.loader import LoadResult

PROVENANCE = ["outlet", "author", "published", "url"]
CSV_HEADER = ["id", "speaker", "role", "kind", "article", "title", *PROVENANCE, "paragraph", "text"]


def run_quotes(result: LoadResult, args: argparse.Namespace) -> int:
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
        sys.stdout.write(quotes_markdown((line.quote for line in lines), result.pack))
    else:
        print_table(lines)
    return EXIT_OK if lines else EXIT_PROBLEMS


def as_dict(line: QuoteLine) -> dict[str, object]:
    quote = line.quote
    return {
        "id": quote.id,
        "speaker": {"id": quote.speaker, "name": line.speaker, "role": line.role},
        "kind": line.kind,
        "article": {"id": quote.article, "title": line.article_title, **line.given},
        "paragraph": line.paragraph,
        "text": quote.exact,
    }


def as_csv(lines: list[QuoteLine]) -> str:
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
        where = f"{line.quote.article} ¶{line.paragraph}"
        table.add_row(Text(clean_line(line.speaker)), Text(line.kind), Text(where),
                      Text(clean_line(line.quote.exact)))  # fmt: skip
    console().print(table)
