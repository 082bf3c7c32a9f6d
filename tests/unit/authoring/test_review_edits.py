"""Review's edits to a pack's TOML: only the lines they must change; every other byte stays,
comments and order included; the file always parses; a failed edit writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.authoring.ids import entity_id
from aiplan_tui.authoring.review import (
    ReviewError,
    accept,
    add_to_cell,
    change_kind,
    new_cell,
    new_entity,
    reject,
    update,
)

HIGHLIGHTS = """\
# Suggested by `aiplan-tui add` for articles/wire.md: each says why above it.

# suggested: quotation marks, followed by 'said Maria Lopez'
[[quote]]
id = "q-lopez-balance"
article = "wire"
status = "suggested"
speaker = "maria-lopez"
direct = true
exact = "We are looking for a balance"

# my own note, kept
[[fact]]
id = "f-tools"
article = "wire"
status = "suggested"
metric = "Imports of chipmaking tools"
value = 12e9
unit = "USD"
exact = "$12 billion"
dimensions = [
    "chips",
]

# suggested: a weekday, dated from the article's date
[[event]]
id = "e-met-tuesday"
article = "wire"
status = "suggested"
date = 2025-07-29
exact = "met again on Tuesday"
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "wire.toml"
    file.write_text(HIGHLIGHTS, encoding="utf-8")
    return file


def tables(path: Path) -> dict[str, dict[str, object]]:
    data = tomli.loads(path.read_text(encoding="utf-8"))
    return {t["id"]: {"kind": kind, **t} for kind, ts in data.items() for t in ts}


def test_accept_removes_only_the_status_line(path: Path) -> None:
    accept(path, "f-tools")
    expected = HIGHLIGHTS.replace(
        'id = "f-tools"\narticle = "wire"\nstatus = "suggested"\n',
        'id = "f-tools"\narticle = "wire"\n',
    )
    assert path.read_text(encoding="utf-8") == expected


def test_reject_removes_the_table_and_its_comment_and_nothing_else(path: Path) -> None:
    reject(path, "q-lopez-balance")
    text = path.read_text(encoding="utf-8")
    assert "q-lopez-balance" not in text and "said Maria Lopez" not in text
    assert text.startswith("# Suggested by `aiplan-tui add`")
    assert (
        text[text.index("# my own note, kept") :]
        == HIGHLIGHTS[HIGHLIGHTS.index("# my own note, kept") :]
    )
    reject(path, "e-met-tuesday")
    assert set(tables(path)) == {"f-tools"}
    assert path.read_text(encoding="utf-8").rstrip().endswith('    "chips",\n]')


def test_update_replaces_a_value_over_several_lines_and_adds_new_keys(path: Path) -> None:
    update(path, "f-tools", {"dimensions": ["chips", "investment"], "note": 'a "quoted" note'})
    fact = tables(path)["f-tools"]
    assert fact["dimensions"] == ["chips", "investment"] and fact["note"] == 'a "quoted" note'
    assert "# my own note, kept\n[[fact]]" in path.read_text(encoding="utf-8")
    update(path, "q-lopez-balance", {"speaker": "lopez", "direct": None})
    quote = tables(path)["q-lopez-balance"]
    assert quote["speaker"] == "lopez" and "direct" not in quote


def test_change_kind_moves_the_fields_and_keeps_the_place(path: Path) -> None:
    change_kind(path, "q-lopez-balance", "position", {"side": "us"})
    moved = tables(path)["q-lopez-balance"]
    assert moved["kind"] == "position" and moved["side"] == "us"
    assert "speaker" not in moved and "direct" not in moved
    text = path.read_text(encoding="utf-8")
    assert text.index('id = "q-lopez-balance"') < text.index('id = "f-tools"'), "same place"


def test_hostile_values_stay_values(path: Path) -> None:
    update(path, "f-tools", {"note": 'x"\n[[quote]]\nid = "evil"\x7f'})
    assert "evil" not in {str(k) for k in tables(path)}
    assert tables(path)["f-tools"]["note"] == 'x"\n[[quote]]\nid = "evil"\x7f'


def test_an_unknown_id_changes_nothing(path: Path) -> None:
    with pytest.raises(ReviewError):
        accept(path, "nope")
    assert path.read_text(encoding="utf-8") == HIGHLIGHTS


COMPARISON = """\
# cells
[[cell]]
dimension = "chips"
side = "us"
summary = "Curbs."
highlights = ["p-curbs"]
"""


def test_a_highlight_joins_a_cell_or_a_new_cell_gets_the_editors_summary(tmp_path: Path) -> None:
    path = tmp_path / "comparison.toml"
    path.write_text(COMPARISON, encoding="utf-8")
    assert add_to_cell(path, "chips", "us", "f-tools")
    assert add_to_cell(path, "chips", "us", "f-tools"), "twice is once"
    assert tomli.loads(path.read_text())["cell"][0]["highlights"] == ["p-curbs", "f-tools"]
    assert not add_to_cell(path, "chips", "china", "f-tools")
    new_cell(path, "chips", "china", "Buys tools.", "f-tools")
    cells = tomli.loads(path.read_text())["cell"]
    assert cells[1] == {
        "dimension": "chips",
        "side": "china",
        "summary": "Buys tools.",
        "highlights": ["f-tools"],
    }
    assert path.read_text().startswith("# cells\n[[cell]]")


def test_a_new_speaker_is_appended_to_the_entities_file_and_nothing_else_moves(
    tmp_path: Path,
) -> None:
    path = tmp_path / "entities.toml"
    old = '# the people\n[[entity]]\nid = "ann-lee"\nname = "Ann Lee"\nkind = "person"\n'
    path.write_text(old, encoding="utf-8")
    made = entity_id("Ann Lée", {"ann-lee"})
    assert made == "ann-lee-2"
    assert entity_id("李强", set()) == "entity"
    new_entity(path, made, "Ann Lée")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(old + "\n# added by Review")
    assert tomli.loads(text)["entity"][1] == {"id": made, "name": "Ann Lée", "kind": "person"}
    with pytest.raises(ReviewError):
        new_entity(path, made, "Someone else")
    assert path.read_text(encoding="utf-8") == text
