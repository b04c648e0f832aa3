"""A journey written as `.cjm` text: what every importer hands the user.

Every field of the model is written, so compiling the text gives the same journey back
(tests/test_importers.py holds that over generated journeys); the text then goes through
the formatter, so an imported map is already in the canonical layout `cjm fmt` keeps.
"""
from __future__ import annotations

import re

from cjmdsl import model as m
from cjmdsl.lanes import BLUEPRINT_FIELDS, ITEM_KINDS
from cjmdsl.language.format import format_text, quote
from cjmdsl.words.numbers import as_written as number

_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def cjm_source(journey: m.Journey) -> str:
    """`journey` as canonical `.cjm` text (`cjmdsl.language.format.format_text`)."""
    lines = [f"map {quote(journey.title)} {{"]
    if journey.description is not None:
        lines.append(f"description {quote(journey.description)}")
    for statement, value in (("theme", journey.theme), ("lang", journey.lang)):
        if value is not None:
            lines.append(f"{statement} {quote(value)}")
    lines += _scale(journey.scale)
    for actor in journey.actors:
        body = ([f"team {quote(actor.team)}"] if actor.team is not None else []) + (
            [f"kind {actor.kind}"] if actor.kind != "person" else [])
        lines += _block(f"actor {actor.id} {quote(actor.name)}", body)
    for persona in journey.personas:
        lines += _persona(persona)
    for stage in journey.stages:
        lines += _stage(stage)
    lines += [_flow(flow) for flow in journey.flows]
    lines += [_kpi(kpi) for kpi in journey.kpis]
    lines.append("}")
    return format_text("\n".join(lines) + "\n")


def _signed(value: float) -> str:
    return number(value) if value < 0 else f"+{number(value)}"


def _scale(scale: m.Scale) -> list[str]:
    labels = " ".join(f"{level.value} {quote(level.label)}" for level in scale.levels)
    return [f"scale {scale.low} .. {scale.high}" + (f" {{ {labels} }}" if labels else "")]


def _texts(keyword: str, texts) -> list[str]:
    return [f"{keyword} {quote(text.text)}" + _fail(text) for text in texts]


def _fail(item) -> str:
    """` fail "…"` for an item with a fail point."""
    fail = getattr(item, "fail", None)
    return f" fail {quote(fail)}" if fail is not None else ""


def _persona(persona: m.Persona) -> list[str]:
    body = (_texts("role", persona.roles) + _texts("goal", persona.goals)
            + _texts("need", persona.needs) + _texts("pain", persona.pains)
            + _texts("motivation", persona.motivations) + _texts("quote", persona.quotes)
            + ([f"color {quote(persona.color)}"] if persona.color else []))
    return _block(f"persona {persona.id} {quote(persona.name)}", body)


def _block(head: str, body: list[str]) -> list[str]:
    return [f"{head} {{", *body, "}"] if body else [head]


def _stage(stage: m.Stage) -> list[str]:
    body = _texts("goal", stage.goals) + _texts("brand", stage.brand_actions)
    for touchpoint in stage.touchpoints:
        body += _touchpoint(touchpoint)
    for item in stage.action_items:
        body.append(f"action_item {quote(item.text)}" + _options(item))
    return _block(f"stage {stage.id} {quote(stage.name)}", body)


def _touchpoint(tp: m.Touchpoint) -> list[str]:
    body = [f"channel {channel_as_id(tp)}"] if tp.channel is not None else []
    body += [_step("action", step) for step in tp.actions] + _texts("thought", tp.thoughts)
    body += _texts("question", tp.questions)
    for emotion in tp.emotions:
        word = f" {quote(emotion.word)}" if emotion.word is not None else ""
        body.append(f"emotion {emotion.persona} {_signed(emotion.value)}{word}"
                    + _responses(emotion))
    body += [f"expect {e.persona} {_signed(e.value)}" for e in tp.expectations]
    body += [f"future {f.persona} {_signed(f.value)}" + (f" {quote(f.word)}" if f.word is not None else "")
             for f in tp.futures]
    body += [f"pain {quote(f.text)}{_options(f)}" for f in tp.pains]
    body += [f"opportunity {quote(f.text)}{_options(f)}" for f in tp.opportunities]
    if tp.moment_of_truth is not None:
        reason = tp.moment_of_truth.reason
        body.append("moment_of_truth" + (f" {quote(reason)}" if reason is not None else ""))
    body += [f"{key} {quote(duration.text)}" for key, duration in (("time", tp.time),
                                                                    ("wait", tp.wait)) if duration]
    body += _texts("motivation", tp.motivations) + _texts("note", tp.notes)
    for lane in BLUEPRINT_FIELDS:  # what the customer sees, and what the organisation does
        body += [_step(lane, step) for step in getattr(tp, lane)]
    for kind in ITEM_KINDS:  # a lane of the table not placed above, after the others
        if kind.field not in _PLACED:
            body += [_item(kind, item) for item in getattr(tp, kind.field)]
    return _block(f"touchpoint {tp.id} {quote(tp.name)}", body)


# The kinds of item `_touchpoint` writes in places of their own; every other kind of the lane
# table follows them, so a new lane is written with no change here.
_PLACED = ("actions", "thoughts", "questions", "pains", "opportunities", "motivations", "notes",
           *BLUEPRINT_FIELDS)


def _item(kind, item) -> str:
    """An item of any kind as it is written: a step with its id, actor and hand-offs, a
    finding with its source and owner, other items with their fail point."""
    if kind.steps:
        return _step(kind.keyword, item)
    if kind.findings:
        return f"{kind.keyword} {quote(item.text)}{_options(item)}"
    return _texts(kind.keyword, (item,))[0]


def _step(keyword: str, step) -> str:
    """An action or a blueprint item, with its id, who does it, its hand-offs and fail point."""
    head = keyword + (f" {step.id}" if getattr(step, "id", None) else "") + f" {quote(step.text)}"
    if getattr(step, "actor", None):
        head += f" by {step.actor}"
    handoffs = getattr(step, "handoffs", ())
    if handoffs:
        head += " -> " + ", ".join((f"{h.lane} " if h.lane else "") + h.to for h in handoffs)
    return head + _fail(step)


def channel_as_id(tp: m.Touchpoint) -> str:
    """The channel as written when the language can spell it (an id), else its resolved id."""
    written = tp.channel_as_written or ""
    return written if _ID.fullmatch(written) else tp.channel


def _options(item) -> str:
    out = ""
    source = getattr(item, "source", None)
    if source is not None:
        out += f" source {source.kind}" + (f" {quote(source.detail)}"
                                           if source.detail is not None else "")
    if getattr(item, "outcome", None) is not None:
        out += f" outcome {quote(item.outcome)}"
    if item.owner is not None:
        out += f" owner {quote(item.owner)}"
    return out + _fail(item)


def _responses(emotion: m.Emotion) -> str:
    """` n 212 sd 1.2`: how many responded and their spread, as `cjmdsl.language.measured`
    reads it."""
    out = f" n {emotion.responses}" if emotion.responses is not None else ""
    if emotion.sd is not None:
        out += f" sd {number(emotion.sd)}"
    elif emotion.low is not None and emotion.high is not None:
        out += f" range {_signed(emotion.low)} .. {_signed(emotion.high)}"
    return out


def _flow(flow: m.Flow) -> str:
    personas = f"{', '.join(flow.personas)}: " if flow.personas else ""
    steps = "".join(f" -> {step.to or 'exit'}" + (f" {quote(step.label)}" if step.label else "")
                    for step in flow.steps)
    return f"flow {personas}{flow.start}{steps}"


def _kpi(kpi: m.Kpi) -> str:
    percent = "%" if kpi.is_percent else ""
    if kpi.kind == "value":
        measure = f"value {number(kpi.value)}{'%' if kpi.percent else ''}"
        measure += f" unit {quote(kpi.unit)}" if kpi.unit is not None else ""
    else:
        measure = f"{kpi.kind} start {kpi.start} end {kpi.end}"
    direction = f" {kpi.direction}" if kpi.direction else ""
    target = f" target {number(kpi.target)}{percent}" if kpi.target is not None else ""
    stage = f" at {kpi.stage}" if kpi.stage is not None else ""
    return f"kpi {kpi.id} {quote(kpi.name)} {measure}{direction}{target}{stage}"
