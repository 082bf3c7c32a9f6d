"""What the app remembers between runs: last screen, article and position, theme, search history.

Kept in `$XDG_STATE_HOME/aiplan-tui/state.json`. Losing it costs the user a little, so the
store never raises for I/O or content problems: it answers with messages to show instead.
A file it cannot read is moved aside (never overwritten) so nothing the user had is destroyed,
and every write is atomic so a crash or a second instance cannot leave a broken file behind.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from aiplan_tui import paths
from aiplan_tui.core.atomic import remove_stale_temps, write_atomically
from aiplan_tui.core.fields import Field, TableAt, check_fields, describe
from aiplan_tui.core.files import Refused, read_capped
from aiplan_tui.core.json_source import JsonLocator
from aiplan_tui.core.problems import Problems, plural

STATE_FILE = "state.json"
VERSION = 1
MAX_HISTORY = 100
"""Searches kept; the oldest go first."""
MAX_QUERY_CHARS = 500
"""Longer queries are cut: history is for recalling what was typed, not for storing text."""
MAX_FILE_BYTES = 4 * 1024 * 1024
"""Far above anything `save` writes (100 x 500 escaped chars); a bigger file is not ours."""


@dataclass(frozen=True)
class ComparePlace:
    """Where Compare's cursor was: a dimension, a side (ids, as the pack names them) and the
    point's number in that cell, from 0."""

    dimension: str
    side: str
    point: int = 0

    def to_json(self) -> dict[str, object]:
        return {"dimension": self.dimension, "side": self.side, "point": self.point}


@dataclass(frozen=True)
class SavedState:
    """Where the user was and what they chose; the defaults are a first start."""

    screen: str = "reader"
    article: str | None = None
    paragraph: int = 0
    theme: str | None = None
    search_history: tuple[str, ...] = ()
    compare: ComparePlace | None = None

    def to_json(self) -> dict[str, object]:
        """The file's content; history is normalised so a file is always within the caps."""
        return {
            "version": VERSION,
            "screen": self.screen,
            "article": self.article,
            "paragraph": self.paragraph,
            "theme": self.theme,
            "search_history": list(normalize_history(self.search_history)),
            "compare": self.compare.to_json() if self.compare else None,
        }


def add_to_history(history: Iterable[str], query: str) -> tuple[str, ...]:
    """History with `query` as the newest entry: stripped, cut, not repeated, oldest dropped."""
    entry = query.strip()[:MAX_QUERY_CHARS]
    kept = [item for item in history if item != entry]
    if entry:
        kept.append(entry)
    return tuple(kept[-MAX_HISTORY:])


def normalize_history(items: Iterable[str]) -> tuple[str, ...]:
    """Apply the caps of `add_to_history` to a whole list, keeping the newest (last) entries."""
    history: tuple[str, ...] = ()
    for item in items:
        history = add_to_history(history, item)
    return history


class _Unreadable(Exception):
    """The file exists but is not a state file we can use; the text says why."""


class StateStore:
    """Loads and saves one state file; see the module docstring for the guarantees."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Set when a bad file could not be moved aside: saving would then destroy it.
        self._keep_away = False

    @classmethod
    def default(cls) -> StateStore:
        """The user's state file under $XDG_STATE_HOME."""
        return cls(paths.user_state_dir() / STATE_FILE)

    # Reading

    def load(self) -> tuple[SavedState, list[str]]:
        """The saved state (defaults when there is none) and messages for the user."""
        self._keep_away = False
        try:
            data = self._read()
        except FileNotFoundError:
            return SavedState(), []
        except _Unreadable as problem:
            return SavedState(), [self._move_aside(str(problem))]
        return _from_json(*data, self.path)

    def _read(self) -> tuple[dict[str, object], str]:
        try:
            raw = read_capped(self.path, MAX_FILE_BYTES)
        except (FileNotFoundError, NotADirectoryError):
            raise FileNotFoundError from None  # no file; `save` reports a bad directory
        except Refused as refused:
            raise _Unreadable(_refusal(refused.reason)) from None
        except OSError as error:
            raise _Unreadable(_os_reason(error)) from None
        if not raw.strip():
            raise _Unreadable("it is empty")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _Unreadable("not UTF-8 text") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise _Unreadable(f"not valid JSON: {error.msg} at line {error.lineno}") from None
        except (ValueError, RecursionError) as error:  # huge integers, deep nesting
            raise _Unreadable(f"not usable JSON: {type(error).__name__}") from None
        if not isinstance(data, dict):
            raise _Unreadable(f"expected a JSON object, found {describe(data, json=True)}")
        return data, text

    def _move_aside(self, reason: str) -> str:
        """Rename the bad file to a free `state.json.corrupt-<time>` name, keeping its bytes."""
        name = self.path.name
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{name}.corrupt-{stamp}")
        number = 1
        while os.path.lexists(aside):
            aside = self.path.with_name(f"{name}.corrupt-{stamp}-{number}")
            number += 1
        try:
            self.path.rename(aside)
        except FileNotFoundError:  # another instance moved it first
            return f"{self.path} could not be read ({reason}); it is gone now, started fresh"
        except OSError as error:
            self._keep_away = True
            return (
                f"{self.path} could not be read ({reason}) nor moved aside ({_os_reason(error)}); "
                f"started fresh and will not save over it"
            )
        return (
            f"{self.path} could not be read ({reason}); moved it to {aside.name} and started fresh"
        )

    # Writing

    def save(self, state: SavedState) -> str | None:
        """Write `state` atomically; None when it worked, else a one-line message."""
        if self._keep_away:
            return (
                f"state not saved: {self.path} could not be read nor moved aside; fix or remove it"
            )
        # Write through a symlink (dotfile managers) instead of replacing the link itself.
        target = Path(os.path.realpath(self.path))
        content = (json.dumps(state.to_json(), indent=2) + "\n").encode("ascii")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, content)
        except OSError as error:
            return f"state not saved to {self.path}: {_os_reason(error)}"
        remove_stale_temps(target)
        return None


def _refusal(reason: str) -> str:
    """A reason in the words state messages use: `it is a directory`, `larger than 4 MiB`."""
    if "byte limit" in reason:
        return f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"
    if reason.startswith("is a directory"):
        return "it is a directory"
    return f"it {reason}"


def _os_reason(error: OSError) -> str:
    """`No space left on device` rather than the full repr with errno and path."""
    return error.strerror or type(error).__name__


NON_BLANK = re.compile(r"\s*\S")
FIELDS = (
    Field("screen", pattern=NON_BLANK, expected="a non-empty string", default="reader"),
    Field("article", nullable=True, default=None),
    Field("paragraph", "count", default=0),
    Field("theme", nullable=True, default=None),
    Field("search_history", "list", default=[]),
    Field("compare", "table", nullable=True, default=None),
)
"""Each field is checked on its own: one bad field falls back to its default, the others stay.
Keys it does not know (`version`, or a newer version's fields) are left alone."""
COMPARE_FIELDS = (
    Field("dimension", "id", required=True),
    Field("side", "id", required=True),
    Field("point", "count", default=0),
)


def _from_json(data: dict[str, object], text: str, path: Path) -> tuple[SavedState, list[str]]:
    problems = Problems()
    locator = JsonLocator.scan(text)
    values, _ = check_fields(data, FIELDS, TableAt(path, locator, ""), problems, unknown=None)
    texts = [item for item in values["search_history"] if isinstance(item, str)]
    if len(texts) < len(values["search_history"]):
        dropped = len(values["search_history"]) - len(texts)
        problems.warning(
            path,
            *locator.key("", 0, "search_history"),
            f'"search_history" should hold only strings; dropped {plural(dropped, "entry")}',
        )
    compare = None
    if values["compare"] is not None:
        at = TableAt(path, locator, "compare")
        place, _ = check_fields(values["compare"], COMPARE_FIELDS, at, problems, unknown=None)
        if "dimension" in place and "side" in place:  # a bad point falls back to the first
            compare = ComparePlace(place["dimension"], place["side"], place["point"])
    state = SavedState(
        values["screen"], values["article"], values["paragraph"], values["theme"],
        normalize_history(texts), compare,
    )  # fmt: skip
    return state, [problem.format() for problem in problems.items]
