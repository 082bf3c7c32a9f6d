"""`NamedTuple` for the named tuples a warm search defines, without importing `typing` at
start-up (issue 34: typing, and the contextlib it imports, were 3 ms of a search's start).

A module uses it as

    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from aiplan_tui.core.light_tuple import NamedTuple

so the type checker sees typing's, and `class Doc(NamedTuple): ...` makes what typing's makes:
`collections.namedtuple` of the annotated fields, with their defaults, the class's docstring,
annotations (as the strings written, where typing's makes each a `ForwardRef` of the string)
and methods (a test holds it to typing's)."""

from __future__ import annotations

from collections import namedtuple

_SPECIAL = frozenset({"__module__", "__qualname__", "__annotations__", "__doc__"})
_PROHIBITED = frozenset({
    "__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make",
    "_replace", "_asdict", "_source",
})  # fmt: skip


class _Making(type):
    """The metaclass of `NamedTuple`: a class deriving from it is made a named tuple."""

    def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, object]) -> type:
        if not bases:  # `NamedTuple` itself
            return super().__new__(cls, name, bases, body)
        annotations = dict(body.get("__annotations__", {}))  # type: ignore[call-overload]
        fields = list(annotations)
        defaults = [body[name] for name in fields if name in body]
        first = next((n for n, f in enumerate(fields) if f in body), len(fields))
        if any(f not in body for f in fields[first:]):
            raise TypeError(f"{name}: a field without a default after one with a default")
        made = namedtuple(name, fields, defaults=defaults, module=str(body["__module__"]))  # type: ignore[misc]
        made.__annotations__ = made.__new__.__annotations__ = annotations
        if body.get("__doc__") is not None:
            made.__doc__ = str(body["__doc__"])
        for key, value in body.items():
            if key in _PROHIBITED:
                raise AttributeError(f"cannot overwrite NamedTuple attribute {key}")
            if key not in _SPECIAL and key not in fields:
                setattr(made, key, value)
        return made


class NamedTuple(metaclass=_Making):
    """Derive a class from this to make it a named tuple of its annotated fields."""
