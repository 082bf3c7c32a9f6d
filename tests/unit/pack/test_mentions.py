"""Mentions are resolved, not matched: every name at once, the longest wins, and a name two
entities could be meant by counts only where a name before it in the article settles it."""

from __future__ import annotations

from pathlib import Path

from aiplan_tui.core.model import Article, Entity, EntityKind, Pack, PackInfo, SourceRef
from aiplan_tui.pack.mentions import find_mentions, names_in, resolved_mentions

WHERE = SourceRef(Path("entities.toml"))


def person(entity_id: str, name: str, *aliases: str, kind: EntityKind = "person") -> Entity:
    return Entity(entity_id, name, kind, WHERE, aliases=aliases)


GEORGE = person("george-chen", "George Chen", "Chen")
JINING = person("chen-jining", "Chen Jining")


def pack_of(entities: tuple[Entity, ...], *articles: tuple[str, ...]) -> Pack:
    return Pack(
        PackInfo("t", "T"),
        Path(),
        articles=tuple(
            Article(f"a{n}", "A", paragraphs, WHERE) for n, paragraphs in enumerate(articles)
        ),
        entities=entities,
    )


def found(pack: Pack, entity: Entity) -> list[tuple[str, int, str]]:
    """(article, paragraph, the words) of each mention, checked against the text."""
    result = []
    for mention in find_mentions(pack, entity):
        article = pack.article(mention.article)
        assert article is not None
        assert article.paragraphs[mention.paragraph][mention.start : mention.end] == mention.text
        result.append((mention.article, mention.paragraph, mention.text))
    return result


def test_a_surname_inside_another_full_name_is_that_persons_only() -> None:
    pack = pack_of(
        (GEORGE, JINING),
        ("George Chen spoke.", "Party Secretary Chen Jining on Thursday met Eric Schmidt."),
    )
    assert found(pack, GEORGE) == [("a0", 0, "George Chen")]
    assert found(pack, JINING) == [("a0", 1, "Chen Jining")]


def test_the_nearest_full_name_before_a_shared_surname_settles_it() -> None:
    pack = pack_of(
        (GEORGE, JINING),
        ("George Chen spoke.", "“Camps,” Chen said.", "Chen Jining met him.", "Chen agreed."),
    )
    assert found(pack, GEORGE) == [("a0", 0, "George Chen"), ("a0", 1, "Chen")]
    # "Chen" is no alias of Chen Jining, but after his full name it is taken to be him.
    assert found(pack, JINING) == [("a0", 2, "Chen Jining"), ("a0", 3, "Chen")]


def test_a_shared_surname_before_any_full_name_counts_for_no_one() -> None:
    pack = pack_of(
        (GEORGE, JINING),
        ("Chen said so.", "George Chen, a partner, and Chen Jining."),
        ("Chen again, in another article: the names before it were in the first.",),
    )
    assert found(pack, GEORGE) == [("a0", 1, "George Chen")]
    assert found(pack, JINING) == [("a0", 1, "Chen Jining")]
    assert all(m.text != "Chen" for _, m in resolved_mentions(pack))


def test_an_alias_two_entities_declare_is_settled_by_an_unambiguous_alias() -> None:
    li = person("li-qiang", "Li Qiang", "Premier Li", "Li")
    other = person("li-ka-shing", "Li Ka-shing", "Li")
    pack = pack_of((li, other), ("Premier Li spoke first.", "Li said more."))
    assert found(pack, li) == [("a0", 0, "Premier Li"), ("a0", 1, "Li")]
    assert found(pack, other) == []
    assert [(s.text, s.candidates, s.declared_by) for s in names_in(pack).shared] == [
        ("Li", ("li-qiang", "li-ka-shing"), "li-ka-shing")
    ]


def test_the_longest_name_wins_at_any_place() -> None:
    li = person("li-qiang", "Li Qiang", "Premier Li Qiang", "Premier Li", "Li")
    trump = person("donald-trump", "Donald Trump", "Trump")
    administration = person("trump-administration", "Trump administration", kind="organisation")
    pack = pack_of(
        (li, trump, administration),
        ("Premier Li Qiang opened it; Li spoke.", "A plan by the Trump administration.", "Trump"),
    )
    assert found(pack, li) == [("a0", 0, "Premier Li Qiang"), ("a0", 0, "Li")]
    assert found(pack, administration) == [("a0", 1, "Trump administration")]
    # A word of an organisation's name is no surname: "Trump" alone is still Donald Trump.
    assert found(pack, trump) == [("a0", 2, "Trump")]
    assert names_in(pack).shared == ()


def test_whole_words_only_and_case_as_written() -> None:
    pack = pack_of((GEORGE,), ("George Chenault and george chen are not him; George Chen is.",))
    assert found(pack, GEORGE) == [("a0", 0, "George Chen")]


def test_only_the_entitys_paragraphs_are_read_but_the_answer_is_the_same() -> None:
    """find_mentions passes over paragraphs holding no name bearing on the entity; resolving
    every entity at once gives the same mentions."""
    entities = (GEORGE, JINING, person("eric-schmidt", "Eric Schmidt", "Schmidt"))
    pack = pack_of(
        entities,
        ("Schmidt met Chen Jining.", "Nothing here.", "George Chen said.", "Chen and Schmidt."),
        ("Chen, Schmidt.", "Eric Schmidt", "Chen Jining and George Chen; Chen spoke."),
    )
    every = list(resolved_mentions(pack))
    for entity in entities:
        assert find_mentions(pack, entity) == [m for who, m in every if who == entity.id]
    assert found(pack, JINING) == [("a0", 0, "Chen Jining"), ("a1", 2, "Chen Jining")]
    assert found(pack, GEORGE) == [
        ("a0", 2, "George Chen"),
        ("a0", 3, "Chen"),
        ("a1", 2, "George Chen"),
        ("a1", 2, "Chen"),
    ]


def test_a_pack_without_names_has_no_mentions() -> None:
    nameless = person("x", "")
    pack = pack_of((nameless,), ("Text.",))
    assert find_mentions(pack, nameless) == [] and list(resolved_mentions(pack)) == []


def test_thousands_of_names_and_very_long_ones() -> None:
    """One pattern over every name (a trie), and the plain alternation where a hostile pack
    nests it too deeply: the same mentions either way."""
    many = tuple(person(f"p{n}", f"Person {n:04d}", f"P{n:04d}") for n in range(3000))
    deep = person("deep", "a", *(" ".join(["a"] * k) for k in range(2, 600)))
    long = person("long", "x" * 20000)
    text = "Met Person 0042 and P2999, then " + " ".join(["a"] * 3) + " and " + "x" * 20000
    pack = pack_of((*many, deep, long), (text,))
    assert found(pack, many[42]) == [("a0", 0, "Person 0042")]
    assert found(pack, many[2999]) == [("a0", 0, "P2999")]
    assert found(pack, deep) == [("a0", 0, "a a a")]
    assert found(pack, long) == [("a0", 0, "x" * 20000)]
