"""Pages in an article file (pack/pages.py): with `paged = true`, a `[page N]` paragraph marks
where page N starts and is not a paragraph; without it, such a line is text, as it always
was."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.pack.loader import load_pack

PACK = '[pack]\nid = "p"\ntitle = "P"\n'


def article(tmp_path: Path, front: str, body: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    (tmp_path / "pack.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "articles" / "a.md").write_text(
        f'+++\ntitle = "A plan"\n{front}+++\n\n{body}', encoding="utf-8"
    )
    loaded = load_pack(tmp_path)
    assert not loaded.problems.errors, loaded.problems.errors
    (found,) = loaded.pack.articles
    return found.paragraphs, found.pages


def test_page_marks_give_each_paragraph_its_page(tmp_path: Path) -> None:
    body = "Before any mark.\n\n[page 3]\n\nOn three.\n\nAlso three.\n\n[page 4]\nOn four.\n"
    assert article(tmp_path, "paged = true\n", body) == (
        ("Before any mark.", "On three.", "Also three.", "On four."),
        (0, 3, 3, 4),
    )


def test_without_paged_a_mark_is_text_as_before(tmp_path: Path) -> None:
    assert article(tmp_path, "", "[page 3]\n\nText.\n") == (("[page 3]", "Text."), ())
