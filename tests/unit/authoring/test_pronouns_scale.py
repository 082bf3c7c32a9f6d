"""Learning who an article calls "he" or "she" grows in step with one long paragraph (issue
28): each sentence looked at every mention of its paragraph, so a paragraph of a megabyte took
the square of its mentions. Counted, not timed: the positions compared are counted."""

from __future__ import annotations

from aiplan_tui.authoring.pronouns import pronoun_genders


class Place(int):
    """A mention's position that counts how often it is compared."""

    compared = 0

    def _count(self) -> None:
        Place.compared += 1

    def __lt__(self, other: object) -> bool:
        self._count()
        return int(self) < int(other)  # type: ignore[call-overload]

    def __le__(self, other: object) -> bool:
        self._count()
        return int(self) <= int(other)  # type: ignore[call-overload]

    def __gt__(self, other: object) -> bool:
        self._count()
        return int(self) > int(other)  # type: ignore[call-overload]

    def __ge__(self, other: object) -> bool:
        self._count()
        return int(self) >= int(other)  # type: ignore[call-overload]


def genders_of_one_paragraph(sentences: int) -> tuple[dict[str, str], int]:
    names = ["Ana Ruiz", "Tom Hale"]
    parts, mentions = [], []
    at = 0
    for number in range(sentences):
        name = names[number % 2]
        sentence = f"{name} said {'she' if number % 2 == 0 else 'he'} would wait. "
        mentions.append((0, Place(at), name))
        parts.append(sentence)
        at += len(sentence)
    Place.compared = 0
    found = pronoun_genders(["".join(parts)], mentions)  # type: ignore[list-item]
    return found, Place.compared


def test_each_sentence_names_its_person_and_pronoun() -> None:
    found, _ = genders_of_one_paragraph(10)
    assert found == {"Ana Ruiz": "she", "Tom Hale": "he"}


def test_the_work_grows_in_step_with_one_long_paragraph() -> None:
    work = {size: genders_of_one_paragraph(size)[1] for size in (200, 800)}
    assert 0 < work[800] < 8 * work[200], work  # four times the sentences: 16 times if square
