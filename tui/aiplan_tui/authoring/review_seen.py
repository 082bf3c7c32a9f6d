"""Whether a table on disk is still what Review showed: its values set against the highlight
or entity read from it when the pack was loaded. An edit to a table that changed since (an
editor, another terminal) is refused, never applied to what the user has not seen. No
Textual."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from typing import Any

from aiplan_tui.authoring.review_tables import ReviewError
from aiplan_tui.core.model import Entity, Highlight

NOT_VALUES = frozenset({"location", "source"})
"""Fields made by the loader, not read from the table."""


class ChangedOnDisk(ReviewError):
    """The table is not what Review showed (the file is unchanged; the pack is read again)."""


def _plain(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def differences(table: Mapping[str, Any], kind: str, seen: Highlight | Entity) -> list[str]:
    """The fields whose value on disk is not the one shown (the kind first, if it is not)."""
    if isinstance(seen, Highlight) and kind != seen.kind:
        return ["kind"]
    changed = []
    for field in fields(seen):
        if field.name in NOT_VALUES:
            continue
        if field.default is not MISSING:
            default: object = field.default
        elif field.default_factory is not MISSING:
            default = field.default_factory()
        else:
            default = "" if field.name == "speaker" else None  # a suggestion may have none
        if _plain(table.get(field.name, default)) != _plain(getattr(seen, field.name)):
            changed.append(field.name)
    return changed


def still_as_shown(table: Mapping[str, Any], kind: str, seen: Highlight | Entity | None) -> None:
    """ChangedOnDisk, naming what changed, where the table is not what was shown."""
    if seen is None:
        return
    changed = differences(table, kind, seen)
    if changed:
        raise ChangedOnDisk(
            f"{seen.id} changed on disk since Review showed it ({', '.join(changed)}); "
            "nothing was written: look at it again"
        )
