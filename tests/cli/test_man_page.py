"""The man page the wheel installs: made from the command's parser, docs/keys.md (generated from
the bindings and checked by tests/cli/test_docs.py) and the query table of docs/search.md, so it
lists every subcommand, key and query form, and renders cleanly."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import REPO, SUBCOMMANDS
from e2e.terminal import need

sys.path.insert(0, str(REPO / "tui"))
from hatch_build import man_page, roff, table_row


@pytest.fixture(scope="module")
def page() -> str:
    return man_page(REPO)


def test_it_has_every_subcommand_option_key_and_query_form(page: str) -> None:
    for command in SUBCOMMANDS:
        assert f"aiplan\\-tui {command}" in page
    for option in ("content", "theme", "lite", "config", "strict", "limit"):
        assert f"\\-\\-{option}" in page
    keys = (REPO / "docs" / "keys.md").read_text(encoding="utf-8")
    rows = [row for line in keys.splitlines() if (row := table_row(line))]
    assert len(rows) > 40
    for key, does, _ in rows:
        assert f"\\fB{roff(key)}\\fR\n{roff(does)}" in page
    assert "\\fBj down\\fR\nScroll down" in page  # keys as the help screen shows them
    for form in (
        '"two camps"',
        "^invest",
        "!nvidia",
        "kind:quote",
        "year:2024",
        "status:suggested",
    ):
        assert roff(form) in page
    assert "\\fBchips | semiconductors\\fR\neither" in page  # a | escaped in its table
    assert re.search(r"^\.SH KEYS$", page, re.M) and re.search(r"^\.SH QUERY LANGUAGE$", page, re.M)


def test_pack_text_cannot_turn_into_roff_requests() -> None:
    assert roff(".so /etc/passwd") == "\\&.so /etc/passwd"
    assert roff("'br") == "\\&'br"
    assert roff("a\\b-c") == "a\\eb\\-c"


def test_groff_renders_it_without_a_warning(page: str, tmp_path: object) -> None:
    need("groff", "/usr/bin/groff")
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z"], input=page, capture_output=True, text=True
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
