"""Where an entity is mentioned in the articles, found by its name and aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiplan_tui.core.model import Entity, Pack


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name or alias in a paragraph."""

    article: str
    paragraph: int
    start: int
    end: int
    text: str


def name_pattern(entity: Entity) -> re.Pattern[str] | None:
    """Longest names first, so "Premier Li Qiang" is one mention, not "Li" inside it."""
    names = sorted({entity.name, *entity.aliases} - {""}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def find_mentions(pack: Pack, entity: Entity) -> list[Mention]:
    """Every mention in reading order; names match whole words, case as written."""
    pattern = name_pattern(entity)
    if pattern is None:
        return []
    return [
        Mention(article.id, number, match.start(), match.end(), match.group())
        for article in pack.articles
        for number, paragraph in enumerate(article.paragraphs)
        for match in pattern.finditer(paragraph)
    ]
