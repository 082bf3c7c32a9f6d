"""search/cjk.py compiles its CJK patterns only when text has a character they could match
(issue 34): what its quick checks say, for every character, is what the patterns say."""

from __future__ import annotations

import re

from aiplan_tui.search.cjk import CJK, has_cjk, is_cjk, is_run, is_word_char, spans, terms

CJK_CHAR = re.compile(f"[{CJK}]")
WORD_CHAR = re.compile(f"[^\\W_{CJK}]")
TOKEN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")


def codes() -> list[int]:
    """Every character before the CJK ones and just after the first, where the quick checks
    decide; beyond, each range's ends and neighbours and every 97th."""
    ends = [ord(c) for c in re.findall(r"[^-]", CJK)]
    near = {code + step for code in ends for step in (-1, 0, 1)}
    return sorted(set(range(0x3100)) | near | set(range(0x3100, 0x32000, 97)))


def test_every_character_is_judged_as_the_patterns_judge_it() -> None:
    for code in codes():
        char = chr(code)
        cjk = CJK_CHAR.match(char) is not None
        assert has_cjk(char) == cjk, hex(code)
        assert is_cjk(char) == cjk, hex(code)
        assert is_run(char) == cjk, hex(code)
        assert is_word_char(f"a{char}", 1) == (WORD_CHAR.match(char) is not None), hex(code)


def test_terms_and_spans_are_the_patterns_tokens() -> None:
    texts = [
        "export controls, chips",
        "“curly” café naïve Ω-omega_x 2025",
        "人工智能治理 AI治理 and 二〇二五年 ひらがな カタカナ",
        "",
        "___ --- ¹²³ ⅷ",
    ]
    for text in texts:
        tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        expected = []
        for token, start, end in tokens:
            if CJK_CHAR.match(token) and len(token) >= 3:
                expected += [
                    (token[i : i + 2], start + i, start + i + 2) for i in range(len(token) - 1)
                ]
            else:
                expected.append((token, start, end))
        assert list(spans(text)) == expected
        assert terms(text) == [term for term, _, _ in expected]
