"""Review fixes what a suggestion gets wrong (issue 30, item 3): direct or paraphrase, and its
words, widened or narrowed by a word at either end or typed anew, verbatim in its paragraph
(checked as they are typed); each edit touches only its lines."""

from __future__ import annotations

from textual.widgets import Input, Static

from aiplan_tui.ui.screens.review import ReviewScreen
from aiplan_tui.ui.screens.words_dialog import WordsDialog
from conftest import PackFactory, until
from reviewing import FILE, SUGGESTED, open_dialog, review_pack, reviewing, said, tables


async def test_d_flips_direct_and_paraphrase_touching_one_line(make_pack: PackFactory) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await pilot.press("d")
        await until(pilot, lambda: tables(path)["q-restricted"]["direct"] is True, "direct")
        assert path.read_text(encoding="utf-8") == SUGGESTED.replace(
            "direct = false", "direct = true"
        )
        assert said(app) == f"q-restricted: direct now, in {FILE}"
        await until(pilot, lambda: "direct" in str(preview(app)), "shown")
        await pilot.press("d")
        await until(pilot, lambda: tables(path)["q-restricted"]["direct"] is False, "back")
        assert path.read_text(encoding="utf-8") == SUGGESTED


def preview(app: object) -> object:
    return app.screen.query_one("#review-preview", Static).render()  # type: ignore[attr-defined]


def verdict(app: object) -> str:
    return str(app.screen.query_one("#words-verdict", Static).render())  # type: ignore[attr-defined]


async def test_the_words_widen_and_narrow_a_word_at_a_time(make_pack: PackFactory) -> None:
    """A span that stops after the first of two sentences is taken to the end of the second."""
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "w", WordsDialog)
        box = app.screen.query_one(Input)
        assert box.value == "The U.S. restricted chip exports"
        await pilot.press("ctrl+right")  # the rest of the word: its full stop
        assert box.value == "The U.S. restricted chip exports."
        await pilot.press("ctrl+right", "ctrl+right")
        assert box.value == "The U.S. restricted chip exports. China said"
        await pilot.press("ctrl+left", "shift+right", "shift+right")
        assert box.value == "restricted chip exports. China"
        await pilot.press("shift+left")
        assert box.value == "U.S. restricted chip exports. China"
        assert verdict(app).startswith("✓")
        await pilot.press("enter")
        want = "U.S. restricted chip exports. China"
        await until(pilot, lambda: tables(path)["q-restricted"]["exact"] == want, "the words")
        assert path.read_text(encoding="utf-8") == SUGGESTED.replace(
            '"The U.S. restricted chip exports"', f'"{want}"'
        )
        assert isinstance(app.screen, ReviewScreen)
        await until(pilot, lambda: app.pack.suggested[0].exact == want, "the pack read again")


async def test_typed_words_are_checked_as_typed_and_kept_only_when_verbatim(
    make_pack: PackFactory,
) -> None:
    root = review_pack(make_pack)
    path = root / FILE
    async with reviewing(root) as (app, pilot):
        await open_dialog(pilot, "w", WordsDialog)
        box = app.screen.query_one(Input)
        box.value = ""
        await pilot.press(*"restricted chips")
        await until(pilot, lambda: "word for word" in verdict(app), "the verdict")
        assert verdict(app).startswith("not in its paragraph")
        await pilot.press("enter")  # refused: the box stays
        await pilot.pause()
        assert isinstance(app.screen, WordsDialog)
        assert path.read_text(encoding="utf-8") == SUGGESTED
        await pilot.press("backspace")
        await until(pilot, lambda: verdict(app).startswith("✓"), "now verbatim")
        await pilot.press("enter")
        await until(pilot, lambda: tables(path)["q-restricted"]["exact"] == "restricted chip", "w")
        await pilot.press("escape")  # (on Review: back to the reader)


def test_words_that_occur_twice_are_anchored_by_the_words_around_them() -> None:
    from aiplan_tui.authoring.spans import Anchored, anchor

    paragraphs = ("The plan grew. Then the plan shrank.", "Later the plan stopped.")
    found = anchor(paragraphs, 0, "the plan", near=20)
    assert isinstance(found, Anchored) and found.start == 20
    assert (found.prefix, found.suffix) in {("Then ", ""), ("", " shrank.")}
    assert anchor(paragraphs, 1, "Later the", near=0) == Anchored("Later the", "", "", 0)
    assert anchor(paragraphs, 1, "The plan grew", near=0) == (
        "not in its paragraph word for word (marks, spaces and case too)"
    )
