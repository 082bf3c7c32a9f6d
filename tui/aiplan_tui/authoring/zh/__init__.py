"""Suggestion rules for Chinese text (issue 31): sentences end at 。！？, quotations are in
“…” or 「…」 with 说, 表示, 指出, 据… as their attribution, figures count in 万 and 亿, and dates
are 7月26日 or 26日 counted from a stated date only. `suggest` sends each paragraph that is
mostly Chinese here, so an article in both languages works paragraph by paragraph."""

from aiplan_tui.authoring.zh.dates import stated_date
from aiplan_tui.authoring.zh.rules import ChineseRules
from aiplan_tui.authoring.zh.text import mostly_chinese

__all__ = ["ChineseRules", "mostly_chinese", "stated_date"]
