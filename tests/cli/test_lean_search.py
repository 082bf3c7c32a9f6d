"""A warm search's start-up (issue 34): what it does not use it does not import or make, and
run as the whole process it ends as soon as its output is out, with the same output and
exit status as before."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiplan_tui.cli.main import main
from aiplan_tui.cli.parser import build_parser
from aiplan_tui.cli.quick_args import quick_args

PROBE = """\
import io, sys
from aiplan_tui.cli.main import main
real, sys.stdout = sys.stdout, io.StringIO()  # (not contextlib's: the probe imports only io)
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout = real
from aiplan_tui.search import cjk
print(" ".join(sorted(sys.modules)))
print(" ".join(sorted(vars(cjk._PATTERNS))))
"""


def probed(*argv: str) -> tuple[set[str], set[str]]:
    """The modules a fresh interpreter has after `main(argv)`, and the CJK patterns it compiled."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    )
    modules, patterns = done.stdout.splitlines()[-2:]
    return set(modules.split()), set(patterns.split())


def test_a_warm_search_of_english_words_imports_and_compiles_only_what_it_uses() -> None:
    probed("search", "chips")  # compiles the bundled pack if it is not yet
    modules, patterns = probed("search", "chips")
    assert "aiplan_tui.search.engine" in modules  # the probe sees what the search imported
    unused = {
        "aiplan_tui.settings.config",  # no settings file: the default settings, never asked for
        "aiplan_tui.core.transaction",  # no journal in the pack: nothing to finish
        "aiplan_tui.compiled.layout",  # the pack's rows are not read
        "aiplan_tui.compiled.records",
        "aiplan_tui.core.formatting",  # stored documents are read, not made
        "aiplan_tui.search.pack_docs",
        "aiplan_tui.search.names",  # what an index built from a pack needs (its pausing too)
        "aiplan_tui.core.pausing",
        "aiplan_tui.search.index",  # (the postings are the compiled pack's)
        "aiplan_tui.search.relaxed",  # results lacking words: only when none has them all
        "aiplan_tui.core.model",  # a result's place is a core.location.Location: no model
        "dataclasses",  # its classes are core/light_dataclass.py's (nor `inspect`, which
        "inspect",  # `dataclasses` imports)
        "threading",  # its locks are _thread's
        "typing",  # TYPE_CHECKING = False; core/light_tuple.py's NamedTuple
        "contextlib",
        "sqlite3",  # its C part: compiled/sqlite_core.py (sqlite3 adds date adapters)
        "datetime",
        "aiplan_tui.compiled.wal",  # a reader asks compiled/wal_state.py
        "hashlib",  # the compiled pack's name: Python's own SHA-256
        "argparse",  # `search WORD...` is read without it (cli/quick_args.py)
        "gettext",
    }
    assert not modules & unused
    assert not patterns  # English text: no CJK run to cut into pairs, no CJK character looked
    # for with a pattern (an emoji or a "ﬁ" in a result is looked up in cjk's ranges)


def test_a_pack_named_on_the_command_line_is_searched_without_argparse() -> None:
    """`aiplan-tui --content DIR search WORDS` (cli/quick_args.py reads it too)."""
    from aiplan_tui.paths import bundled_content_dir

    argv = ["--content", str(bundled_content_dir()), "search", "chips"]
    probed(*argv)  # compiled already by now, or here
    modules, _ = probed(*argv)
    assert "aiplan_tui.search.engine" in modules
    assert not modules & {"argparse", "gettext", "aiplan_tui.cli.parser"}


def test_a_settings_file_is_still_read(tmp_path: Path, make_pack: object) -> None:
    """With a settings file its `content` is the pack searched, and its problems are said."""
    config = tmp_path / "config.toml"
    config.write_text('content = "nowhere-at-all"\nbogus = 1\n', encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["--config", str(config), "search", "chips"])
    assert status == 2
    said = err.getvalue()
    assert "bogus" in said and "nowhere-at-all" in said


def test_the_names_it_looks_for_are_the_settings_and_transactions() -> None:
    from aiplan_tui.cli.context import CONFIG_NAME, JOURNAL_NAME
    from aiplan_tui.core.transaction import JOURNAL_NAME as JOURNAL
    from aiplan_tui.settings.config import default_config_path

    assert default_config_path().name == CONFIG_NAME
    assert JOURNAL == JOURNAL_NAME


def whole_process(argv: list[str], *, at_once: bool) -> tuple[int, bytes, bytes]:
    """The command run as a process: `at_once`, as the installed command runs it (`main`
    reading sys.argv, ending as soon as its output is out); else `main` given the words,
    which returns, and the interpreter ends as it always did."""
    code = "import sys; from aiplan_tui.cli.main import main; " + (
        "sys.exit(main())" if at_once else "sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, check=False, env=buffered()
    )
    return done.returncode, done.stdout, done.stderr


def buffered() -> dict[str, str]:
    """The environment, with output buffered as a user's shell has it (not PYTHONUNBUFFERED,
    which some machines set), so that what is still in a buffer at the end is written."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def test_a_closed_standard_error_is_no_failure() -> None:
    """`aiplan-tui search chips 2>&-`: the results, exit 0, as before."""
    whole_process(["search", "chips"], at_once=True)  # warm
    done = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "search", "chips"],
        capture_output=False, stdout=subprocess.PIPE, stderr=None, check=False,
        env=buffered(), preexec_fn=lambda: os.close(2),
    )  # fmt: skip
    assert done.returncode == 0 and b"chips" in done.stdout.lower()


def test_output_that_cannot_be_written_is_said_in_one_line() -> None:
    """A full disk (/dev/full) at the last flush: one line naming the error, exit 1."""
    whole_process(["search", "chips"], at_once=True)  # warm
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "aiplan_tui", "search", "chips", "--limit", "1"],
            stdout=full, stderr=subprocess.PIPE, check=False, env=buffered(),
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "aiplan-tui: the output could not be written: No space left on device\n"
    )


@pytest.mark.parametrize("command", [["search", "chips"], ["export"], ["quotes"]])
def test_a_full_disk_while_writing_is_said_in_one_line(command: list[str]) -> None:
    """Output written as it comes (unbuffered, or larger than the buffer) to /dev/full: the
    first write fails inside the command; one line, exit 1, no traceback."""
    whole_process(command, at_once=True)  # warm
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "aiplan_tui", *command],
            stdout=full, stderr=subprocess.PIPE, check=False,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
    assert (done.returncode, done.stderr.decode()) == (
        1,
        "aiplan-tui: the output could not be written: No space left on device\n",
    )


@pytest.mark.parametrize("argv", [["search", "chips"], ["search", "zzqqxx"], ["export"]])
def test_ending_at_once_says_what_ending_slowly_said(argv: list[str]) -> None:
    """The same output, messages and exit status (0 with results, 1 with none)."""
    whole_process(argv, at_once=False)  # warm
    slowly = whole_process(argv, at_once=False)
    assert slowly[0] == (1 if argv[-1] == "zzqqxx" else 0) and (slowly[1] or slowly[2])
    assert whole_process(argv, at_once=True) == slowly


def test_a_reader_that_stops_early_ends_it_quietly() -> None:
    """`aiplan-tui export | head -c 10`: exit 0 and nothing on stderr, as before."""
    whole_process(["export"], at_once=True)  # warm
    reading, writing = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "aiplan_tui", "export"],
        stdout=writing, stderr=subprocess.PIPE, env=buffered(),
    )  # fmt: skip
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        assert pipe.read(10)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")


@pytest.mark.parametrize(
    "words",
    [
        ["search", "chips"],
        ["search", "li", "monopolies"],
        ["search", ""],
        ["search", "kind:quote", "li"],
        ["search", '"export controls"'],
        ["search", "!chips", "^invest", "x=y", "人工智能"],
        ["--content", "some/pack", "search", "item777"],
        ["--content=../p q", "search", "li", "monopolies"],
        ["--content", "search", "search", "x"],
    ],
)
def test_search_words_are_read_as_the_parser_reads_them(words: list[str]) -> None:
    quick = quick_args(words)
    assert quick is not None
    assert vars(quick) == vars(build_parser(words).parse_args(words))


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["search"],
        ["search", "-h"],
        ["search", "chips", "--json"],
        ["search", "chips", "--limit", "3"],
        ["search", "--", "-x"],
        ["search", "x", "-"],
        ["--content", "d", "search", "x", "--json"],
        ["--content", "-d", "search", "x"],
        ["--content=", "search", "x"],
        ["--content", "d", "--lite", "search", "x"],
        ["--content", "d", "export"],
        ["--content", "d"],
        ["--cont", "d", "search", "x"],
        ["export"],
        ["searc", "x"],
    ],
)
def test_any_other_command_line_is_the_parsers(words: list[str]) -> None:
    assert quick_args(words) is None
