"""core/light_dataclass.py: a class it makes behaves as the standard `dataclass` makes it."""

from __future__ import annotations

import dataclasses
import pickle
import sys
import types
from typing import Any, ClassVar

import pytest

from aiplan_tui.core import light_dataclass as light


def body(make: Any, factory: Any, frozen: bool) -> type:
    class Thing:
        """A thing."""

        name: str
        size: int = 3
        tags: tuple[str, ...] = factory(default_factory=tuple)
        kind: ClassVar[str] = "thing"

        def twice(self) -> int:
            return self.size * 2

    made: type = make(frozen=frozen)(Thing)
    made.__qualname__ = made.__name__ = f"Thing{int(frozen)}{make.__module__.split('.')[-1]}"
    globals()[made.__name__] = made  # (pickle finds a class by its module and name)
    return made


TWINS = {
    frozen: [
        body(dataclasses.dataclass, dataclasses.field, frozen),
        body(light.dataclass, light.field, frozen),
    ]
    for frozen in (True, False)
}


def twins(frozen: bool) -> list[type]:
    """The same class body made by the standard `dataclass` and by the light one."""
    return TWINS[frozen]


@pytest.mark.parametrize("frozen", [True, False])
def test_what_an_instance_does_is_the_same(frozen: bool) -> None:
    said: list[list[Any]] = []
    for cls in twins(frozen):
        a, b, c = cls("x"), cls("x", 3), cls(name="y", size=4, tags=("t",))
        seen: list[Any] = [
            repr(a).split("(")[1],
            repr(c).split("(")[1],
            a == b,
            a == c,
            a != b,
            a == ("x", 3, []),
        ]
        seen += [cls.__match_args__, cls.kind, getattr(cls, "size", None), hasattr(cls, "tags")]
        seen += [a.twice(), cls.__hash__ is None]
        seen += [hash(a) == hash(b) if frozen else None]
        seen += [dataclasses.is_dataclass(cls), dataclasses.is_dataclass(a)]
        seen += [[(f.name, f.type, f.default) for f in dataclasses.fields(cls)]]
        seen += [dataclasses.asdict(c), repr(dataclasses.replace(c, size=9)).split("(")[1]]
        seen += [dataclasses.astuple(a), pickle.loads(pickle.dumps(c)) == c]
        seen += [cls.__dataclass_params__.frozen]
        calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
            ((), {}), (("x", 1, (), 2), {}), (("x",), {"name": "y"}), (("x",), {"bogus": 1}),
        ]  # fmt: skip
        for args, kwargs in calls:
            with pytest.raises(TypeError) as error:
                cls(*args, **kwargs)
            seen.append(str(error.value).split("__init__()")[-1])
        try:
            a.size = 5
            seen.append(a.size)
        except dataclasses.FrozenInstanceError as exc:
            seen.append(str(exc))
        try:
            del a.size
            seen.append(hasattr(a, "size"))
        except dataclasses.FrozenInstanceError as exc:
            seen.append(str(exc))
        said.append(seen)
    assert said[1] == said[0]


def test_a_subclass_may_set_attributes_that_are_not_fields() -> None:
    """As `cli/context.py`'s does: a frozen class's subclass sets its own attributes."""
    said = []
    for cls in twins(frozen=True):

        class Sub(cls):  # type: ignore[valid-type, misc]
            pass

        sub = Sub("x")
        sub.extra = 1
        with pytest.raises(dataclasses.FrozenInstanceError):
            sub.name = "y"
        said.append((sub.extra, repr(sub).split("(")[1], dataclasses.fields(sub)[0].name))
    assert said[1] == said[0]


def test_a_method_the_class_defines_is_kept() -> None:
    @light.dataclass(frozen=True)
    class Shown:
        text: str

        def __repr__(self) -> str:
            return "mine"

    assert repr(Shown("x")) == "mine"


def test_inherited_fields_are_refused() -> None:
    @dataclasses.dataclass
    class Base:
        a: int

    with pytest.raises(TypeError):

        @light.dataclass
        class Child(Base):
            b: int


PROBE = '''
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import ClassVar
else:
    from aiplan_tui.core.light_dataclass import dataclass


@dataclass(frozen=True)
class Probe:
    """A class variable whose ClassVar only the type checker imports."""

    a: int
    kind: ClassVar[str] = "k"
'''


def test_a_class_variable_typed_for_the_checker_alone_is_no_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("light_probe")
    monkeypatch.setitem(sys.modules, "light_probe", module)
    exec(compile(PROBE, "light_probe.py", "exec"), module.__dict__)
    probe = module.Probe(1)
    assert [f.name for f in dataclasses.fields(probe)] == ["a"]
    assert dataclasses.replace(probe, a=2) == module.Probe(2)
    assert module.Probe.kind == "k"


def test_post_init_is_the_instances_own_as_with_the_standard_dataclass() -> None:
    seen = []
    for make in (dataclasses.dataclass, light.dataclass):

        @make
        class Base:
            """A base whose subclass overrides what follows its init."""

            a: int

            def __post_init__(self) -> None:
                self.seen = "base"

        class Sub(Base):
            def __post_init__(self) -> None:
                self.seen = "sub"

        seen.append((Base(1).seen, Sub(1).seen, Sub(a=1).seen))
    assert seen[1] == seen[0] == ("base", "sub", "sub")
