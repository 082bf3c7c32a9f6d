"""`aiplan-tui search`: the engine on the command line, as a table, tab-separated lines or JSON."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from aiplan_tui.cli.output import console, write_json
from aiplan_tui.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line, shorten
from aiplan_tui.search.kinds import KINDS

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.search.engine import SearchIndex
    from aiplan_tui.search.hits import Hit

READS_PACK = True


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    search = subparsers.add_parser(
        "search",
        help="search the pack",
        description="Search everything in a pack with the app's query language. Exit status: "
        "0 with results, 1 with none (said on stderr, with a close word from the pack if "
        "there is one), 2 usage error. Output: a table in a terminal, tab-separated lines when "
        "piped (kind, id, score, article, paragraph counted from 1, text, who), or JSON.",
        parents=parents,
    )
    search.add_argument(
        "query", nargs="+", metavar="WORDS",
        help="what to look for; the words are one query, e.g. li monopolies, deepsek, ^invest, "
        "kind:quote (a phrase in double quotes, or !word, needs quoting from the shell too)",
    )  # fmt: skip
    search.add_argument(
        "--kind", action="append", default=[], metavar="K",
        help=f"only these kinds ({', '.join(KINDS)}); repeat or separate with commas",
    )  # fmt: skip
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    search.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, context: PackContext) -> int:
    """From the compiled pack if that is current; else from the pack loaded (and compiled
    for next time). A usage error exits 2 before any search runs."""
    from aiplan_tui.cli.warm import answer_built, answer_from_compiled
    from aiplan_tui.compiled.manifest import pack_manifest

    if search_options(args) is None:
        return EXIT_USAGE
    manifest = pack_manifest(context.content)  # before anything is read
    answered = answer_from_compiled(
        context, manifest, lambda compiled: search_command(compiled.search_index(), args)
    )
    if answered is None:  # built in steps (an interrupted build is taken up)
        answered = answer_built(
            context, manifest, lambda compiled: search_command(compiled.search_index(), args)
        )
    if answered is not None:
        return answered
    return _search_loaded(context, manifest, args)


def _search_loaded(context: PackContext, manifest: str, args: argparse.Namespace) -> int:
    """The pack loaded from its files and compiled whole, then searched."""
    from aiplan_tui.cli.context import load
    from aiplan_tui.compiled.current import compile_loaded, loaded_items
    from aiplan_tui.compiled.progress import build_progress

    with build_progress(context.content) as progress:  # on a terminal: files, items, time
        result = load(context, None if progress is None else progress.reading)
        if progress is not None:
            progress.indexed(loaded_items(result))
        pause = None if progress is None else progress.indexing
        index = compile_loaded(result, manifest, pause=pause)
    return search_command(index, args)


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """The JSON shape: kind, id, score, article, location, field, text, spans, who, shown,
    shown_spans, status (`"suggested"` for a suggested highlight, found only by a
    `status:suggested` query; else `""`). The location's `paragraph` indexes the article's
    `paragraphs` (from 0, as in `export`); `number` is the paragraph as people count it and
    every human output shows it (¶ from 1); `page` the page it is on in an article with
    pages (a PDF), else null. `field`, `text` and `spans` are the field the best
    match is in; `shown` is what the result shows first whatever matched (its own words; a
    fact's figure, then its words), with `shown_spans` the matches in it."""
    from aiplan_tui.search.hits import shown

    location = hit.location
    own = shown(hit).own
    return {
        "kind": hit.kind,
        "id": hit.id,
        "score": round(hit.score, 4),
        "article": hit.doc.article or None,
        "location": None
        if location is None
        else {
            "paragraph": location.paragraph,
            "number": location.paragraph + 1,
            "start": location.start,
            "end": location.end,
            "page": hit.doc.page or None,
        },
        "field": hit.field,
        "text": hit.text,
        "spans": [list(span) for span in hit.spans],
        "who": hit.doc.who,
        "missing": list(hit.missing),
        "shown": own.text,
        "shown_spans": [list(span) for span in own.spans],
        "status": hit.doc.status,
    }


def run_search(index: SearchIndex, query: str, kinds: list[str], limit: int, as_json: bool) -> int:
    """Print the hits; exit status 0 with results, 1 with none, as grep does. Every hit is
    found (and read from a compiled pack) before the first is printed. None is said on
    stderr, with the pack's closest words for any that are in no document; stdout stays as
    for no hits (nothing, or `[]` in JSON) for whatever reads it."""
    from aiplan_tui.search.hits import no_results, partial_note, shown

    hits = index.search(query, limit=limit, kinds=kinds)
    if not hits:
        said = no_results(query, index.suggest(query))
        print(f"aiplan-tui search: {said}", file=sys.stderr)
    elif note := partial_note(hits):
        print(f"aiplan-tui search: {clean_line(note)}", file=sys.stderr)
    if as_json:
        write_json([hit_to_dict(hit) for hit in hits])
    elif not hits:
        pass
    elif sys.stdout.isatty():
        _print_table(hits, query)
    else:
        for hit in hits:
            where = "" if hit.location is None else str(hit.location.paragraph + 1)
            text, who, own = (clean_line(t) for t in (hit.text, hit.doc.who, shown(hit).own.text))
            fields = [hit.kind, hit.id, f"{hit.score:.3f}", hit.doc.article, where, text, who,
                      hit.field, own]  # fmt: skip
            sys.stdout.write("\t".join(field.replace("\t", " ") for field in fields) + "\n")
    return EXIT_OK if hits else EXIT_PROBLEMS


def _print_table(hits: list[Hit], query: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from aiplan_tui.search.hits import field_label, marked, shown

    table = Table(title=Text(f"{len(hits)} results for {query}"), expand=True, show_lines=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("id", no_wrap=True, overflow="fold")
    table.add_column("where", no_wrap=True)
    table.add_column("match")
    for hit in hits:
        seen = shown(hit)
        match = marked(seen.own, width=80)
        if seen.matched is not None:
            match.append(f"\n{field_label(seen.matched.label)}: ", style="dim")
            match.append_text(marked(seen.matched, width=80))
        if seen.who.text:
            match.append("\n")
            match.append_text(marked(seen.who, style="dim"))
        if seen.field is not None and seen.matched is None:  # the match is in `who`
            match.append(f" · matched in {field_label(seen.field)}", style="dim")
        where = hit.doc.article
        if hit.doc.page:
            where += f" p. {hit.doc.page}"
        if hit.location is not None:
            where += f" ¶{hit.location.paragraph + 1}"
        kind = Text(hit.kind)
        if hit.doc.status:
            kind.append(f"\n{hit.doc.status}", style="italic")
        table.add_row(kind, Text(hit.id), Text(where), match)
    console().print(table)


def query_text(args: argparse.Namespace) -> str:
    """The query: the command's words joined, so `search li monopolies` needs no quotes."""
    return " ".join(args.query)


def search_options(args: argparse.Namespace) -> list[str] | None:
    """The kinds asked for; None, having said why, if the options are wrong (exit 2)."""
    kinds = [kind for value in args.kind for kind in value.split(",") if kind]
    unknown = [kind for kind in kinds if kind not in KINDS]
    problem = None
    if not query_text(args).strip():
        problem = "the query is empty; give words to look for, e.g. aiplan-tui search two camps"
    elif unknown:
        problem = f"unknown kind {shorten(unknown[0])!r}; kinds: {', '.join(KINDS)}"
    elif args.limit < 1:
        problem = "--limit must be at least 1"
    if problem is not None:
        print(f"aiplan-tui search: {problem}", file=sys.stderr)
        return None
    return kinds


def search_command(index: SearchIndex, args: argparse.Namespace) -> int:
    """Check the options, then search; a usage error exits 2 before any search runs."""
    kinds = search_options(args)
    if kinds is None:
        return EXIT_USAGE
    return run_search(index, query_text(args), kinds, args.limit, args.json)
