"""The service blueprint as the compiler checks it: actors, the items of the blueprint lanes
and the hand-offs between them.

A blueprint (Shostack 1984; Nielsen Norman Group's form) shows, under the customer's
actions, what the organisation does to deliver them: frontstage, backstage and support
lanes (rows of `cjmdsl.lanes.LANES`), separated by the lines of interaction, visibility and
internal interaction (`LINES`). Items name the declared actor who does them (`by agent`)
and hand work on to other items (`-> backstage dispatch`).
"""
from __future__ import annotations

from cjmdsl import model as m
from cjmdsl.language.diagnostics import (Candidates, Diagnostic, closest, did_you_mean, error,
                                         warning)
from cjmdsl.lanes import STEP_KINDS
from cjmdsl.words.locales import say

# The lines drawn across a blueprint, each above the lane of LANES whose `line_above` names
# it, with the message of its label (`cjmdsl.words.locales`).
LINES = {"interaction": "line_interaction", "visibility": "line_visibility",
         "internal": "line_internal"}


def located_steps(journey: m.Journey) -> list[tuple[str, m.Touchpoint, m.Step]]:
    """Every item that may hand off or be handed to: (its keyword, its touchpoint, it)."""
    return [(kind.keyword, tp, step) for tp in journey.touchpoints for kind in STEP_KINDS
            for step in getattr(tp, kind.field)]


def check_blueprint(journey: m.Journey) -> list[Diagnostic]:
    """Actors of an unknown kind (E091) or never cited (W180); items citing an unknown actor
    (E090); hand-offs to an unknown item (E092), to an item of another lane than the one
    written (E093), or to the item itself (E094). (The compiler checks that actor and item
    ids are unique.)"""
    found = []
    for actor in journey.actors:
        if actor.kind not in m.ACTOR_KINDS:
            found.append(error("E091", f"unknown kind of actor `{actor.kind}`", actor.kind_span,
                               did_you_mean(actor.kind, m.ACTOR_KINDS)
                               or "kinds of actor: " + ", ".join(m.ACTOR_KINDS)))
    steps = located_steps(journey)
    found += _check_actors(journey, [step for _, _, step in steps])
    found += _check_handoffs(journey, steps)
    return found


def _check_actors(journey: m.Journey, steps: list[m.Step]) -> list[Diagnostic]:
    found = []
    declared = [actor.id for actor in journey.actors]
    known, candidates = set(declared), Candidates(declared)
    cited = set()
    for step in steps:
        if step.actor is None:
            continue
        if step.actor in known:
            cited.add(step.actor)
            continue
        meant = closest(step.actor, candidates)
        cited.add(meant)  # a misspelt actor is one mistake, not also an unused actor
        found.append(error(
            "E090", f"unknown actor `{step.actor}`", step.actor_span,
            f"did you mean `{meant}`?" if meant else
            _listed("actors", declared) if declared else
            f'declare it on the map: actor {step.actor} "{step.actor.title()}"'))
    for actor in journey.actors:
        if actor.id not in cited:
            found.append(warning("W180", f"actor `{actor.id}` does nothing", actor.id_span,
                                 f"name it on the items it does (`frontstage \"…\" by "
                                 f"{actor.id}`), or remove it"))
    return found


def _check_handoffs(journey: m.Journey,
                    steps: list[tuple[str, m.Touchpoint, m.Step]]) -> list[Diagnostic]:
    found = []
    lane_of = {}
    for keyword, _, step in steps:
        if step.id:
            lane_of.setdefault(step.id, keyword)
    ids = list(lane_of)
    candidates = Candidates(ids)
    touchpoints = {tp.id for tp in journey.touchpoints}
    for keyword, _, step in steps:
        for handoff in step.handoffs:
            target = handoff.to
            if target not in lane_of:
                if target in touchpoints:
                    hint = (f"`{target}` is a touchpoint; a hand-off points at an item: give "
                            f'the item an id, as in `backstage {target}_work "…"`')
                else:
                    hint = (did_you_mean(target, candidates)
                            or (_listed("item ids", ids) if ids else
                                f'give the item an id: backstage {target} "…"'))
                found.append(error("E092", f"unknown item `{target}` to hand off to",
                                   handoff.to_span, hint))
            elif handoff.lane is not None and handoff.lane != lane_of[target]:
                found.append(error("E093", f"`{target}` is a {lane_of[target]} item, not "
                                           f"{handoff.lane}", handoff.span,
                                   f"write `-> {lane_of[target]} {target}`, or `-> {target}`"))
            elif target == step.id:
                found.append(error("E094", f"`{target}` hands off to itself", handoff.to_span,
                                   "a hand-off points at another item: name the item that "
                                   "takes the work on"))
    return found


def _listed(what: str, ids: list[str], shown: int = 8) -> str:
    listed = ", ".join(f"`{i}`" for i in ids[:shown])
    return f"known {what}: {listed}" + (", …" if len(ids) > shown else "")


def handoff_pairs(journey: m.Journey) -> list[tuple[m.Step, m.Step]]:
    """Each hand-off whose target exists, as (from, to), in source order."""
    by_id = {}
    for _, _, step in located_steps(journey):
        if step.id:
            by_id.setdefault(step.id, step)
    return [(step, by_id[handoff.to]) for _, _, step in located_steps(journey)
            for handoff in step.handoffs if handoff.to in by_id and by_id[handoff.to] is not step]


def actor_label(step: m.Step, journey: m.Journey) -> str | None:
    """The name of the actor who does `step` (its id when undeclared), for cards and lists."""
    if step.actor is None:
        return None
    actor = journey.actor(step.actor)
    return actor.name if actor else step.actor


def step_details(step: m.Step, journey: m.Journey) -> list[str]:
    """What lists and tooltips say after a blueprint item, as every output shows it: who
    does it (`By Support agent (Contact centre)`) and each item it hands off to, by its
    text (`→ Logs a ticket`)."""
    details = []
    if step.actor is not None:
        actor = journey.actor(step.actor)
        name = actor_label(step, journey)
        if actor is not None and actor.team:
            name += f" ({actor.team})"
        details.append(say("actor_by", actor=name))
    if step.handoffs:
        texts = _item_texts(journey)
        details += [f"→ {texts.get(handoff.to, handoff.to)}" for handoff in step.handoffs]
    return details


# The journey last asked about and its items' texts by id (one tuple: threads read it whole).
_texts_of: tuple = (None, {})


def _item_texts(journey: m.Journey) -> dict[str, str]:
    """The text of each item with an id, found once per journey however many items of it
    are listed (a blueprint of thousands of hand-offs stays linear)."""
    global _texts_of
    last, texts = _texts_of
    if last is not journey:
        texts = {}
        for _, _, step in located_steps(journey):
            if step.id:
                texts.setdefault(step.id, step.text)
        _texts_of = (journey, texts)
    return texts
