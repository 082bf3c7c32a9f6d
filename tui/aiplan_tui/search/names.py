"""What the `article:` and `dim:` filters match: each article's and dimension's names, made
once from the pack (and stored in a compiled pack). No Textual."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from aiplan_tui.core.model import Pack


def article_names(pack: Pack) -> dict[str, str]:
    """What `article:` matches: each article's id, title and outlet."""
    return {a.id: " ".join([a.id, a.title, a.outlet]).lower() for a in pack.articles}


def dimension_names(pack: Pack) -> dict[str, str]:
    """What `dim:` matches: each dimension's id and title."""
    return {d.id: f"{d.id} {d.title}".lower() for d in pack.dimensions}
