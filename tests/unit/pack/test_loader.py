"""The loader: a valid pack loads whole; every kind of problem is reported with file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiplan_tui.core import toml_source
from aiplan_tui.core.model import Fact, Quote
from aiplan_tui.pack.loader import LoadResult, PackNotFoundError, load_pack
from conftest import ARTICLE, ENTITIES, HIGHLIGHTS, PACK_TOML, PackFactory


def messages(result: LoadResult) -> list[str]:
    return [p.format() for p in result.problems.items]


def only_problem(result: LoadResult) -> str:
    found = messages(result)
    assert len(found) == 1, found
    return found[0]


def test_valid_pack_loads_everything(make_pack: PackFactory) -> None:
    result = load_pack(make_pack())
    pack = result.pack
    assert messages(result) == []
    assert [s.id for s in pack.sides] == ["us", "china"]
    assert pack.sides[1].short == "China"  # defaults to the label
    assert [d.id for d in pack.dimensions] == ["chips", "investment"]
    article = pack.articles[0]
    assert article.id == "wire"  # from the file name
    assert len(article.paragraphs) == 2
    assert article.paragraph_lines == (7, 9)
    quote = pack.highlight("q-camps")
    assert isinstance(quote, Quote)
    assert quote.speaker == "george-chen"
    loc = quote.location
    assert article.paragraphs[loc.paragraph][loc.start : loc.end] == quote.exact
    fact = pack.highlight("f-china")
    assert isinstance(fact, Fact) and fact.value == 9.3e9 and fact.location.paragraph == 1
    assert pack.comparison[0].highlights == ("f-us",)


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(PackNotFoundError):
        load_pack(tmp_path / "nowhere")


def test_toml_syntax_error_has_line_and_column(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace("value = 9.3e9", "value = 9.3e9 x")
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    line = broken.splitlines().index("value = 9.3e9 x") + 1
    assert f"wire.toml:{line}:15: error: TOML syntax" in only_problem(result)
    assert result.pack.highlights == ()  # the file is skipped...
    assert len(result.pack.articles) == 1  # ...the rest still loads


def test_front_matter_syntax_error_counts_lines_from_the_file_start(
    make_pack: PackFactory,
) -> None:
    article = ARTICLE.replace('outlet = "Example Wire"', "outlet = ")
    result = load_pack(make_pack({"articles/wire.md": article, "highlights/wire.toml": None}))
    assert "articles/wire.md:3:10: error: TOML syntax" in messages(result)[0]
    assert result.problems.skipped["article"] == 1


def test_missing_required_field_points_at_its_table(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace('speaker = "george-chen"\n', "")
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert only_problem(result).endswith(
        'wire.toml:1:1: error: [quote] is missing required field "speaker"'
    )
    assert result.pack.highlight("q-camps") is None
    assert result.pack.highlight("f-us") is not None


def test_unknown_field_is_a_warning_with_did_you_mean(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace('compare_key = "private-2024"\n', 'compare_kee = "x"\n', 1)
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert only_problem(result).endswith(
        'wire.toml:17:1: warning: unknown field "compare_kee" in [fact] (did you mean "compare_key"?)'
    )
    assert result.pack.highlight("f-us") is not None  # warnings do not drop anything


def test_shared_aliases_are_warnings_at_the_alias(make_pack: PackFactory) -> None:
    """The same alias on two entities (reported at the later), and an alias that is one word
    of another person's name; a word of an organisation's name is no surname."""
    entities = ENTITIES + (
        '\n[[entity]]\nid = "chen-jining"\nname = "Chen Jining"\nkind = "person"\n'
        '\n[[entity]]\nid = "asia-group"\nname = "Asia Group"\nkind = "organisation"\n'
        '\n[[entity]]\nid = "chen-ltd"\nname = "Chen Ltd"\nkind = "organisation"\n'
        'aliases = [\n  "the firm",\n  "Chen", \'Asia\',\n]\n'
    )
    result = load_pack(make_pack({"entities.toml": entities}))
    assert [m.split("entities.toml:")[1] for m in messages(result)] == [
        '23:3: warning: alias "Chen" could name george-chen, chen-ltd or chen-jining: '
        "it counts as a mention only after one of their full names",
    ]
    assert len(result.pack.entities) == 4  # warnings leave everything in


def test_a_name_two_entities_share_is_a_warning_at_the_later(make_pack: PackFactory) -> None:
    twin = '[[entity]]\nid = "chen-co"\nname = "George Chen"\nkind = "organisation"\n'
    result = load_pack(make_pack({"entities.toml": ENTITIES + "\n" + twin}))
    assert only_problem(result).endswith(
        'entities.toml:9:8: warning: name "George Chen" could name george-chen or chen-co: '
        "it counts as a mention only after an alias that only one of them has"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("value = 9.3e9", 'value = "9.3 billion"', '"value" must be a number, not a string'),
        ("direct = true", 'direct = "yes"', '"direct" must be true or false, not a string'),
        ('dimensions = ["chips"]', 'dimensions = "chips"', '"dimensions" must be a list of ids'),
        (
            'id = "q-camps"',
            'id = "q camps"',
            "\"id\" must be an id (letters, digits, - _ . :), not 'q camps'",
        ),
        ('exact = "$9.3 billion"', 'exact = ""', '"exact" must not be empty'),
        ("value = 9.3e9", "value = nan", '"value" must be a number'),
    ],
)
def test_wrongly_typed_fields(make_pack: PackFactory, old: str, new: str, expected: str) -> None:
    broken = HIGHLIGHTS.replace(old, new)
    line = broken.splitlines().index(new) + 1
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert f"wire.toml:{line}:1: error: {expected}" in only_problem(result)


def test_choice_field_suggests_the_closest_value(make_pack: PackFactory) -> None:
    broken = ENTITIES.replace('kind = "person"', 'kind = "persn"')
    result = load_pack(make_pack({"entities.toml": broken}))
    found = messages(result)
    assert found[0].endswith(
        'entities.toml:4:1: error: "kind" must be one of person, organisation, place, event, '
        "not 'persn' (did you mean \"person\"?)"
    )
    # The quote's speaker was rejected with its entity; that is not reported a second time.
    assert len(found) == 1


def test_duplicate_ids_are_reported_with_the_first_place(make_pack: PackFactory) -> None:
    extra = HIGHLIGHTS.split("[[fact]]")[0]
    result = load_pack(make_pack({"highlights/zz-more.toml": extra}))
    assert only_problem(result).endswith(
        'zz-more.toml:2:1: error: duplicate highlight id "q-camps" (first defined at wire.toml:2)'
    )


def test_duplicate_article_ids(make_pack: PackFactory) -> None:
    copy = ARTICLE.replace('title = "Chips and money"', 'title = "Copy"\nid = "wire"')
    result = load_pack(make_pack({"articles/zz.md": copy}))
    assert (
        'zz.md:3:1: error: duplicate article id "wire" (first defined at wire.md:2)'
        in only_problem(result)
    )
    assert [a.title for a in result.pack.articles] == ["Chips and money"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'article = "wire"\nexact = "$9.3',
            'article = "wir"\nexact = "$9.3',
            'unknown article "wir" (did you mean "wire"?)',
        ),
        (
            'speaker = "george-chen"',
            'speaker = "george-chan"',
            'unknown entity "george-chan" (did you mean "george-chen"?)',
        ),
        ('sides = ["china"]', 'sides = ["chna"]', 'unknown side "chna" (did you mean "china"?)'),
        (
            'dimensions = ["chips"]',
            'dimensions = ["chip"]',
            'unknown dimension "chip" (did you mean "chips"?)',
        ),
    ],
)
def test_dangling_references(make_pack: PackFactory, old: str, new: str, expected: str) -> None:
    broken = HIGHLIGHTS.replace(old, new)
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert f"error: {expected}" in only_problem(result)


def test_comparison_cell_references(make_pack: PackFactory) -> None:
    cells = (
        '[[cell]]\ndimension = "investmnt"\nside = "us"\nsummary = "x"\n\n'
        '[[cell]]\ndimension = "investment"\nside = "us"\nsummary = "y"\nhighlights = ["f-uss"]\n\n'
        '[[cell]]\ndimension = "investment"\nside = "us"\nsummary = "z"\n'
    )
    result = load_pack(make_pack({"comparison.toml": cells}))
    found = messages(result)
    assert found[0].endswith(
        'comparison.toml:2:1: error: unknown dimension "investmnt" (did you mean "investment"?); '
        "dimensions are declared in pack.toml"
    )
    assert found[1].endswith(
        'comparison.toml:10:1: error: unknown highlight "f-uss" (did you mean "f-us"?); '
        "highlights are declared in highlights/*.toml"
    )
    assert "comparison.toml:12:1: error: duplicate comparison cell" in found[2]
    assert [c.summary for c in result.pack.comparison] == ["y"]
    assert result.pack.comparison[0].highlights == ()


def test_drifted_anchor_gets_did_you_mean(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace(
        "the two camps are now being formed", "the two camps are being formed"
    )
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert only_problem(result).endswith(
        'wire.toml:4:1: error: "exact" text not found in article "wire"; '
        'did you mean "the two camps are now being formed" (paragraph 1)?'
    )


def test_anchor_with_nothing_close_gets_no_suggestion(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace("the two camps are now being formed", "zebra quokka xylophone")
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert only_problem(result).endswith('error: "exact" text not found in article "wire"')


def test_ambiguous_anchor_and_prefix_that_settles_it(make_pack: PackFactory) -> None:
    ambiguous = HIGHLIGHTS.replace('exact = "$9.3 billion"', 'exact = "billion"')
    result = load_pack(make_pack({"highlights/wire.toml": ambiguous}))
    assert only_problem(result).endswith(
        '"exact" occurs 2 times in article "wire" (paragraphs 2, 2); add a prefix or suffix '
        'that picks one (prefix = "$109.1 " picks the 1st; prefix = "$9.3 " picks the 2nd)'
    )
    settled = ambiguous.replace('exact = "billion"', 'exact = "billion"\nprefix = "$9.3 "')
    result = load_pack(make_pack({"highlights/wire.toml": settled}))
    assert messages(result) == []
    fact = result.pack.highlight("f-china")
    assert fact is not None
    paragraph = result.pack.articles[0].paragraphs[1]
    assert paragraph[fact.location.start - 5 : fact.location.end] == "$9.3 billion"


def test_prefix_that_matches_nothing(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace(
        'exact = "$9.3 billion"', 'exact = "$9.3 billion"\nsuffix = " in Japan"'
    )
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert 'is in article "wire" but not with the given prefix/suffix' in only_problem(result)


def test_unknown_highlight_table(make_pack: PackFactory) -> None:
    broken = HIGHLIGHTS.replace("[[quote]]", "[[qoute]]")
    result = load_pack(make_pack({"highlights/wire.toml": broken}))
    assert only_problem(result).endswith(
        'wire.toml:1:1: error: unknown table "qoute": expected [[quote]], [[fact]], '
        '[[position]] or [[event]] (did you mean "quote"?)'
    )


def test_not_utf8_points_at_the_bad_byte(make_pack: PackFactory) -> None:
    data = HIGHLIGHTS.replace("Private AI", "Priv\xe9 AI").encode("latin-1")
    result = load_pack(make_pack({"highlights/wire.toml": data}))
    assert only_problem(result).endswith(
        "wire.toml:13:15: error: file is not valid UTF-8; save it as UTF-8"
    )


def test_utf16_is_named(make_pack: PackFactory) -> None:
    result = load_pack(make_pack({"entities.toml": ENTITIES.encode("utf-16")}))
    assert "entities.toml:1:1: error: file is UTF-16; save it as UTF-8" in messages(result)[0]


def test_bom_and_crlf_are_accepted(make_pack: PackFactory) -> None:
    article = "\ufeff" + ARTICLE.replace("\n", "\r\n")
    result = load_pack(make_pack({"articles/wire.md": article.encode("utf-8")}))
    assert messages(result) == []
    assert result.pack.articles[0].paragraphs[0].startswith("The U.S. restricted")


def test_file_over_the_size_limit_is_refused_before_parsing(
    make_pack: PackFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(toml_source, "MAX_FILE_BYTES", 100)
    root = make_pack({"highlights/big.toml": "x = 1\n" + "# padding\n" * 50})
    result = load_pack(root)
    assert any(
        m.endswith("big.toml:1:1: error: file is 506 bytes, over the 100-byte limit; split it")
        for m in messages(result)
    )


def test_parser_recursion_becomes_a_content_error(make_pack: PackFactory) -> None:
    deep = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    result = load_pack(make_pack({"highlights/deep.toml": deep}))
    assert "deep.toml:1:1: error: TOML nested too deeply to read" in only_problem(result)


def test_parser_value_error_becomes_a_content_error(make_pack: PackFactory) -> None:
    huge = "x = " + "9" * 5000 + "\n"
    result = load_pack(make_pack({"highlights/huge.toml": huge}))
    assert "huge.toml:1:1: error: TOML value cannot be read: Exceeds the limit" in only_problem(
        result
    )


def test_front_matter_must_open_and_close(make_pack: PackFactory) -> None:
    result = load_pack(
        make_pack(
            {
                "articles/open.md": ARTICLE.replace("+++\n\nThe U.S.", "\nThe U.S."),
                "articles/none.md": "Just text\n",
            }
        )
    )
    found = messages(result)
    assert any(
        m.endswith(
            'none.md:1:1: error: an article must start with a "+++" line opening its front matter'
        )
        for m in found
    )
    assert any(
        m.endswith(
            'open.md:1:1: error: the front matter is never closed: add a "+++" line after it'
        )
        for m in found
    )
    assert result.problems.skipped["article"] == 2


def test_plus_fence_inside_the_body_is_text(make_pack: PackFactory) -> None:
    result = load_pack(make_pack({"articles/wire.md": ARTICLE + "\n+++\n"}))
    assert result.pack.articles[0].paragraphs[-1] == "+++"


def test_missing_pack_toml_and_empty_pack(tmp_path: Path) -> None:
    result = load_pack(tmp_path)
    found = messages(result)
    assert found[0].endswith(
        "pack.toml:1:1: error: pack.toml is missing: every pack needs one with a [pack] table"
    )
    assert any("warning: the pack has no articles" in m for m in found)
    assert result.pack.info.id == tmp_path.name


def test_article_side_reference_and_invalid_stem(make_pack: PackFactory) -> None:
    article = ARTICLE.replace('sides = ["us", "china"]', 'sides = ["eu"]')
    result = load_pack(make_pack({"articles/bad name.md": article, "articles/wire.md": article}))
    found = messages(result)
    assert any(
        'bad name.md:1:1: error: the file name gives an invalid id "bad name"' in m for m in found
    )
    assert any('wire.md:4:1: error: unknown side "eu"' in m for m in found)


def test_all_problems_in_one_run(make_pack: PackFactory) -> None:
    highlights = HIGHLIGHTS.replace("now being formed", "now bein formed").replace(
        'speaker = "george-chen"', 'speaker = "george-chen"\nsides = ["mars"]'
    )
    root = make_pack(
        {
            "pack.toml": PACK_TOML + "\n[[dimension]]\nid = \n",
            "highlights/wire.toml": highlights,
            "comparison.toml": '[[cell]]\ndimension = "chips"\nside = "us"\nsummary = "s"\nhighlights = ["nope"]\n',
        }
    )
    found = messages(load_pack(root))
    assert any("pack.toml:23:6: error: TOML syntax" in m for m in found)
    assert any('unknown side "mars"' in m for m in found)
    assert any('unknown highlight "nope"' in m for m in found)


def test_front_matter_fields_are_named_as_such(make_pack: PackFactory) -> None:
    article = ARTICLE.replace('outlet = "Example Wire"', 'outlt = "Example Wire"').replace(
        'title = "Chips and money"\n', ""
    )
    result = load_pack(make_pack({"articles/wire.md": article}))
    found = messages(result)
    assert found[0].endswith(
        'wire.md:2:1: warning: unknown field "outlt" in the front matter (did you mean "outlet"?)'
    )
    assert found[1].endswith(
        'wire.md:2:1: error: the front matter is missing required field "title"'
    )


def test_links_that_lead_outside_the_pack_are_refused(
    make_pack: PackFactory, tmp_path: Path
) -> None:
    root = make_pack()
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text('+++\ntitle = "Not yours"\n+++\n\nPrivate words.\n', encoding="utf-8")
    (root / "articles" / "leak.md").symlink_to(secret)
    (outside / "more.toml").write_text("", encoding="utf-8")
    (root / "highlights" / "more.toml").symlink_to(outside / "more.toml")
    result = load_pack(root)
    messages = [(p.path.name, p.message) for p in result.problems.errors]
    assert ("leak.md", f"is a link to {secret.resolve()}, outside the pack; refused "
            "(copy the file into the pack)") in messages  # fmt: skip
    assert any(name == "more.toml" and "outside the pack" in m for name, m in messages)
    assert [a.id for a in result.pack.articles] == ["wire"]  # the rest still loads
    assert result.pack.highlight("q-camps") is not None


def test_links_inside_the_pack_are_followed(make_pack: PackFactory) -> None:
    root = make_pack()
    (root / "articles" / "wire.md").rename(root / "wire-source.md")
    (root / "articles" / "wire.md").symlink_to(root / "wire-source.md")
    result = load_pack(root)
    assert result.problems.errors == []
    assert [a.id for a in result.pack.articles] == ["wire"]
