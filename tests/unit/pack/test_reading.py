"""Reading order across articles, and entity mentions by name and alias."""

from __future__ import annotations

import pytest

from aiplan_tui.core.model import Pack
from aiplan_tui.core.reading import Place, ReadingOrder
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.pack.mentions import find_mentions
from aiplan_tui.paths import bundled_content_dir


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(bundled_content_dir()).pack


def test_quotes_follow_article_then_paragraph_then_offset(pack: Pack) -> None:
    order = ReadingOrder(pack, {"quote"})
    assert len(order) == sum(1 for h in pack.highlights if h.kind == "quote")
    places = [order.place_of(q) for q in order.items]
    assert places == sorted(places)
    assert {q.article for q in order.items} == {a.id for a in pack.articles}
    first_article = pack.articles[0].id
    assert order.items[0].article == first_article


def test_after_and_before_walk_one_step_and_stop_at_the_ends(pack: Pack) -> None:
    order = ReadingOrder(pack, {"quote"})
    first, second, last = order.items[0], order.items[1], order.items[-1]
    assert order.after(order.place_of(first)) == second
    assert order.before(order.place_of(second)) == first
    assert order.before(order.place_of(first)) is None
    assert order.after(order.place_of(last)) is None
    assert order.after(Place(-1, 0, 0)) == first


def test_a_cursor_between_highlights_finds_the_neighbours(pack: Pack) -> None:
    order = ReadingOrder(pack)
    h = order.items[5]
    start = order.paragraph_start(h.article, h.location.paragraph)
    following = order.after(start)
    assert following is not None and following.location.paragraph == h.location.paragraph
    preceding = order.before(start)
    assert preceding is not None and order.place_of(preceding) < start


def test_position_counts_from_one(pack: Pack) -> None:
    order = ReadingOrder(pack, {"quote"})
    assert order.position(order.items[0].id) == 1
    assert order.position("no-such-id") is None


def test_mentions_use_aliases_and_prefer_the_longest_name(pack: Pack) -> None:
    li = pack.entity("li-qiang")
    assert li is not None
    found = find_mentions(pack, li)
    texts = {m.text for m in found}
    assert "Premier Li Qiang" in texts
    assert "Li" in texts
    assert "Qiang" not in texts
    for mention in found:
        article = pack.article(mention.article)
        assert article is not None
        assert article.paragraphs[mention.paragraph][mention.start : mention.end] == mention.text


def test_a_subset_of_the_order_is_the_order_of_that_subset() -> None:
    from aiplan_tui.core.reading import ReadingOrder
    from aiplan_tui.pack.loader import load_pack
    from aiplan_tui.paths import bundled_content_dir

    pack = load_pack(bundled_content_dir()).pack
    everything = ReadingOrder(pack)
    for kinds in ({"quote"}, {"fact", "event"}, set()):
        subset, fresh = everything.only(kinds), ReadingOrder(pack, kinds)  # type: ignore[arg-type]
        assert subset.items == fresh.items
        for h in pack.highlights:
            place = everything.place_of(h)
            assert subset.after(place) == fresh.after(place)
            assert subset.before(place) == fresh.before(place)
            assert subset.position(h.id) == fresh.position(h.id)
