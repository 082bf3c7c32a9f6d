"""Untrusted text loses every control character before display, and nothing else."""

from __future__ import annotations

from aiplan_tui.core.safe_text import clean, clean_line


def test_escape_sequences_lose_their_escape_byte() -> None:
    assert clean("a\x1b]52;c;aGk=\x07b") == "a]52;c;aGk=b"
    assert clean("\x1b[2J\x9b31mred") == "[2J31mred"


def test_bidi_overrides_and_nul_are_removed() -> None:
    assert clean("abc\u202edef\x00\x7f") == "abcdef"


def test_ordinary_text_is_kept() -> None:
    text = "Premier Li’s “AI plus” plan — 600 billion yuan, 中国, café"
    assert clean(text) == text


def test_newlines_survive_in_paragraphs_but_not_in_lines() -> None:
    assert clean("a\nb\tc") == "a\nb    c"
    assert clean_line("a\nb\r\nc") == "a b  c"


def test_invisible_zero_width_characters_go_and_joiners_stay() -> None:
    assert clean("a\u200bb\u2060c\ufeffd\u180ee") == "abcde"
    family = "\U0001f469\u200d\U0001f4bb"  # woman technologist: a ZWJ sequence
    assert clean(family) == family and clean("\u0645\u200c\u06cc") == "\u0645\u200c\u06cc"
