"""How close `authoring.suggest` comes to the editors' hand-made highlights of the bundled
pack (issue 19). Not a test: it prints figures and misses.

Run: PYTHONPATH=tui python tests/benchmarks/suggest_bench.py

Two cases: with the pack's entities, and with none (the "empty pack" a first `add` meets,
where speakers must be proposed entities: a speaker counts as right when the proposed name
is the editors' entity's name or one of its aliases).

- Direct quotations: an editors' direct quote is found when a suggested direct quote overlaps
  it in the same paragraph; its speaker is right as above. Targets: 100 % found, ≥ 90 % right.
- Figures: an editors' fact is found when a suggested fact overlaps it with the same value and
  unit (recall); a suggested fact is right when it is such a match (precision). Targets:
  recall ≥ 90 %, precision ≥ 80 %. The editors' facts include two years ("Since 2022",
  "since 2017", unit year) and an ordinal ("his third trip", 3 trips): they are counted, and
  listed below as the rules that cover them.
- Events: the editors' events that have a date, found with the same date. Undated events are
  out of scope (the rules only suggest dated clauses) and listed.
- Suggested quotations that overlap none of the editors' are listed under "wrong".
- Caution: the rules were written with these two articles in view, so these figures are
  in-sample; a new article will do worse.
- Reported speech (no target): editors' indirect quotes overlapped by a suggested indirect
  quote, and with the right speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiplan_tui.authoring.suggest import Suggested, Suggestions, suggest
from aiplan_tui.core.model import Article, Entity, Event, Fact, Highlight, Pack, Quote
from aiplan_tui.pack.anchors import find_all
from aiplan_tui.pack.loader import load_pack
from aiplan_tui.paths import bundled_content_dir

OUT_OF_SCOPE_NOTE = {
    "f-us-restrictions-since-2022": "a year ('Since 2022'): covered by the since-year rule",
    "f-china-genai-patents": "a year ('since 2017'): covered by the since-year rule",
    "f-huang-third-trip": "an ordinal ('his third trip'): covered by the his/her/its ordinal rule",
}


def span(article: Article, item: Suggested) -> tuple[int, int, int] | None:
    places = find_all(article.paragraphs, item.exact, item.prefix, item.suffix)
    if len(places) != 1:
        return None
    return places[0].paragraph, places[0].start, places[0].end


def overlaps(highlight: Highlight, place: tuple[int, int, int] | None) -> bool:
    if place is None:
        return False
    here = highlight.location
    return place[0] == here.paragraph and place[1] < here.end and here.start < place[2]


def same_number(a: object, b: float) -> bool:
    return isinstance(a, (int, float)) and abs(float(a) - b) <= 1e-9 * max(1.0, abs(b))


def speaker_right(
    suggested: Suggested, quote: Quote, pack: Pack, result: Suggestions, with_entities: bool
) -> bool:
    said = str(suggested.fields.get("speaker", ""))
    if with_entities:
        return said == quote.speaker
    entity = pack.entity(quote.speaker)
    proposed = next((e for e in result.entities if e.id == said), None)
    if entity is None or proposed is None:
        return False
    return proposed.name.casefold() in {n.casefold() for n in (entity.name, *entity.aliases)}


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.0f} %" if whole else f"{part}/0"


def run(pack: Pack, entities: Sequence[Entity], label: str) -> None:
    print(f"\n=== {label} ===")
    direct_total = direct_found = direct_right = 0
    reported_total = reported_found = reported_right = 0
    fact_total = fact_found = 0
    suggested_facts = suggested_facts_right = 0
    event_total = event_found = 0
    misses: list[str] = []
    wrong: list[str] = []
    out_of_scope: list[str] = []
    proposed: list[str] = []
    for article in pack.articles:
        result = suggest(article.paragraphs, entities, article.published)
        placed = [(item, span(article, item)) for item in result.highlights]
        proposed += [f"{e.id} ({e.kind}, role {e.role!r})" for e in result.entities]
        editors = pack.highlights_in(article.id)
        for h in editors:
            if isinstance(h, Quote):
                candidates = [
                    item
                    for item, place in placed
                    if item.kind == "quote"
                    and item.fields.get("direct") is h.direct
                    and overlaps(h, place)
                ]
                if h.direct:
                    direct_total += 1
                else:
                    reported_total += 1
                if not candidates:
                    kind = "direct" if h.direct else "reported"
                    if h.direct:
                        misses.append(f"{kind} quote {h.id}: not found ({h.exact[:60]!r})")
                    continue
                right = any(speaker_right(c, h, pack, result, bool(entities)) for c in candidates)
                if h.direct:
                    direct_found += 1
                    direct_right += right
                else:
                    reported_found += 1
                    reported_right += right
                if not right:
                    said = candidates[0].fields.get("speaker")
                    kind = "direct" if h.direct else "reported"
                    wrong.append(f"{kind} quote {h.id}: speaker {said!r}, editors {h.speaker!r}")
            elif isinstance(h, Fact):
                fact_total += 1
                hit = any(
                    item.kind == "fact"
                    and overlaps(h, place)
                    and same_number(item.fields.get("value"), h.value)
                    and str(item.fields.get("unit", "")).casefold() == h.unit.casefold()
                    for item, place in placed
                )
                fact_found += hit
                if not hit:
                    misses.append(f"fact {h.id}: {h.value:g} {h.unit} ({h.exact[:60]!r})")
                if h.id in OUT_OF_SCOPE_NOTE:
                    status = "found" if hit else "missed"
                    out_of_scope.append(f"{h.id}: {OUT_OF_SCOPE_NOTE[h.id]} ({status})")
            elif isinstance(h, Event):
                if h.date is None:
                    out_of_scope.append(f"{h.id}: an undated event ({h.exact[:50]!r})")
                    continue
                event_total += 1
                hit = any(
                    item.kind == "event"
                    and overlaps(h, place)
                    and item.fields.get("date") == h.date
                    for item, place in placed
                )
                event_found += hit
                if not hit:
                    misses.append(f"event {h.id}: date {h.date!r} ({h.exact[:60]!r})")
        for item, place in placed:
            if item.kind == "quote" and not any(
                isinstance(h, Quote) and overlaps(h, place) for h in editors
            ):
                wrong.append(f"suggested quote not the editors': {item.exact[:60]!r}")
            if item.kind != "fact":
                continue
            suggested_facts += 1
            ok = any(
                isinstance(h, Fact)
                and overlaps(h, place)
                and same_number(item.fields.get("value"), h.value)
                and str(item.fields.get("unit", "")).casefold() == h.unit.casefold()
                for h in editors
            )
            suggested_facts_right += ok
            if not ok:
                value, unit = item.fields.get("value"), item.fields.get("unit")
                wrong.append(f"suggested fact not the editors': {item.exact!r} {value} {unit}")

    print(f"direct quotations found:        {percent(direct_found, direct_total)}  (target 100 %)")
    print(f"  with the right speaker:       {percent(direct_right, direct_total)}  (target ≥ 90 %)")
    print(f"figures recall (value + unit):  {percent(fact_found, fact_total)}  (target ≥ 90 %)")
    print(
        f"figures precision:              {percent(suggested_facts_right, suggested_facts)}"
        "  (target ≥ 80 %)"
    )
    print(f"dated events, right date:       {percent(event_found, event_total)}")
    print(f"reported speech found:          {percent(reported_found, reported_total)}  (no target)")
    print(f"  with the right speaker:       {percent(reported_right, reported_total)}")
    print("misses:" if misses else "misses: none")
    for line in misses:
        print(f"  - {line}")
    print("wrong:" if wrong else "wrong: none")
    for line in wrong:
        print(f"  - {line}")
    print("years and ordinals, and what is out of scope:")
    for line in out_of_scope:
        print(f"  - {line}")
    if proposed:
        print("proposed entities (per article):")
        for line in proposed:
            print(f"  - {line}")


def main() -> None:
    pack = load_pack(bundled_content_dir()).pack
    run(pack, pack.entities, f"with the pack's {len(pack.entities)} entities")
    run(pack, (), "empty pack (no entities)")


if __name__ == "__main__":
    main()
