"""core/json_text.py writes what `json.dump(..., indent=2)` writes, to the byte, with lists
given as `Streamed` written an item at a time (issue 34)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aiplan_tui.core.json_text import Members, Raw, Streamed, ascii_escaped, quoter, write_json

VALUES: list[Any] = [
    {},
    [],
    'naïve “quotes” 😀 \u2028 \x00 \\ "',
    {"a": [], "b": {}, "c": [1, 2.5, -0.0, 1e300, None, True, False, "x"], "d": {"e": [[]]}},
    [float("nan"), float("inf"), float("-inf"), 10**30, 3.0],
    {"tuple": (1, ("two", 3)), "nested": [{"x": [{"y": "z"}]}]},
]


def written(value: Any, ascii_only: bool) -> str:
    parts: list[str] = []
    write_json(parts.append, value, ascii_only)
    return "".join(parts)


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("value", VALUES)
def test_the_text_is_json_dumps_text(value: Any, ascii_only: bool) -> None:
    assert written(value, ascii_only) == json.dumps(value, indent=2, ensure_ascii=ascii_only)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_streamed_lists_at_any_depth_are_written_as_lists(ascii_only: bool) -> None:
    made: list[int] = []

    def items(n: int) -> Any:
        for number in range(n):
            made.append(number)
            yield {"n": number, "words": ["é", number]}

    value = {"top": 1, "empty": Streamed(items(0)), "inner": {"list": Streamed(items(3))}}
    expected = {
        "top": 1,
        "empty": [],
        "inner": {"list": [{"n": n, "words": ["é", n]} for n in range(3)]},
    }
    assert written(value, ascii_only) == json.dumps(expected, indent=2, ensure_ascii=ascii_only)
    two = [{"n": n, "words": ["é", n]} for n in range(2)]
    assert written(Streamed(items(2)), ascii_only) == json.dumps(
        two, indent=2, ensure_ascii=ascii_only
    )
    assert made == [0, 1, 2, 0, 1]  # each item made once, as it is written


def test_what_json_cannot_hold_is_refused_as_json_dumps_refuses() -> None:
    for bad in ({1: "key"}, {"set": {1}}):
        with pytest.raises(TypeError):
            written(bad, False)


def test_text_escaped_to_ascii_is_what_json_dumps_writes_with_ensure_ascii() -> None:
    data = {"extra": "naïve “quotes” 😀 \u2028", "plain": "ascii", "list": ["é"]}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert ascii_escaped(text) == json.dumps(data, indent=2)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_members_are_written_as_the_dict_of_their_keys_and_values(ascii_only: bool) -> None:
    values: list[Any] = [None, True, False, 0, -7, 10**20, [], ["é", 1], {}, {"a": None}, "ü"]
    names = [f"k{n}" for n in range(len(values))]
    members = Members(tuple(map(quoter(True), names)), values)
    expected = json.dumps(dict(zip(names, values, strict=True)), indent=2, ensure_ascii=ascii_only)
    assert written(members, ascii_only) == expected
    assert written([members], ascii_only) == json.dumps(
        [dict(zip(names, values, strict=True))], indent=2, ensure_ascii=ascii_only
    )


@pytest.mark.parametrize("ascii_only", [False, True])
def test_raw_text_is_written_as_made_and_escaped_for_ascii(ascii_only: bool) -> None:
    """Stored text made at its place, one or more items: the same as the items written."""
    items = [{"name": "Genève 😀", "n": 1}, {"name": "plain", "n": 2}]
    at_level_two = written({"x": [items[0], items[1]]}, False).split("[\n    ", 1)[1]
    stored = at_level_two.rsplit("\n  ]", 1)[0]  # both items' text, as a file's is stored
    value = {"top": Raw('{\n    "id": "ü"\n  }'), "list": Streamed([Raw(stored)])}
    expected = {"top": {"id": "ü"}, "list": items}
    assert written(value, ascii_only) == json.dumps(expected, indent=2, ensure_ascii=ascii_only)
