"""Work that grows with the map no faster than the map: counted, never timed (bench/scale.py
has the figures)."""
from __future__ import annotations

import pytest

from cjmdsl.api import parse
from cjmdsl.layout.map import layout
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
    every_touchpoint = Journey.touchpoints.func  # asked for afresh each time: each ask counts

    def counted(self):
        walks.append(1)
        return every_touchpoint(self)

    monkeypatch.setattr(Journey, "touchpoints", property(counted))
    geometry = layout(journey, load_theme("default"), 880)
    assert len(geometry.rows) >= stages // 2  # the map really wraps into many rows
    assert len(walks) <= 5  # a fixed few (layout, legend, badges, states, time), not per row


def flow_map(touchpoints: int) -> str:
    """Stages of 10 touchpoints, two personas; Ana drops out in the last stage and a flow
    loops from the last stage back to the first."""
    stages = []
    for s in range((touchpoints + 9) // 10):
        items = "".join(f'    touchpoint t{n} "Step {n}" {{ channel web emotion ana {n % 3 - 1} '
                        f'emotion ben {n % 2} }}\n'
                        for n in range(s * 10, min(touchpoints, s * 10 + 10)))
        stages.append(f'  stage s{s} "Stage {s}" {{\n{items}  }}\n')
    last = touchpoints - 1
    return (f'map "Big" {{\n  persona ana "Ana"\n  persona ben "Ben"\n{"".join(stages)}'
            f'  flow t{last} -> t0 "starts again"\n  flow ana: t0 -> t{last} -> exit\n}}\n')


def dot_source(text: str) -> str:
    from cjmdsl.api import render

    return render(parse(text), "dot")


def test_a_flow_view_of_up_to_400_touchpoints_has_a_node_per_touchpoint():
    source = dot_source(flow_map(400))
    assert source.count('id="touchpoint-') == 400
    assert "one node per stage" not in source


def test_a_larger_flow_view_has_a_node_per_stage_and_says_so_under_the_title():
    source = dot_source(flow_map(1_000))
    assert 'id="touchpoint-' not in source
    assert source.count('id="stage-') == 100
    assert "1,000 touchpoints: one node per stage" in source
    assert "10 touchpoints" in source and "Ana -0.1 on average" in source
    edges = {line.split(" [")[0].strip(): line for line in source.splitlines() if " -> " in line}
    assert "Ben: Stage 0 → Stage 1 (1 step)" in edges["s0 -> s1"]  # Ben's path, stage by stage
    assert "Ana: Stage 0 → Stage 99" in edges["s0 -> s99"]  # Ana's own flow
    assert "constraint=false" in edges["s99 -> s0"]  # the loop back does not reorder stages
    assert "Ana: Stage 99 → exit" in edges["s99 -> x99"]  # where Ana leaves the journey


def test_a_flow_view_of_more_than_100_touchpoints_bounds_how_long_dot_places_nodes():
    assert "nslimit=2" in dot_source(flow_map(101))
    assert "nslimit" not in dot_source(flow_map(100))


def test_the_to_be_curves_look_each_touchpoint_over_once_not_once_per_persona(monkeypatch):
    """30 personas with a to-be each over 40 touchpoints: the to-be layout indexes the
    values by touchpoint in one pass (asking each touchpoint for each persona's to-be was
    personas × touchpoints)."""
    from cjmdsl.model import Touchpoint

    personas = [f"p{n}" for n in range(30)]
    touchpoints = "".join(
        f'    touchpoint t{t} "T{t}" {{\n'
        + "".join(f"      emotion {p} {(t + n) % 3 - 1}\n" for n, p in enumerate(personas))
        + "".join(f"      future {p} +1\n" for n, p in enumerate(personas) if n % 40 == t)
        + "    }\n" for t in range(40))
    text = ('map "Many plans" {\n' + "".join(f'  persona {p} "{p}"\n' for p in personas)
            + f'  stage s "S" {{\n{touchpoints}  }}\n}}\n')
    journey = parse(text)
    asked = []
    future_of = Touchpoint.future_of

    def counted(self, persona):
        asked.append(persona)
        return future_of(self, persona)

    monkeypatch.setattr(Touchpoint, "future_of", counted)
    geometry = layout(journey, load_theme("default"), None)
    assert len(geometry.emotion_lanes[0].to_be) == 30
    assert len(asked) <= 30  # at most once per planned value
