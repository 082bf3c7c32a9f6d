"""The command line's words: options, subcommands and their help."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiplan_tui import __version__
from aiplan_tui.search.kinds import KINDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiplan-tui",
        description="Read, search and compare coverage of the 2025 US and Chinese AI action plans.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"aiplan-tui {__version__}")
    parser.add_argument("--content", metavar="DIR", type=Path, help="content pack to open")
    parser.add_argument("--theme", metavar="NAME", help="start in this theme (see `themes`)")
    parser.add_argument(
        "--lite", action="store_true",
        help="for slow links: no animation, fewer screen updates, the 16-colour theme "
        "(also AIPLAN_TUI_LITE=1)",
    )  # fmt: skip
    parser.add_argument(
        "--config", metavar="FILE", type=Path,
        help="settings file (default: $XDG_CONFIG_HOME/aiplan-tui/config.toml)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="validate a content pack",
        description="Validate a content pack and print every problem as PATH:LINE:COL: "
        "error|warning: MESSAGE. Exit status: 0 valid, 1 problems found, 2 usage error.",
    )
    check.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="pack (default: bundled)")
    check.add_argument("--strict", action="store_true", help="treat warnings as problems too")
    check.add_argument(
        "--fix", action="store_true",
        help="first repair what has one right answer (an anchor's quotation marks, apostrophes "
        "and dashes; a prefix or suffix where only one place can be meant; a comparison cell's "
        "missing entry), printing each change with its line; then check",
    )  # fmt: skip
    check.add_argument(
        "--dry-run", action="store_true",
        help="with --fix: print the changes it would make, write nothing",
    )  # fmt: skip

    export = commands.add_parser(
        "export",
        help="print the whole loaded pack",
        description="Print the loaded pack (only what is valid) for other tools.",
    )
    export.add_argument("--format", choices=["json"], default="json", help="output format")
    export.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to read"
    )
    search = commands.add_parser(
        "search",
        help="search the pack",
        description="Search everything in a pack with the app's query language. Exit status: "
        "0 with results, 1 with none (said on stderr, with a close word from the pack if "
        "there is one), 2 usage error. Output: a table in a terminal, tab-separated lines when "
        "piped (kind, id, score, article, paragraph counted from 1, text, who), or JSON.",
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
    search.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to search"
    )
    compare = commands.add_parser(
        "compare",
        help="the two sides, dimension by dimension",
        description="Print the comparison: each side's summary and quoted points per dimension, "
        "and figures both sides give. Exit status: 0 printed, 2 usage error (unknown sides).",
    )
    compare.add_argument(
        "--format", choices=["table", "md", "json"], default="table",
        help="a table for the terminal, Markdown with a citation for every point, or JSON",
    )  # fmt: skip
    compare.add_argument(
        "--sides", metavar="A,B", help="which two sides, left first (default: the pack's first two)"
    )
    compare.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to compare"
    )
    quotes = commands.add_parser(
        "quotes",
        help="every quotation, with who said it and where",
        description="Every quotation in reading order with its speaker, role, whether it is "
        "direct or a paraphrase, article and paragraph. Exit status: 0 with quotations, 1 "
        "with none, 2 usage error (an unknown speaker lists close names).",
    )
    quotes.add_argument("--speaker", metavar="NAME", help="one speaker's (name, alias or id)")
    quotes.add_argument("--direct", action="store_true", help="direct quotations only")
    quotes.add_argument("--article", metavar="ID", help="one article's")
    quotes.add_argument(
        "--format", choices=["table", "md", "json", "csv"], default="table",
        help="a table, Markdown with citations, JSON, or CSV for a spreadsheet",
    )  # fmt: skip
    quotes.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to read"
    )
    init = commands.add_parser(
        "init",
        help="make a new content pack for your own articles",
        description="Make a content pack in DIR (new or empty): pack.toml with the two sides "
        "and seven dimensions of the bundled pack, empty entities.toml and comparison.toml, "
        "and the articles/ and highlights/ folders, each file saying what goes in it. Exit "
        "status: 0 made, 2 DIR is not empty or cannot be written.",
    )
    init.add_argument("dir", type=Path, metavar="DIR", help="where to make it")
    init.add_argument(
        "--from-bundled", action="store_true", help="start from a copy of the bundled pack"
    )
    add = commands.add_parser(
        "add",
        help="add an article to a pack, with suggested highlights",
        description="Add an article from a .txt or .md file, a saved .html page, an http(s) "
        "address, or - (standard input): writes articles/ID.md and highlights/ID.toml with "
        'suggested quotations, figures and dated events (status = "suggested"), and any '
        "new people their quotations need. Never overwrites a file. Exit status: 0 added, 1 "
        "the source could not be read or written, 2 usage error.",
    )
    add.add_argument("source", metavar="SOURCE", help="file, address, or - for standard input")
    add.add_argument("--id", metavar="ID", help="the article's id (default: from its title)")
    add.add_argument("--title", help="the article's headline, if the source has none")
    add.add_argument("--outlet", help="who published it")
    add.add_argument("--author", help="who wrote it")
    add.add_argument("--published", metavar="YYYY-MM-DD", help="when it was published")
    add.add_argument("--url", help="where it was published")
    add.add_argument("--again", action="store_true", help="add it even if the pack has it")
    add.add_argument(
        "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="pack to add to"
    )
    commands.add_parser(
        "themes",
        help="list the themes",
        description="List every theme (bundled and yours) with where it comes from, then any "
        "problems in theme files as PATH:LINE:COL. Exit status: 0 all themes valid, 1 problems.",
    )
    serve = commands.add_parser(
        "serve",
        help="the app in a web browser",
        description="Serve the app to web browsers (each tab its own session) through "
        "textual-serve. It listens on this machine only unless --host says otherwise; there "
        "every request needs the token in the address it prints. Pages of other sites are "
        "refused, as is a host name that is not this machine's. Exit status: 0 stopped, 2 "
        "usage error (a port it cannot listen on).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: "
                       "127.0.0.1, this machine only)")  # fmt: skip
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--max-sessions", type=int, default=4, metavar="N",
        help="at most N app sessions (browser tabs) at once (default: 4)",
    )  # fmt: skip
    serve.add_argument(
        "--read-only", action="store_true",
        help="the apps change no pack file: Review's edits and the reader's m are refused",
    )  # fmt: skip
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for bash, zsh or fish; the README says where to "
        "put it.",
    )
    completion.add_argument("shell", choices=["bash", "zsh", "fish"], help="your shell")
    commands.add_parser(
        "keys",
        help="list the key binding ids",
        description="List every key binding: its id (for [keys] in config.toml), keys and what "
        "it does.",
    )
    return parser
