"""core/light_tuple.py: a named tuple it makes is what typing's `NamedTuple` makes."""

from __future__ import annotations

import pickle
import typing
from typing import Any

import pytest

from aiplan_tui.core import light_tuple


def body(base: Any) -> type:
    class Place(base):  # type: ignore[misc, valid-type]
        """Where a thing is."""

        article: str
        paragraph: int = 0
        tags: frozenset[str] = frozenset()
        SHOWN = "¶"

        def label(self) -> str:
            return f"{self.article} {self.SHOWN}{self.paragraph + 1}"

    made: type = Place
    made.__qualname__ = made.__name__ = f"Place{base.__module__.split('.')[-1]}"
    globals()[made.__name__] = made  # (pickle finds a class by its module and name)
    return made


TWINS = [body(typing.NamedTuple), body(light_tuple.NamedTuple)]


def annotations(cls: type) -> dict[str, str]:
    """The fields' annotations as written (typing's makes each a ForwardRef of the string)."""
    return {
        name: getattr(hint, "__forward_arg__", hint) for name, hint in cls.__annotations__.items()
    }


def test_what_a_named_tuple_does_is_the_same() -> None:
    said = []
    for cls in TWINS:
        a, b = cls("a1"), cls("a1", 2, frozenset({"x"}))
        said.append([
            repr(a).split("(", 1)[1], a == ("a1", 0, frozenset()), a == b, hash(a) == hash(cls("a1")),
            cls._fields, cls._field_defaults, cls.__doc__, annotations(cls), b.label(),
            isinstance(a, tuple), b._asdict(), b._replace(paragraph=5).paragraph,
            pickle.loads(pickle.dumps(b)) == b, cls._make(["z", 1, frozenset()]).article,
            cls.__module__, tuple(cls.__mro__[1:]),
        ])  # fmt: skip
    assert said[1] == said[0]


@pytest.mark.parametrize("base", [typing.NamedTuple, light_tuple.NamedTuple])
def test_a_field_without_a_default_after_one_with_is_refused(base: Any) -> None:
    with pytest.raises(TypeError):

        class Wrong(base):  # type: ignore[misc, valid-type]
            a: int = 0
            b: int


@pytest.mark.parametrize("base", [typing.NamedTuple, light_tuple.NamedTuple])
def test_its_own_methods_are_not_overwritten(base: Any) -> None:
    with pytest.raises(AttributeError):

        class Wrong(base):  # type: ignore[misc, valid-type]
            a: int

            def _asdict(self) -> dict[str, Any]:
                return {}
