"""A new article's whole Review queue walked in a real terminal without leaving the app (issue
30), after `check` on the pack's relative path: fix a span, flip a paraphrase to direct, rename a person and undo it, name a new person
and merge them into the pack's, accept all, and `check` is clean after."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from aiplan_tui.core.model import Quote
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.ui.review_view import reading_order
from e2e.terminal import STARTUP_TIMEOUT, Tmux
from e2e.test_own_articles import shell
from e2e.tour import quit_and_check_restored, start_shell

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

ARTICLE = """\
Ministers meet again over chip exports

Trade ministers from both countries met in Geneva on Tuesday to discuss export controls.

"We will not accept a world split in two camps," said Li Qiang, China's premier.

Rowan Tate, a science adviser at the White House, said the controls would stay in place until new safeguards were agreed.
"""


def test_a_new_articles_queue_is_finished_inside_the_app(
    tmux: Tmux, pane_env: dict[str, str], tmp_path: Path
) -> None:
    pack, text = tmp_path / "briefs", tmp_path / "talks.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    before = start_shell(tmux, pane_env, 100, 30)
    shell(tmux, f"aiplan-tui init {pack}", "Created a new pack")
    shell(tmux, f"aiplan-tui add {text} --content {pack} --published 2026-12-01", "suggested")
    queue = reading_order(load_pack(pack).pack)
    reported = next(h for h in queue if isinstance(h, Quote) and not h.direct)
    words = reported.exact.split(" ", 1)[1]  # its first word dropped: "said" in the rules now
    path, people = reported.source.path, pack / "entities.toml"

    def table() -> dict[str, object]:
        data = tomli.loads(path.read_text(encoding="utf-8"))
        return next(t for ts in data.values() for t in ts if t["id"] == reported.id)

    def person(entity_id: str) -> dict[str, object] | None:
        data = tomli.loads(people.read_text(encoding="utf-8"))
        return next((t for t in data.get("entity", []) if t["id"] == entity_id), None)

    # As init and add print it (item 1 of the issue): check, then the app, on a relative path.
    shell(tmux, f"cd {tmp_path} && aiplan-tui check briefs", "0 errors")
    tmux.run('aiplan-tui --content briefs; echo "EXIT:$?"')
    tmux.wait_for("paragraph 1/", timeout=STARTUP_TIMEOUT)
    tmux.send("4")
    tmux.wait_for(f"1 of {len(queue)} suggestions")
    tmux.send("g", *["j"] * queue.index(reported))
    tmux.wait_for(f"{queue.index(reported) + 1} of {len(queue)} suggestions")
    # The span: one word fewer at its start.
    tmux.send("w")
    tmux.wait_for("word for word in its paragraph")
    tmux.send("S-Right")
    tmux.send("Enter")
    tmux.wait_until(lambda _: table()["exact"] == words, "the span written")
    # Paraphrase to direct.
    tmux.send("d")
    tmux.wait_until(lambda _: table()["direct"] is True, "direct written")
    # Rename the speaker, and undo it.
    speaker = str(table()["speaker"])
    name = (person(speaker) or {})["name"]
    tmux.send("p")
    tmux.wait_for("Aliases  ")
    tmux.type("Rowan T. Tate")
    tmux.send("Enter")
    tmux.wait_until(lambda _: (person(speaker) or {}).get("name") == "Rowan T. Tate", "renamed")
    tmux.send("u")
    tmux.wait_until(lambda _: (person(speaker) or {}).get("name") == name, "the rename undone")
    # A new person named in the speaker box, then merged into the pack's own.
    tmux.send("s")
    tmux.wait_for("Who says it?")
    tmux.type("R. Tate, adviser")
    tmux.wait_for("New person: R. Tate")
    tmux.send("Enter")
    tmux.wait_until(lambda _: table()["speaker"] == "r-tate", "the new person set")
    assert person("r-tate") == {"id": "r-tate", "name": "R. Tate", "kind": "person",
                                "role": "adviser"}  # fmt: skip
    tmux.send("M")
    tmux.wait_for("Merge R. Tate into")
    tmux.type(str(name))
    tmux.send("Enter")
    # The transaction renames its files one after another (core/transaction.py): read raw,
    # outside the lock, the people can be merged a moment before the quotation is.
    tmux.wait_until(
        lambda _: person("r-tate") is None and table()["speaker"] == speaker,
        "merged, the quotation's speaker the pack's own again",
    )
    kept = person(speaker)
    assert kept is not None and "R. Tate" in str(kept.get("aliases"))
    # Everything else of the article at once.
    tmux.send("A")
    tmux.wait_for("No suggestions to review")
    quit_and_check_restored(tmux, before)
    shell(tmux, f"aiplan-tui check {pack}", "0 errors")
    assert not load_pack(pack).pack.suggested
