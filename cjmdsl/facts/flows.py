"""The journey as steps between touchpoints: who goes where, in what order.

`flow` statements say it explicitly; without them the order is the file order.
The rules, which the README documents:

- A persona named in some `flow` walks exactly the steps of those flows.
- Any other persona walks, in file order, the touchpoints where it has an emotion.
- A `flow` without personas is a path any customer may take, drawn beside the personas'.
- A map without `flow` statements in which no persona has an emotion gets one path
  through all its touchpoints in file order, so its flow view still reads left to right.
"""
from __future__ import annotations

from cjmdsl.model import Journey, record


@record
class Step:
    """An arrow from touchpoint `source` to touchpoint `target` (None: out of the journey),
    taken by `persona` (None: any customer), with the flow's `label`."""

    source: str
    target: str | None
    persona: str | None = None
    label: str | None = None


def steps(journey: Journey) -> list[Step]:
    """Every step of the journey, without repeats, in a stable order: explicit flows in
    file order, then the file-order paths of personas without flows."""
    found: list[Step] = []
    for flow in journey.flows:
        here = flow.start
        for arrow in flow.steps:
            for persona in flow.personas or (None,):
                found.append(Step(here, arrow.to, persona, arrow.label))
            if arrow.to is not None:
                here = arrow.to
    routed = {persona for flow in journey.flows for persona in flow.personas}
    for persona in journey.personas:
        if persona.id not in routed:
            found += _consecutive(
                [tp.id for tp in journey.touchpoints if tp.emotion_of(persona.id)], persona.id)
    if not journey.flows and not found and not any(
            tp.emotions for tp in journey.touchpoints):
        found = _consecutive([tp.id for tp in journey.touchpoints], None)
    return list(dict.fromkeys(found))


def _consecutive(touchpoint_ids: list[str], persona: str | None) -> list[Step]:
    return [Step(a, b, persona) for a, b in zip(touchpoint_ids, touchpoint_ids[1:])]
