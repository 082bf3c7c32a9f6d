"""The user's settings, `config.toml`: read, checked line by line, never written. No Textual.

A bad setting is reported with its file and line and left at its default, so a typo in the
config never keeps the app from starting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aiplan_tui.core.fields import Field, TableAt, Unknown, check_fields, coerce, did_you_mean
from aiplan_tui.core.problems import Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text
from aiplan_tui.paths import user_config_dir

NON_BLANK = re.compile(r"\s*\S")
SETTINGS = (
    Field("theme", expected="a theme name", pattern=NON_BLANK),
    Field("content", expected="a path", pattern=NON_BLANK),
    Field("keys", "table", default={}),
)
"""What config.toml may set; a bad value is reported and that setting keeps its default."""
UNKNOWN_SETTING = Unknown("unknown setting {key!r}{hint}; ignored")
KEYS = Field("keys", pattern=re.compile(r"[^\s,](.*[^\s,])?\Z"))
"""One binding's keys: "ctrl+f" or "f,ctrl+f", no blank or comma at either end."""


@dataclass
class Settings:
    """What the config file asks for; None or empty means "the default"."""

    path: Path | None = None
    theme: str | None = None
    content: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys ("ctrl+f" or "f,ctrl+f"), checked against the app's bindings later."""
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)


def default_config_path() -> Path:
    return user_config_dir() / "config.toml"


def load_settings(path: Path, problems: Problems) -> Settings:
    """Read `path` if it exists; every problem goes to `problems`, never an exception."""
    settings = Settings(path=path)
    if not path.exists():
        return settings
    if path.is_dir():
        problems.error(path, 1, 1, "is a directory, not a config file; remove or rename it")
        return settings
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        return settings
    locator = KeyLocator.scan(text)
    at = TableAt(path, locator, "")
    values, _ = check_fields(data, SETTINGS, at, problems, UNKNOWN_SETTING)
    if values.get("theme") is not None:
        settings.theme = values["theme"].strip()
    if values.get("content") is not None:
        folder = Path(values["content"].strip()).expanduser()
        settings.content = folder if folder.is_absolute() else path.parent / folder
    for binding_id, value in values["keys"].items():
        where = locator.key("keys", 0, binding_id)
        keys, message = coerce(value.strip() if isinstance(value, str) else value, KEYS)
        if message:
            problems.error(
                path, *where, f'keys for {binding_id!r} must be like "ctrl+f" or "f,ctrl+f"'
            )
            continue
        settings.keys[binding_id] = keys
        settings.key_lines[binding_id] = where
    return settings


def check_keys(settings: Settings, known_ids: Iterable[str], problems: Problems) -> dict[str, str]:
    """The remappings whose binding id exists; the others are reported with a suggestion."""
    known = sorted(set(known_ids))
    valid: dict[str, str] = {}
    for binding_id, keys in settings.keys.items():
        if binding_id in known:
            valid[binding_id] = keys
        elif settings.path is not None:
            line, col = settings.key_lines.get(binding_id, (1, 1))
            hint = did_you_mean(binding_id, known)
            problems.warning(
                settings.path,
                line,
                col,
                f"no key binding has the id {binding_id!r}{hint}; `aiplan-tui keys` lists them",
            )
    return valid
