"""Where an entity is mentioned in the articles: resolved, not matched.

Every entity's names and aliases are matched together, in one pass over each paragraph, and
the longest wins at any place, so "Chen" inside "Chen Jining" is Chen Jining's only. A name
that could be meant for two or more entities (one that two of them give, or an alias that is
one word of another person's name or alias: a shared surname) counts for one of them only where
the text settles it: the nearest unambiguous mention before it, in the same article, of one of
those entities. With none before it, it counts for no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from aiplan_tui.core.model import Entity, Pack

_WORD = re.compile(r"\w+")
_EDGES = (r"(?<!\w)(?:", r")(?!\w)")
"""Names match whole words, case as written."""
_Trie = dict[str, "_Trie"]


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name or alias in a paragraph."""

    article: str
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SharedName:
    """A name or alias that more than one entity could be meant by, and where it is declared:
    `key` ("aliases" or "name") of entity `declared_by`, the last entity that declares it."""

    text: str
    candidates: tuple[str, ...]
    declared_by: str
    key: str


@dataclass(frozen=True, eq=False)
class Names:
    """Every entity's names and aliases, whom each could name, and one pattern for them all."""

    candidates: dict[str, tuple[str, ...]]
    """Each text the pattern matches: the ids of the entities it could name (one: unambiguous)."""
    texts_of: dict[str, tuple[str, ...]]
    """Each entity's id: the texts that could name it."""
    shared: tuple[SharedName, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Compiled when mentions are first looked for (check needs only `shared`)."""
        return _pattern(self.candidates)


def names_in(pack: Pack) -> Names:
    """The pack's names, built once per list of entities (the loader's check and every listing
    of the same pack share it)."""
    return entity_names(pack.entities)


@lru_cache(maxsize=4)
def entity_names(entities: tuple[Entity, ...]) -> Names:
    """Whom each name and alias could name: the entities that give it and, for an alias,
    every person with it as one word of a name or alias (a word of an organisation's name, as
    "Trump" of "Trump administration", is no surname: it does not make an alias shared)."""
    declared: dict[str, list[str]] = {}
    as_alias: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for entity in entities:
        texts = [entity.name, *entity.aliases]
        for text in texts:
            if text and entity.id not in declared.setdefault(text, []):
                declared[text].append(entity.id)
        for alias in entity.aliases:
            if alias and entity.id not in as_alias.setdefault(alias, []):
                as_alias[alias].append(entity.id)
        if entity.kind == "person":
            for word in {w for text in texts for w in _WORD.findall(text)}:
                words.setdefault(word, []).append(entity.id)
    candidates: dict[str, tuple[str, ...]] = {}
    shared = []
    for text, ids in declared.items():
        found = list(ids)
        if text in as_alias:
            found += [other for other in words.get(text, ()) if other not in found]
        candidates[text] = tuple(found)
        if len(found) > 1:
            key = "aliases" if text in as_alias else "name"
            declarer = (as_alias.get(text) or ids)[-1]
            shared.append(SharedName(text, tuple(found), declarer, key))
    texts_of: dict[str, list[str]] = {}
    for text, named in candidates.items():
        for entity_id in named:
            texts_of.setdefault(entity_id, []).append(text)
    return Names(
        candidates,
        {entity_id: tuple(texts) for entity_id, texts in texts_of.items()},
        tuple(shared),
    )


def _pattern(texts: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every text, longest first where several start at the same place. As a
    trie (the texts' common starts shared), it tries a few branches per character, not every
    text: fifty times quicker with thousands of names. A trie too deeply nested for the regular
    expression compiler (a hostile pack) falls back to the plain alternation."""
    ordered = sorted(texts, key=len, reverse=True)
    if not ordered:
        return None
    try:
        return re.compile(_trie(ordered).join(_EDGES))
    except (RecursionError, re.error, OverflowError):
        return re.compile("|".join(map(re.escape, ordered)).join(_EDGES))


def _trie(texts: list[str]) -> str:
    root: _Trie = {}
    for text in texts:
        node = root
        for character in text:
            node = node.setdefault(character, {})
        node[""] = {}  # a text ends here
    return _branches(root)


def _branches(node: _Trie) -> str:
    """What may follow this node. A run of single characters is written out (no nesting, so a
    long name costs no depth); where a text may also end, what follows is optional and tried
    first (greedy), so the longer text wins and the shorter one is the fallback."""
    run = ""
    while len(node) == 1 and "" not in node:
        (character, node), *_ = node.items()
        run += re.escape(character)
    options = [
        re.escape(character) + _branches(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not options:
        return run
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return run + (f"(?:{body})?" if "" in node else body)


def resolved_mentions(pack: Pack, only: Entity | None = None) -> Iterator[tuple[str, Mention]]:
    """Every mention in reading order (or `only` that entity's), with the id of the entity it
    names; a shared name the text does not settle is left out."""
    names = names_in(pack)
    if names.pattern is None:
        return
    needles = None if only is None else _bearing_on(names, only.id)
    for article in pack.articles:
        latest: dict[str, int] = {}  # entity id: its latest unambiguous mention here, counted
        count = 0
        for number, paragraph in enumerate(article.paragraphs):
            if needles is not None and not any(needle in paragraph for needle in needles):
                continue  # nothing here can name the entity or settle a name it shares
            for match in names.pattern.finditer(paragraph):
                candidates = names.candidates[match.group()]
                if len(candidates) == 1:
                    entity = candidates[0]
                    count += 1
                    latest[entity] = count
                else:
                    entity = max(candidates, key=lambda c: latest.get(c, 0))
                    if entity not in latest:
                        continue
                if only is None or entity == only.id:
                    mention = Mention(article.id, number, match.start(), match.end(), match.group())
                    yield entity, mention


def _bearing_on(names: Names, entity_id: str) -> tuple[str, ...]:
    """The texts that can name the entity, and the unambiguous names of every entity that
    shares one of them: a paragraph holding none of them can be passed over."""
    own = names.texts_of.get(entity_id, ())
    rivals = {other for text in own for other in names.candidates[text]}
    settling = {
        text
        for other in rivals
        for text in names.texts_of[other]
        if names.candidates[text] == (other,)
    }
    return tuple(set(own) | settling)


def find_mentions(pack: Pack, entity: Entity) -> list[Mention]:
    """Every mention of the entity in reading order: its names, and shared names the text
    settles in its favour. One pass over the paragraphs that hold any name bearing on it."""
    return [mention for _, mention in resolved_mentions(pack, entity)]
