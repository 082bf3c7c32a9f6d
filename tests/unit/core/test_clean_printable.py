"""core/safe_text.py's shortcut: text that is all printable has nothing `clean` drops."""

from __future__ import annotations

import re

from aiplan_tui.core import safe_text
from aiplan_tui.core.safe_text import clean, clean_line


def test_every_character_clean_drops_is_one_isprintable_refuses() -> None:
    unsafe = re.compile(safe_text._UNSAFE)
    dropped = [chr(c) for c in range(0x110000) if unsafe.match(chr(c))]
    assert len(dropped) > 2000  # the controls, bidi and invisible characters, surrogates
    assert not [c for c in dropped if c.isprintable()]
    assert not "\t".isprintable()  # widened to spaces: never taken for clean already


def test_printable_text_is_itself_and_the_rest_is_cleaned() -> None:
    assert clean("Li Qiang · “AI” 人工智能 é") == "Li Qiang · “AI” 人工智能 é"
    assert clean("a\tb\x1b[31mc\u202ed\u200be\ud800") == "a    b[31mcde"
    assert clean_line("one\ntwo\r\u00a0three") == "one two \u00a0three"
