"""What importers write: any journey made of what the importers read (stages, touchpoints with
one channel, actions, thoughts, questions, emotions, expectations, pains, opportunities,
moments of truth, action items, personas, KPIs, flows) as canonical `.cjm` text that compiles
to it again. The language's later fields (several or declared channels, motivations, notes,
metadata, finding ids, scores, declared sources, citations, metrics, the metrics emotions
are read off, what aims at a to-be) are not written yet; actors, the blueprint lanes (with
their ids, actors, hand-offs and fail points), motivations and a touchpoint's notes are."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from test_properties import LIGHT, journeys

from cjmdsl.api import parse
from cjmdsl.language.format import format_text
from cjmdsl import model as m
from cjmdsl.importers.cjm_source import cjm_source
from cjmdsl.lanes import ITEM_KINDS


def importable(journey: m.Journey) -> m.Journey:
    """`journey` without the fields `cjm_source` does not write."""
    def finding(f):
        return replace(f, id=None, personas=(), addresses=(), impact=None, effort=None,
                       source=None if f.source and f.source.cites else f.source, aims=())

    def step(c):  # an action or blueprint item, without the evidence behind it
        return m.Step(c.text, fail=c.fail, id=c.id, actor=c.actor, handoffs=c.handoffs)

    def touchpoint(tp):
        return m.Touchpoint(
            id=tp.id, name=tp.name, stage=tp.stage, channel=tp.channel_as_written,
            actions=tuple(map(step, tp.actions)),
            **{lane: tuple(map(step, getattr(tp, lane)))
               for lane in ("evidence", "frontstage", "backstage", "support")},
            motivations=tp.motivations, notes=tp.notes,
            thoughts=tuple(m.Claim(c.text, fail=c.fail) for c in tp.thoughts),
            questions=tuple(m.Claim(c.text, fail=c.fail) for c in tp.questions),
            emotions=tuple(replace(e, source=None, metric=None) for e in tp.emotions),
            expectations=tp.expectations, futures=tp.futures,
            pains=tuple(map(finding, tp.pains)),
            opportunities=tuple(map(finding, tp.opportunities)),
            moment_of_truth=tp.moment_of_truth, time=tp.time, wait=tp.wait)

    stages = tuple(replace(stage, notes=(), metrics=(),
                           action_items=tuple(replace(a, impact=None, effort=None, aims=())
                                              for a in stage.action_items),
                           touchpoints=tuple(map(touchpoint, stage.touchpoints)))
                   for stage in journey.stages)
    return replace(journey, stages=stages, channels=(), notes=(), metadata=m.Metadata(),
                   sources=())


@LIGHT
@given(journeys())
def test_any_journey_written_as_cjm_compiles_to_the_same_journey(journey):
    journey = importable(journey)
    text = cjm_source(journey)
    assert parse(text) == journey
    assert format_text(text) == text


def test_examples_written_again_are_the_same_maps():
    from conftest import EXAMPLES

    for example in EXAMPLES:
        journey = importable(parse(example.read_text(encoding="utf-8")))
        assert parse(cjm_source(journey)) == journey


@pytest.mark.parametrize("kind", ITEM_KINDS, ids=lambda kind: kind.keyword)
def test_the_writer_keeps_an_item_of_every_lane_of_the_lane_table(kind):
    """A lane added to the table must be written too, or an import would drop it."""
    written = parse(f'map "Lanes" {{\n  persona ann "Ann"\n  stage s "S" {{\n'
                    f'    touchpoint t "T" {{\n      channel web\n'
                    f'      {kind.keyword} "Kept through the writer"\n    }}\n  }}\n}}\n')
    again = parse(cjm_source(written))
    items = getattr(again.touchpoints[0], kind.field)
    assert [item.text for item in items] == ["Kept through the writer"]
