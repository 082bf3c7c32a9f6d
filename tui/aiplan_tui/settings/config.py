"""The user's settings, `config.toml`: read, checked line by line, never written. No Textual.

A bad setting is reported with its file and line and left at its default, so a typo in the
config never keeps the app from starting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aiplan_tui.paths import user_config_dir
from aiplan_tui.problems import Problems
from aiplan_tui.schema import did_you_mean
from aiplan_tui.toml_source import KeyLocator, parse_toml, read_text

SETTINGS = ("theme", "content", "keys")


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
    for key in data:
        if key not in SETTINGS:
            hint = did_you_mean(key, SETTINGS)
            problems.warning(
                path, *locator.key("", 0, key), f"unknown setting {key!r}{hint}; ignored"
            )
    theme = data.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            settings.theme = theme.strip()
        else:
            problems.error(path, *locator.key("", 0, "theme"), '"theme" must be a theme name')
    content = data.get("content")
    if content is not None:
        if isinstance(content, str) and content.strip():
            folder = Path(content.strip()).expanduser()
            settings.content = folder if folder.is_absolute() else path.parent / folder
        else:
            problems.error(path, *locator.key("", 0, "content"), '"content" must be a path')
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        problems.error(path, *locator.key("", 0, "keys"), "[keys] must be a table")
        return settings
    for binding_id, value in keys.items():
        where = locator.key("keys", 0, binding_id)
        if not isinstance(value, str) or not value.strip() or value.strip(", ") != value.strip():
            problems.error(
                path, *where, f'keys for {binding_id!r} must be like "ctrl+f" or "f,ctrl+f"'
            )
            continue
        settings.keys[binding_id] = value.strip()
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
