"""The map as Markdown, for README files, wikis and pull-request comments.

GitHub-flavoured Markdown that also reads well as plain text: the journey as a
table (stages, touchpoints, channels, a column per lane that has one in `cjmdsl.lanes`,
each persona's emotion as an emoji, the number, the word and the responses behind it), the
other lanes as lists, moments of truth, the fail points, each step's wait, time and elapsed
time, the gap between expected and actual emotion, the planned improvement from as-is to
to-be (`cjmdsl.language.states`), the KPIs, the prioritised
opportunities and action items (a matrix and a ranked list) and the declared sources with
what cites them.
Every user text goes through `md_text`, so a label cannot start a heading, break a
table or inject HTML.
"""
from __future__ import annotations

from cjmdsl.backends import _feelings as feelings
from cjmdsl.facts import evidence, priorities, steps
from cjmdsl.lanes import CARD_LANES
from cjmdsl.language.blueprint import step_details
from cjmdsl.language.links import linked_output
from cjmdsl.language.measured import responses_words
from cjmdsl.language.states import improvements
from cjmdsl.model import (PRIORITY_LEVELS, Emotion, Expectation, Journey, Kpi, Scale, Step,
                          Touchpoint)
from cjmdsl.themes import Theme
from cjmdsl.words import kpis
from cjmdsl.words.escape import md_text, web_link
from cjmdsl.words.locales import in_its_language, say
from cjmdsl.words.numbers import on_scale, signed
from cjmdsl.words.sentences import action_item, finding_links, linked_summary, metadata_line

BINARY = False

# From the low end of the scale to the high end, in five equal steps.
MARKS = ("😠", "😟", "😐", "🙂", "😄")

@in_its_language
def render(journey: Journey, theme: Theme | None = None) -> str:
    parts = [_head(journey), _journey_table(journey), _stage_plans(journey),
            _insights(journey), _stage_notes(journey), _priorities(journey), _moments(journey),
            _fail_points(journey), _linked(journey), _timeline(journey), _gaps(journey), _improvements(journey),
            _kpis(journey), _sources(journey), _actors(journey)]
    return "\n\n".join(part for part in parts if part) + "\n"


def mark(value: float, scale: Scale) -> str:
    """The emoji for a value: the nearest of five marks spread evenly from the low end of
    the scale to the high end (so the middle of any scale is 😐)."""
    span = scale.high - scale.low
    position = 0.5 if span == 0 else (value - scale.low) / span
    return MARKS[min(max(int(position * (len(MARKS) - 1) + 0.5), 0), len(MARKS) - 1)]


def _head(journey: Journey) -> str:
    lines = [f"# {md_text(journey.title)}"]
    if journey.description:
        lines += ["", md_text(journey.description)]
    metadata = metadata_line(journey)
    if metadata:
        lines += ["", f"*{md_text(metadata)}*"]
    for note in journey.notes:
        lines += ["", f"> {md_text(note.text)}"]
    if journey.personas:
        lines += ["", f"**{say('heading_personas')}**", ""]
        for persona in journey.personas:
            role = f" — {md_text(persona.roles[0].text)}" if persona.roles else ""
            lines.append(f"- **{md_text(persona.name)}**{role}")
    if journey.felt:
        scale = journey.scale
        levels = [f"{mark(v, scale)} {on_scale(v, scale)}"
                  + (f" {md_text(scale.label_for(v))}" if scale.label_for(v) else "")
                  for v in range(scale.low, scale.high + 1)]
        lines += ["", f"{_label('md_scale')} " + " · ".join(levels)]
    return "\n".join(lines)


def _journey_table(journey: Journey) -> str:
    personas = journey.personas
    columns = [lane for lane in CARD_LANES if lane.column]
    header = [say("column_stage"), say("column_touchpoint"), say("column_channel"),
              *(say(f"column_{lane.key}") for lane in columns),
              *(md_text(p.name) for p in personas)]
    rows = []
    for stage in journey.stages:
        for index, tp in enumerate(stage.touchpoints):
            name = ("⭐ " if tp.moment_of_truth else "") + f"**{md_text(tp.name)}**"
            felt = feelings.at(tp)
            rows.append([md_text(stage.name) if index == 0 else "", name, _channel(tp),
                         *(_lines([t.text for t in lane.items_of(tp)]) for lane in columns),
                         *(_feeling(*felt[p.id], journey.scale) if p.id in felt else ""
                           for p in personas)])
        if not stage.touchpoints:
            rows.append([md_text(stage.name), f"*({say('no_touchpoints')})*", "",
                         *("" for _ in columns), *("" for _ in personas)])
    return f"## {say('md_journey')}\n\n" + table(header, rows)


def _feeling(emotion: Emotion | None, expected: Expectation | None, scale: Scale) -> str:
    text = ""
    if emotion is not None:
        text = f"{mark(emotion.value, scale)} {on_scale(emotion.value, scale)}"
        if emotion.word:
            text += f" {md_text(emotion.word)}"
        responses = responses_words(emotion, scale)
        if responses:
            text += f" ({md_text(responses)})"
    if expected is not None:
        expected_text = say("felt_expected", value=on_scale(expected.value, scale))
        text += f"{' ' if text else ''}({expected_text})"
    return text


def _channel(tp: Touchpoint) -> str:
    return md_text(tp.channel_label) if tp.channel else ""


def _stage_plans(journey: Journey) -> str:
    sections = []
    for stage in journey.stages:
        lines = [f"### {md_text(stage.name)}", ""]
        lines += [f"- {_label('customer_goal')} {md_text(t.text)}" for t in stage.goals]
        lines += [f"- {_label('brand_action')} {md_text(t.text)}" for t in stage.brand_actions]
        lines += [f"- [ ] {action_item(item, md_text, owner='*({})*')}"
                  for item in stage.action_items]
        lines += [f"- {_label('column_metric')} {md_text(kpis.metric_text(metric))}"
                  for metric in stage.metrics]
        if len(lines) > 2:
            sections.append("\n".join(lines))
    return f"## {say('row_stage_plan')}\n\n" + "\n\n".join(sections) if sections else ""


def _insights(journey: Journey) -> str:
    blocks = []
    for lane in CARD_LANES:
        if lane.column:
            continue
        items = [f"- **{say('label', label=md_text(tp.name))}** {md_text(lane.text_of(item))}"
                 + (_evidence(item, journey) if lane.findings else _step(item, journey))
                 for tp in journey.touchpoints for item in lane.items_of(tp)]
        if items:
            blocks.append(f"## {lane.label}\n\n" + "\n".join(items))
    return "\n\n".join(blocks)


def _step(item, journey: Journey) -> str:
    """After a blueprint item: who does it and where it hands off (`step_details`)."""
    details = step_details(item, journey) if isinstance(item, Step) else []
    return f" *({' · '.join(md_text(d) for d in details)})*" if details else ""


def _actors(journey: Journey) -> str:
    """The blueprint's actors: name, kind and team."""
    if not journey.actors:
        return ""
    lines = [f"- **{md_text(actor.name)}** ({actor.kind}"
             + (f", {md_text(actor.team)}" if actor.team else "") + ")"
             for actor in journey.actors]
    return f"## {say('actors')}\n\n" + "\n".join(lines)


def _evidence(item, journey: Journey) -> str:
    tags = []
    if item.source is not None:
        kind, details = evidence.source_parts(item.source, journey)
        tags.append(f"{say('label', label=kind)} {md_text(' · '.join(details))}" if details
                    else kind)
    if item.owner:
        tags.append(say("owner_tag", owner=md_text(item.owner)))
    tags += [md_text(link) for link in finding_links(item, journey)]
    return f" *({' · '.join(tags)})*" if tags else ""


def _stage_notes(journey: Journey) -> str:
    items = [f"- **{say('label', label=md_text(stage.name))}** {md_text(note.text)}"
             for stage in journey.stages for note in stage.notes]
    return f"## {say('heading_stage_notes')}\n\n" + "\n".join(items) if items else ""


def _moments(journey: Journey) -> str:
    stage_of = {tp.id: stage.name for stage in journey.stages for tp in stage.touchpoints}
    items = []
    for tp in journey.touchpoints:
        if tp.moment_of_truth is None:
            continue
        reason = tp.moment_of_truth.reason
        named = f"- ⭐ **{md_text(tp.name)}** ({md_text(stage_of[tp.id])})"
        items.append(f"{say('label', label=named)} {md_text(reason)}" if reason else named)
    return f"## {say('heading_moments')}\n\n" + "\n".join(items) if items else ""


def _fail_points(journey: Journey) -> str:
    """Where the service can break: each fail point under its touchpoint, on its item."""
    items = [say("label", label=f"- **{md_text(f.touchpoint.name)}** ({md_text(f.stage.name)}), "
                                f"{f.lane.label}")
             + f" {md_text(f.lane.text_of(f.item))} — {_label('fails')} {md_text(f.reason)}"
             for f in steps.fail_points_of(journey)]
    return f"## {say('heading_fail_points')}\n\n" + "\n".join(items) if items else ""


def _linked(journey: Journey) -> str:
    """The maps that tell touchpoints in detail, linked to their Markdown beside this one."""
    items = [f"- **{md_text(tp.name)}** → [{md_text(tp.details.title)}]"
             f"({linked_output(tp.details.path, '.md')}): "
             f"{md_text(linked_summary(tp.details, journey))}"
             for tp in journey.touchpoints if tp.details]
    return f"## {say('details_heading')}\n\n" + "\n".join(items) if items else ""


def _timeline(journey: Journey) -> str:
    """Each step's wait and time as written, and the time elapsed by its start."""
    rows = [[f"**{md_text(step.touchpoint.name)}**", md_text(step.stage.name),
             md_text(step.touchpoint.wait.text) if step.touchpoint.wait else "",
             md_text(step.touchpoint.time.text) if step.touchpoint.time else "",
             step.elapsed_text] for step in steps.timeline(journey)]
    if not rows:
        return ""
    return (f"## {say('heading_time')}\n\n{say('md_time_note')}\n\n"
            + table(_columns("touchpoint", "stage", "wait_before", "time", "elapsed"), rows))


def _gaps(journey: Journey) -> str:
    """Expected against actual, wherever a persona has both at a touchpoint."""
    rows = []
    order = feelings.persona_order(journey)
    for tp in journey.touchpoints:
        for _, persona, emotion, expected in feelings.in_persona_order(journey, tp, order):
            if emotion is None or expected is None:
                continue
            gap = emotion.value - expected.value
            scale = journey.scale
            rows.append([md_text(tp.name), md_text(persona.name),
                         f"{mark(expected.value, scale)} {on_scale(expected.value, scale)}",
                         f"{mark(emotion.value, scale)} {on_scale(emotion.value, scale)}",
                         f"**{signed(gap)}**" if gap < 0 else signed(gap)])
    if not rows:
        return ""
    return (f"## {say('md_gaps')}\n\n{say('md_gaps_note')}\n\n"
            + table(_columns("touchpoint", "persona", "expected", "actual", "gap"), rows))


def _improvements(journey: Journey) -> str:
    """The to-be against the as-is, wherever a persona has a to-be, and what aims at it."""
    scale = journey.scale
    rows = []
    for planned in improvements(journey):
        felt, change = planned.as_is, planned.change
        rows.append([md_text(planned.touchpoint.name),
                     md_text(planned.persona.name if planned.persona else planned.to_be.persona),
                     f"{mark(felt.value, scale)} {on_scale(felt.value, scale)}" if felt else "–",
                     f"{mark(planned.to_be.value, scale)} {on_scale(planned.to_be.value, scale)}"
                     + (f" {md_text(planned.to_be.word)}" if planned.to_be.word else ""),
                     f"**{signed(change)}**" if change is not None and change > 0
                     else signed(change) if change is not None else "–",
                     "; ".join(md_text(text) for text in planned.aimed_by) or "–"])
    if not rows:
        return ""
    return (f"## {say('md_improvements')}\n\n{say('md_improvements_note')}\n\n"
            + table(_columns("touchpoint", "persona", "as_is", "to_be", "improvement",
                             "aimed_by"), rows))


def _kpis(journey: Journey) -> str:
    if not journey.kpis:
        return ""
    rows = [[md_text(kpi.name), _kpi_actual(kpi), md_text(kpis.target(kpi) or "–"),
             {"met": f"✅ {say('kpi_met')}", "missed": f"❌ {say('kpi_missed')}"}
             .get(kpis.status(kpi), "")]
            for kpi in journey.kpis]
    return (f"## {say('row_kpis')}\n\n"
            + table(_columns("kpi", "actual", "target", "status"), rows))


def _priorities(journey: Journey) -> str:
    """The impact × effort matrix (rank numbers in its cells) and the ranked list."""
    ranked = priorities.ranked(journey)
    if not ranked:
        return ""
    header = [say("matrix_corner"), *(say(f"effort_{effort}") for effort in PRIORITY_LEVELS)]
    rows = [[f"**{say(f'impact_{impact}')}**",
             *("<br>".join(f"**{p.rank}.** {md_text(p.item.text)}" for p in cell)
               for _, cell in cells)]
            for impact, cells in priorities.matrix(ranked)]
    listed = [f"{p.rank}. **{md_text(p.item.text)}** — "
              + say(f"md_ranked_{p.kind.replace(' ', '_')}", impact=say(f"level_{p.impact}"),
                    effort=say(f"level_{p.effort}"), where=md_text(p.where))
              + (f" *({say('owner_tag', owner=md_text(p.item.owner))})*" if p.item.owner else "")
              for p in ranked]
    return (f"## {say('heading_priorities')}\n\n{say('md_priorities_note')}\n\n"
            + table(header, rows) + "\n\n" + "\n".join(listed))


def _sources(journey: Journey) -> str:
    """The declared sources with their sample, date, link and the claims citing them."""
    if not journey.sources:
        return ""
    cited = evidence.citations(journey)
    rows = []
    for source in journey.sources:
        link = web_link(source.url) if source.url else None
        name = f"**{md_text(source.title)}** (`{source.id}`)"
        if link:
            name += f" [{say('md_link')}]({link})"
        elif source.url:
            name += f"<br>{md_text(source.url)}"
        rows.append([name, source.kind.capitalize(), md_text(evidence.sample(source) or ""),
                     source.collected or "", _lines(evidence.cited_by(cited[source.id], journey))
                     or f"*({say('not_cited')})*"])
    return (f"## {say('heading_sources')}\n\n"
            + table(_columns("source", "kind", "sample", "collected", "cited_by"), rows))


def _kpi_actual(kpi: Kpi) -> str:
    sentence = kpis.sentence(kpi)
    return md_text(kpis.figure(kpi)) + (f"<br>{md_text(sentence)}" if sentence else "")


def _label(key: str) -> str:
    """The message `key` as a bold label: `**Customer goal:**`."""
    return f"**{say('label', label=say(key))}**"


def _columns(*names: str) -> list[str]:
    """A table's header: the catalogue's `column_<name>` of each name."""
    return [say(f"column_{name}") for name in names]


def _lines(texts: list[str]) -> str:
    return "<br>".join(md_text(text) for text in texts)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)
