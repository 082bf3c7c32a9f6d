"""Highlight files: [[quote]], [[fact]], [[position]] and [[event]] tables anchored in articles."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from aiplan_tui.core.fields import TableAt, check_fields, did_you_mean
from aiplan_tui.core.model import (
    HIGHLIGHT_KINDS,
    Article,
    Event,
    Fact,
    Highlight,
    Location,
    Position,
    Quote,
    SourceRef,
)
from aiplan_tui.core.problems import Fix, Problems
from aiplan_tui.core.toml_source import KeyLocator, parse_toml, read_text, salvage_text
from aiplan_tui.pack import anchors, schema
from aiplan_tui.pack.registry import Ambiguous, Registry

_CLASSES: dict[str, type[Highlight]] = {
    "quote": Quote,
    "fact": Fact,
    "position": Position,
    "event": Event,
}


def load_highlight_file(path: Path, registry: Registry, problems: Problems) -> None:
    """Add every valid highlight in the file to the registry; report and skip the rest."""
    text = read_text(path, problems)
    data = None if text is None else parse_toml(text, path, problems)
    if text is None or data is None:
        problems.skip("highlight file")
        registry.reject_ids_in("highlight", text or salvage_text(path))
        return
    locator = KeyLocator.scan(text)
    for kind, tables in data.items():
        if kind not in HIGHLIGHT_KINDS:
            line, col = locator.table(kind)
            hint = did_you_mean(kind, HIGHLIGHT_KINDS)
            problems.error(
                path,
                line,
                col,
                f'unknown table "{kind}": expected [[quote]], '
                f"[[fact]], [[position]] or [[event]]{hint}",
            )
            continue
        if not isinstance(tables, list):
            line, col = locator.table(kind)
            problems.error(path, line, col, f'"{kind}" must be written as [[{kind}]] tables')
            continue
        for index, table in enumerate(tables):
            at = TableAt(path, locator, kind, index)
            highlight = _build(kind, table, at, registry, problems)
            if highlight is None:
                problems.skip("highlight")
                raw_id = table.get("id") if isinstance(table, dict) else None
                if isinstance(raw_id, str):
                    registry.rejected.add(("highlight", raw_id))
            else:
                registry.highlights[highlight.id] = highlight


_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def _build(
    kind: str, table: Any, at: TableAt, registry: Registry, problems: Problems
) -> Highlight | None:
    """The highlight, or None when anything is wrong; either way every check is made, so one
    run reports all of a table's problems (a bad type, a duplicate id, an unknown speaker and
    words not found in the article, together)."""
    values, ok = check_fields(
        table, schema.HIGHLIGHT_COMMON + schema.HIGHLIGHT_KIND[kind], at, problems
    )
    if not isinstance(table, dict):
        return None
    if "id" in values:
        ok = registry.claim("highlight", values["id"], at, problems) and ok
    ok = _resolve_references(kind, values, at, registry, problems) and ok
    if kind == "quote" and "speaker" not in table:
        ok = _no_speaker(values, at, problems) and ok
    article = registry.articles.get(values.get("article", ""))
    anchor_fields = ("exact", "prefix", "suffix")
    unusable = any(key in table and key not in values for key in anchor_fields)
    if article is None or "exact" not in values or unusable:
        return None  # the article, or the words to find in it, are already reported
    prefix, suffix = values.get("prefix", ""), values.get("suffix", "")
    found = anchors.find_all(article.paragraphs, values["exact"], prefix, suffix)
    if len(found) != 1:
        _report_anchor(found, values, article, at, registry, problems)
        return None
    if not ok:
        return None
    return _CLASSES[kind](location=found[0], source=SourceRef(at.path, at.where()[0]), **values)


def _no_speaker(values: dict[str, Any], at: TableAt, problems: Problems) -> bool:
    """A quote with no `speaker`: a suggestion may have none yet (a warning: Review asks for
    one before accepting it); an accepted quote must have one (an error)."""
    line, col = at.where()
    if values.get("status") == "suggested":
        values["speaker"] = ""
        problems.warning(
            at.path, line, col,
            f"{at.label} has no speaker yet: `add` found none; "
            'set `speaker = "<entity id>"` before accepting it',
        )  # fmt: skip
        return True
    problems.error(at.path, line, col, f'{at.label} is missing required field "speaker"')
    return False


def _resolve_references(
    kind: str, values: dict[str, Any], at: TableAt, registry: Registry, problems: Problems
) -> bool:
    """Keep only known refs in `values`; False if the highlight cannot stand without one.
    A field that is absent or of the wrong type is already reported, and skipped here."""
    single: dict[str, tuple[str, Collection[str]]] = {"article": ("article", registry.articles)}
    if kind == "quote":
        single["speaker"] = ("entity", registry.entities)
    if kind == "position":
        single["side"] = ("side", registry.sides)
    if values.get("according_to"):
        single["according_to"] = ("entity", registry.entities)
    ok = True
    for key, (category, known) in single.items():
        if key not in values:
            continue
        kept, fine = registry.resolve(category, [values[key]], known, at, key, problems)
        ok = ok and fine and bool(kept)
    lists: dict[str, tuple[str, Collection[str]]] = {
        "sides": ("side", registry.sides),
        "dimensions": ("dimension", registry.dimensions),
    }
    for key, (category, known) in lists.items():
        kept, fine = registry.resolve(category, values.get(key, ()), known, at, key, problems)
        values[key] = kept
        ok = ok and fine
    return ok


def _report_anchor(
    found: list[Location],
    values: dict[str, Any],
    article: Article,
    at: TableAt,
    registry: Registry,
    problems: Problems,
) -> None:
    line, col = at.where("exact")
    exact, prefix, suffix = values["exact"], values.get("prefix", ""), values.get("suffix", "")
    paragraphs = article.paragraphs
    if found:
        options = []
        for number, place in enumerate(found[:3], 1):
            context = anchors.telling_context(paragraphs, exact, prefix, suffix, place)
            if context is not None:
                key, text = (
                    ("prefix", context[0]) if context[0] != prefix else ("suffix", context[1])
                )
                spelled = json.dumps(text, ensure_ascii=False)
                options.append(f"{key} = {spelled} picks the {_ORDINALS[number]}")
        where = ", ".join(str(loc.paragraph + 1) for loc in found)
        hint = f" ({'; '.join(options)})" if options else ""
        problems.error(
            at.path,
            line,
            col,
            f'"exact" occurs {len(found)} times in article "{article.id}" (paragraphs {where}); '
            f"add a prefix or suffix that picks one{hint}",
        )
        registry.ambiguous.append(
            Ambiguous(
                at, article.id, exact, prefix, suffix, tuple(found), values.get("speaker", "")
            )
        )
        return
    respelled = anchors.find_respelled(paragraphs, exact, prefix, suffix)
    if len(respelled) == 1:
        own = respelled[0]
        changed = {
            key: new
            for key, old, new in (
                ("exact", exact, own.exact),
                ("prefix", prefix, own.prefix),
                ("suffix", suffix, own.suffix),
            )
            if old != new
        }
        problems.fixes.extend(
            Fix(at.path, at.table, at.index, key, value=new) for key, new in changed.items()
        )
        spelled = "; ".join(
            f"{key} = {json.dumps(new, ensure_ascii=False)}" for key, new in changed.items()
        )
        problems.error(
            at.path,
            line,
            col,
            f'"exact" is in article "{article.id}" only with its quotation marks, apostrophes '
            f"and dashes: {spelled} (`check --fix` writes it so)",
        )
        return
    if anchors.find_all(paragraphs, exact):
        problems.error(
            at.path,
            line,
            col,
            f'"exact" is in article "{article.id}" but not with the given prefix/suffix',
        )
        return
    near = anchors.suggest(paragraphs, exact)
    hint = f'; did you mean "{near.text}" (paragraph {near.paragraph + 1})?' if near else ""
    problems.error(at.path, line, col, f'"exact" text not found in article "{article.id}"{hint}')


def settle_ambiguous(registry: Registry, problems: Problems) -> None:
    """Once every highlight is loaded, give an anchor found in several places the context
    that picks the one place it can only mean: the one no other highlight with the same words
    already holds, else for a quotation the one whose paragraph names its speaker."""
    for case in registry.ambiguous:
        article = registry.articles[case.article]
        held = {
            h.location
            for h in registry.highlights.values()
            if h.article == case.article and h.exact == case.exact
        }
        free = [place for place in case.found if place not in held]
        if len(free) > 1 and case.speaker in registry.entities:
            entity = registry.entities[case.speaker]
            names = [entity.name, *entity.aliases]
            free = [
                p for p in free if any(n and n in article.paragraphs[p.paragraph] for n in names)
            ]
        if len(free) != 1:
            continue
        context = anchors.telling_context(
            article.paragraphs, case.exact, case.prefix, case.suffix, free[0]
        )
        if context is None:
            continue
        for key, old, new in (
            ("prefix", case.prefix, context[0]),
            ("suffix", case.suffix, context[1]),
        ):
            if old != new:
                problems.fixes.append(
                    Fix(case.at.path, case.at.table, case.at.index, key, value=new)
                )
