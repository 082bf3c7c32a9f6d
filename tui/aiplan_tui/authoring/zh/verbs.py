"""The speech verbs of Chinese news, each followed by a comma, a colon or a quotation mark
when it reports speech (李强表示，…; 他说：“…”): 说 in 可以说 or 据说 has no speaker before it."""

from __future__ import annotations

import re

from aiplan_tui.authoring.zh.words import by_length

VERBS = by_length(
    """告訴記者 告诉记者 回應表示 回应表示 分析指出 回應稱 分析稱 分析说 补充道
    補充說 分析称 强调说 回应称 补充说 回應說 回应说 强调 呼籲 指出 谈到
    談到 宣布 介紹 呼吁 坦言 強調 說道 答道 認為 提到 坦承 警告 宣佈
    介绍 表示 说道 重申 透露 问道 直言 认为 写道 寫道 说 說 稱 称
    强调指出 強調指出 明确指出 特别指出 进一步指出 进一步表示 补充表示 回答说 回答說
    发问 發問 声称 聲稱 估计 估計 预计 預計 提醒
    笑称 坦言道 感慨道 表态 问 問 提问 提問 追问 追問"""
)
SPEECH_VERB = re.compile(
    "(?P<verb>" + "|".join(VERBS) + r")(?P<mark>\s*[，,：:](?:\s*[“「『\"])?|\s*[“「『\"])"
)
"""A speech verb and what follows it: a comma or colon, a quotation mark, or both."""
VERB_AT_END = re.compile("(?P<verb>" + "|".join(VERBS) + r")$")
"""A speech verb ending an attribution after a quotation (“…”他说。)."""
