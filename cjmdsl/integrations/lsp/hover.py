"""Hover cards, as Markdown: a persona, a stage or touchpoint, an emotion value on the scale,
a pain point's or opportunity's id, a channel the map declares, a declared source (at its
declaration or a citation), an actor and a blueprint item's id. A touchpoint's card says
its wait and time and its fail points."""
from __future__ import annotations

from cjmdsl.facts import evidence
from cjmdsl import model as m
from cjmdsl.language.blueprint import located_steps, step_details
from cjmdsl.words.escape import md_text
from cjmdsl.lanes import fail_points
from cjmdsl.integrations.lsp.analysis import Analysis
from cjmdsl.facts.steps import timing_words
from cjmdsl.words.numbers import counted, on_scale

_PERSONA_FIELDS = (("roles", "Role"), ("goals", "Goal"), ("needs", "Need"), ("pains", "Pain"),
                   ("motivations", "Motivation"), ("quotes", "Quote"))


def hover_text(analysis: Analysis, line: int, column: int) -> tuple[str, m.Span] | None:
    """The card for what is under the cursor, and the span it is about: looked up in the
    analysis' indexes, never by a walk over the map."""
    journey = analysis.journey
    if journey is None:
        return None
    felt = analysis.feeling_at(line, column)
    if felt:
        mark, tp = felt
        return _feeling(analysis, mark, tp), mark.value_span
    occurrence = analysis.occurrence_at(line, column)
    if occurrence is None:
        return None
    if occurrence.kind == "persona":
        persona = analysis.personas.get(occurrence.id)
        return (persona_card(persona) if persona else None), occurrence.span
    if occurrence.kind == "finding":
        card = _finding(journey, occurrence.id)
        return (card, occurrence.span) if card else None
    if occurrence.kind == "channel":
        declared = next((c for c in journey.channels if c.id == occurrence.id), None)
        if declared is None:
            return None
        return (f"**{_md(declared.label)}** · channel `{declared.id}` of this map, drawn with "
                f"the `{declared.icon}` icon"), occurrence.span
    if occurrence.kind == "actor":
        actor = journey.actor(occurrence.id)
        return (actor_card(journey, actor), occurrence.span) if actor else None
    if occurrence.kind == "item":
        card = _item(journey, occurrence.id)
        return (card, occurrence.span) if card else None
    if occurrence.kind == "source":
        source = analysis.sources.get(occurrence.id)
        return (source_card(journey, source) if source else None), occurrence.span
    touchpoint = analysis.touchpoints.get(occurrence.id)
    if touchpoint:
        return _touchpoint(analysis, touchpoint), occurrence.span
    stage = analysis.stages.get(occurrence.id)
    if stage:
        count = len(stage.touchpoints)
        return (f"**{_md(stage.name)}** · stage `{stage.id}`\n\n"
                f"{counted(count, 'touchpoint')}"), occurrence.span
    return None


def persona_card(persona: m.Persona) -> str:
    out = [f"**{_md(persona.name)}** · persona `{persona.id}`"]
    for attribute, title in _PERSONA_FIELDS:
        out += [f"- {title}: {_md(text.text)}" for text in getattr(persona, attribute)]
    if persona.color:
        out.append(f"- Colour: `{persona.color}`")
    return "\n".join(out[:1] + ([""] if len(out) > 1 else []) + out[1:])


def actor_card(journey: m.Journey, actor: m.Actor) -> str:
    """Who an actor is and what it does: the items that name it, by lane."""
    out = [f"**{_md(actor.name)}** · {actor.kind} `{actor.id}`", ""]
    if actor.team:
        out.append(f"- Team: {_md(actor.team)}")
    does = [(keyword, tp, step) for keyword, tp, step in located_steps(journey)
            if step.actor == actor.id]
    out += [f"- {keyword.capitalize()}: {_md(step.text)} ({_md(tp.name)})"
            for keyword, tp, step in does]
    if not does:
        out.append("- Does nothing yet: name it with `by " + actor.id + "`")
    return "\n".join(out)


def _item(journey: m.Journey, item_id: str) -> str | None:
    """A blueprint item's card: its text, lane, touchpoint, actor and hand-offs."""
    for keyword, tp, step in located_steps(journey):
        if step.id == item_id:
            lines = [f"**{_md(step.text)}** · {keyword} item `{step.id}` at **{_md(tp.name)}**",
                     ""]
            lines += [f"- {_md(detail)}" for detail in step_details(step, journey)]
            return "\n".join(lines).rstrip()
    return None


def source_card(journey: m.Journey, source: m.DeclaredSource) -> str:
    """What a declared source is, how large and how old, and how many claims cite it."""
    out = [f"**{_md(source.title)}** · {source.kind} `{source.id}`", ""]
    if source.size is not None:
        out.append(f"- Sample: {evidence.sample(source)}")
    if source.collected:
        out.append(f"- Collected: {source.collected}")
    if source.url:
        out.append(f"- Link: {_md(source.url)}")
    cited = len(evidence.citations(journey)[source.id])
    out.append(f"- Cited by {counted(cited, 'claim')}")
    return "\n".join(out)


def _feeling(analysis: Analysis, mark, tp: m.Touchpoint) -> str:
    scale = analysis.journey.scale
    value = on_scale(mark.value, scale)
    label = scale.label_for(mark.value)
    persona = analysis.personas.get(mark.persona)
    who = _md(persona.name) if persona else f"`{mark.persona}`"
    what = "expects" if isinstance(mark, m.Expectation) else "feels"
    reading = (f"**{_md(label)}**" if label
              else "no label" if scale.contains(mark.value) else "outside the scale")
    return (f"`{value}` on the scale {scale.low:g} .. {scale.high:g}: {reading}\n\n"
            f"{who} {what} this at **{_md(tp.name)}**")


def _touchpoint(analysis: Analysis, tp: m.Touchpoint) -> str:
    journey = analysis.journey
    stage = analysis.stages[tp.stage]
    lines = [f"**{_md(tp.name)}** · touchpoint `{tp.id}` in stage **{_md(stage.name)}**", ""]
    if tp.channel:
        lines.append(f"- Channel: {_md(tp.channel_label)} (`{tp.channel}`)")
    for emotion in tp.emotions:
        label = journey.scale.label_for(emotion.value)
        lines.append(f"- `{emotion.persona}` {on_scale(emotion.value, journey.scale)}" + (f" ({_md(label)})" if label else ""))
    timing = timing_words(tp)
    if timing:
        lines.append(f"- Time: {_md(timing)}")
    lines += [f"- Fail point: **{_md(item.fail)}** ({lane.label.lower()}: {_md(lane.text_of(item))})"
              for lane, item in fail_points(tp)]
    return "\n".join(lines).rstrip()


def _finding(journey: m.Journey, finding_id: str) -> str | None:
    """A pain point's or opportunity's card: its text, where it is, who it is for, and the
    opportunities that address a pain point (or the pain points an opportunity addresses)."""
    for tp in journey.touchpoints:
        for kind, findings in (("pain point", tp.pains), ("opportunity", tp.opportunities)):
            finding = next((f for f in findings if f.id == finding_id), None)
            if finding is None:
                continue
            lines = [f"**{_md(finding.text)}** · {kind} `{finding.id}` at **{_md(tp.name)}**", ""]
            if finding.personas:
                lines.append("- For: " + ", ".join(f"`{p}`" for p in finding.personas))
            answers = [o for t in journey.touchpoints for o in t.opportunities
                       if finding_id in o.addresses]
            lines += [f"- Addressed by: {_md(o.text)}" for o in answers]
            lines += [f"- Addresses: `{pain}`" for pain in finding.addresses]
            return "\n".join(lines).rstrip()
    return None


def _md(text: str) -> str:
    """User text as literal Markdown on one line (a client may not render `<br>` in a hover)."""
    return md_text(text, line_break=" ")
