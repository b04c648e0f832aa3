"""A map as one fact per line, for git's `textconv` (`cjm diff --textconv FILE`).

git diffs what a textconv prints line by line, so each line says one thing in full and names
where it is: a changed feeling is one `-` line and one `+` line that read as sentences, and
`git log -p`, `git show`, `--word-diff` and `--stat` work as with any text. Touchpoint items
follow the keyword table (`cjmdsl.lanes.ITEM_KINDS`), so a new kind of item needs no change
here. The words are the diff's (`cjmdsl.words.sentences`), in English.
"""
from __future__ import annotations

from cjmdsl.lanes import ITEM_KINDS
from cjmdsl.model import Finding, Journey, Touchpoint
from cjmdsl.words import kpis
from cjmdsl.words.escape import terminal_text
from cjmdsl.words.numbers import on_scale, signed
from cjmdsl.words.sentences import action_item, short_name

INDENT = "  "


def facts(journey: Journey) -> str:
    """The lines of `journey`, in map order, each ending in a newline."""
    scale = journey.scale
    lines = [f"Map “{journey.title}”"]
    if journey.description:
        lines.append(f"Description: {journey.description}")
    levels = ", ".join(f"{on_scale(level.value, scale)} {level.label}" for level in scale.levels)
    lines.append(f"Scale {on_scale(scale.low, scale)} .. {on_scale(scale.high, scale)}"
                 + (f": {levels}" if levels else ""))
    for persona in journey.personas:
        lines.append(f"Persona “{persona.name}” ({persona.id})")
        for label, texts in (("role", persona.roles), ("goal", persona.goals),
                             ("need", persona.needs), ("pain", persona.pains),
                             ("motivation", persona.motivations), ("quote", persona.quotes)):
            lines += [f"{INDENT}{short_name(persona.name)}: {label} “{t.text}”" for t in texts]
    for stage in journey.stages:
        lines.append(f"Stage “{stage.name}” ({stage.id})")
        lines += [f"{INDENT}{stage.name}: goal “{t.text}”" for t in stage.goals]
        lines += [f"{INDENT}{stage.name}: brand “{t.text}”" for t in stage.brand_actions]
        lines += [f"{INDENT}{stage.name}: action item {action_item(item)}"
                  for item in stage.action_items]
        for tp in stage.touchpoints:
            lines += _touchpoint(journey, tp)
    for kpi in journey.kpis:
        target = kpis.target(kpi)
        status = kpis.status(kpi)
        lines.append(f"KPI “{kpi.name}” ({kpi.id}): {kpis.figure(kpi)}"
                     + (f", target {target}" if target else "")
                     + (f", {status}" if status else ""))
    for flow in journey.flows:
        for step in flow.steps:
            where = "exit" if step.is_exit else step.to
            lines.append(f"Flow {flow.start} → {where}" + (f" “{step.label}”" if step.label else ""))
    return "".join(terminal_text(line) + "\n" for line in lines)


def _touchpoint(journey: Journey, tp: Touchpoint) -> list[str]:
    scale, name = journey.scale, tp.name
    channel = f", channel {tp.channel_label}" if tp.channel else ""
    lines = [f"{INDENT}Touchpoint “{name}” ({tp.id}){channel}"]
    inner = INDENT * 2
    for persona in journey.personas:
        emotion, expected = tp.emotion_of(persona.id), tp.expectation_of(persona.id)
        if emotion is None and expected is None:
            continue
        who = short_name(persona.name)
        if emotion is None:
            lines.append(f"{inner}{name}: {who} expected {on_scale(expected.value, scale)}")
            continue
        text = f"{inner}{name}: {who} feels {on_scale(emotion.value, scale)}"
        if emotion.word:
            text += f" “{emotion.word}”"
        if expected is not None:
            text += (f", expected {on_scale(expected.value, scale)} "
                     f"(gap {signed(emotion.value - expected.value)})")
        lines.append(text)
    for kind in ITEM_KINDS:
        for item in getattr(tp, kind.field):
            text = f"{inner}{name}: {kind.keyword} “{item.text}”"
            lines.append(text + (_finding(item) if isinstance(item, Finding) else ""))
    if tp.moment_of_truth is not None:
        reason = tp.moment_of_truth.reason
        lines.append(f"{inner}{name}: moment of truth" + (f" “{reason}”" if reason else ""))
    return lines


def _finding(finding: Finding) -> str:
    text = f", owned by {finding.owner}" if finding.owner else ""
    if finding.source is not None:
        detail = f" “{finding.source.detail}”" if finding.source.detail else ""
        text += f" (evidence: {finding.source.kind}{detail})"
    return text
