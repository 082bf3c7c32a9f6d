"""Byte-level proof, through a real pseudo-terminal, that no sequence in a pack reaches the
terminal: the app is run on a hostile pack, walked through its screens, and every byte it
writes is checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import PACK_TOML, PackFactory, PtyScreen, app_in_pty, app_stopped

pytestmark = pytest.mark.slow

# Each payload is followed by visible text that must still be shown.
PAYLOADS = {
    "osc-title": "\x1b]0;PWNED-TITLE\x07",
    "osc-52": "\x1b]52;c;UFdORUQ=\x07",
    "osc-8": "\x1b]8;;https://evil.example/\x07PWNED-LINK\x1b]8;;\x07",
    "csi-clear": "\x1b[2J\x1b[H",
    "dcs": "\x1bPqPWNED-DCS\x1b\\",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;PWNED-C1\x9c",
    "unterminated": "\x1b]0;PWNED-OPEN",
    "nul-del-so": "\x00\x7f\x0e",
    "bidi": "\u202eevil\u202c",
}
BODY = " ".join(f"{name} {payload} after-{name}." for name, payload in PAYLOADS.items())
TOML_ESCAPED = "\\u001b]0;PWNED-TOML\\u0007\\u001b[31m\\u009b2J"

ARTICLE = f"""\
+++
title = "Hostile {TOML_ESCAPED} title"
+++

{BODY}

The two camps are now being formed.
"""
ENTITIES = f"""\
[[entity]]
id = "spk"
name = "Speaker {TOML_ESCAPED}"
kind = "person"
"""
HIGHLIGHTS = """\
[[quote]]
id = "q"
article = "wire"
exact = "The two camps are now being formed"
speaker = "spk"
direct = true
"""
FORBIDDEN = [b"\x1b]0;", b"\x1b]2;", b"\x1b]52", b"\x1b]8;", b"\x1bP", b"\xc2\x9b", b"\xc2\x9d"]
"""What the app itself never writes, so any of these would have come from the pack."""


def run_in_pty(pack: Path, keys: list[tuple[str, str | None]], home: Path) -> bytes:
    """Every byte the app writes while the keys are pressed, each key sent once the screen
    shows what the one before it should (None: nothing to wait for), then `q`, read to exit."""
    process, master, slave = app_in_pty(home, 100, 30, "--content", str(pack))
    os.close(slave)
    terminal = PtyScreen(master, 100, 30)
    with app_stopped(process, master):
        terminal.wait_for("after-osc-title")
        for key, shows in keys:
            os.write(master, key.encode())
            if shows is not None:
                terminal.wait_for(shows)
        os.write(master, b"q")
        assert terminal.exit_status(process) == 0
    return bytes(terminal.output)


def test_no_sequence_from_a_pack_reaches_the_terminal(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    pack = make_pack(
        {
            "pack.toml": PACK_TOML,
            "articles/wire.md": ARTICLE,
            "entities.toml": ENTITIES,
            "highlights/wire.toml": HIGHLIGHTS,
            "comparison.toml": None,
        }
    )
    # Reader (tab to the article, walk it), the quote, compare, quotes, search, back.
    keys = [
        ("\t", None), ("j", None), ("k", None), ("]", "quote 1/1"), ("2", "not covered"),
        ("3", "Filter by speaker"), ("1", "after-c1-osc"), ("/", "Search: words"),
        ("P", None), ("W", None), ("N", "PWN"), ("\x1b", "after-c1-osc"), ("1", None),
    ]  # fmt: skip
    output = run_in_pty(pack, keys, tmp_path / "home")
    for sequence in FORBIDDEN:
        assert sequence not in output, sequence
    text = output.decode("utf-8", "replace")
    assert "after-osc-title" in text and "after-c1-osc" in text  # what follows is still shown
    assert "Speaker" in text
