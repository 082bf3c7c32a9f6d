"""An article with pages (a PDF's) says the page where the reader's status line and the
search screen say the paragraph, as its citations do ("p. 3, ¶2")."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from conftest import make_app
from test_search_screen import put_query, status_line, wait_for_index

BODY = (
    "[page 2]\n\nThe opening of the plan sits on its second page.\n\n"
    "[page 3]\n\nPorcelain turbines are named on the third page.\n\nA closing line.\n"
)


def paged_pack(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "pack.toml").write_text('[pack]\nid = "p"\ntitle = "P"\n', encoding="utf-8")
    (root / "articles" / "plan.md").write_text(
        f'+++\ntitle = "A plan in pages"\npaged = true\n+++\n\n{BODY}', encoding="utf-8"
    )
    return root


async def test_the_status_line_and_search_results_give_the_page(tmp_path: Path) -> None:
    app = make_app(paged_pack(tmp_path / "pack"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "paragraph 1/3 (p. 2)" in status_line(app)
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await put_query(pilot, app, "porcelain turbines")
        results = app.screen.query_one(OptionList)
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("plan p. 3, ¶2" in prompt for prompt in prompts), prompts
