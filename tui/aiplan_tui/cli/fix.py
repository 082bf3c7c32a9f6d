"""`aiplan-tui check --fix`: apply the repairs that have one right answer, then check again.

The repairs come from loading the pack (`Problems.fixes`): an anchor respelled with its
article's quotation marks, apostrophes and dashes; a prefix or suffix for words that occur in
several places when only one place can be meant; a comparison cell's missing entry for a
highlight tagged with its dimension and side. A respelled string is written as a TOML basic
string of our own making (`toml_value`), whatever the installed tomlkit would choose; tomlkit
only finds where it goes and keeps every other byte as it was (a file it would not give back
unchanged is left alone). The files are written in one transaction, or none is (`--dry-run`
only says what would change). Each change is printed as
`PATH:LINE: old → new`.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiplan_tui.authoring.writing import toml_value
from aiplan_tui.core.model import Pack
from aiplan_tui.core.problems import Fix, Problem, display_path, plural
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.core.transaction import pack_lock, write_files
from aiplan_tui.pack.cells import tagged_cells
from aiplan_tui.pack.loader import load_pack


def apply_fixes(root: Path, dry_run: bool = False) -> bool:
    """Fix what can be fixed in the pack at `root`, saying each change and what was left;
    with `dry_run`, only say what would change. Every file is written in one transaction,
    holding the pack's lock, from the files as read under it. False (said) if nothing could
    be written."""
    if dry_run:
        return _fix(root, dry_run)
    with pack_lock(root):
        return _fix(root, dry_run)


def _fix(root: Path, dry_run: bool) -> bool:
    result = load_pack(root)
    by_file: dict[Path, list[Fix]] = {}
    for fix in dict.fromkeys(result.problems.fixes):  # the same fix found twice is one
        by_file.setdefault(fix.path, []).append(fix)
    planned = [
        (path, fixes, made) for path, fixes in by_file.items() if (made := _fixed(path, fixes))
    ]
    changes = sum(len(fixes) for _, fixes, _ in planned)
    where = display_path(root)
    if planned and not dry_run:
        try:
            write_files(root, [(path, made[0]) for path, _, made in planned])
        except OSError as exc:
            print(clean_line(f"{where}: nothing was changed: {exc.strerror or exc}"))
            return False
    for _, _, (_, lines) in planned:
        for line in lines:
            print(clean_line(line))
    for problem in _uncovered(result.pack):
        print(problem.format())
    files = plural(len(planned), "file")
    if dry_run:
        done = f"would fix {plural(changes, 'problem')} in {files} (nothing written)"
    else:
        done = f"fixed {plural(changes, 'problem')} in {files}"
    print(clean_line(f"{where}: {done}; checking again"))
    return True


def _fixed(path: Path, fixes: list[Fix]) -> tuple[bytes, list[str]] | None:
    """The file's new bytes with the fixes applied, and the lines that say what changed; None
    (said) when the file is left alone."""
    import tomlkit  # only --fix needs it

    raw = path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    text = raw[len(bom) :].decode("utf-8")
    document = tomlkit.parse(text)
    if tomlkit.dumps(document) != text:
        print(clean_line(f"{display_path(path)}: left unchanged: it would not be kept as it is"))
        return None
    for fix in fixes:
        table: Any = document[fix.table][fix.index]
        if fix.value is not None:  # the literal is ours; tomlkit only finds where it goes
            table[fix.key] = tomlkit.string(toml_value(fix.value)[1:-1], escape=False)
        elif fix.append is not None and fix.key in table:
            table[fix.key].append(tomlkit.string(toml_value(fix.append)[1:-1], escape=False))
        elif fix.append is not None:
            table[fix.key] = tomlkit.array(f"[{toml_value(fix.append)}]")
    new = tomlkit.dumps(document)
    return bom + new.encode("utf-8"), list(_changes(display_path(path), text, new))


def _changes(name: str, old: str, new: str) -> Iterator[str]:
    """`PATH:LINE: old → new` for each changed line (the line number in the new file), and
    `PATH:LINE: + new` for each added one."""
    before, after = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            was = before[i1 + offset].strip() if i1 + offset < i2 else ""
            now = after[j1 + offset].strip() if j1 + offset < j2 else ""
            number = j1 + offset + 1 if j1 + offset < j2 else j2
            yield f"{name}:{number}: {was} → {now}" if was else f"{name}:{number}: + {now}"


def _uncovered(pack: Pack) -> Iterator[Problem]:
    """Highlights tagged for a cell the pack does not have: no fix (a summary is the author's
    to write), so a warning; Compare shows them there without a summary meanwhile."""
    cells = {f"{cell.dimension}/{cell.side}" for cell in pack.comparison}
    for highlight, key in tagged_cells(pack.highlights):
        if key not in cells:
            yield Problem(
                highlight.source.path,
                highlight.source.line,
                1,
                f'highlight "{highlight.id}" is tagged {key} but no cell covers {key}: '
                "cells are declared in comparison.toml (not fixed: its summary is yours to write)",
                "warning",
            )
