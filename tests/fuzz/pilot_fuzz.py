"""Random keys and resizes against the app in-process, through Textual's pilot.

Each run is a seed: the same seed makes the same steps, so a failure prints its seed and the
steps before it, and `python -m tests.fuzz.pilot_fuzz --seed N --steps M` replays it. Every
`BURST` steps the app must answer a key within `ANSWER_SECONDS`; at the end `q` must end it
with status 0. A crash, a hang or an unclean end is a failure.

    python -m tests.fuzz.pilot_fuzz --minutes 30          # fresh seeds until time is up
    python -m tests.fuzz.pilot_fuzz --seed 17 --steps 400  # replay one
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.keys import key_to_character

if TYPE_CHECKING:
    from textual.pilot import Pilot

BINDING_KEYS = [
    "1", "2", "3", "G", "N", "S", "ctrl+e", "ctrl+l", "ctrl+p", "ctrl+r", "ctrl+y", "down",
    "end", "enter", "escape", "f", "g", "h", "home", "j", "k", "l", "left",
    "left_curly_bracket", "left_square_bracket", "n", "question_mark", "right",
    "right_curly_bracket", "right_square_bracket", "s", "shift+tab", "slash", "t", "tab", "up",
    "x", "y",
]  # fmt: skip
"""Every key a binding uses, except those that end the app (q, ctrl+c): they end the run."""
NOISE_KEYS = [
    "a", "z", "Q", "space", "backspace", "delete", "pageup", "pagedown", "ctrl+a", "ctrl+w",
    "ctrl+u", "ctrl+k", "ctrl+d", "insert", "f1", "f5", "ctrl+home", "ctrl+end", "shift+up",
    "shift+down", "exclamation_mark", "quotation_mark", "vertical_line", "colon", "0", "9",
]  # fmt: skip
SIZES = [(0, 0), (1, 1), (12, 4), (30, 8), (30, 10), (39, 11), (40, 12), (60, 20), (80, 24),
         (100, 30), (120, 40), (200, 60), (300, 100)]  # fmt: skip
BURST = 25
ANSWER_SECONDS = 5.0
"""In-process, a key answered means the app processed it and went idle; generous, since the
machine is shared (the tmux fuzzer holds the app to one second on the screen)."""


@dataclass
class Outcome:
    seed: int
    steps: list[str] = field(default_factory=list)
    failure: str | None = None

    def report(self) -> str:
        tail = ", ".join(self.steps[-20:])
        return f"seed {self.seed}: {self.failure} after {len(self.steps)} steps (last: {tail})"


def step_for(rng: random.Random) -> str:
    """One step: a key, a burst of typing, or a resize."""
    roll = rng.random()
    if roll < 0.12:
        width, height = (
            rng.choice(SIZES) if rng.random() < 0.7 else (rng.randint(0, 220), rng.randint(0, 70))
        )
        return f"resize:{width}x{height}"
    if roll < 0.17:
        return "type:" + "".join(
            rng.choice('abc deseknvidiachip"!^|:') for _ in range(rng.randint(1, 12))
        )
    if roll < 0.85:
        return "key:" + rng.choice(BINDING_KEYS)
    return "key:" + rng.choice(NOISE_KEYS)


async def fuzz(seed: int, steps: int, pack: Path | None = None) -> Outcome:
    """Run `steps` random steps on a fresh app; the outcome says whether it held."""
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.paths import bundled_content_dir
    from aiplan_tui.ui.app import AiplanApp

    rng = random.Random(seed)
    outcome = Outcome(seed)
    app = AiplanApp(load_pack(pack or bundled_content_dir()))
    width, height = rng.choice(SIZES[6:])
    try:
        async with app.run_test(size=(width, height)) as pilot:
            for number in range(steps):
                step = step_for(rng)
                outcome.steps.append(step)
                await asyncio.wait_for(_do(pilot, step), ANSWER_SECONDS * 4)
                if not app.is_running:
                    outcome.failure = "the app stopped"
                    return outcome
                if number % BURST == BURST - 1:
                    await _answers(pilot)
            await pilot.resize_terminal(100, 30)
            await _answers(pilot)
            outcome.steps.append("key:q")
            await asyncio.wait_for(pilot.press("escape", "escape", "q"), ANSWER_SECONDS * 4)
            await asyncio.wait_for(pilot.press("ctrl+c"), ANSWER_SECONDS * 4)
    except TimeoutError:
        outcome.failure = "a hang: a step or key was not answered in time"
        return outcome
    except Exception as error:  # the app's own exception, re-raised by run_test
        outcome.failure = f"a crash: {type(error).__name__}: {error}"
        return outcome
    if app.return_code not in (0, None):
        outcome.failure = f"exit status {app.return_code}"
    return outcome


async def _do(pilot: Pilot[None], step: str) -> None:
    kind, _, value = step.partition(":")
    if kind == "resize":
        width, height = (int(n) for n in value.split("x"))
        await pilot.resize_terminal(width, height)
        return
    for key in [_key_name(c) for c in value] if kind == "type" else [value]:
        await _key(pilot, key)


def _key_name(character: str) -> str:
    """A typed character's key name, as a terminal's input is named (`"` is quotation_mark)."""
    if character.isalnum():
        return character
    return unicodedata.name(character).lower().replace(" ", "_")


async def _key(pilot: Pilot[None], key: str) -> None:
    """One key, as the terminal driver delivers it, then every message it set off handled and
    the screen painted: a wait on the app's queues, where `pilot.press` also waits for the
    process to go idle twice by the clock (at least 40 ms a key, ten times that on a busy
    machine). The idle wait stays in the check every BURST steps (`_answers`)."""
    pilot.app.post_message(events.Key(key, key_to_character(key)))
    await pilot.pause(0)  # the queues drained, then the screen's pending updates painted


async def _answers(pilot: Pilot[None]) -> None:
    """The app is alive: a key that changes nothing is processed promptly."""
    await asyncio.wait_for(pilot.press("ctrl+l"), ANSWER_SECONDS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, help="one seed (default: fresh seeds)")
    parser.add_argument("--steps", type=int, default=400, help="steps per seed")
    parser.add_argument("--minutes", type=float, default=1.0, help="keep going this long")
    parser.add_argument("--content", type=Path, help="pack to open (default: bundled)")
    args = parser.parse_args(argv)
    scratch = tempfile.mkdtemp(prefix="pilot-fuzz-")  # never the user's own state or cache
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(Path(scratch) / variable.lower())
    seeds = [args.seed] if args.seed is not None else None
    end = time.monotonic() + args.minutes * 60
    failures, runs = 0, 0
    fresh = random.Random()
    while seeds is None or seeds:
        seed = seeds.pop() if seeds else fresh.randrange(1_000_000)
        outcome = asyncio.run(fuzz(seed, args.steps, args.content))
        runs += 1
        print(outcome.report() if outcome.failure else f"seed {seed}: held {args.steps} steps",
              flush=True)  # fmt: skip
        failures += outcome.failure is not None
        if seeds is None and time.monotonic() > end:
            break
    print(f"{runs} runs, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
