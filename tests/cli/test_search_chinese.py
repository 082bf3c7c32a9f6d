"""`aiplan-tui search` inside Chinese sentences (issue 31): a pack made by `init`, a Chinese
article added as text, then words of two to six characters looked for where they stand in
the middle of a sentence, mixed with English words and joined to numbers, each found and
highlighted where it is; asked twice, so the second answer comes from the compiled pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from in_process import answer as cli

Capsys = pytest.CaptureFixture[str]

TITLE = "七月的两份人工智能计划"
PARAGRAPHS = (
    "二〇二五年七月，两国先后公布了各自的人工智能行动计划，记者把两份文件放在一起比较。",
    "会议期间，代表们讨论了全球人工智能治理的原则，并建议设立一个新的国际合作组织来协调标准。",
    "报道称，有关方面计划在五年内投入约6000亿元，用于算力和数据中心建设。",
    "美方的计划更强调出口管制与芯片供应，AI治理则交给行业自律。",
)
ARTICLE = "\n\n".join((TITLE, *PARAGRAPHS)) + "\n"

FOUND = [
    # (query, the paragraph it is in (from 1), the characters highlighted there)
    ("治理", 2, ["治理"]),
    ("合作组织", 2, ["合作组织"]),
    ("6000亿元", 3, ["6000亿元"]),
    ("数据中心", 3, ["数据中心"]),
    ("出口管制", 4, ["出口管制"]),
    ("放在一起比较", 1, ["放在一起比较"]),
    ("全球人工智能", 2, ["全球人工智能"]),
    ("AI 治理", 4, ["AI", "治理"]),
    ("ai治理", 4, ["AI治理"]),
    ("6000", 3, ["6000"]),
]


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "plans"
    assert cli(capsys, "init", str(root)).returncode == 0
    source = tmp_path / "plans.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    done = cli(capsys, "add", str(source), "--content", str(root))
    assert done.returncode == 0, done.stderr
    return root


def search(capsys: Capsys, pack: Path, *words: str) -> list[dict[str, object]]:
    done = cli(capsys, "--content", str(pack), "search", *words, "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert isinstance(hits, list)
    return hits


def highlighted(hit: dict[str, object]) -> list[str]:
    """The characters of the hit's own text its matched spans cover."""
    text = hit["text"]
    assert isinstance(text, str)
    spans = hit["spans"]
    assert isinstance(spans, list)
    return [text[start:end] for start, end in spans]


def paragraph_hit(hits: list[dict[str, object]], number: int) -> dict[str, object] | None:
    for hit in hits:
        location = hit.get("location")
        if (
            hit["kind"] == "paragraph"
            and isinstance(location, dict)
            and location["number"] == number
        ):
            return hit
    return None


@pytest.mark.parametrize(("query", "number", "marked"), FOUND)
def test_words_inside_a_chinese_sentence_are_found_and_highlighted(
    pack: Path, capsys: Capsys, query: str, number: int, marked: list[str]
) -> None:
    for _ in ("cold", "warm"):  # the second answers from the compiled pack
        hits = search(capsys, pack, *query.split())
        hit = paragraph_hit(hits, number)
        assert hit is not None, (query, hits)
        assert highlighted(hit) == marked
        assert hits[0] is hit or hits[0]["kind"] != "paragraph", "the paragraph comes first"


def test_every_paragraph_holding_a_word_is_found(pack: Path, capsys: Capsys) -> None:
    hits = search(capsys, pack, "人工智能")
    numbers = {
        location["number"]
        for hit in hits
        if hit["kind"] == "paragraph" and isinstance(location := hit.get("location"), dict)
    }
    assert numbers == {1, 2}
    titles = [hit for hit in hits if hit["kind"] == "article"]
    assert titles and highlighted(titles[0]) == ["人工智能"]


@pytest.mark.parametrize("query", ["治合", "合作组织协调", "人工治理", "亿元6000"])
def test_characters_not_together_in_the_text_find_nothing(
    pack: Path, capsys: Capsys, query: str
) -> None:
    """Each pair of the query is somewhere in the pack, or each character: not the whole."""
    done = cli(capsys, "--content", str(pack), "search", query)
    assert done.returncode == 1 and done.stdout == ""
    assert "no results" in done.stderr
