"""Prioritised opportunities and action items: their rank and their cell on the impact ×
effort matrix, computed once for every backend.

An item is prioritised when it has both `impact` and `effort` (`model.PRIORITY_LEVELS`).
The rank puts the best value for the effort first: impact minus effort, then the higher
impact, then the order of the map (so a quick win, high impact for low effort, leads and
a high-effort, low-impact item comes last).
"""
from __future__ import annotations


from cjmdsl.model import ActionItem, Finding, Journey, PRIORITY_LEVELS, record


@record
class Prioritised:
    """One scored item: its 1-based `rank`, what it is (`opportunity` or `action item`) and
    where it belongs (the touchpoint's name, or the stage's for an action item)."""

    rank: int
    item: Finding | ActionItem
    kind: str
    where: str

    @property
    def impact(self) -> str:
        return self.item.impact

    @property
    def effort(self) -> str:
        return self.item.effort


def ranked(journey: Journey) -> tuple[Prioritised, ...]:
    """Every item with both scores, best first (see the module's docstring)."""
    found = []
    for stage in journey.stages:
        for tp in stage.touchpoints:
            found += [(o, "opportunity", tp.name) for o in tp.opportunities]
        found += [(item, "action item", stage.name) for item in stage.action_items]
    scored = [(item, kind, where) for item, kind, where in found
              if item.impact in PRIORITY_LEVELS and item.effort in PRIORITY_LEVELS]
    order = sorted(range(len(scored)), key=lambda i: (-_value(scored[i][0]),
                                                      -PRIORITY_LEVELS.index(scored[i][0].impact),
                                                      i))
    return tuple(Prioritised(rank, *scored[i]) for rank, i in enumerate(order, 1))


def _value(item) -> int:
    return PRIORITY_LEVELS.index(item.impact) - PRIORITY_LEVELS.index(item.effort)


def matrix(items: tuple[Prioritised, ...]) -> list[tuple[str, list[tuple[str, list[Prioritised]]]]]:
    """The matrix as rows of impact, high first, each with its cells of effort, low first;
    a cell holds its items in rank order."""
    return [(impact, [(effort, [p for p in items if p.impact == impact and p.effort == effort])
                      for effort in PRIORITY_LEVELS])
            for impact in reversed(PRIORITY_LEVELS)]
