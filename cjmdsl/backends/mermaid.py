"""The map as a Mermaid `journey` diagram, for places that draw Mermaid themselves (GitHub,
GitLab, Notion, Obsidian).

Stages are sections, touchpoints tasks, personas actors. A task has one score from 1 to 5:
the mean of the personas' emotions there, mapped from the map's scale onto 1..5 (the middle
of the scale is 3). A `%%` comment at the top lists what the map has that Mermaid cannot show.
Every user text goes through `escape.mermaid_text`.
"""
from __future__ import annotations

from collections import Counter

from cjmdsl.lanes import BLUEPRINT_FIELDS, CARD_LANES, STEP_KINDS, fail_points
from cjmdsl.model import Journey, Scale, Touchpoint
from cjmdsl.themes import Theme
from cjmdsl.words.escape import mermaid_text
from cjmdsl.words.numbers import as_written
from cjmdsl.words.sentences import short_name

BINARY = False
COMMENT_WIDTH = 96
NO_EMOTION = 3  # Mermaid's neutral face, for a touchpoint that says nothing of feelings


def render(journey: Journey, theme: Theme | None = None) -> str:
    lines = [f"%% {line}" for line in _not_shown(journey)]
    lines += ["journey", f"  title {mermaid_text(journey.title)}"]
    if journey.description:
        lines += ["  accDescr {", *(f"    {mermaid_text(line, '-')}"
                                    for line in journey.description.splitlines() if line.strip()),
                  "  }"]
    names = actor_names(journey)
    for stage in journey.stages:
        lines.append(f"  section {mermaid_text(stage.name)}")
        for tp in stage.touchpoints:
            actors = ", ".join(names.get(e.persona, e.persona) for e in tp.emotions)
            task = f"    {mermaid_text(tp.name)}: {as_written(score(tp, journey.scale))}"
            lines.append(task + (f": {actors}" if actors else ""))
    return "\n".join(lines) + "\n"


def actor_names(journey: Journey) -> dict[str, str]:
    """Each persona's actor name: the name up to its first comma (`Maya` for `Maya, busy
    parent`), or the whole name where two personas would share one."""
    short = {p.id: mermaid_text(short_name(p.name), p.id) for p in journey.personas}
    counts = Counter(short.values())
    return {p.id: short[p.id] if counts[short[p.id]] == 1 else mermaid_text(p.name, p.id)
            for p in journey.personas}


def score(tp: Touchpoint, scale: Scale) -> float:
    """The task's score: the mean of the emotions at `tp`, from the map's scale onto 1..5,
    to two decimals; 3 when there is none."""
    if not tp.emotions:
        return NO_EMOTION
    mean = sum(e.value for e in tp.emotions) / len(tp.emotions)
    span = scale.high - scale.low
    return round(1 + 4 * (mean - scale.low) / span, 2) if span else NO_EMOTION


def _lanes_present(tps) -> list:
    """(present, name) pairs for the customer's card lanes of the lane table: a lane of one
    field by its label, one of several by each field (thoughts, questions). The service
    blueprint's lanes are named together."""
    pairs = []
    for lane in CARD_LANES:
        fields = [field for field in lane.fields if field not in BLUEPRINT_FIELDS]
        names = [lane.english.lower()] if len(fields) == 1 else fields
        for field, name in zip(fields, names):
            pairs += [any(getattr(tp, field) for tp in tps), name]
    return pairs


def _not_shown(journey: Journey) -> list[str]:
    """The comment: what of the map Mermaid cannot show, in a sentence wrapped to lines."""
    tps = journey.touchpoints
    scale = journey.scale
    present = [
        (scale.low, scale.high) != (1, 5), f"the scale {scale.low}..{scale.high} (scores are "
                                           "mapped onto 1..5)",
        any(len({e.value for e in tp.emotions}) > 1 for tp in tps),
        "one emotion per persona (a task has one score: their mean)",
        any(not tp.emotions for tp in tps), "touchpoints without emotions (drawn at 3)",
        any(e.word for tp in tps for e in tp.emotions), "emotion words",
        any(tp.expectations for tp in tps), "expected emotions",
        any(tp.channel for tp in tps), "channels",
        *_lanes_present(tps),
        any(tp.moment_of_truth for tp in tps), "moments of truth",
        any(p.roles or p.goals or p.needs or p.pains or p.motivations or p.quotes or p.color
            for p in journey.personas), "persona details",
        any(not any(e.persona == p.id for tp in tps for e in tp.emotions)
            for p in journey.personas), "personas without emotions",
        any(s.goals or s.brand_actions for s in journey.stages), "stage goals and brand actions",
        any(s.action_items for s in journey.stages), "action items",
        bool(journey.kpis), "KPIs",
        bool(journey.flows), "flows",
        any(getattr(tp, field) for tp in tps for field in BLUEPRINT_FIELDS),
        "service blueprint lanes",
        bool(journey.actors), "actors",
        any(item.handoffs for tp in tps for kind in STEP_KINDS for item in getattr(tp, kind.field)),
        "hand-offs",
        any(fail_points(tp) for tp in tps), "fail points",
        any(tp.time or tp.wait for tp in tps), "times and waits",
        any(tp.futures for tp in tps), "to-be emotions",
        any(tp.details for tp in tps), "linked maps",
    ]
    missing = [what for has, what in zip(present[::2], present[1::2]) if has]
    if not missing:
        return []
    words = f"Exported by cjm. What Mermaid cannot show of this map: {', '.join(missing)}."
    words = words.split()
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > COMMENT_WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]
