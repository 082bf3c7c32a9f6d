"""Numbers written in Chinese characters (三十, 两千三百, 一百二十五) and in digits (1,400,
12.6)."""

from __future__ import annotations

from contextlib import suppress

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMBER = "(?:[一二两兩三四五六七八九十百千零〇]{1,8})"
"""A number in characters (at most eight of them)."""


def number_value(text: str) -> float | None:
    """The number's value: digits with thousands' commas, or characters (十二 = 12, 二十 = 20,
    三百零五 = 305); None when it is neither."""
    if text[:1].isdigit():
        with suppress(ValueError):
            return float(text.replace(",", ""))
        return None
    total, digit = 0, 0
    for char in text:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in UNITS:
            total += (digit or 1) * UNITS[char]
            digit = 0
        else:
            return None
    return float(total + digit)
