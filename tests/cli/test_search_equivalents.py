"""Names of a side that analysts use interchangeably (issue 31): China, Chinese, PRC, 中国;
US, U.S., American, United States, 美国 — bundled — and a pack's own families from pack.toml
(`[[equivalent]]`). A query naming a side one way finds the text naming it another, ranked
as another form of the word is (below the word itself), the name matched highlighted; asked
twice, so the second answer comes from the compiled pack. A bad table is a message naming
pack.toml and its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from in_process import answer as cli

Capsys = pytest.CaptureFixture[str]

PARAGRAPHS = (
    "Chinese officials said the plan would be reviewed each spring.",
    "The United States answered with a plan of its own in July.",
    "Diplomats from the PRC met trade envoys in Geneva.",
    "A Brussels view: the European Union wants common rules for testing.",
    "会上，欧盟代表表示愿意参与标准制定。",
    "China itself was not mentioned in the summary.",
    "Analysts at the bank called the U.S. export rules too broad.",
)
OWN = (
    '\n[[equivalent]]\nwords = ["EU", "European Union", "欧盟"]\n'
    '\n[[equivalent]]\nwords = ["Beijing", "China"]\n'
)


@pytest.fixture
def pack(tmp_path: Path, capsys: Capsys) -> Path:
    root = tmp_path / "plans"
    assert cli(capsys, "init", str(root)).returncode == 0
    with (root / "pack.toml").open("a", encoding="utf-8") as toml:
        toml.write(OWN)
    source = tmp_path / "names.txt"
    source.write_text("\n\n".join(("Names of the sides", *PARAGRAPHS)), encoding="utf-8")
    done = cli(capsys, "add", str(source), "--content", str(root))
    assert done.returncode == 0, done.stderr
    return root


def found(capsys: Capsys, pack: Path, query: str) -> list[tuple[int, list[str]]]:
    """The paragraphs the query finds, best first: each one's number and what is highlighted
    in it. The same from the index built and from the compiled pack."""
    answers = []
    for _ in range(2):
        done = cli(capsys, "--content", str(pack), "search", query, "--json", "--kind", "paragraph")
        assert done.returncode in (0, 1), done.stderr
        hits = json.loads(done.stdout)
        answers.append(
            [
                (hit["location"]["number"], [hit["text"][a:b] for a, b in hit["spans"]])
                for hit in hits
            ]
        )
    assert answers[0] == answers[1], "the compiled pack answers as the fresh index does"
    return answers[0]


def test_china_finds_every_name_of_china_the_word_itself_first(capsys: Capsys, pack: Path) -> None:
    hits = found(capsys, pack, "china")
    assert hits[0] == (6, ["China"]), "the word itself ranks above another name of it"
    assert sorted(hits[1:]) == [(1, ["Chinese"]), (3, ["PRC"])]


def test_a_name_of_several_words_finds_and_is_found(capsys: Capsys, pack: Path) -> None:
    assert sorted(found(capsys, pack, "american")) == [(2, ["United States"]), (7, ["U.S"])]
    assert found(capsys, pack, "united states")[0] == (2, ["United States"])
    assert (7, ["U.S"]) in found(capsys, pack, "united states")
    assert sorted(found(capsys, pack, "美国")) == [(2, ["United States"]), (7, ["U.S"])]


def test_the_pack_adds_its_own_family(capsys: Capsys, pack: Path) -> None:
    assert found(capsys, pack, "欧盟") == [(5, ["欧盟"]), (4, ["European Union"])]
    assert (5, ["欧盟"]) in found(capsys, pack, "eu"), "(¶4 by its prefix: European)"
    assert sorted(found(capsys, pack, "欧盟 rules")) == [(4, ["European Union", "rules"])]
    beijing = found(capsys, pack, "beijing")
    assert sorted(beijing) == [(1, ["Chinese"]), (3, ["PRC"]), (6, ["China"])], "joins China's"


def test_an_exact_word_or_a_quoted_phrase_is_not_widened(capsys: Capsys, pack: Path) -> None:
    assert found(capsys, pack, "'china") == [(6, ["China"])]
    assert found(capsys, pack, '"united states"') == [(2, ["United States"])]


def test_a_bad_equivalent_table_names_the_file_and_line(capsys: Capsys, pack: Path) -> None:
    toml = pack / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("[[equivalent]]")) + 2
    toml.write_text(text.replace(OWN, '\n[[equivalent]]\nwords = "EU"\n'), encoding="utf-8")
    done = cli(capsys, "check", str(pack))
    assert done.returncode != 0
    assert f"pack.toml:{line}" in done.stdout + done.stderr, done.stdout + done.stderr
    assert "a list of strings" in done.stdout + done.stderr
    toml.write_text(text.replace(OWN, '\n[[equivalent]]\nwords = ["EU"]\n'), encoding="utf-8")
    done = cli(capsys, "check", str(pack))
    assert "two or more names" in done.stdout + done.stderr, done.stdout + done.stderr
