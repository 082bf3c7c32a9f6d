"""Generated news-like text for timing `authoring.suggest` (issue 28): paragraphs with
quotations and their speakers, reported speech, money, percentages, counts and dates, with
new names as a long article or a pasted digest brings them. A fixed seed: the same text.

Not a test: `suggest_speed.py` times it; a test imports it to check the work is linear."""

from __future__ import annotations

import random

FIRST = [
    "Ana",
    "Bo",
    "Chen",
    "Dana",
    "Eli",
    "Fei",
    "George",
    "Hana",
    "Ivan",
    "Jun",
    "Kai",
    "Lena",
    "Mira",
    "Nadia",
    "Omar",
    "Pia",
    "Qing",
    "Ravi",
    "Sara",
    "Tom",
    "Uma",
    "Vera",
    "Wei",
    "Xin",
    "Yara",
    "Zoe",
]
LAST = [
    "Adler",
    "Baker",
    "Costa",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Huang",
    "Ibsen",
    "Jones",
    "Kim",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
    "Park",
    "Quinn",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ueda",
    "Vogel",
    "Wang",
    "Xu",
    "Yilmaz",
    "Zhou",
]
ROLES = (
    "an analyst at the Asia Group", "a partner at Northwind Capital", "the trade minister",
    "a professor of economics", "chief executive of Lumen Labs", "a ministry spokesperson",
)  # fmt: skip
TOPICS = (
    "chip exports", "the data centre plan", "the tariff talks", "open models",
    "the subsidy package", "the safety institute", "cloud capacity", "the talent visas",
)  # fmt: skip
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, number: int) -> str:
    """A person's name; every so often one not seen before (a number spelled into it)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if number % 7 == 0:
        last = f"{last}{'abcdefghij'[number % 10]}{'klmnopqrst'[(number // 10) % 10]}"
    return f"{first} {last.capitalize()}"


def _paragraph(rng: random.Random, number: int) -> str:
    who = _name(rng, number)
    topic = rng.choice(TOPICS)
    amount = f"${rng.randint(2, 900)}.{rng.randint(1, 9)} billion"
    share = f"{rng.randint(2, 99)}%"
    count = f"{rng.randint(120, 98000):,} {rng.choice(['workers', 'engineers', 'chips'])}"
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"
    kind = number % 4
    if kind == 0:
        return (
            f"“We will not wait for {topic} to settle itself, and number {number} shows why,” "
            f"said {who}, {rng.choice(ROLES)}. On {date}, the group committed {amount} to "
            f"{topic}, about {share} more than a year earlier."
        )
    if kind == 1:
        return (
            f"{who} said that {topic} would need {count} over the next {rng.randint(2, 9)} "
            f"years, and warned that item {number} of the plan was {share} behind schedule. "
            f"“It is late, but it is moving,” {who.split()[-1]} said."
        )
    if kind == 2:
        return (
            f"On {rng.choice(WEEKDAYS)}, officials in the {rng.choice(LAST)} district said "
            f"spending on {topic} reached {amount} in {rng.randint(2015, 2025)}, against "
            f"{rng.randint(2, 90)} million yuan (about ${rng.randint(1, 9)} million) in the "
            f"first quarter; report {number} puts the rise at {share}."
        )
    return (
        f"According to {who}, {rng.choice(ROLES)}, the {topic} review {number} counted "
        f"{count} and more than {rng.randint(3, 40)} percent of them were new. Days earlier, "
        f"the council had described the figures as “{rng.choice(['formidable', 'uneven'])}”."
    )


def news_text(chars: int, seed: int = 28) -> tuple[str, ...]:
    """Paragraphs of news-like text, about `chars` characters in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        paragraph = _paragraph(rng, len(paragraphs))
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return tuple(paragraphs)
