"""Which quotations `aiplan-tui quotes` lists: in reading order, one speaker's (matched by
name, alias or id, allowing a typo), direct ones only, or one article's. No Textual."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from aiplan_tui.core.formatting import quote_kind
from aiplan_tui.core.model import Article, Pack, Quote
from aiplan_tui.core.reading import ReadingOrder

CLOSE_ENOUGH = 80.0
"""How alike (0-100) a name must be to a speaker's to stand for it when none contains it."""


class ChoiceError(ValueError):
    """A speaker or article that the pack does not have; the message names close ones."""


@dataclass(frozen=True)
class QuoteLine:
    """One quotation with everything a citation needs."""

    quote: Quote
    speaker: str
    role: str
    article_title: str
    given: dict[str, str]
    """The article's outlet, author, published and url, each "" when it does not give it."""
    paragraph: int
    """1-based, as ¶ everywhere else."""
    page: int | None = None
    """The page it is on, in an article with pages (a PDF)."""

    @property
    def kind(self) -> str:
        return quote_kind(self.quote)


def speaker_names(pack: Pack) -> dict[str, list[str]]:
    """Each quoted speaker's id, with the names it goes by (name, aliases, id)."""
    names: dict[str, list[str]] = {}
    for quote in pack.highlights:  # (the order of the speakers does not matter)
        if isinstance(quote, Quote) and quote.speaker not in names:
            entity = pack.entity(quote.speaker)
            known = [entity.name, *entity.aliases] if entity else []
            names[quote.speaker] = [*known, quote.speaker]
    return names


def match_speaker(pack: Pack, wanted: str) -> set[str]:
    """The speaker ids `wanted` names: every speaker whose name, alias or id contains it
    (ignoring case), else the closest one if close enough; ChoiceError naming the closest."""
    names = speaker_names(pack)
    folded = wanted.casefold().strip()
    found = {sid for sid, known in names.items() if any(folded in n.casefold() for n in known)}
    if found:
        return found
    choices = {f"{n}\x00{sid}": n.casefold() for sid, known in names.items() for n in known}
    best = process.extract(folded, choices, scorer=fuzz.WRatio, limit=None)
    if best and best[0][1] >= CLOSE_ENOUGH:
        return {best[0][2].split("\x00")[1]}
    close: list[str] = []
    for _, _, key in best:
        name = key.split("\x00")[0]
        if name not in close:
            close.append(name)
    hint = f"; close names: {', '.join(close[:3])}" if close else ""
    raise ChoiceError(f"no speaker matches {wanted!r}{hint}")


def select_quotes(
    pack: Pack, speaker: str | None = None, direct: bool = False, article: str | None = None
) -> list[QuoteLine]:
    """The quotations asked for, in reading order; ChoiceError for an unknown speaker or
    article."""
    if article is not None and pack.article(article) is None:
        ids = ", ".join(a.id for a in pack.articles)
        raise ChoiceError(f"no article {article!r}; articles: {ids}")
    speakers = match_speaker(pack, speaker) if speaker is not None else None
    lines = []
    for quote in ReadingOrder(pack, {"quote"}).items:
        if not isinstance(quote, Quote):
            continue
        if (speakers is not None and quote.speaker not in speakers) or (
            direct and not quote.direct
        ):
            continue
        if article is not None and quote.article != article:
            continue
        entity = pack.entity(quote.speaker)
        source = pack.article(quote.article)
        lines.append(
            QuoteLine(
                quote,
                entity.name if entity else quote.speaker,
                entity.role if entity else "",
                source.title if source is not None else quote.article,
                known_provenance(source),
                quote.location.paragraph + 1,
                source.page_of(quote.location.paragraph) if source is not None else None,
            )
        )
    return lines


def known_provenance(article: Article | None) -> dict[str, str]:
    """Outlet, author, publication date (ISO 8601) and address; "" for what is not given."""
    if article is None:
        return dict.fromkeys(("outlet", "author", "published", "url"), "")
    published = article.published.isoformat() if article.published else ""
    return {"outlet": article.outlet, "author": article.author, "published": published,
            "url": article.url}  # fmt: skip
