"""`add`'s work once the source is read: the article's id, its suggested highlights as tables
with readable unique ids, the people they need, and the three files, written all or none."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from aiplan_tui.authoring.ids import (
    TakenIds,
    article_base,
    fact_id,
    quote_id,
    slug_words,
    unique_id,
)
from aiplan_tui.authoring.source import SourceText
from aiplan_tui.authoring.suggest import Suggested, Suggestions, suggest
from aiplan_tui.authoring.writing import Table, appended, article_text, tables_text
from aiplan_tui.core.model import Entity, Pack
from aiplan_tui.core.sameness import same_words, url_key
from aiplan_tui.core.transaction import write_files

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
KIND_ORDER = ("quote", "fact", "event")


class AddError(Exception):
    """Why the article cannot be added (a message saying what to do)."""


@dataclass(frozen=True)
class Added:
    """What `add` wrote, for its summary."""

    article_id: str
    files: tuple[Path, ...]
    counts: Mapping[str, int]
    """Suggested highlights by kind."""
    people: int
    """New entities proposed for speakers."""


def check_id(wanted: str) -> None:
    """AddError unless `wanted` can be an article's id."""
    if not ID_PATTERN.match(wanted):
        raise AddError(f"--id {wanted!r}: use lower-case letters, digits and '-'")


def article_id_for(
    source: SourceText, known: Known, root: Path, wanted: str | None, address: str = ""
) -> str:
    """The id given (checked), or one made from the title's words (else the slug of its
    address, `source.url` or the file name `address`: ids.article_base), not taken in the
    pack. Never a bare number: a headline of a year and words with no reading here gave
    `2025`, then `2025-2`."""
    taken = known.article_ids() | {p.stem for p in (root / "articles").glob("*.md")}
    taken |= {p.stem for p in (root / "highlights").glob("*.toml")}
    if wanted is not None:
        check_id(wanted)
        if wanted in taken:
            raise AddError(f"an article {wanted!r} already exists: give another --id")
        return wanted
    base = article_base(source.title, source.url or address, source.paragraphs)
    return unique_id(base, taken)


def already_added(source: SourceText, known: Known) -> str | None:
    """The id of the pack's article that is this source (the same words, spaces and case
    aside, or the same address), else None."""
    return known.same_article(source.paragraphs, source.url)


class Known(Protocol):
    """What `add` needs to know of the pack it adds to: from the pack loaded (`LoadedKnown`),
    or from its compiled pack's stored rows (compiled/known.py), without reading every file."""

    def article_ids(self) -> set[str]: ...

    def same_article(self, paragraphs: tuple[str, ...], url: str) -> str | None:
        """The first article at the same address or with the same words, else None."""
        ...

    def entities(self) -> tuple[Entity, ...]: ...

    def has_highlight(self, item_id: str) -> bool:
        """Whether a highlight loaded, or one left out with an error, has this id."""
        ...

    def files_to_read(self) -> list[Path] | None:
        """The highlight files whose ids are read from their text too (None: every one)."""
        ...


class LoadedKnown:
    """`Known` from a pack loaded whole."""

    def __init__(self, pack: Pack) -> None:
        self._pack = pack
        self._highlights = {h.id for h in (*pack.highlights, *pack.suggested)}

    def article_ids(self) -> set[str]:
        return {a.id for a in self._pack.articles}

    def same_article(self, paragraphs: tuple[str, ...], url: str) -> str | None:
        words, address = same_words(paragraphs), url_key(url)
        for article in self._pack.articles:
            if address and url_key(article.url) == address:
                return article.id
            if words and same_words(article.paragraphs) == words:
                return article.id
        return None

    def entities(self) -> tuple[Entity, ...]:
        return self._pack.entities

    def has_highlight(self, item_id: str) -> bool:
        return item_id in self._highlights

    def files_to_read(self) -> list[Path] | None:
        return None


def add_article(
    root: Path, known: Known, source: SourceText, article_id: str, again: bool = False
) -> Added:
    """Write the article, its suggested highlights and any proposed people as one transaction
    (core/transaction.py); never over an existing file (AddError); never an article the pack
    has already (AddError) unless `again`; OSError leaves the pack as it was. The caller
    holds the pack's lock and made `known` under it."""
    same = None if again else already_added(source, known)
    if same is not None:
        raise AddError(
            f"already in the pack as articles/{same}.md: nothing was written "
            "(--again adds it anyway)"
        )
    article_path = root / "articles" / f"{article_id}.md"
    highlights_path = root / "highlights" / f"{article_id}.toml"
    for path in (article_path, highlights_path):
        if path.exists() or path.is_symlink():
            raise AddError(f"{path} already exists: give another --id")
        if not path.parent.is_dir():
            raise AddError(f"{path.parent}: no such folder (is {root} a pack? `aiplan-tui init`)")
    found = suggest(source.paragraphs, known.entities(), source.published)
    files = []
    entities_path = root / "entities.toml"
    if found.entities:
        old = entities_path.read_text(encoding="utf-8") if entities_path.exists() else ""
        files.append((entities_path, _with_people(old, found, article_id)))
    files.append((article_path, article_text(source)))
    files.append((highlights_path, _highlights_text(found, known, article_id, root)))
    write_files(root, [(path, text.encode("utf-8")) for path, text in files])
    counts = {kind: sum(h.kind == kind for h in found.highlights) for kind in KIND_ORDER}
    return Added(article_id, tuple(path for path, _ in files), counts, len(found.entities))


def _with_people(old: str, found: Suggestions, article_id: str) -> str:
    """entities.toml as it was, comments and all, with the proposed people after it."""
    tables = [
        Table(
            "entity",
            {"id": e.id, "name": e.name, "kind": e.kind} | ({"role": e.role} if e.role else {}),
        )
        for e in found.entities
    ]
    heading = (
        f"Proposed by `aiplan-tui add` for the quotations of {article_id}: check each name "
        "and role against the article."
    )
    return appended(old, tables_text(tables, heading))


_ID_LINE = re.compile(r'^\s*id\s*=\s*"([^"]+)"', re.MULTILINE)


def _ids_written(root: Path, files: list[Path] | None) -> set[str]:
    """Every id in these highlight files' text (None: the pack's every one), those the loader
    left out included, so a new suggestion's id is unique across the pack."""
    found: set[str] = set()
    for path in (root / "highlights").glob("*.toml") if files is None else files:
        try:
            found.update(_ID_LINE.findall(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return found


class _Taken(TakenIds):
    """The ids in the highlight files' text read, and those `known` has (asked one by one:
    a compiled pack is not read whole for them)."""

    def __init__(self, known: Known, written: set[str]) -> None:
        super().__init__(written)
        self._known = known

    def __contains__(self, item: object) -> bool:
        return super().__contains__(item) or (
            isinstance(item, str) and self._known.has_highlight(item)
        )


def ids_taken(known: Known, root: Path) -> TakenIds:
    """Every highlight id the pack has, in its files' text or loaded: a new one is none."""
    return _Taken(known, _ids_written(root, known.files_to_read()))


def _highlights_text(found: Suggestions, known: Known, article_id: str, root: Path) -> str:
    taken = ids_taken(known, root)
    tables = [_table(item, article_id, taken) for item in found.highlights]
    heading = (
        f"Suggested by `aiplan-tui add` for articles/{article_id}.md: each says why above it.\n"
        'Review them: keep one by deleting its `status = "suggested"` line (fix what is wrong '
        "first), drop one by deleting its table. Suggested highlights are not shown until then."
    )
    return tables_text(tables, heading)


def _table(item: Suggested, article_id: str, taken: TakenIds) -> Table:
    fields = dict(item.fields)
    if item.kind == "quote" and not fields.get("speaker"):
        fields.pop("speaker", None)  # none found: check warns, Review asks for one
    if item.kind == "quote":
        made = quote_id(str(fields.get("speaker", "")), item.exact, taken)
    elif item.kind == "fact":
        made = fact_id(str(fields.get("metric", "")), taken)
    else:
        made = unique_id("-".join(p for p in ("e", slug_words(item.exact, 4)) if p), taken)
    taken.add(made)
    values: dict[str, object] = {"id": made, "article": article_id, "status": "suggested"}
    values |= fields
    values["exact"] = item.exact
    if item.prefix:
        values["prefix"] = item.prefix
    if item.suffix:
        values["suffix"] = item.suffix
    return Table(item.kind, values, f"suggested: {item.why}" if item.why else "suggested")


def summary(added: Added, root: Path) -> str:
    """ "12 suggested highlights (4 quotes, 6 figures, 2 events); 3 new people proposed"."""
    names = {"quote": "quote", "fact": "figure", "event": "event"}
    total = sum(added.counts.values())
    parts = ", ".join(
        f"{count} {names[kind]}{'' if count == 1 else 's'}"
        for kind, count in added.counts.items()
        if count
    )
    line = f"{total} suggested highlight{'' if total == 1 else 's'}"
    line += f" ({parts})" if parts else ""
    if added.people:
        line += f"; {added.people} new {'person' if added.people == 1 else 'people'} proposed"
    return line
