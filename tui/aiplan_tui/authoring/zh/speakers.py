"""Who said it, in Chinese: the subject's name matched to the pack's people and organisations
(by name or alias), else a proposed entity with the role the text gives and an id in pinyin
(温浩林 -> `wen-haolin`); 他 and 她 stand for the person mentioned last before the words."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from aiplan_tui.authoring.ids import unique_id
from aiplan_tui.authoring.speakers import ProposedEntity, Speaker
from aiplan_tui.authoring.zh.names import (
    FOREIGN_NAME,
    HAN,
    Named,
    named,
    split_foreign,
)
from aiplan_tui.authoring.zh.words import COMPOUND_SURNAMES, TITLES
from aiplan_tui.core.model import Entity

PRONOUNS = frozenset(["他", "她"])
_FOLLOWS_NAME = (
    r"(?=[，,。、：:；（(\s]|在|表示|说|說|指出|强调|強調|认为|認為|介绍|介紹|透露|称|稱|主持|出席|"
    r"发表|發表|接受|等|和|与|與|也|还|還|则|則|对|對|向|\d|当天|當天|昨|今|日前|近日|此前|随后|"
    r"分析|回应|回應|告诉|告訴|答|会见|會見|宣布|提出|致辞|致辭|致|发言|發言|的|$)"
)
_MENTION = re.compile(
    "(?P<title>" + "|".join(TITLES) + rf")(?P<name>[{HAN}]{{2,4}}?){_FOLLOWS_NAME}"
)
"""A name just after a title: 外交部发言人卢松涛主持 (a mention, for 他 and 答 later)."""
_ROLE_ASIDE = re.compile(r"[（(](?P<role>[^（）()，,。]{2,40})[）)]")
_TITLE_AT_END = re.compile("(?:" + "|".join(TITLES) + ")$")
_FOREIGN_MENTION = re.compile(rf"[{HAN}]{{1,12}}(?:[·•‧][{HAN}]{{1,10}}?)+{_FOLLOWS_NAME}")


@dataclass(frozen=True)
class _Mention:
    paragraph: int
    offset: int
    named: Named


class ChineseSpeakers:
    """Resolves Chinese subjects in reading order; remembers the people mentioned (with a
    title, or as speakers) and the entities proposed so far."""

    def __init__(
        self, entities: Sequence[Entity], paragraphs: Sequence[str], taken: Callable[[str], bool]
    ) -> None:
        self._known: dict[str, Entity] = {}
        for e in entities:
            if e.kind in ("person", "organisation"):
                for name in (e.name, *e.aliases):
                    self._known.setdefault(name, e)
        self._taken = taken
        self._ids: set[str] = {e.id for e in entities}
        self._proposed: dict[str, ProposedEntity] = {}
        self._by_name: dict[str, str] = {}
        self._mentions: list[_Mention] = []
        """Every mention in reading order (by paragraph and offset)."""
        self._named: dict[str, Named] = {}
        """The last mention of each person's name; and the first role each was given."""
        self._roles: dict[str, str] = {}
        for number, paragraph in enumerate(paragraphs):
            for mention in _mentions(number, paragraph):
                self._mention(mention)

    @property
    def proposed(self) -> tuple[ProposedEntity, ...]:
        return tuple(self._proposed.values())

    def resolve(self, subject: str, paragraph: int, offset: int) -> Speaker | None:
        """The entity the subject names (他 and 她: the person mentioned last before), or
        None when it names nobody."""
        if subject in PRONOUNS:
            return self.last_person(paragraph, offset)
        found = self._mentioned(subject) or named(subject)
        if found is None:
            return None
        self._mention(_Mention(paragraph, offset, found))
        return self.speaker(found)

    def _mention(self, mention: _Mention) -> None:
        insort(self._mentions, mention, key=lambda m: (m.paragraph, m.offset))
        person = mention.named
        if person.kind == "person" and not person.unnamed:
            self._named[person.name] = person
        if person.role:
            self._roles.setdefault(person.name, person.role)

    def _mentioned(self, subject: str) -> Named | None:
        """A person mentioned before named by the subject (特朗普 after 美国总统特朗普; 唐宁
        after 梅丽莎·唐宁, the surname of a transliterated name)."""
        found = self._named.get(subject)
        if found is None and len(subject) >= 2 and re.fullmatch(f"[{HAN}]+", subject):
            ends = [n for name, n in self._named.items() if name.endswith("·" + subject)]
            found = ends[-1] if len(ends) == 1 else None
        return found

    def last_person(self, paragraph: int, offset: int) -> Speaker | None:
        """The person mentioned last before (paragraph, offset), named ("答：", "他说")."""
        at = bisect_left(self._mentions, (paragraph, offset), key=lambda m: (m.paragraph, m.offset))
        for back in range(at - 1, -1, -1):
            last = self._mentions[back]
            if last.named.kind == "person" and not last.named.unnamed:
                how = f"{last.named.name!r}, the person named last before"
                return self.speaker(last.named, how=how)
        return None

    def speaker(self, found: Named, how: str = "") -> Speaker:
        known = self._known.get(found.name)
        if known is not None:
            return Speaker(known.id, how or f"{known.name!r} by name")
        role = found.role or self._role(found.name)
        same = self._by_name.get(found.name)
        if same is not None:
            proposed = self._proposed[same]
            if role and not proposed.role:
                self._proposed[same] = replace(proposed, role=role)
            return Speaker(same, how or f"new entity {found.name!r}")
        new = ProposedEntity(self._new_id(found.name), found.name, found.kind, role)
        self._ids.add(new.id)
        self._proposed[new.id] = new
        self._by_name[found.name] = new.id
        return Speaker(new.id, how or f"new entity {found.name!r}")

    def _role(self, name: str) -> str:
        """The role a title gave the name where it was mentioned first with one."""
        return next(
            (m.named.role for m in self._mentions if m.named.name == name and m.named.role), ""
        )

    def renamed(self, theirs: set[str]) -> dict[str, str]:
        """New ids for the entities proposed here whose ids are in `theirs`, old to new."""
        renamed: dict[str, str] = {}
        for old in [i for i in self._proposed if i in theirs]:
            entity = self._proposed.pop(old)
            new = unique_id(old, _Either(self._ids | theirs | set(self._proposed), self._taken))
            self._ids.add(new)
            self._proposed[new] = replace(entity, id=new)
            self._by_name[entity.name] = new
            renamed[old] = new
        return renamed

    def _new_id(self, name: str) -> str:
        base = chinese_id(name)
        taken = _Either(self._ids, self._taken)
        return unique_id(base, taken)


class _Either(set[str]):
    """Ids taken here or by the other rules (asked one by one)."""

    def __init__(self, mine: set[str], other: Callable[[str], bool]) -> None:
        super().__init__(mine)
        self._other = other

    def __contains__(self, item: object) -> bool:
        return super().__contains__(item) or (isinstance(item, str) and self._other(item))


def chinese_id(name: str) -> str:
    """A person's id in pinyin, surname then given name (温浩林 -> `wen-haolin`, 欧阳文 ->
    `ouyang-wen`); any other name's syllables one by one, at most eight."""
    from pypinyin import lazy_pinyin

    if "·" in name or not re.fullmatch(f"[{HAN}]+", name):
        words = [
            w
            for part in re.split(r"[·•‧\s]+", name)
            for w in [_ascii("".join(lazy_pinyin(part)))]
            if w
        ]
        return "-".join(words[:8]) or "entity"
    syllables = [_ascii(s) for s in lazy_pinyin(name)]
    size = 2 if name[:2] in COMPOUND_SURNAMES else 1
    if 2 <= len(name) <= 4 and not _looks_organisation(name):
        return "-".join(p for p in ("".join(syllables[:size]), "".join(syllables[size:])) if p)
    return "-".join(s for s in syllables[:8] if s) or "entity"


def _looks_organisation(name: str) -> bool:
    return named(name) is None or (named(name) or Named("", "person")).kind == "organisation"


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def _mentions(number: int, paragraph: str) -> list[_Mention]:
    found = []
    for match in _MENTION.finditer(paragraph):
        if match.group("title") in ("记者", "記者"):
            continue  # a byline's reporter is no one who speaks
        subject = paragraph[max(0, match.start() - 30) : match.end()]
        who = named(re.split(r"[，,。：:；“”「」（）()\s]", subject)[-1])
        if who is not None and who.kind == "person" and not who.unnamed:
            found.append(_Mention(number, match.start("name"), who))
    for match in _FOREIGN_MENTION.finditer(paragraph):
        before = paragraph[max(0, match.start() - 30) : match.start()]
        name, title = split_foreign(match.group())
        role = re.split(r"[，,。：:；“”「」（）()\s]", before)[-1] + title
        aside = _ROLE_ASIDE.match(paragraph, match.end())
        if not role and aside is not None and _TITLE_AT_END.search(aside["role"]):
            role = aside["role"]  # 梅拉·唐森（某智库高级研究员）: the role in brackets
        found.append(_Mention(number, match.end() - len(name), Named(name, "person", role)))
    return found


__all__ = ["FOREIGN_NAME", "ChineseSpeakers", "chinese_id"]
