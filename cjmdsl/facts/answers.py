"""What answers what: an opportunity answers the pain points of its own touchpoint, and those
it names in its `addresses`, wherever they are. Decided here once for lint's rules and
coverage figures, the report's ranking, and every output that draws the `addresses` link.
"""
from __future__ import annotations

from collections.abc import Iterator

from cjmdsl.model import Journey, Opportunity, PainPoint, Touchpoint


def answering(journey: Journey) -> Iterator[tuple[Touchpoint, PainPoint, tuple[Opportunity, ...]]]:
    """Every pain of the map, in map order, with the opportunities that answer it: those of
    its own touchpoint, then those anywhere whose `addresses` names it."""
    addressing = addressed_by(journey)
    for tp in journey.touchpoints:
        for pain in tp.pains:
            elsewhere = [o for _, o in addressing.get(pain.id, ())
                         if not any(o is own for own in tp.opportunities)]
            yield tp, pain, tp.opportunities + tuple(elsewhere)


def addressed_by(journey: Journey) -> dict[str, list[tuple[Touchpoint, Opportunity]]]:
    """By pain point id, the opportunities whose `addresses` name it (with their
    touchpoints), in map order."""
    found: dict[str, list[tuple[Touchpoint, Opportunity]]] = {}
    for tp in journey.touchpoints:
        for opportunity in tp.opportunities:
            for pain_id in opportunity.addresses:
                found.setdefault(pain_id, []).append((tp, opportunity))
    return found


def pain_touchpoints(journey: Journey) -> dict[str, Touchpoint]:
    """By pain point id, the touchpoint the pain is at (the first, were an id repeated)."""
    found: dict[str, Touchpoint] = {}
    for tp in journey.touchpoints:
        for pain in tp.pains:
            if pain.id is not None:
                found.setdefault(pain.id, tp)
    return found
