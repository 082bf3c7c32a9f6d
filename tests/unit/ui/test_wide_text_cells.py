"""Cutting text by cells (ui/wide_text.py): a whole character or emoji sequence or none."""

from __future__ import annotations

from aiplan_tui.ui.wide_text import tail_cells


def test_an_end_that_fits_whole_is_the_whole_text() -> None:
    assert tail_cells("abc\u200d", 10) == "abc\u200d"  # it ended with a joiner: lost its 'a'
    assert tail_cells("人工智能", 8) == "人工智能"


def test_an_end_cut_keeps_whole_wide_characters() -> None:
    assert tail_cells("ab人工", 5) == "b人工"
    assert tail_cells("ab人工", 3) == "工"
