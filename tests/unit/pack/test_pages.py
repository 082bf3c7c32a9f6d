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


def test_escaped_marks_are_the_articles_own_text() -> None:
    from aiplan_tui.pack.pages import escaped, split_pages

    own = ("[page 9]", "\\[page 9]", "\\\\[page 9]  x", "[page 7] of the annex.", "[page 7]x", "T.")
    written = tuple(escaped(p) for p in own)
    assert written[:4] == ("\\" + own[0], "\\" + own[1], "\\" + own[2], "\\" + own[3])
    assert written[4:] == own[4:], "only what would read as a mark is escaped"
    paged = split_pages(("[page 1]", *written), tuple(range(7)))
    assert paged.paragraphs == own and paged.pages == (1,) * 6
