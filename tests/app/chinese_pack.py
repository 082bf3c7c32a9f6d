"""A small pack in Chinese, and one article mixing Chinese and English, for the wide-text
tests: titles longer than the navigator, paragraphs without a space, a quote, a figure, a
Compare row, and a suggestion for Review. Built in each test (make_pack), never bundled."""

from __future__ import annotations

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.app import AiplanApp
from conftest import PackFactory, make_app

TITLE = "李强出席世界人工智能大会开幕式并发表主旨演讲"
OUTLET = "新华社"
RUN = "国务院总理李强出席二零二五世界人工智能大会暨人工智能全球治理高级别会议开幕式并致辞。"
QUOTE = "我们愿同各国一道推动人工智能更好造福全人类"
FIGURE = "私人投资达到六千亿元"
SAID = f"李强表示，{QUOTE}。他指出，人工智能发展日新月异，{FIGURE}，同比增长百分之三十。"
MIXED_TITLE = "AI大会: Premier 李强 says 开放合作 matters for global AI governance"
MIXED = (
    "The Premier 李强 said 人工智能全球治理需要各方共同参与 and called for open-source "
    "合作 across borders, adding that 发展中国家 must not be left behind. "
) * 2
SUMMARY = (
    "中国主张在联合国框架下建立全球人工智能治理机制，强调开放合作、共享发展成果，反对技术封锁。"
)
US_SUMMARY = (
    "美国更倾向于通过盟友体系与出口管制来塑造规则，The U.S. favours allied rules over 多边机制."
)
SUGGESTED_WORDS = "人工智能发展日新月异"

CHINESE_PACK: dict[str, str | bytes | None] = {
    "articles/wire.md": None,
    "highlights/wire.toml": None,
    "pack.toml": """\
[pack]
id = "zh"
title = "人工智能治理资料包"

[[side]]
id = "us"
label = "美国方面的立场"
short = "美国"

[[side]]
id = "china"
label = "中国方面的立场"
short = "中国"

[[dimension]]
id = "gov"
title = "全球治理与国际合作"
""",
    "articles/zh.md": f"""\
+++
title = "{TITLE}"
outlet = "{OUTLET}"
sides = ["china"]
+++

{RUN * 3}

{SAID}
""",
    "articles/mixed.md": f"""\
+++
title = "{MIXED_TITLE}"
outlet = "Example Wire 通讯"
sides = ["us"]
+++

{MIXED}
""",
    "entities.toml": """\
[[entity]]
id = "li-qiang"
name = "李强"
kind = "person"
role = "国务院总理"
""",
    "highlights/zh.toml": f"""\
[[quote]]
id = "q-zh"
article = "zh"
exact = "{QUOTE}"
speaker = "li-qiang"
direct = true
sides = ["china"]
dimensions = ["gov"]

[[fact]]
id = "f-zh"
article = "zh"
exact = "{FIGURE}"
metric = "人工智能私人投资"
value = 6e11
unit = "CNY"
sides = ["china"]
dimensions = ["gov"]
""",
    "highlights/zh-review.toml": f"""\
[[position]]
id = "p-zh"
article = "zh"
status = "suggested"
side = "china"
exact = "{SUGGESTED_WORDS}"
""",
    "comparison.toml": f"""\
[[cell]]
dimension = "gov"
side = "china"
summary = "{SUMMARY}"
highlights = ["q-zh"]

[[cell]]
dimension = "gov"
side = "us"
summary = "{US_SUMMARY}"
""",
}
"""The pack's files for make_pack, the mini pack's article and highlights left out."""


def chinese_app(make_pack: PackFactory) -> AiplanApp:
    """The app on the Chinese pack (checked clean)."""
    result = load_pack(make_pack(CHINESE_PACK))
    assert result.problems.items == []
    return make_app(result)
