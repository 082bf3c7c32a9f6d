"""Random keys and window sizes against the installed command in a real terminal (tmux).

Fewer steps than the in-process fuzzer, but through everything a user's terminal goes
through: the parser of real key sequences, resize signals, the changed-cells writer. After
each burst the window goes back to 100x30 and the app must answer: escape out of whatever is
open, then `/` opens search within ANSWER_SECONDS. At the end `q` must exit 0 with no traceback.

    python -m e2e.tmux_fuzz --minutes 10                 (from tests/, with tmux installed)
    python -m e2e.tmux_fuzz --seed 5 --steps 200         replay one seed
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from e2e.terminal import POLL, STARTUP_TIMEOUT, Tmux, pane_environment, shell_command
from e2e.tour import launch

KEYS = [
    "1", "2", "3", "G", "N", "S", "C-e", "C-l", "C-p", "C-r", "C-y", "Down", "End", "Enter",
    "Escape", "f", "g", "h", "Home", "j", "k", "l", "Left", "{", "[", "n", "?", "Right", "}",
    "]", "s", "BTab", "/", "t", "Tab", "Up", "x", "y", "PageUp", "PageDown", "BSpace", "a",
    "z", "Space", "C-u", "C-w", "F1",
]  # fmt: skip
"""Every key a binding uses, by tmux's names, and some noise; not q or C-c (they end it)."""
UNAMBIGUOUS_ESCAPE = "\x1b[27u"
"""The escape key as the kitty keyboard protocol writes it. A lone ESC byte makes the app wait
(ESCDELAY) in case more of a sequence follows, so a resize could overtake it; this cannot be
mistaken for anything else and is handled at once, in order."""
SIZES = [(12, 4), (30, 8), (39, 11), (40, 12), (60, 20), (80, 24), (100, 30), (160, 50)]
BURST = 20
ANSWER_SECONDS = 1.0


@dataclass
class Outcome:
    seed: int
    steps: list[str] = field(default_factory=list)
    failure: str | None = None
    slowest_answer: float = 0.0
    screen: str = ""
    """What the pane showed when it failed."""
    stacks: str = ""
    """Where the app's threads were when it failed, if py-spy is installed."""

    def report(self) -> str:
        if self.failure is None:
            return f"seed {self.seed}: held {len(self.steps)} steps, slowest answer {self.slowest_answer:.2f} s"
        last = ", ".join(self.steps[-15:])
        shown = f"\n{self.screen}" if self.screen else ""
        shown += f"\n{self.stacks}" if self.stacks else ""
        return (
            f"seed {self.seed}: {self.failure} after {len(self.steps)} steps (last: {last}){shown}"
        )


def fuzz(tmux: Tmux, env: dict[str, str], seed: int, steps: int, answer: float) -> Outcome:
    rng = random.Random(seed)
    outcome = Outcome(seed)
    tmux.start(shell_command(env), 100, 30)
    tmux.wait_for_prompt(STARTUP_TIMEOUT)
    launch(tmux)
    try:
        for number in range(steps):
            step = _step(rng)
            outcome.steps.append(step)
            _do(tmux, step)
            if number % BURST == BURST - 1:
                outcome.slowest_answer = max(outcome.slowest_answer, _answers(tmux, answer))
        outcome.slowest_answer = max(outcome.slowest_answer, _answers(tmux, answer))
        tmux.send("q")  # on the reader now (an escape just before would read as alt+q)
        status = tmux.wait_for_exit_status()
        history = tmux.tmux("capture-pane", "-p", "-S", "-", "-t", tmux.target)
        if status != 0:
            outcome.failure = f"exit status {status}"
            outcome.screen = history[-6000:]
        elif "Traceback" in history:
            outcome.failure = "a traceback on the terminal"
    except AssertionError as error:
        outcome.failure = str(error).splitlines()[0]
        outcome.stacks = app_stacks(tmux)
        outcome.stacks += after_redraw(tmux)
        history = tmux.tmux("capture-pane", "-p", "-S", "-", "-t", tmux.target)
        outcome.screen = history[-6000:] if "EXIT:" in history else tmux.capture()
    return outcome


def app_stacks(tmux: Tmux) -> str:
    """py-spy's dump of the app running in the pane (a child of the pane's shell)."""
    spy = shutil.which("py-spy")
    shell = tmux.show("#{pane_pid}")
    children = Path(f"/proc/{shell}/task/{shell}/children")
    if spy is None or not children.exists():
        return ""
    pids = children.read_text().split()
    if not pids:
        return ""
    done = subprocess.run([spy, "dump", "--pid", pids[0]], capture_output=True, text=True)
    return done.stdout[-6000:]


def after_redraw(tmux: Tmux) -> str:
    """Whether ctrl+l (redraw) brings the notice or the reader back: tells a frame the app
    never wrote from a state the app is stuck in."""
    tmux.send("C-l")
    try:
        tmux.wait_until(lambda s: NOTICE in s or on_reader(s), "a redraw", 5)
    except AssertionError:
        return "\nctrl+l changed nothing"
    return f"\nafter ctrl+l the pane shows:\n{tmux.capture()}"


def _step(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        width, height = rng.choice(SIZES)
        return f"resize:{width}x{height}"
    if roll < 0.15:
        return "type:" + "".join(rng.choice('abcdeskn chip"!') for _ in range(rng.randint(1, 8)))
    return "key:" + rng.choice(KEYS)


def _do(tmux: Tmux, step: str) -> None:
    kind, _, value = step.partition(":")
    if kind == "resize":
        width, height = (int(n) for n in value.split("x"))
        tmux.resize(width, height)
    elif kind == "type":
        tmux.type(value)
    else:
        tmux.send(value)


NOTICE = "Terminal too"
"""The too-small notice's first words (at 30 columns the rest wraps, and a notice may cover it)."""
DIALOGS = ("─ Keys ─", "escape cancels", "Compare which two sides?", "🔎", "^r History")
"""What shows while a dialog or the search screen is open over another screen."""


PANE_RULE = re.compile(r"[─━] (Contents|Article|Listing|Highlights) [─━]")
"""A reader pane's title on its rule: the reader is shown, whichever panes fit."""


def on_reader(screen: str) -> bool:
    """The reader, with nothing over it. (Not "Articles (": the navigator may be scrolled
    past it, or give way to the highlights pane.)"""
    return (
        PANE_RULE.search(screen) is not None
        and "paragraph " in screen
        and not any(marker in screen for marker in DIALOGS)
    )


def _settle(tmux: Tmux) -> str:
    """A barrier: the window made too small, then 100x30 again. The app handles input in
    the order it arrives, so once the notice has come and gone every key sent before has
    been handled; returns what the pane then shows."""
    tmux.resize(30, 8)
    tmux.wait_for(NOTICE, timeout=30)
    tmux.resize(100, 30)
    tmux.wait_gone(NOTICE, timeout=30)
    return _steady(tmux)


def _steady(tmux: Tmux) -> str:
    """What the pane shows once two looks in a row agree: a frame may be half-written."""
    last = tmux.capture()
    for _ in range(50):
        time.sleep(POLL)  # polling the pane, as wait_until does
        now = tmux.capture()
        if now == last:
            return now
        last = now
    return last


def _back_to_the_reader(tmux: Tmux) -> None:
    """Escape out of whatever is open, one key at a time and each handled before the next
    (two escapes read together are alt+escape); `1` where escape changes nothing."""
    screen = _settle(tmux)
    for _ in range(8):
        if on_reader(screen):
            return
        tmux.type(UNAMBIGUOUS_ESCAPE)
        after = _settle(tmux)
        if after == screen:
            tmux.send("1")
            after = _settle(tmux)
        screen = after
    raise AssertionError("escape and `1` never led back to the reader")


def _answers(tmux: Tmux, limit: float) -> float:
    """Back to the reader at 100x30; then `/` must open search within `limit` seconds."""
    _back_to_the_reader(tmux)
    started = time.monotonic()
    tmux.send("/")
    try:
        tmux.wait_for("Type to search.", timeout=30)
    except AssertionError:
        raise AssertionError("a hang: `/` was not answered within 30 s") from None
    took = time.monotonic() - started
    if took > limit:
        raise AssertionError(f"slow: `/` took {took:.2f} s (limit {limit} s)")
    tmux.type(UNAMBIGUOUS_ESCAPE)
    tmux.wait_until(on_reader, "the reader after search", 10)
    return took


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, help="one seed (default: fresh seeds)")
    parser.add_argument("--steps", type=int, default=200, help="steps per seed")
    parser.add_argument("--minutes", type=float, default=1.0, help="keep going this long")
    parser.add_argument(
        "--answer", type=float, default=ANSWER_SECONDS, help="seconds for `/` to be answered"
    )
    parser.add_argument(
        "--bin", type=Path, default=Path(shutil.which("aiplan-tui") or sys.executable).parent,
        help="the folder holding the aiplan-tui command (default: the one on PATH)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    seeds = [args.seed] if args.seed is not None else None
    end = time.monotonic() + args.minutes * 60
    fresh = random.Random()
    runs = failures = 0
    while seeds is None or seeds:
        seed = seeds.pop() if seeds else fresh.randrange(1_000_000)
        # the app may still be saving its state as tmux closes (SIGHUP): never mind then
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as scratch:
            tmp = Path(scratch)
            home = tmp / "home"
            home.mkdir()
            tmux = Tmux(tmp, ["set -sg escape-time 10"])
            try:
                outcome = fuzz(
                    tmux, pane_environment(args.bin, home), seed, args.steps, args.answer
                )
            finally:
                tmux.close()
        runs += 1
        failures += outcome.failure is not None
        print(outcome.report(), flush=True)
        if seeds is None and time.monotonic() > end:
            break
    print(f"{runs} runs, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.pop("TMUX", None)
    sys.exit(main())
