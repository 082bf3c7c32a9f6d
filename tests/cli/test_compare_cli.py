"""`aiplan-tui compare`: the table, Markdown ready for a brief, JSON, and the sides option."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from conftest import PACK_TOML, PackFactory
from in_process import Answer, answer

Capsys = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def wide_plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """140 columns, no colour, and nothing else that tells Rich how to draw."""
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLORTERM", "TERM",
                 "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "140")
    monkeypatch.setenv("NO_COLOR", "1")


def run(capsys: Capsys, *args: str) -> Answer:
    return answer(capsys, "compare", *args)


def table_rows(markdown: str) -> list[list[str]]:
    """The table as a Markdown parser sees it: the text of each cell, row by row."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: list[list[str]] = []
    in_table = False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        elif in_table and token.type == "tr_open":
            rows.append([])
        elif in_table and token.type == "inline":
            rows[-1].append(token.content)
    return rows


def test_table_shows_both_sides_every_dimension_and_the_figures(capsys: Capsys) -> None:
    done = run(capsys)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for words in ("United States", "China", "Governance", "Signals of"):
        assert words in out
    assert "US $109.1 bn · China $9.3 bn · 11.7×" in out
    assert "█" in out


def test_markdown_is_one_valid_table_with_a_citation_for_every_point(capsys: Capsys) -> None:
    done = run(capsys, "--format", "md")
    assert done.returncode == 0
    rows = table_rows(done.stdout)
    assert rows[0] == ["Dimension", "United States", "China"]
    assert len(rows) == 1 + 7  # header and one row per dimension
    assert all(len(row) == 3 for row in rows)
    data = json.loads(run(capsys, "--format", "json").stdout)
    for row, cells in zip(rows[1:], data["rows"], strict=True):
        for text, cell in zip(row[1:], cells["cells"], strict=True):
            # Every point cites its article and paragraph.
            assert text.count("¶") == len(cell["highlights"])
    assert "“formidable” — Jensen Huang" in done.stdout


def test_markdown_escapes_pack_text(make_pack: PackFactory, capsys: Capsys) -> None:
    hostile = PACK_TOML.replace('title = "Chips"', 'title = "Chips | <b>x</b> *y*"')
    done = run(capsys, "--format", "md", "--content", str(make_pack({"pack.toml": hostile})))
    assert done.returncode == 0
    rows = table_rows(done.stdout)
    assert all(len(row) == 3 for row in rows)
    assert "<b>" not in done.stdout
    html = MarkdownIt("commonmark").enable("table").render(done.stdout)
    assert "Chips | &lt;b&gt;x&lt;/b&gt; *y*" in html


def test_json_has_cells_highlights_and_figure_pairs(capsys: Capsys) -> None:
    data = json.loads(run(capsys, "--format", "json").stdout)
    assert [side["id"] for side in data["sides"]] == ["us", "china"]
    assert [row["dimension"]["id"] for row in data["rows"]][:2] == ["governance", "plans"]
    first = data["rows"][0]["cells"][0]
    assert first["side"] == "us" and first["covered"] and first["summary"]
    highlight = first["highlights"][0]
    assert {"id", "kind", "text", "article", "location"} <= set(highlight)
    (pair,) = data["figures"]
    assert pair["left"]["id"] == "f-us-private-2024"
    assert round(pair["ratio"], 1) == 11.7


def test_sides_option_swaps_and_rejects_unknown_sides(capsys: Capsys) -> None:
    swapped = json.loads(run(capsys, "--format", "json", "--sides", "china,us").stdout)
    assert [side["id"] for side in swapped["sides"]] == ["china", "us"]
    assert swapped["figures"][0]["left"]["id"] == "f-china-private-2024"
    bad = run(capsys, "--sides", "us,mars")
    assert bad.returncode == 2
    assert "unknown side 'mars'" in bad.stderr and "us, china" in bad.stderr
    assert run(capsys, "--format", "pdf").returncode == 2
