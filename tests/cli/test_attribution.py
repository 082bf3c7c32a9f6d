"""Whose claim a highlight is (`according_to`), and an article's provenance: validated by the
loader with file:line:col, warned about by `check`, and carried into `export`."""

from __future__ import annotations

import json
import subprocess
import sys

from aiplan_tui.core.model import Position
from aiplan_tui.pack.loader import load_pack
from conftest import ARTICLE, HIGHLIGHTS, PackFactory, run_cli

READING = """
[[position]]
id = "p-camps"
article = "wire"
side = "china"
exact = "two camps are now being formed"
"""
"""A position whose words sit inside George Chen's quotation; he is of no side."""


def check(root: object) -> subprocess.CompletedProcess[str]:
    return run_cli("check", str(root))


def test_a_position_inside_someone_elses_quotation_is_warned_about(
    make_pack: PackFactory,
) -> None:
    root = make_pack({"highlights/wire.toml": HIGHLIGHTS + READING})
    done = check(root)
    line = (HIGHLIGHTS + READING).splitlines().index("[[position]]") + 1
    assert done.returncode == 0, done.stderr  # a warning, not an error
    assert (
        f'wire.toml:{line}:1: warning: position "p-camps" is filed under China, but its words '
        'are George Chen\'s (quotation "q-camps"; George Chen is of no side): add '
        'according_to = "george-chen" if it is their reading'
    ) in done.stdout + done.stderr


def test_according_to_settles_it_and_is_kept(make_pack: PackFactory) -> None:
    claimed = READING + 'according_to = "george-chen"\n'
    root = make_pack({"highlights/wire.toml": HIGHLIGHTS + claimed})
    result = load_pack(root)
    assert result.problems.warnings == [] and result.problems.errors == []
    position = result.pack.highlight("p-camps")
    assert isinstance(position, Position) and position.according_to == "george-chen"
    exported = subprocess.run(
        [sys.executable, "-m", "aiplan_tui", "export", "--content", str(root)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    by_id = {h["id"]: h for h in json.loads(exported)["highlights"]}
    assert by_id["p-camps"]["according_to"] == "george-chen"
    assert "according_to" not in by_id["q-camps"], "a quote's words are its speaker's"


def test_an_unknown_according_to_is_an_error_at_its_line(make_pack: PackFactory) -> None:
    text = HIGHLIGHTS + READING + 'according_to = "gorge-chen"\n'
    result = load_pack(make_pack({"highlights/wire.toml": text}))
    line = text.splitlines().index('according_to = "gorge-chen"') + 1
    (error,) = result.problems.errors
    assert (error.path.name, error.line) == ("wire.toml", line)
    assert "gorge-chen" in error.message and "george-chen" in error.message  # did you mean
    assert result.pack.highlight("p-camps") is None


def test_a_quote_names_a_speaker_not_according_to(make_pack: PackFactory) -> None:
    text = HIGHLIGHTS.replace(
        'speaker = "george-chen"', 'speaker = "george-chen"\naccording_to = "george-chen"'
    )
    result = load_pack(make_pack({"highlights/wire.toml": text}))
    assert any(
        w.message.startswith('unknown field "according_to"') for w in result.problems.warnings
    )


def test_byline_is_read_as_the_author_with_a_warning(make_pack: PackFactory) -> None:
    article = ARTICLE.replace(
        'outlet = "Example Wire"', 'outlet = "Example Wire"\nbyline = "A. Writer"'
    )
    result = load_pack(make_pack({"articles/wire.md": article}))
    found = result.pack.article("wire")
    assert found is not None and found.author == "A. Writer"
    (warning,) = result.problems.warnings
    assert (warning.line, warning.message) == (4, '"byline" is now called "author": rename it')
