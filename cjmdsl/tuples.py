"""`NamedTuple`: the class `typing.NamedTuple` makes of a class body, for a third of its cost.

typing checks each field's annotation as it makes the class. Under `from __future__ import
annotations` every annotation is a string, which it compiles (a `ForwardRef`) and never uses
again: two thirds of the 0.5 ms one class took, and a render defines about 60 of them (the
geometry's pieces, the lanes, the rows): some 20 ms of every cold start. The class made here
is the same: `collections.namedtuple`'s, with the body's docstring, methods, properties and
annotations (kept as the strings they are), its defaults, and typing's two refusals.
"""
from __future__ import annotations

import collections

# What typing.NamedTuple refuses in a class body, and what it does not copy onto the class.
_REFUSED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                      "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_NOT_COPIED = frozenset({"__module__", "__name__", "__annotations__"})


class _MakesNamedTuples(type):
    def __new__(cls, name: str, bases: tuple, body: dict):
        annotations = body.get("__annotations__", {})
        defaulted: list[str] = []
        for field in annotations:
            if field in body:
                defaulted.append(field)
            elif defaulted:
                raise TypeError(f"Non-default namedtuple field {field} cannot follow default "
                                f"field{'s' if len(defaulted) > 1 else ''} {', '.join(defaulted)}")
        defaults = [body[field] for field in defaulted]
        made = collections.namedtuple(name, annotations, defaults=defaults,
                                      module=body["__module__"])
        made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
        for key, value in body.items():
            if key in _REFUSED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NOT_COPIED and key not in made._fields:
                setattr(made, key, value)
        return made


NamedTuple = type.__new__(_MakesNamedTuples, "NamedTuple", (), {
    "__doc__": "Subclass it as `typing.NamedTuple`: `class Box(NamedTuple): x: float`."})
