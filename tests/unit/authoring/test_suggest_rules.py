"""The suggestion rules of `aiplan-tui add` (issue 19), each on a small fixed text:
attributions, reported speech, scare quotes, figures, dates, anchoring, proposed entities,
and hostile text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aiplan_tui.authoring.ids import entity_id, fact_id, quote_id, slug_words, unique_id
from aiplan_tui.authoring.suggest import Suggested, Suggestions, suggest
from aiplan_tui.core.model import Entity, EntityKind
from aiplan_tui.pack.anchors import find_all

HERE = Path("entities.toml")


def entity(
    id: str, name: str, kind: EntityKind = "person", aliases: tuple[str, ...] = ()
) -> Entity:
    from aiplan_tui.core.model import SourceRef

    return Entity(id=id, name=name, kind=kind, source=SourceRef(HERE), aliases=aliases)


CHEN = entity("george-chen", "George Chen", aliases=("Chen",))
LI = entity("li-qiang", "Li Qiang", aliases=("Premier Li", "Li"))


def quotes(result: Suggestions, direct: bool | None = None) -> list[Suggested]:
    return [
        h
        for h in result.highlights
        if h.kind == "quote" and (direct is None or h.fields["direct"] is direct)
    ]


def facts(result: Suggestions) -> list[Suggested]:
    return [h for h in result.highlights if h.kind == "fact"]


def events(result: Suggestions) -> list[Suggested]:
    return [h for h in result.highlights if h.kind == "event"]


def only_quote(text: str, entities: tuple[Entity, ...] = (CHEN,)) -> Suggested:
    found = quotes(suggest([text], entities), direct=True)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ attributions


@pytest.mark.parametrize(
    "text",
    [
        "“The two camps are now being formed,” said George Chen.",
        "“The two camps are now being formed,” George Chen said.",
        '"The two camps are now being formed," said George Chen.',
        "George Chen said: “The two camps are now being formed.”",
        "“The two camps are now being formed,” George Chen, a partner at the Asia Group, said.",
        "George Chen, a partner at the Asia Group, said: “The two camps are now being formed.”",
        "“The two camps are now being formed,” reported George Chen.",
        "“The two camps are now being formed,” said Chen.",
        "“The two camps are now being formed,” said Geroge Chen.",  # a near spelling
    ],
)
def test_each_attribution_finds_the_speaker(text: str) -> None:
    quote = only_quote(text)
    assert quote.exact.startswith("The two camps are now being formed")
    assert quote.fields["speaker"] == "george-chen"
    assert quote.fields["direct"] is True
    assert quote.why.startswith("quotation marks")


def test_the_why_says_which_words_attributed_it() -> None:
    quote = only_quote("“The two camps are now being formed,” said George Chen.")
    assert "'said George Chen'" in quote.why
    assert quote.exact == "The two camps are now being formed"  # without the comma


def test_he_said_is_the_person_named_last() -> None:
    """Issue 29: a pronoun after a named person is that person, speaker before or not."""
    result = suggest(
        [
            "“The two camps are now being formed,” said George Chen.",
            "Premier Li Qiang spoke on Saturday.",
            "“China wants to stick to the multilateral approach,” he said.",
        ],
        (CHEN, LI),
    )
    second = quotes(result, direct=True)[1]
    assert second.fields["speaker"] == "li-qiang"
    assert "named last before" in second.why


def test_according_to_names_a_source_not_a_speaker() -> None:
    quote = only_quote("“The two camps are now being formed,” according to George Chen.")
    assert quote.fields["speaker"] != "george-chen"


def test_he_said_without_anyone_named_has_no_speaker() -> None:
    quote = only_quote("“The two camps are now being formed,” he said.", ())
    assert quote.fields["speaker"] == ""


def test_a_new_speaker_is_proposed_with_the_role_the_text_gives() -> None:
    result = suggest(
        [
            "“The two camps are now being formed,” said Mary Major, partner at the Asia Group.",
            "“Both will grow,” Major said.",
        ],
        (CHEN,),
    )
    first, second = quotes(result, direct=True)
    assert [(e.id, e.name, e.kind, e.role) for e in result.entities] == [
        ("mary-major", "Mary Major", "person", "partner at the Asia Group")
    ]
    assert first.fields["speaker"] == second.fields["speaker"] == "mary-major"
    assert "new entity 'Mary Major'" in first.why


def test_a_title_before_the_name_is_the_proposed_role() -> None:
    result = suggest(["“We will not wait for others,” said Acme CEO Jane Roe."], ())
    assert [(e.name, e.role) for e in result.entities] == [("Jane Roe", "Acme CEO")]


def test_a_proposed_id_does_not_take_an_existing_one() -> None:
    other = entity("jane-roe", "Someone Else")
    result = suggest(["“We will not wait for others,” said Jane Roe."], (other,))
    assert result.entities[0].id == "jane-roe-2"


def test_one_word_speakers_are_organisations() -> None:
    result = suggest(["“Shipments will resume next month,” Nvidia said."], ())
    assert [(e.name, e.kind) for e in result.entities] == [("Nvidia", "organisation")]


def test_an_alias_names_the_entity() -> None:
    quote = only_quote("“AI must serve everyone,” Premier Li said.", (CHEN, LI))
    assert quote.fields["speaker"] == "li-qiang"


# ------------------------------------------------------------------ reported speech


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Li said that China will share its technology with other nations.",
            "said that China will share its technology with other nations",
        ),
        (
            "Li emphasized the fragmented nature of current global AI governance.",
            "emphasized the fragmented nature of current global AI governance",
        ),
        (
            "Li noted how China may attract participants from its partners.",
            "noted how China may attract participants from its partners",
        ),
        (
            "Li cautioned that monopolistic practices could reduce AI innovation.",
            "cautioned that monopolistic practices could reduce AI innovation",
        ),
    ],
)
def test_reported_speech_is_an_indirect_quote_of_the_clause(text: str, clause: str) -> None:
    found = quotes(suggest([text], (LI,)))
    assert [(q.exact, q.fields["speaker"], q.fields["direct"]) for q in found] == [
        (clause, "li-qiang", False)
    ]
    assert found[0].why.startswith("reported speech")


def test_reported_speech_by_he_and_by_and_said() -> None:
    result = suggest(
        [
            "Premier Li Qiang said the plan was ready. "
            "He emphasized the plan for integrating the tech across industries and said the "
            "country was willing to help other nations."
        ],
        (LI,),
    )
    assert [(q.exact, q.fields["speaker"]) for q in quotes(result)] == [
        ("said the plan was ready", "li-qiang"),
        ("emphasized the plan for integrating the tech across industries", "li-qiang"),
        ("said the country was willing to help other nations", "li-qiang"),
    ]


def test_said_after_a_quotation_is_not_also_reported_speech() -> None:
    result = suggest(
        ["“China clearly wants to stick to the multilateral approach,” Chen said."], (CHEN,)
    )
    assert [q.fields["direct"] for q in quotes(result)] == [True]


# ------------------------------------------------------------------ scare quotes


@pytest.mark.parametrize(
    "text",
    [
        "The plan calls to reduce alleged “woke” bias in AI models.",
        "Premier Li emphasized China’s “AI plus” plan across industries.",
        'The so-called "national champions" grew fast.',
    ],
)
def test_scare_quotes_are_not_quotations(text: str) -> None:
    assert not quotes(suggest([text], (LI,)), direct=True)


def test_a_one_word_quotation_a_verb_introduces_is_one() -> None:
    huang = entity("jensen-huang", "Jensen Huang")
    found = quotes(
        suggest(
            ["Alternatives that Nvidia CEO Jensen Huang described as “formidable” grew."], (huang,)
        ),
        direct=True,
    )
    assert [(q.exact, q.fields["speaker"]) for q in found] == [("formidable", "jensen-huang")]


# ------------------------------------------------------------------ figures


def only_fact(text: str) -> Suggested:
    found = facts(suggest([text], ()))
    assert len(found) == 1, found
    return found[0]


def test_money_with_currency_and_magnitude() -> None:
    fact = only_fact("U.S. private AI investments reached an astonishing $109.1 billion.")
    assert fact.exact == "$109.1 billion"
    assert fact.fields["value"] == pytest.approx(109.1e9)
    assert fact.fields["unit"] == "USD"
    assert "usd" not in fact.fields and "qualifier" not in fact.fields
    assert fact.fields["metric"]


def test_yuan_with_the_dollars_the_text_gives() -> None:
    """Issue 29: the dollars in brackets are a figure of their own; the yuan keep them."""
    fact, dollars = facts(
        suggest(
            ["Its core AI industry is worth approximately 600 billion yuan (around $84 billion)."],
            (),
        )
    )
    assert fact.exact == "approximately 600 billion yuan"
    assert dollars.exact == "around $84 billion"
    assert dict(fact.fields) | {"metric": ""} == {
        "value": 600e9,
        "unit": "CNY",
        "qualifier": "approximately",
        "usd": 84e9,
        "metric": "",
    }


def test_yuan_without_dollars_has_no_usd() -> None:
    fact = only_fact("The fund holds 60 billion yuan.")
    assert (fact.fields["value"], fact.fields["unit"]) == (60e9, "CNY")
    assert "usd" not in fact.fields


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("Exports fell 12.5% last quarter.", 12.5, "%", None),
        ("Exports fell by nearly 12 percent.", 12.0, "%", "nearly"),
        ("China has more than 5,000 AI companies.", 5000.0, "companies", "more than"),
        ("Leaders came from over forty nations.", 40.0, "nations", "over"),
        ("It published a 28-page plan.", 28.0, "pages", None),
        ("Shipments resumed after a roughly three-month pause.", 3.0, "months", "roughly"),
        ("The U.S. leads by nearly a factor of twelve.", 12.0, "ratio", "nearly"),
        ("He praised them during his third trip to China.", 3.0, "trips", None),
        ("The model cost $5.6 million to train.", 5.6e6, "USD", None),
    ],
)
def test_figures(text: str, value: float, unit: str, qualifier: str | None) -> None:
    fact = only_fact(text)
    assert fact.fields["value"] == pytest.approx(value)
    assert fact.fields["unit"] == unit
    assert fact.fields.get("qualifier") == qualifier


def test_a_range_keeps_its_low_end_and_says_so() -> None:
    fact = only_fact("Spending rose by 10-20% in most provinces.")
    assert fact.fields["value"] == 10.0
    assert "range 10 to 20" in str(fact.fields["qualifier"])
    money = only_fact("Each plant costs $10 billion to $20 billion.")
    assert (money.fields["value"], money.fields["unit"]) == (10e9, "USD")
    assert "range" in money.why


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In 2024, U.S. private AI investments reached $109.1 billion.", "2024"),
        ("Between 2013 and 2023, state firms injected approximately $209 billion.", "2013–2023"),
        (
            "Between 2013 and 2023, state firms injected approximately $209 billion.".lower(),
            "2013–2023",
        ),
    ],
)
def test_the_period_comes_from_the_sentence(text: str, period: str) -> None:
    assert only_fact(text).fields["period"] == period


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the plan was published.",  # a year alone
        "The tech race between the world’s two largest economies intensified.",
        "“The two camps are now being formed,” he said.",
        "Nvidia resumed shipments of the H20 chip; COVID-19 cases fell.",
        "Between 2013 and 2023 much changed.",
    ],
)
def test_not_figures(text: str) -> None:
    assert not facts(suggest([text], ()))


# ------------------------------------------------------------------ dated events


def test_a_weekday_is_dated_from_the_published_date() -> None:
    published = dt.date(2025, 7, 28)  # a Monday
    result = suggest(
        ["China on Saturday released a global action plan for artificial intelligence."],
        (),
        published,
    )
    [event] = events(result)
    assert event.fields["date"] == dt.date(2025, 7, 26)
    assert (
        event.exact == "China on Saturday released a global action plan for artificial intelligence"
    )
    on_the_day = suggest(["The delegates met on Monday in Geneva."], (), published)
    assert events(on_the_day)[0].fields["date"] == published


def test_a_weekday_without_a_published_date_is_the_text() -> None:
    [event] = events(suggest(["Schmidt met with Chen Jining on Thursday in the city."], ()))
    assert event.fields["date"] == "Thursday"


def test_a_full_date_and_a_date_without_a_year() -> None:
    [full] = events(suggest(["On July 23, 2025, the White House released its AI plan."], ()))
    assert full.fields["date"] == dt.date(2025, 7, 23)
    assert full.exact == "the White House released its AI plan"
    [partial] = events(
        suggest(["On July 28, the conference closed in Shanghai."], (), dt.date(2025, 7, 30))
    )
    assert partial.fields["date"] == dt.date(2025, 7, 28)
    [last_year] = events(
        suggest(["On December 30, the ministry issued new rules."], (), dt.date(2025, 7, 30))
    )
    assert last_year.fields["date"] == dt.date(2024, 12, 30)
    [text] = events(suggest(["On July 28, the conference closed in Shanghai."], ()))
    assert text.fields["date"] == "July 28"


def test_a_relative_date_is_the_text() -> None:
    [event] = events(suggest(["Days earlier, Trump announced an American action plan."], ()))
    assert event.fields["date"] == "Days earlier"
    assert event.exact == "Trump announced an American action plan"


# ------------------------------------------------------------------ anchoring


def test_words_that_repeat_get_a_prefix_that_picks_them() -> None:
    paragraphs = (
        "Chips cost $5 billion in 2023.",
        "The state invested $5 billion, officials said.",
    )
    found = facts(suggest(paragraphs, ()))
    assert [(f.exact, f.paragraph) for f in found] == [("$5 billion", 0), ("$5 billion", 1)]
    for fact in found:
        assert fact.prefix or fact.suffix
        places = find_all(paragraphs, fact.exact, fact.prefix, fact.suffix)
        assert [p.paragraph for p in places] == [fact.paragraph]


def test_every_suggestion_anchors_once() -> None:
    paragraphs = (
        "“We will grow,” said Jane Roe. “We will grow,” said John Doe.",
        "On Saturday, it spent $3 billion. On Sunday, it spent $3 billion.",
    )
    result = suggest(paragraphs, (), dt.date(2025, 7, 28))
    assert len(quotes(result, direct=True)) == 2
    for item in result.highlights:
        assert len(find_all(paragraphs, item.exact, item.prefix, item.suffix)) == 1, item


def test_words_no_prefix_can_tell_apart_are_dropped() -> None:
    # the same sentence twice in one paragraph and nothing around it differs within reach
    sentence = "“We will grow,” said Jane Roe. "
    result = suggest([sentence * 2], ())
    for item in result.highlights:
        assert len(find_all((sentence * 2,), item.exact, item.prefix, item.suffix)) == 1


# ------------------------------------------------------------------ ids


def test_ids() -> None:
    assert slug_words("The two camps are now being formed", 3) == "two-camps-now"
    assert slug_words("", 3) == "" and slug_words("the of a", 2) == "the-of"
    assert unique_id("f-x", {"f-x", "f-x-2"}) == "f-x-3"
    assert (
        quote_id("george-chen", "The two camps are now being formed", set())
        == "q-chen-two-camps-now"
    )
    assert (
        fact_id("Private AI investment", {"f-private-ai-investment"}) == "f-private-ai-investment-2"
    )
    assert entity_id("Kao Kim Hourn", set()) == "kao-kim-hourn"
    assert entity_id("Zoë Ågren", set()) == "zoe-agren"


# ------------------------------------------------------------------ hostile text


@pytest.mark.parametrize(
    "paragraphs",
    [
        [],
        [""],
        ["   ", "\n"],
        ["“An opening mark and no closing one, said George Chen."],
        ["A closing mark alone,” said Chen. And “another “nested” one."],
        ['"Straight quotes, unbalanced," said Chen, "and more'],
        ["x" * 10_000],
        [("“Words,” said George Chen. $5 billion, 12%, on Saturday. " * 200)[:10_000]],
        ["Chen said \x00 that \x1b[31m 12% \x07 of \u202e \x00 were lost\x00."],
        ["\x00", "\x00\x00"],
        ["Premier " * 2000],
        ["$" * 5000 + "5 billion"],
        ["On February 30, 2025, nothing happened at all."],
        ["“" * 3000 + "”" * 3000],
    ],
)
def test_hostile_text_does_not_crash(paragraphs: list[str]) -> None:
    result = suggest(paragraphs, (CHEN,), dt.date(2025, 7, 28))
    text = tuple(p.replace("\x00", " ") for p in paragraphs)
    for item in result.highlights:
        assert item.exact and "\x00" not in item.exact
        assert len(find_all(text, item.exact, item.prefix, item.suffix)) == 1


# ------------------------------------------------------------------ text the rules were not written on


def test_a_lower_case_title_before_the_name_and_a_second_quotation() -> None:
    result = suggest(
        [
            "“We are not seeking confrontation,” ministry spokesperson He Yadong told "
            "reporters. “But we will defend our interests.”"
        ],
        (),
    )
    assert [q.fields["speaker"] for q in quotes(result, direct=True)] == ["he-yadong"] * 2
    assert [(e.name, e.role) for e in result.entities] == [("He Yadong", "ministry spokesperson")]


def test_said_in_a_place_that() -> None:
    found = quotes(suggest(["Sam Altman said in a blog post that the company has grown."], ()))
    assert [q.exact for q in found] == ["said in a blog post that the company has grown"]


def test_the_is_not_part_of_a_proposed_name() -> None:
    result = suggest(["The European Commission warned that the measures could cost jobs."], ())
    assert [e.name for e in result.entities] == ["European Commission"]


def test_former_stays_in_the_role_the_text_gives() -> None:
    """ "former Google CEO Eric Schmidt" was proposed as "Google CEO": the article's word
    "former" was lost, and with it the truth of the role."""
    found = suggest(
        ["Figures from the tech industry, including former Google CEO Eric Schmidt, urged a "
         "united front between the U.S. and China."], ()
    )  # fmt: skip
    assert [(e.name, e.role) for e in found.entities] == [("Eric Schmidt", "former Google CEO")]
