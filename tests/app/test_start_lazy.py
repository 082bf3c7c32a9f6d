"""What the app's first frame does not need is not paid for at its start: a listing's content
(and the pack's mentions it reads) imported when a listing first opens, the pattern of wide
characters compiled when text that may hold one is first drawn."""

from __future__ import annotations

import subprocess
import sys

from aiplan_tui.ui.wide_text import may_be_wide


def test_the_app_is_imported_without_what_only_listings_need() -> None:
    probe = "import sys, aiplan_tui.ui.app; print(sorted(set(sys.argv[1:]) & set(sys.modules)))"
    lazy = ["aiplan_tui.ui.listing_content", "aiplan_tui.pack.mentions"]
    found = subprocess.run(
        [sys.executable, "-c", probe, *lazy], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]"


def test_wide_characters_are_found_past_the_narrow_ones() -> None:
    assert not may_be_wide("")
    assert not may_be_wide("plain ASCII text, 2025")
    assert not may_be_wide("“Quoted” — café, naïve… ½")  # below U+1100, or narrow above it
    assert may_be_wide("国家")
    assert may_be_wide("a fullwidth Ａ")
    assert may_be_wide("a face 😀 here")
    assert may_be_wide("Hangul 한")
    assert not may_be_wide("\u2319")  # between two ranges
    assert may_be_wide("\u231a")
