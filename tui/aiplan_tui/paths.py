"""The one seam for locations: the bundled pack and themes, and the user's config and state dirs."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "aiplan-tui"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """In an installed wheel the data sits in the package; in a source tree, at the repo root."""
    installed = _PACKAGE_DIR / "bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def bundled_content_dir() -> Path:
    """The content pack that ships with the app."""
    return _bundled("content")


def is_bundled_pack(root: Path) -> bool:
    """Whether `root` is the pack that ships with the app: read, never written to."""
    return root.resolve() == bundled_content_dir().resolve()


def bundled_themes_dir() -> Path:
    """The themes that ship with the app."""
    return _bundled("themes")


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / fallback
    return base / APP_NAME


def user_config_dir() -> Path:
    """Where config.toml and user themes live ($XDG_CONFIG_HOME/aiplan-tui)."""
    return _xdg("XDG_CONFIG_HOME", ".config")


def user_themes_dir() -> Path:
    """Where the user's own theme files live ($XDG_CONFIG_HOME/aiplan-tui/themes)."""
    return user_config_dir() / "themes"


def user_state_dir() -> Path:
    """Where state.json lives ($XDG_STATE_HOME/aiplan-tui)."""
    return _xdg("XDG_STATE_HOME", ".local/state")


def user_cache_dir() -> Path:
    """Where compiled packs live ($XDG_CACHE_HOME/aiplan-tui); safe to delete."""
    return _xdg("XDG_CACHE_HOME", ".cache")


def log_file() -> Path:
    """Where the app notes what it did not show on screen ($XDG_STATE_HOME/aiplan-tui)."""
    return user_state_dir() / "aiplan-tui.log"
