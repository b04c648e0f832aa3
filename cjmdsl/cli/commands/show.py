"""`cjm show`: a map summed up in the terminal.

Per stage, each touchpoint with its channel, every persona's emotion (an emoji, the
value, the word, the expectation and the gap), the items of the lanes with a summary
(`cjmdsl.lanes`: pains ✗, opportunities ✓);
then one line per persona with its emotion curve as a sparkline, and the KPIs.
Colour only on a terminal and never with NO_COLOR; lines wrap to the terminal. Written in
the map's language (`lang`, or `--lang`), as every output is.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import textwrap

import click

from cjmdsl.words import kpis
from cjmdsl.backends.md import mark
from cjmdsl.words.escape import terminal_text
from cjmdsl.language.blueprint import step_details
from cjmdsl.lanes import SUMMARISED_LANES, fail_points
from cjmdsl.facts.steps import timing_words
from cjmdsl.words.locales import in_its_language, say, say_counted
from cjmdsl.words.numbers import on_scale, signed
from cjmdsl.model import Journey, Step, Touchpoint
from cjmdsl.words.sentences import action_item

SHOW_HELP = """Print a readable summary of maps in the terminal.

\b
Examples:
  cjm show shop.cjm
  cjm show maps/ | less -R               every .cjm under maps/
"""

SPARKS = "▁▂▃▄▅▆▇█"


@click.command(help=SHOW_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--width", type=click.IntRange(min=40), default=None,
              help="Wrap lines at this width.  [default: the terminal's]")
@click.option("--lang", default=None, metavar="LANG",
              help="Language of the words and figures the tool writes (de, en, es, fr, ja; "
                   "overrides the map's `lang`).")
def show(files: tuple[str, ...], width: int | None, lang: str | None) -> None:
    from cjmdsl.cli import (EXIT_MAP_ERRORS, EXIT_OK, checked, expand_inputs,
                            refuse_unknown_language)

    refuse_unknown_language(lang)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = width or shutil.get_terminal_size((100, 24)).columns
    failed = False
    for index, name in enumerate(expand_inputs(files)[0]):
        _, result = checked(name)
        if result is None or result.journey is None:
            failed = True
            continue
        if index:
            click.echo()
        journey = result.journey if lang is None else dataclasses.replace(result.journey, lang=lang)
        click.echo(describe(printable(journey), width), color=color)
    sys.exit(EXIT_MAP_ERRORS if failed else EXIT_OK)


def printable(value):
    """`value` (the journey, and everything in it) with every text escaped for a terminal
    (`escape.terminal_text`): a name cannot print a control sequence or start a new line,
    whichever field of the summary shows it."""
    if isinstance(value, str):
        return terminal_text(value)
    if isinstance(value, (tuple, list)):
        return type(value)(printable(item) for item in value)
    if isinstance(value, dict):
        return {key: printable(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: printable(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


@in_its_language
def describe(journey: Journey, width: int = 100) -> str:
    """The whole summary, with ANSI styles (click strips them when colour is off)."""
    out: list[str] = []
    touchpoints = journey.touchpoints
    out.append(click.style(journey.title, bold=True))
    lane_counts = [(lane, sum(len(lane.items_of(tp)) for tp in touchpoints))
                   for lane in SUMMARISED_LANES]
    counts = [say_counted("stages", len(journey.stages)),
              say_counted("touchpoints", len(touchpoints)),
              say_counted("site_personas", len(journey.personas)),
              *(say_counted(f"count_{lane.key}", count) for lane, count in lane_counts
                if count or lane.summary.counted_when_none),
              say_counted("stage_moments", sum(1 for tp in touchpoints if tp.moment_of_truth))]
    fails = sum(len(fail_points(tp)) for tp in touchpoints)
    if fails:
        counts.append(say_counted("count_fail_points", fails))
    out += _wrap(say("list_separator").join(counts), width, "  ")
    if journey.description:
        out += _wrap(journey.description, width, "  ", dim=True)
    for stage in journey.stages:
        out.append("")
        out.append(click.style(stage.name, bold=True, underline=True))
        for goal in stage.goals:
            out += _wrap(say("show_goal", goal=goal.text), width, "  ", dim=True)
        for tp in stage.touchpoints:
            out += _touchpoint(journey, tp, width)
        for item in stage.action_items:
            out += _wrap(f"☐ {action_item(item)}", width, "  ")
    out += _curves(journey)
    out += _kpis(journey, width)
    return "\n".join(out)


def _touchpoint(journey: Journey, tp: Touchpoint, width: int) -> list[str]:
    star = click.style("★ ", fg="yellow") if tp.moment_of_truth else ""
    channel = click.style(f" · {tp.channel_label}", dim=True) if tp.channel else ""
    timing = timing_words(tp)
    channel += click.style(f" · {timing}", dim=True) if timing else ""
    lines = [f"  {star}{click.style(tp.name, bold=True)}{channel}"]
    name_width = max((len(p.name) for p in journey.personas), default=0)
    for persona in journey.personas:
        emotion, expected = tp.emotion_of(persona.id), tp.expectation_of(persona.id)
        if emotion is None and expected is None:
            continue
        text = ""
        if emotion is not None:
            text = _felt(emotion.value, journey) + (f" {emotion.word}" if emotion.word else "")
        if expected is not None:
            note = say("felt_expected", value=on_scale(expected.value, journey.scale))
            if emotion is not None:
                note += say("list_separator") + say("felt_gap",
                                                    value=signed(emotion.value - expected.value))
            text += click.style(f" ({note})", dim=True)
        lines += _wrap(text, width, f"      {persona.name.ljust(name_width)}  ")
    for lane in SUMMARISED_LANES:
        mark = click.style(f"{lane.summary.mark} ", fg=lane.summary.color)
        for item in lane.items_of(tp):
            details = step_details(item, journey) if isinstance(item, Step) else []
            text = item.text + (click.style(f" ({'; '.join(details)})", dim=True)
                                if details else "")
            lines += _wrap(text, width, "      " + mark, hang=8)
    fail = click.style("F ", fg="magenta", bold=True)
    for lane, item in fail_points(tp):
        where = say("label", label=_in_sentence(lane.label))
        lines += _wrap(f"{say('label', label=say('fails'))} {item.fail}"
                       + click.style(f" ({where} {lane.text_of(item)})", dim=True),
                       width, "      " + fail, hang=8)
    return lines


def _in_sentence(name: str) -> str:
    """A row's name inside a sentence: lower case where the language writes it so (English:
    `pain points`), as written where it does not (German nouns keep their capital)."""
    return name.lower() if say("lane_names_in_sentences") == "lower case" else name


def _felt(value: float, journey: Journey) -> str:
    scale = journey.scale
    middle = (scale.low + scale.high) / 2
    color = "red" if value < middle else "green" if value > middle else "yellow"
    return f"{mark(value, scale)} " + click.style(on_scale(value, scale), fg=color, bold=True)


def _curves(journey: Journey) -> list[str]:
    """One sparkline per persona across all touchpoints (`·` where it has no emotion)."""
    scale = journey.scale
    if not journey.personas:
        return []
    low, high = scale.label_for(scale.low), scale.label_for(scale.high)
    legend = f"{on_scale(scale.low, scale)}{' ' + low if low else ''} … {on_scale(scale.high, scale)}" \
             f"{' ' + high if high else ''}"
    out = ["", click.style(say("show_curves"), bold=True) + click.style(f"  ({legend})", dim=True)]
    name_width = max(len(p.name) for p in journey.personas)
    for persona in journey.personas:
        marks = []
        for tp in journey.touchpoints:
            emotion = tp.emotion_of(persona.id)
            if emotion is None:
                marks.append(click.style("·", dim=True))
                continue
            span = (scale.high - scale.low) or 1
            level = round((emotion.value - scale.low) / span * (len(SPARKS) - 1))
            marks.append(SPARKS[max(0, min(level, len(SPARKS) - 1))])
        out.append(f"  {persona.name.ljust(name_width)}  {''.join(marks)}")
    return out


def _kpis(journey: Journey, width: int) -> list[str]:
    if not journey.kpis:
        return []
    out = ["", click.style(say("row_kpis"), bold=True)]
    for kpi in journey.kpis:
        status = {"met": click.style(f"✓ {say('kpi_met')}", fg="green"),
                  "missed": click.style(f"✗ {say('kpi_missed')}", fg="red")
                  }.get(kpis.status(kpi), "")
        target = say("show_target", target=kpis.target(kpi)) if kpi.target is not None else ""
        sentence = f" · {kpis.sentence(kpi)}" if kpis.sentence(kpi) else ""
        text = f"{say('label', label=kpi.name)} {kpis.figure(kpi)}{sentence}  {target}  {status}"
        out += _wrap(text.rstrip(), width, "  ")
    return out


def _wrap(text: str, width: int, prefix: str, hang: int | None = None,
          dim: bool = False) -> list[str]:
    visible = len(click.unstyle(prefix))
    lines = textwrap.wrap(text, max(width - visible, 20)) or [""]
    indent = " " * (hang if hang is not None else visible)
    styled = [click.style(line, dim=True) if dim else line for line in lines]
    return [prefix + styled[0]] + [indent + line for line in styled[1:]]
