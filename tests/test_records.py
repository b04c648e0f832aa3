"""`cjmdsl.model.record`: every record of the package behaves as `dataclass(frozen=True)`,
though only its `__init__` is compiled per class."""
from __future__ import annotations

import dataclasses

import pytest

from cjmdsl.batch import Settings
from cjmdsl.model import Span, Text, Touchpoint


def test_a_record_is_equal_and_hashed_by_its_fields_without_its_spans():
    here, there = Span(1, 1, 1, 5), Span(9, 3, 9, 7)
    assert Text("Taps the ad", here) == Text("Taps the ad", there)
    assert hash(Text("Taps the ad", here)) == hash(Text("Taps the ad", there))
    assert Text("Taps the ad") != Text("Taps an ad")
    assert repr(Text("a")) == f"Text(text='a', span={Span(0, 0, 0, 0)!r})"
    assert dataclasses.replace(Text("a", here), text="b") == Text("b")


def test_a_record_refuses_assignment_and_deletion():
    text = Text("a")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'text'"):
        text.text = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'text'"):
        del text.text
    assert text.text == "a"


def test_defaults_factories_and_post_init_are_those_of_the_class():
    first, second = Settings("svg"), Settings("svg")
    assert first.options == {} and first.options is not second.options  # a factory per record
    assert first.strict is False and Settings("svg", strict=True).strict
    with pytest.raises(TypeError):
        Settings()  # type: ignore[call-arg]
    tp = Touchpoint("t", "T", "s", channel="Web")  # __post_init__ resolves the channel
    assert (tp.channel, tp.channel_as_written) == ("web", "Web")


def test_a_record_compiles_its_init_as_it_makes_its_first_instance():
    from cjmdsl.model import record

    @record
    class Fresh:
        a: int
        b: str = "x"

    class Unwritten(Fresh):  # not a record itself: Fresh's fields, Fresh's __init__
        pass

    waiting = Fresh.__init__
    assert Unwritten(2).a == 2
    assert Fresh.__init__ is not waiting  # compiled, and put in its place
    assert Fresh.__init__.__code__.co_varnames[:3] == ("self", "a", "b")
    assert Fresh(1) == Fresh(1, "x") and Fresh(1).b == "x"
    with pytest.raises(TypeError):
        Fresh()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fresh(1, "x", 3)  # type: ignore[call-arg]
