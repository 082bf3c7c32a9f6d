"""A compiled pack built in steps (compiled/staged.py) given a whole build's numbering:
each batch placed its files' documents where there was room, with none left after them, so
a later change would move many documents (compiled/spaced.py). Every unit is given the first
number a whole build gives it, and every posting shifted alike (compiled/repost.py), in the
last batch's transaction. No Textual."""

from __future__ import annotations

import json
import sqlite3
from array import array

from aiplan_tui.compiled.repost import Unit, index_of, moves_of, rewrite_keys, rewrite_words
from aiplan_tui.compiled.spaced import room_after


def reserved(db: sqlite3.Connection, left: dict[int, float]) -> dict[int, int]:
    """Room for the files still to come in each section: `left`, the ratio of files still to
    come to files held, times the section's documents now, doubled."""
    counts = dict(db.execute("SELECT section, SUM(count) FROM units GROUP BY section").fetchall())
    return {int(s): int(2 * ratio * int(counts.get(s, 0))) + 256 for s, ratio in left.items()}


def relayout(db: sqlite3.Connection, reserve: dict[int, int] | None = None) -> bool:
    """Number the units as a whole build does (in reading order, with its room); whether any
    moved. `reserve`: numbers left after the last unit of these sections instead (room for
    the files a build in steps adds there next, so that they move nothing)."""
    old: list[tuple[int, Unit, int, int]] = [
        (int(uid), (int(section), str(file)), int(base), int(count))
        for uid, section, file, base, count in db.execute(
            "SELECT uid, section, file, base, count FROM units ORDER BY base"
        )
    ]
    order = sorted((unit, count) for _, unit, _, count in old)
    bases: dict[Unit, int] = {}
    at = 0
    for place, (unit, count) in enumerate(order):
        bases[unit] = at
        last = place + 1 == len(order) or order[place + 1][0][0] != unit[0]
        room = room_after(place, last)
        at += count + (max(room, (reserve or {}).get(unit[0], 0)) if last else room)
    if all(bases[unit] == base for _, unit, base, _ in old):
        return False
    moves = moves_of(old, set(), bases)
    nothing = index_of([])
    rewrite_words(db, moves, nothing, nothing, array("i"), True)
    rewrite_keys(db, moves, nothing, nothing, array("i"), True)
    db.executemany(
        "UPDATE units SET base = ? WHERE uid = ?", [(bases[unit], uid) for uid, unit, _, _ in old]
    )
    end = max((bases[unit] + count for unit, count in order), default=0)  # (no room after)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('doc_count', ?)", (json.dumps(end),))
    return True
