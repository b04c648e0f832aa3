"""Work that grows with the map no faster than the map: counted, never timed (bench/scale.py
has the figures)."""
from __future__ import annotations

import pytest

from cjmdsl.api import parse
from cjmdsl.layout import layout
from cjmdsl.model import Journey
from cjmdsl.themes import load_theme


def map_of(stages: int) -> str:
    touchpoints = "".join(
        f'  stage s{s} "Stage {s}" {{\n'
        + "".join(f'    touchpoint t{s}_{t} "T" {{ action "a" emotion p {t % 3 - 1} }}\n'
                  for t in range(4))
        + "  }\n" for s in range(stages))
    return f'map "M" {{\n  persona p "P"\n{touchpoints}}}\n'


@pytest.mark.parametrize("stages", [2, 40])
def test_laying_out_walks_every_touchpoint_of_the_journey_a_fixed_number_of_times(
        monkeypatch, stages):
    """Not once per row of stages: a map wrapped into 40 rows is looked over as often as one
    of 2 (once per row, 10,000 touchpoints took the square of the time)."""
    journey = parse(map_of(stages))
    walks = []
    every_touchpoint = Journey.touchpoints.fget

    def counted(self):
        walks.append(1)
        return every_touchpoint(self)

    monkeypatch.setattr(Journey, "touchpoints", property(counted))
    geometry = layout(journey, load_theme("default"), 880)
    assert len(geometry.rows) >= stages // 2  # the map really wraps into many rows
    assert len(walks) <= 3
