"""The pack's lifecycle (ui/pack_session.py) on its own, without the app: the moves each phase
may make and no other, what waits for READY and how it is done, and who is told."""

from __future__ import annotations

import itertools

import pytest

from aiplan_tui.core.model import Pack
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.pack.result import LoadResult
from aiplan_tui.paths import bundled_content_dir
from aiplan_tui.ui.pack_session import (
    DIALOG_OPEN,
    TRANSITIONS,
    IllegalMove,
    PackSession,
    Phase,
)

RESULT = load_pack(bundled_content_dir())
LEGAL = {
    (Phase.CHECKING, Phase.HEAD),
    (Phase.CHECKING, Phase.READY),
    (Phase.CHECKING, Phase.RELOADING),
    (Phase.LOADING, Phase.READY),
    (Phase.LOADING, Phase.FAILED),
    (Phase.HEAD, Phase.READY),
    (Phase.READY, Phase.READY),
    (Phase.READY, Phase.RELOADING),
    (Phase.RELOADING, Phase.READY),
}
"""Written out here, not read from TRANSITIONS: a move added or lost there fails a test."""


class Head:
    highlight_count = 12345


def session(phase: Phase, said: list[str] | None = None, dialog: bool = False) -> PackSession:
    head = Head() if phase in (Phase.HEAD, Phase.CHECKING) else None
    made = PackSession(RESULT, head=head, phase=phase, dialog_open=lambda: dialog)  # type: ignore[arg-type]
    if said is not None:
        made.tell = said.append
    return made


@pytest.mark.parametrize(("start", "end"), list(itertools.product(Phase, Phase)))
def test_each_phase_makes_only_its_moves(start: Phase, end: Phase) -> None:
    made = session(start)
    if (start, end) in LEGAL:
        made.move(end)
        assert made.phase is end
    else:
        with pytest.raises(IllegalMove, match=f"{start.name} -> {end.name}"):
            made.move(end)
        assert made.phase is start


def test_the_table_is_the_moves() -> None:
    assert {(a, b) for a, ends in TRANSITIONS.items() for b in ends} == LEGAL


def test_a_session_starts_loading_on_a_head_or_ready() -> None:
    assert PackSession.starting(RESULT, loading=True).phase is Phase.LOADING
    assert PackSession.starting(RESULT, head=object()).phase is Phase.HEAD  # type: ignore[arg-type]
    assert PackSession.starting(RESULT).phase is Phase.READY
    checking = PackSession.starting(RESULT, head=object(), checking=True)  # type: ignore[arg-type]
    assert checking.phase is Phase.CHECKING and checking.checking


def test_while_checking_the_reader_acts_and_the_rest_waits_for_the_check() -> None:
    """Nothing starts the whole pack's reading before the files are checked (it would read
    the pack as last compiled); once they are, what waited starts it."""
    said: list[str] = []
    made, wanted = session(Phase.CHECKING, said), []
    made.wanted = lambda: wanted.append(True)
    assert made.when_reader("article", lambda: None, "it opens")
    assert not made.when_ready("screen:compare", lambda: None, "Compare opens")
    assert not wanted and made.waiting() == ["screen:compare"] and said
    made.checked()
    assert made.phase is Phase.HEAD and wanted == [True]


def test_checked_on_a_new_head_holds_it() -> None:
    made = session(Phase.CHECKING)
    new = Head()
    made.checked(RESULT, new, None, "new files")  # type: ignore[arg-type]
    assert made.head is new and made.manifest == "new files" and made.phase is Phase.HEAD
    assert not made.waiting()


def test_what_waits_is_done_once_per_key_as_last_asked_in_first_asked_order() -> None:
    said: list[str] = []
    made, done = session(Phase.HEAD, said), []
    assert not made.when_ready("screen:compare", lambda: done.append("compare 1"), "Compare opens")
    assert not made.when_ready("search", lambda: done.append("search"), "search opens")
    assert not made.when_ready("screen:compare", lambda: done.append("compare 2"), "Compare opens")
    assert made.waiting() == ["screen:compare", "search"]
    assert said == [
        "Reading the pack (12,345 highlights): Compare opens once it is read.",
        "Reading the pack (12,345 highlights): search opens once it is read.",
    ]
    made.ready()
    assert done == ["compare 2", "search"] and made.waiting() == []
    assert made.when_ready("search", lambda: done.append("now"), "search opens"), "READY: at once"


def test_while_read_again_what_needs_only_the_whole_pack_goes_on() -> None:
    said: list[str] = []
    made, done = session(Phase.RELOADING, said), []
    assert made.when_ready("search", lambda: done.append("search"), "search opens", True)
    assert not made.when_ready("reader", lambda: done.append("reader"), "the reader opens")
    assert said == ["The reader opens once the pack is read again."]
    order: list[str] = []
    made.subscribe(lambda _pack: order.append("published"))
    made.ready(then=lambda: order.append("then"))
    assert order == ["published", "then"] and done == ["reader"]


def test_on_ready_under_a_dialog_what_waited_is_dropped_and_said() -> None:
    said: list[str] = []
    made, done = session(Phase.RELOADING, said, dialog=True), []
    made.when_ready("screen:review", lambda: done.append("review"), "Review opens")
    made.ready()
    assert done == [] and made.waiting() == []
    assert said[-1] == DIALOG_OPEN.format(again=" again")
    assert said[-1].startswith("The pack is read again. What waited for it was not done")


def test_loading_defers_nothing_and_failing_forgets_what_waited() -> None:
    made, done = session(Phase.LOADING), []
    assert not made.when_ready("search", lambda: done.append("search"), "search opens")
    assert made.waiting() == [] and made.loading
    made.failed()
    assert made.phase is Phase.FAILED and made.loading and not made.whole
    with pytest.raises(IllegalMove):
        made.ready()


def test_ready_publishes_the_new_pack_and_drops_the_head_and_old_compiled_pack() -> None:
    made = PackSession(RESULT, manifest="old", compiled=object(), phase=Phase.RELOADING)  # type: ignore[arg-type]
    got: list[Pack] = []
    made.subscribe(got.append)
    other = LoadResult(RESULT.pack, RESULT.problems)
    made.ready(other, "new")
    assert got == [other.pack] and made.result is other
    assert (made.manifest, made.compiled, made.head) == ("new", None, None)


def test_a_failed_read_keeps_the_pack_held() -> None:
    made = PackSession(RESULT, manifest="kept", phase=Phase.RELOADING)
    got: list[Pack] = []
    made.subscribe(got.append)
    made.ready()  # the new pack could not be read
    assert made.result is RESULT and made.manifest == "kept" and got == [RESULT.pack]
