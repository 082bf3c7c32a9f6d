"""Marking a passage from the reader: the sentence under the cursor, and the suggested highlight
appended to the article's highlights file with everything already there kept byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.authoring.marking import MARK_COMMENT, MarkError, mark_passage, sentence_at
from aiplan_tui.core.model import Location, Pack
from aiplan_tui.pack.loader import load_pack
from conftest import PackFactory

P0 = "The U.S. restricted chip exports. China said the two camps are now being formed."
P1 = "Private AI investment reached $109.1 billion in the U.S., against $9.3 billion in China."


def sentence(text: str, offset: int) -> str:
    start, end = sentence_at(text, offset)
    return text[start:end]


def test_initials_do_not_end_a_sentence() -> None:
    text = "U.S. President Donald Trump announced the plan on Wednesday. It has 90 actions."
    assert sentence(text, 0) == "U.S. President Donald Trump announced the plan on Wednesday."
    assert sentence(text, 20) == sentence(text, 0)
    assert sentence(text, len(text) - 3) == "It has 90 actions."


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        (P0, 0, "The U.S. restricted chip exports."),
        (P0, 40, "China said the two camps are now being formed."),
        (P1, 50, P1),  # "U.S.," then a small letter: one sentence
        ('He said "No." Then he left.', 3, 'He said "No."'),
        ('He said "No." Then he left.', 20, "Then he left."),
        ("Is it? \u201cYes,\u201d she said. Mr. Li agreed.", 9, "\u201cYes,\u201d she said."),
        ("Mr. Li agreed on Jan. 5. Dr. Wu did not!", 2, "Mr. Li agreed on Jan. 5."),
        ("Mr. Li agreed on Jan. 5. Dr. Wu did not!", 30, "Dr. Wu did not!"),
        ("NATO agreed. Then it did not.", 3, "NATO agreed."),
        ("it works. and on", 12, "it works. and on"),  # a small letter after: no end
        ("One.  Two.", 5, "One."),  # in the spaces between: the sentence before
        ("", 0, ""),
    ],
)
def test_sentence_at(text: str, offset: int, expected: str) -> None:
    assert sentence(text, offset) == expected


def loaded(root: Path) -> Pack:
    return load_pack(root).pack


def test_mark_appends_a_suggested_event_keeping_the_file(make_pack: PackFactory) -> None:
    root = make_pack()
    path = root / "highlights" / "wire.toml"
    old = path.read_bytes()
    made = mark_passage(root, loaded(root), "wire", 0, 0, len("The U.S. restricted chip exports."))
    new = path.read_bytes()
    assert made == "m-u-s-restricted-chip"
    assert new.startswith(old)
    added = new[len(old) :].decode("utf-8")
    assert added.startswith(f"\n# {MARK_COMMENT}\n[[event]]\n")
    table = tomli.loads(new.decode("utf-8"))["event"][-1]
    assert table == {
        "id": made,
        "article": "wire",
        "status": "suggested",
        "exact": "The U.S. restricted chip exports.",
    }
    pack = loaded(root)
    [marked] = [h for h in pack.suggested if h.id == made]
    assert marked.kind == "event"
    assert marked.location == Location(0, 0, 33)
    assert not load_pack(root).problems.errors


def test_mark_gives_the_shortest_context_when_the_words_recur(make_pack: PackFactory) -> None:
    root = make_pack()
    pack = loaded(root)
    us = mark_passage(root, pack, "wire", 0, 4, 8)  # "U.S." is in both paragraphs
    china = mark_passage(root, pack, "wire", 0, 34, 39)  # so is "China"
    tables = {t["id"]: t for t in tomli.loads((root / "highlights/wire.toml").read_text())["event"]}
    assert tables[us]["prefix"] == "The " and "suffix" not in tables[us]
    assert tables[china]["suffix"] == " said" and "prefix" not in tables[china]
    marked = {h.id: h.location for h in loaded(root).suggested}
    assert marked[us] == Location(0, 4, 8)
    assert marked[china] == Location(0, 34, 39)


def test_ids_are_unique_even_with_a_pack_loaded_before(make_pack: PackFactory) -> None:
    root = make_pack()
    pack = loaded(root)  # not reloaded between the two: the file's own ids count too
    first = mark_passage(root, pack, "wire", 0, 34, 39)
    second = mark_passage(root, pack, "wire", 1, len(P1) - 6, len(P1) - 1)
    assert (first, second) == ("m-china", "m-china-2")
    assert {"m-china", "m-china-2"} <= {h.id for h in loaded(root).suggested}


def test_mark_makes_the_file_when_there_is_none(make_pack: PackFactory) -> None:
    root = make_pack({"highlights/wire.toml": None})
    made = mark_passage(root, loaded(root), "wire", 1, 0, 21)
    text = (root / "highlights" / "wire.toml").read_text(encoding="utf-8")
    assert text.startswith("# Highlights of articles/wire.md.")
    assert [h.exact for h in loaded(root).suggested if h.id == made] == ["Private AI investment"]


def test_edges_spaces_are_left_out(make_pack: PackFactory) -> None:
    root = make_pack()
    made = mark_passage(root, loaded(root), "wire", 0, 33, 39)  # " China"
    assert [h.exact for h in loaded(root).suggested if h.id == made] == ["China"]


@pytest.mark.parametrize(
    ("paragraph", "start", "end", "message"),
    [
        (0, 5, 5, "empty"),
        (0, 33, 34, "empty"),  # only a space
        (0, 45, 79, "already the highlight q-camps"),
        (1, 30, 44, "already the highlight f-us"),
        (7, 0, 3, "no paragraph 8"),
    ],
)
def test_refusals_write_nothing(
    make_pack: PackFactory, paragraph: int, start: int, end: int, message: str
) -> None:
    root = make_pack()
    path = root / "highlights" / "wire.toml"
    old = path.read_bytes()
    with pytest.raises(MarkError, match=message):
        mark_passage(root, loaded(root), "wire", paragraph, start, end)
    assert path.read_bytes() == old


def test_the_same_words_marked_twice_are_refused(make_pack: PackFactory) -> None:
    root = make_pack()
    made = mark_passage(root, loaded(root), "wire", 0, 0, 33)
    with pytest.raises(MarkError, match=f"already the highlight {made}"):
        mark_passage(root, loaded(root), "wire", 0, 0, 33)


def test_a_file_that_is_not_toml_is_left_alone(make_pack: PackFactory) -> None:
    root = make_pack({"highlights/wire.toml": "[[event]\nbroken"})
    with pytest.raises(MarkError, match="not valid TOML"):
        mark_passage(root, loaded(root), "wire", 0, 0, 33)
    assert (root / "highlights/wire.toml").read_text() == "[[event]\nbroken"


def test_a_file_without_a_final_newline_gets_one_before_the_table(
    make_pack: PackFactory,
) -> None:
    root = make_pack({"highlights/wire.toml": '# mine\n[[event]]\nid = "e"\narticle = "wire"\n'
                      'exact = "chip exports"'})  # fmt: skip
    old = (root / "highlights/wire.toml").read_text()
    mark_passage(root, loaded(root), "wire", 0, 0, 33)
    new = (root / "highlights/wire.toml").read_text()
    assert new.startswith(old + "\n\n# suggested")
    assert len(tomli.loads(new)["event"]) == 2
