"""`aiplan-tui add SOURCE`: an article into a pack, with suggested highlights to review."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
from dataclasses import replace
from pathlib import Path

from aiplan_tui.authoring.adding import (
    AddError,
    add_article,
    article_id_for,
    check_id,
    summary,
)
from aiplan_tui.authoring.source import SourceError, read_source, read_standard_input
from aiplan_tui.cli.status import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.core.transaction import pack_lock
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import is_bundled_pack


def run_add(args: argparse.Namespace, root: Path) -> int:
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
            pack = load_pack(root).pack
            article_id = article_id_for(source, pack, root, args.id)
            added = add_article(root, pack, source, article_id, again=args.again)
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


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    print(f"aiplan-tui add: {clean_line(message)}", file=sys.stderr)
    return status
