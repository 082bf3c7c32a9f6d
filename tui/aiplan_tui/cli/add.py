"""`aiplan-tui add SOURCE`: an article into a pack, with suggested highlights to review."""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aiplan_tui.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line

if TYPE_CHECKING:
    from aiplan_tui.authoring.adding import Added, Known
    from aiplan_tui.authoring.source import SourceText
    from aiplan_tui.cli.commands import Subparsers
    from aiplan_tui.cli.context import PackContext

READS_PACK = True


def add_parser(subparsers: Subparsers, parents: Sequence[argparse.ArgumentParser]) -> None:
    add = subparsers.add_parser(
        "add",
        help="add an article to a pack, with suggested highlights",
        description="Add an article from a .txt or .md file, a saved .html page, a .pdf, an "
        "http(s) address (of a page or a PDF), or - (standard input): writes articles/ID.md "
        "(a PDF's paragraphs with their pages) and highlights/ID.toml with "
        'suggested quotations, figures and dated events (status = "suggested"), and any '
        "new people their quotations need. Never overwrites a file. Takes at most 1,000,000 "
        "characters of text (a longer text is refused at once, nothing written). Exit status: "
        "0 added, 1 the source could not be read or written, 2 usage error.",
        parents=parents,
    )
    add.add_argument("source", metavar="SOURCE", help="file, address, or - for standard input")
    add.add_argument("--id", metavar="ID", help="the article's id (default: from its title)")
    add.add_argument("--title", help="the article's headline, if the source has none")
    add.add_argument("--outlet", help="who published it")
    add.add_argument("--author", help="who wrote it")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="when it was published")
    add.add_argument("--url", help="where it was published")
    add.add_argument("--again", action="store_true", help="add it even if the pack has it")


def run(args: argparse.Namespace, context: PackContext) -> int:
    return run_add(args, context.content)


def run_add(args: argparse.Namespace, root: Path) -> int:
    import datetime as dt
    from dataclasses import replace

    from aiplan_tui.authoring.adding import AddError, check_id, summary
    from aiplan_tui.authoring.source import SourceError, read_source, read_standard_input
    from aiplan_tui.compiled.stale import Stale
    from aiplan_tui.core.links import web_url
    from aiplan_tui.core.transaction import pack_lock
    from aiplan_tui.paths import is_bundled_pack

    if is_bundled_pack(root):
        return _fail(
            "give the pack to add to with --content DIR (or content = ... in config.toml): "
            "the bundled pack is not for editing; `aiplan-tui init DIR` makes one"
        )
    if not (root / "pack.toml").is_file():
        return _fail(f"{root} is not a pack: make one with `aiplan-tui init {root}`")
    if args.id is not None:
        try:
            check_id(args.id)
        except AddError as exc:
            return _fail(str(exc))
    published = None
    if args.published is not None:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            return _fail(f"--published {args.published!r}: give a date as YYYY-MM-DD")
    if args.url is not None and web_url(args.url) is None:
        return _fail(f"--url {args.url!r}: give the article's http(s) address (https://...)")
    try:
        source = read_source(args.source, read_standard_input() if args.source == "-" else None)
    except SourceError as exc:
        return _fail(str(exc), EXIT_PROBLEMS)
    except KeyboardInterrupt:  # Ctrl-C while the article is typed, pasted or fetched
        return _fail("cancelled; nothing was written", EXIT_INTERRUPTED)
    given = {"outlet": args.outlet, "author": args.author, "url": args.url, "title": args.title}
    source = replace(source, **{key: value for key, value in given.items() if value})
    if args.title:
        source = replace(source, title_source="article")
    if published is not None:
        source = replace(source, published=published)
    try:
        with pack_lock(root):  # one writer at a time; the pack read under the lock
            try:
                article_id, added = _add(root, source, args, stored=True)
            except Stale:  # a damaged compiled pack, found before anything was written
                article_id, added = _add(root, source, args, stored=False)
            _bring_compiled_up_to_date(root)
    except AddError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"nothing was written: {exc}", EXIT_PROBLEMS)
    where = clean_line(shlex.quote(str(root)))  # commands to paste into a shell
    print(f"Added articles/{article_id}.md: {len(source.paragraphs)} paragraphs, "
          f"title {clean_line(source.title)!r}")  # fmt: skip
    print(summary(added, root))
    print(f"Review them: aiplan-tui --content {where} → Review (4); then aiplan-tui check {where}")
    return EXIT_OK


def _add(
    root: Path, source: SourceText, args: argparse.Namespace, stored: bool
) -> tuple[str, Added]:
    """The article's id and what was written (see `_known` for `stored`)."""
    from aiplan_tui.authoring.adding import add_article, article_id_for

    with _known(root, stored) as known:
        article_id = article_id_for(source, known, root, args.id, args.source)
        return article_id, add_article(root, known, source, article_id, again=args.again)


@contextlib.contextmanager
def _known(root: Path, stored: bool) -> Iterator[Known]:
    """What add needs to know of the pack: if `stored`, from its compiled pack's stored rows
    if that is current or can be brought up to date a file at a time (issue 34; Stale if it
    turns out damaged), else from the pack loaded from its files. The compiled pack is
    closed after, so that it can be updated."""
    from aiplan_tui.authoring.adding import LoadedKnown
    from aiplan_tui.compiled.current import open_compiled
    from aiplan_tui.compiled.known import StoredKnown
    from aiplan_tui.pack.loader import load_pack

    compiled = open_compiled(root) if stored else None
    if compiled is None:
        yield LoadedKnown(load_pack(root).pack)
        return
    try:
        yield StoredKnown(compiled)
    finally:
        compiled.close()


def _bring_compiled_up_to_date(root: Path) -> None:
    """Update the compiled pack with the files just written, where a file at a time does
    (a new person in entities.toml leaves it to the next command): the next search is warm."""
    from aiplan_tui.compiled.current import open_compiled

    compiled = open_compiled(root)
    if compiled is not None:
        compiled.close()


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print(f"aiplan-tui add: {clean_line(message)}", file=sys.stderr)
    return status
