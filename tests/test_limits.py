"""Bounded work: limits end runaway maps with a diagnostic, and raised limits still finish."""
from __future__ import annotations

from cjmdsl.api import check, render
from cjmdsl.language.limits import Limits

SMALL = Limits(max_bytes=2_000, max_string=50, max_touchpoints=3)


def map_with(touchpoints: int = 1, text: str = "Taps the ad") -> str:
    body = "".join(f'    touchpoint t{i} "T{i}" {{ channel web action "{text}" emotion a 1 }}\n'
                   for i in range(touchpoints))
    return f'map "M" {{\n  persona a "A"\n  stage s "S" {{\n{body}  }}\n}}\n'


def codes(text: str, limits: Limits) -> list[str]:
    return [d.code for d in check(text, "m.cjm", limits).errors]


def test_a_file_over_the_size_limit_is_refused_before_parsing():
    assert codes(map_with() + "//" + "x" * 3_000, SMALL) == ["E030"]


def test_a_text_over_the_string_limit_points_at_its_statement():
    [diagnostic] = check(map_with(text="x" * 51), "m.cjm", SMALL).errors
    assert diagnostic.code == "E031"
    assert diagnostic.span.line == 4


def test_too_many_touchpoints_is_one_error():
    assert codes(map_with(4), SMALL) == ["E032"]


def test_maps_within_the_limits_compile():
    assert codes(map_with(3, "x" * 50), SMALL) == []


def test_raised_limits_let_a_one_megabyte_string_through():
    """Time and memory for this are measured in bench/limits.py, not asserted here."""
    text = map_with(text="word " * 200_000)
    assert codes(text, Limits()) == ["E031"]
    result = check(text, "m.cjm", Limits(max_string=2_000_000))
    assert "word word" in render(result.journey)


def test_every_text_of_the_map_is_walked_with_the_span_of_its_statement():
    """`model.texts`, the one walk E031 and W121 share: a Text without a span of its own
    (written inside a statement) takes its statement's; `skip` leaves named fields out."""
    from cjmdsl.model import NO_SPAN, texts

    journey = check(map_with(text="Taps the ad"), "m.cjm").journey
    found = dict(texts(journey))
    assert {"M", "A", "S", "T0", "Taps the ad"} <= set(found)
    assert found["Taps the ad"].line == 4 and found["T0"].line == 4
    assert NO_SPAN not in found.values()
    assert "t0" in found and "t0" not in dict(texts(journey, skip=frozenset({"id"})))
