"""cjmdsl.tuples.NamedTuple makes the class typing.NamedTuple makes, minus the annotation checks."""
from __future__ import annotations

import pickle
import re
import typing
from pathlib import Path

import pytest

from cjmdsl import tuples

REPO = Path(__file__).resolve().parent.parent


def a_piece(base):
    class Piece(base):
        """A piece of a drawing."""
        x: float
        y: float
        label: str = ""
        parts: tuple[Piece, ...] = ()
        KIND = "piece"  # a class attribute, not a field

        @property
        def right(self) -> float:
            return self.x + len(self.label)

        def moved(self, by: float) -> Piece:
            return self._replace(x=self.x + by)

    return Piece


MINE, TYPINGS = a_piece(tuples.NamedTuple), a_piece(typing.NamedTuple)


def test_the_class_is_what_typing_makes():
    for made in (MINE, TYPINGS):
        piece = made(1.0, 2.0, "ab")
        assert isinstance(piece, tuple) and piece == (1.0, 2.0, "ab", ())
        assert repr(piece) == "Piece(x=1.0, y=2.0, label='ab', parts=())"
        assert piece.right == 3.0 and piece.moved(2).x == 3.0 and made.KIND == "piece"
        assert made(x=0, y=1)._asdict() == {"x": 0, "y": 1, "label": "", "parts": ()}
        assert made._make([0, 1, "c", ()]).label == "c"
    for name in ("__doc__", "_fields", "_field_defaults", "__module__", "__qualname__",
                 "__name__", "__match_args__"):
        assert getattr(MINE, name) == getattr(TYPINGS, name), name
    assert MINE.__annotations__ == {"x": "float", "y": "float", "label": "str",
                                    "parts": "tuple[Piece, ...]"}


def define(base, body: str):
    exec(f"class Wrong(base):\n{body}", {"base": base})


def test_the_class_refuses_what_typing_refuses():
    for base in (tuples.NamedTuple, typing.NamedTuple):
        with pytest.raises(TypeError, match="Non-default namedtuple field y cannot follow "
                                            "default field x"):
            define(base, "    x: int = 0\n    y: int\n")
        with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):
            define(base, "    x: int\n    def _replace(self): pass\n")


Pickled = a_piece(tuples.NamedTuple)
Pickled.__qualname__ = "Pickled"


def test_a_piece_goes_to_another_process_and_back():
    """-j 2 sends results between processes by pickle."""
    piece = Pickled(1, 2, "x")
    assert pickle.loads(pickle.dumps(piece)) == piece


def test_the_package_makes_its_named_tuples_here():
    """typing.NamedTuple costs three times as much to define, on every cold start."""
    found = [str(path.relative_to(REPO)) for path in (REPO / "cjmdsl").rglob("*.py")
             if re.search(r"^from typing import .*\bNamedTuple\b", path.read_text(encoding="utf-8"),
                          re.M)]
    assert found == []
