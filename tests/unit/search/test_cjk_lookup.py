"""search/cjk.py finds CJK characters by their ranges as its compiled pattern does."""

from __future__ import annotations

import re

from aiplan_tui.search.cjk import CJK, FEW, has_cjk, is_cjk, is_cjk_char


def test_every_character_is_looked_up_as_the_pattern_matches_it() -> None:
    pattern = re.compile(f"[{CJK}]")
    wrong = [c for c in range(0x110000) if is_cjk_char(chr(c)) != bool(pattern.match(chr(c)))]
    assert not wrong
    assert is_cjk_char("人") and is_cjk_char("\U00020000") and not is_cjk_char("한")


def test_text_with_few_or_many_late_characters() -> None:
    korean = "".join(chr(0xAC00 + n) for n in range(FEW + 10))  # many late, none CJK
    assert not has_cjk(korean) and has_cjk(korean + "中")
    assert not has_cjk("ﬁ 🙂 ，") and has_cjk("AI 治理 ﬁ")
    assert not has_cjk("plain") and not has_cjk("café")
    assert is_cjk("治理") and not is_cjk("🙂") and not is_cjk("")
