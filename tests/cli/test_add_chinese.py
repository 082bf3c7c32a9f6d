"""`aiplan-tui add` of a Chinese article (issue 31): the suggestions are written, `check`
accepts them at once, and the people are proposed by their Chinese names with pinyin ids."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.core.model import Event, Fact, Quote
from aiplan_tui.pack.loader import load_pack
from in_process import answer as cli

Capsys = pytest.CaptureFixture[str]

ARTICLE = """李强：人工智能应当成为国际公共产品

发布时间：2025-07-27 09:30

国务院总理李强26日在上海出席世界人工智能大会开幕式并致辞。来自40多个国家的1200余名嘉宾出席。

“人工智能应当成为造福人类的国际公共产品。”李强说。

外交部发言人郭明远表示，中方愿投入6000亿元人民币，支持全球南方提升人工智能能力。

“超过100项”新品首发。首发新品超过100项，其中超过100项来自上海。
"""


def test_a_chinese_article_comes_in_with_suggestions_that_check_accepts(
    tmp_path: Path, capsys: Capsys
) -> None:
    pack = tmp_path / "mine"
    assert cli(capsys, "init", str(pack)).returncode == 0
    article = tmp_path / "waic.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    added = cli(capsys, "add", str(article), "--content", str(pack))
    assert added.returncode == 0, added.stderr
    checked = cli(capsys, "check", str(pack))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = load_pack(pack)
    assert not result.problems.errors and not result.problems.warnings, result.problems.items
    assert len(result.pack.articles) == 1
    suggested = result.pack.suggested
    people = {e.id: e for e in result.pack.entities}
    quotes = {h.exact: h for h in suggested if isinstance(h, Quote)}
    said = quotes["人工智能应当成为造福人类的国际公共产品。"]
    assert said.direct and people[said.speaker].name == "李强"
    assert said.speaker == "li-qiang" and people["li-qiang"].role == "国务院总理"
    reported = quotes["表示，中方愿投入6000亿元人民币，支持全球南方提升人工智能能力"]
    assert not reported.direct and people[reported.speaker].name == "郭明远"
    assert people[reported.speaker].role == "外交部发言人"
    facts = [h.exact for h in suggested if isinstance(h, Fact)]
    assert facts.count("超过100项") == 3 and "6000亿元人民币" in facts and "1200余名" in facts
    [event] = [h for h in suggested if isinstance(h, Event)]
    assert str(event.date) == "2025-07-26"  # 26日, in the byline's month: counted, not invented
    written = tomli.loads((pack / "entities.toml").read_text(encoding="utf-8"))["entity"]
    assert {e["name"] for e in written} >= {"李强", "郭明远"}
