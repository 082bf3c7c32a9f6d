"""`dataclass` and `field` for the classes a warm search makes, at almost no cost to define
(issue 34): the standard library's `dataclass` compiles each method of each class from source
as it is imported (a millisecond a class), and importing `dataclasses` imports `inspect`,
`ast`, `dis` and `tokenize` (6 ms of a search's start). Here the methods are shared functions
that read the class's field names.

A module uses them as

    if TYPE_CHECKING:
        from dataclasses import dataclass
    else:
        from aiplan_tui.core.light_dataclass import dataclass

so the type checker sees the standard `dataclass`, and what such a class does is what the
standard one makes: `__init__` (positional or keyword, defaults, `field(default_factory=...)`),
`__repr__`, `__eq__`, `__hash__` (frozen) or none (not frozen), frozen instances that raise
`dataclasses.FrozenInstanceError`, `__match_args__`; a method the class defines itself is
kept (a class made by the thousand writes its own `__init__`: the shared one takes three
times as long). `dataclasses.fields`, `replace`, `asdict` and `is_dataclass` work on it as on any
dataclass: what they read (`__dataclass_fields__`, `__dataclass_params__`) is made by the
standard `dataclass`, on a twin of the class, when first asked for. Only `frozen` is taken
as an option, and a class may not inherit fields; a test holds all of this to the standard
library's behaviour."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from typing import Any

_CLASS_VARIABLE = ("ClassVar", "typing.ClassVar")
"""How a class variable's annotation starts (annotations are strings: `from __future__`)."""


class _Factory:
    """What `field(default_factory=...)` gives: called for each instance."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made afresh for each instance."""
    return _Factory(default_factory)


def dataclass(cls: type | None = None, /, *, frozen: bool = False) -> Any:
    """The class with a dataclass's methods (see the module's docstring)."""

    def wrap(cls: type) -> type:
        return _made(cls, frozen)

    return wrap if cls is None else wrap(cls)


def _made(cls: type, frozen: bool) -> type:
    if any("__dataclass_fields__" in vars(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a light dataclass inherits no fields")
    own = vars(cls)
    annotations: dict[str, str] = dict(own.get("__annotations__", {}))
    names = tuple(
        name for name, hint in annotations.items() if not str(hint).startswith(_CLASS_VARIABLE)
    )
    defaults = {name: own[name] for name in names if name in own}
    for name, value in defaults.items():
        if isinstance(value, _Factory):  # (the standard one leaves no class attribute for it)
            delattr(cls, name)
    methods: dict[str, Any] = {
        "__init__": _init(cls, names, defaults, frozen),
        "__repr__": _repr(names),
        "__eq__": _eq(names),
        "__match_args__": names,
    }
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _frozen(cls, names)
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    for name, method in methods.items():
        if name not in own:
            setattr(cls, name, method)
    if not explicit_hash:
        cls.__hash__ = _hash(names) if frozen else None  # type: ignore[assignment]
    # The twin is given the fields' annotations only: a class variable whose ClassVar is
    # imported for the type checker alone would be taken by the standard dataclass for a field.
    fields = {name: annotations[name] for name in names}
    for name in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, name, _Twin(name, cls, fields, defaults, frozen))
    return cls


def _init(
    cls: type, names: tuple[str, ...], defaults: dict[str, Any], frozen: bool
) -> Callable[..., None]:
    count = len(names)
    least = sum(name not in defaults for name in names)
    put = object.__setattr__ if frozen else setattr
    post_init = hasattr(cls, "__post_init__")  # then called as the instance has it (a subclass's)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) == count and not kwargs:  # the commonest call: every field in order
            for name, value in zip(names, args, strict=True):
                put(self, name, value)
            if post_init:
                self.__post_init__()
            return
        if len(args) > count:
            takes = f"{count + 1}" if least == count else f"from {least + 1} to {count + 1}"
            raise TypeError(
                f"{cls.__qualname__}.__init__() takes {takes} positional arguments "
                f"but {len(args) + 1} were given"
            )
        for name, value in zip(names, args, strict=False):
            if name in kwargs:
                raise TypeError(
                    f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}"
                )
            put(self, name, value)
        for name in names[len(args) :]:
            if name in kwargs:
                value = kwargs.pop(name)
            elif name in defaults:
                value = defaults[name]
                if isinstance(value, _Factory):
                    value = value.make()
            else:
                raise TypeError(
                    f"{cls.__qualname__}.__init__() missing 1 required positional argument: "
                    f"{name!r}"
                )
            put(self, name, value)
        if len(kwargs) > count - len(args) or any(name not in names for name in kwargs):
            unexpected = next(name for name in kwargs if name not in names)
            raise TypeError(
                f"{cls.__qualname__}.__init__() got an unexpected keyword argument {unexpected!r}"
            )
        if post_init:
            self.__post_init__()

    return __init__


def _repr(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _eq(names: tuple[str, ...]) -> Callable[[Any, object], Any]:
    values = _values(names)

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(names: tuple[str, ...]) -> Callable[[Any], int]:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The instance's fields' values, as a tuple (whatever their number)."""
    if len(names) == 1:
        (name,) = names
        return lambda self: (getattr(self, name),)
    if not names:
        return lambda self: ()
    return attrgetter(*names)


def _frozen(
    cls: type, names: tuple[str, ...]
) -> tuple[Callable[[Any, str, Any], None], Callable[[Any, str], None]]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __setattr__, __delattr__


class _Twin:
    """`__dataclass_fields__` or `__dataclass_params__`, made when first read: the standard
    `dataclass` applied to a class of the same name, fields and defaults, whose two are then
    the class's own (in place of these)."""

    def __init__(self, name: str, cls: type, annotations: dict[str, str],
                 defaults: dict[str, Any], frozen: bool) -> None:  # fmt: skip
        self.name, self.cls, self.frozen = name, cls, frozen
        self.annotations, self.defaults = annotations, defaults

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        import dataclasses

        cls = self.cls
        body: dict[str, Any] = {
            "__annotations__": dict(self.annotations),
            "__module__": cls.__module__,
            "__qualname__": cls.__qualname__,
        }
        for name in self.annotations:  # the fields' plain defaults
            if name in vars(cls):
                body[name] = vars(cls)[name]
        for name, value in self.defaults.items():
            if isinstance(value, _Factory):
                body[name] = dataclasses.field(default_factory=value.make)
        made: Any = dataclasses.dataclass(frozen=self.frozen)(type(cls.__name__, (), body))
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            setattr(cls, name, getattr(made, name))
        return getattr(made, self.name)
