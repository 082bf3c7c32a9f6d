"""The app as a user meets it in a terminal: a shell, the command, a tour of every screen, quit."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir
from e2e.terminal import (
    PROMPT,
    STARTUP_TIMEOUT,
    TERMINAL_STATE,
    Tmux,
    last_line,
    shell_command,
    terminal_state,
)

FIRST_TITLE = "China releases AI action plan"
QUOTES = sum(h.kind == "quote" for h in load_pack(bundled_content_dir()).pack.highlights)
"""How many quotes the bundled pack has (17 today): the counts on screen say it."""
TOO_SMALL = "Terminal too small"
SEARCH_EMPTY = "Type to search."
STTY = re.compile(r"^STTY:(\w+)$", re.MULTILINE)


def start_shell(
    tmux: Tmux, env: Mapping[str, str], width: int = 80, height: int = 24
) -> dict[str, str]:
    """An interactive shell in the pane; returns the pane's modes before any app ran."""
    tmux.start(shell_command(env), width, height)
    tmux.wait_for_prompt(STARTUP_TIMEOUT)
    before = terminal_state(tmux)
    expected = {name: TERMINAL_STATE[name] for name in ("alternate_on", "cursor_flag")}
    assert {name: before[name] for name in expected} == expected, before
    tmux.run('stty -g > "$HOME/.stty-before"')
    tmux.wait_for_prompt()
    return before


def launch(
    tmux: Tmux, command: str = "aiplan-tui", shows: Sequence[str] = (FIRST_TITLE, "paragraph 1/")
) -> None:
    """Type the command (its exit status is echoed afterwards) and wait for the reader showing
    `shows`: by default the first article's start, as a first session (no saved state) opens."""
    tmux.run(f'{command}; echo "EXIT:$?"')
    tmux.wait_for_all(*shows, timeout=STARTUP_TIMEOUT)
    assert tmux.show("#{alternate_on}") == "1", "the app draws on the alternate screen"


def on_reader(screen: str) -> bool:
    return FIRST_TITLE in screen and "paragraph " in screen


def footer_fits(screen: str, width: int) -> bool:
    """The footer ends with the palette key at the right edge (Textual leaves the last column)."""
    return any(
        line.endswith("^p palette") and len(line) in (width - 1, width)
        for line in screen.splitlines()
    )


def tour(tmux: Tmux) -> None:
    """Every screen and global key from the reader, back to the reader at 80x24."""
    # Search, with a typo; enter opens the first result (DeepSeek's listing); escape leaves it.
    tmux.send("/")
    tmux.wait_for(SEARCH_EMPTY)
    tmux.type("deepsek")
    # Results come as you type: wait for those of the whole word, DeepSeek's entry first.
    tmux.wait_until(
        lambda s: (
            re.search(r"^\d+ results?$", s, re.MULTILINE) is not None and "@ entity  deepseek" in s
        ),
        "the results for deepsek",
    )
    tmux.send("Enter")
    tmux.wait_for("Mentions of DeepSeek")
    tmux.send("Escape")
    tmux.wait_until(
        lambda s: "Mentions of DeepSeek" not in s and "outlet: CNBC" in s, "the article again"
    )

    tmux.send("2")
    tmux.wait_for_all("United States", "Governance approach", "China")
    tmux.send("3")
    tmux.wait_for_all("Filter by speaker or words", f"{QUOTES} quotes")
    tmux.send("1")
    tmux.wait_until(on_reader, "the reader")

    tmux.send("]")
    tmux.wait_for(f"(quote 1/{QUOTES})")
    tmux.send("]")
    tmux.wait_for(f"(quote 2/{QUOTES})")
    tmux.send("[")
    tmux.wait_for(f"(quote 1/{QUOTES})")

    tmux.send("?")
    tmux.wait_for_all("Keys", "Everywhere", "List every key.")
    tmux.send("Escape")
    tmux.wait_gone("Everywhere")

    tmux.send("t")
    tmux.wait_for_all("aiplan-dark", "enter keeps · escape cancels")
    tmux.send("Escape")
    tmux.wait_gone("enter keeps")

    # Resizes: one pane, three panes, too small (a notice), and back.
    tmux.resize(60, 20)
    tmux.wait_until(lambda s: footer_fits(s, 60) and "Articles (2)" not in s, "one pane at 60x20")
    tmux.resize(200, 60)
    tmux.wait_until(
        lambda s: footer_fits(s, 200) and "Articles (2)" in s and "q Quit" in s,
        "three panes at 200x60",
    )
    tmux.resize(30, 10)
    tmux.wait_for(TOO_SMALL)
    tmux.resize(80, 24)
    tmux.wait_until(
        lambda s: TOO_SMALL not in s and footer_fits(s, 80) and on_reader(s), "the reader at 80x24"
    )


def quit_and_check_restored(tmux: Tmux, before: Mapping[str, str], status: int = 0) -> str:
    """Quit with q; the status is echoed and the terminal is as the shell left it."""
    tmux.send("q")
    assert tmux.wait_for_exit_status() == status
    return check_restored(tmux, before, status)


def check_restored(
    tmux: Tmux, before: Mapping[str, str], status: int = 0, printed: Sequence[str] = ()
) -> str:
    """Main screen, cursor shown, no mouse reporting, same tty modes, a clean prompt.

    Between the command line and its exit status, only the lines `printed` are shown.
    """
    screen = tmux.capture(joined=True)
    assert "Traceback" not in screen, screen
    state = terminal_state(tmux)
    assert state == dict(before), screen
    assert state == TERMINAL_STATE, screen
    lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
    launched = max(i for i, line in enumerate(lines) if 'echo "EXIT:$?"' in line)
    assert lines[launched + 1 :] == [*printed, f"EXIT:{status}", PROMPT.rstrip()], screen
    tmux.run('stty -g | cmp -s - "$HOME/.stty-before" && echo STTY:"same" || echo STTY:"changed"')
    after = tmux.wait_until(
        lambda s: STTY.search(s) is not None and last_line(s) == PROMPT.rstrip(), "stty result"
    )
    found = STTY.search(after)
    assert found is not None
    assert found.group(1) == "same", "the tty modes (echo, canonical input, ...) are restored"
    return screen
