"""Properties that hold for every valid journey, checked on journeys Hypothesis builds.

The journeys are built from the model's dataclasses directly (not through the parser), with
hostile text: long words, emoji and ZWJ sequences, CJK, right-to-left scripts and bidi
controls, combining marks, XML markup characters, controls; and with what the language says
of evidence and plans (metrics, declared sources and their citations, to-bes and aims,
scored opportunities, KPIs of a stage). For each one: rendering never raises, the SVG is
well-formed and inert, the JSON parses and matches the schema, no text overflows its box,
nothing in a column overlaps, and output is deterministic.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import cjmdsl
from cjmdsl import model as m
from cjmdsl.api import parse
from cjmdsl.language.blueprint import handoff_pairs, located_steps
from cjmdsl.layout.geometry import Box
from cjmdsl.backends import text_formats
from cjmdsl.channels import channel_names
from cjmdsl.language.compile import validate
from cjmdsl.language.measured import metric_range, on_map_scale
from cjmdsl.words.escape import xml_chars
from cjmdsl.layout.map import layout
from cjmdsl.layout.textmetrics import line_height, text_width
from cjmdsl.themes import load_theme
from cjmdsl.words.sentences import say

HEAVY = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIGHT = settings(max_examples=25, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TOLERANCE = 0.5

# ── hostile text ────────────────────────────────────────────────────────────
PIECES = (
    "<script>alert(1)</script>", "&amp;", "&", "<", ">", '"', "'", "]]>", "<!--", "{{ x }}",
    'onload="x()"', "href=javascript:alert(1)",
    "😀", "👩‍👩‍👧‍👦", "🇩🇪", "👍🏽", "❤️", "🏳️‍🌈",
    "漢字", "東京都千代田区", "かなカナ", "한국어",
    "שלום", "مرحبا بالعالم", "\u202eevil\u202c", "\u200f", "\u200b", "\ufeff",
    "e\u0301", "i\u0308", "Z\u0335\u0321\u0327a\u0336lgo",
    "\u00a0", "\u2007", "\t", "\n", "\r\n", "\u2028", "\x00", "\x07", "\x85", "\ufffe",
    "Donaudampfschifffahrtsgesellschaftskapitän",
    "W" * 45, "m" * 80, "—" * 30, "https://example.com/a/very/long/path?with=query&and=more",
)
# Mostly whole hostile pieces (one cheap choice each), some arbitrary Unicode; a journey holds
# hundreds of texts, so each is kept short to keep generation fast.
words = st.one_of(
    st.sampled_from(PIECES),
    st.sampled_from(["Lorem", "ipsum", "dolor", "sit", "amet", "a", "I", "checkout", "–", "·"]),
    st.text(min_size=1, max_size=12),
)
texts = st.lists(words, max_size=6).map(" ".join)
some_texts = st.lists(texts.map(m.Text), max_size=2).map(tuple)
optional_texts = st.none() | texts
ID_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
ids = st.builds("{}{}".format, st.sampled_from(ID_START),
                st.text(ID_START + "0123456789-", max_size=11))  # the grammar's ID
colors = st.none() | st.sampled_from([3, 6]).flatmap(
    lambda digits: st.text("0123456789abcdefABCDEF", min_size=digits, max_size=digits)
).map("#{}".format)
channels = st.none() | st.sampled_from(channel_names()) | ids


@st.composite
def scales(draw) -> m.Scale:
    low = draw(st.integers(-10, 1))
    high = draw(st.integers(low + 1, low + 20))
    labelled = draw(st.lists(st.integers(low, high), unique=True, max_size=high - low + 1))
    return m.Scale(low, high, tuple(m.ScaleLevel(v, draw(texts)) for v in sorted(labelled)))


def values_in(scale: m.Scale):
    return (st.integers(scale.low, scale.high)
            | st.floats(scale.low, scale.high, allow_nan=False).map(lambda v: round(v, 2))
            .filter(scale.contains))


COLLECTED = st.none() | st.sampled_from(["2026", "2026-09", "2024-02-29", "1999-12-31"])
source_ids = ids.filter(lambda i: i not in m.SOURCE_KINDS)  # a kind would be E071


def declared_sources(source_id: str):
    """A source declared once (`source q3 survey "Q3 survey" { n 212 collected 2026-09 }`)."""
    return st.builds(m.DeclaredSource, id=st.just(source_id),
                     kind=st.sampled_from(m.SOURCE_KINDS), title=texts,
                     size=st.none() | st.integers(1, 10**6), collected=COLLECTED,
                     url=st.none() | st.just("https://example.com/q3?a=1&b=2") | texts)


def sources(declared: tuple[m.DeclaredSource, ...] = ()):
    """The evidence a claim gives: a kind with a detail (`source survey "Q3"`), or a citation
    of a declared source by its id, as the compiler resolves it (the source's kind, `cites`)."""
    written = st.builds(m.Source, kind=st.sampled_from(m.SOURCE_KINDS), detail=optional_texts)
    if not declared:
        return written
    return written | st.sampled_from(declared).flatmap(lambda source: st.builds(
        m.Source, kind=st.just(source.kind), detail=optional_texts, cites=st.just(source.id)))


levels = st.none() | st.sampled_from(m.PRIORITY_LEVELS)


def findings(declared: tuple[m.DeclaredSource, ...]):
    return st.fixed_dictionaries({"text": texts, "source": st.none() | sources(declared),
                                 "owner": optional_texts, "impact": levels,
                                 "effort": levels, "fail": optional_texts})


def claims(declared: tuple[m.DeclaredSource, ...]):
    return st.lists(st.builds(m.Claim, text=texts, source=st.none() | sources(declared),
                              fail=optional_texts), max_size=2).map(tuple)


figures = (st.integers(-10**6, 10**9)
           | st.floats(-1e6, 1e9, allow_nan=False).map(lambda v: round(v, 2)))


@st.composite
def metrics(draw, metric_id: str, declared: tuple[m.DeclaredSource, ...]) -> m.Metric:
    """A metric as written (`metric csat 3.9 of 5 higher target 4.2 source q3`): a
    percentage, a score out of N, a value with a unit or a plain value; mostly in its range,
    sometimes not (only an emotion read off it must be)."""
    measure = draw(st.sampled_from(["percent", "score", "unit", "plain"]))
    out_of = unit = None
    outside = draw(st.integers(0, 3)) == 0
    if measure == "percent":
        value = draw(figures if outside else (st.integers(0, 100)
                                              | st.floats(0, 100).map(lambda v: round(v, 1))))
    elif measure == "score":
        out_of = draw(st.sampled_from([1, 5, 7, 10]) | st.floats(0, 100).map(lambda v: round(v, 1)))
        value = draw(figures if outside
                     else st.floats(1, max(out_of, 1)).map(lambda v: round(v, 1)))
    else:
        value = draw(figures)
        unit = draw(st.sampled_from(["days", "EUR", "%"]) | texts) if measure == "unit" else None
    return m.Metric(metric_id, value, percent=measure == "percent", out_of=out_of, unit=unit,
                    direction=draw(st.sampled_from([None, "higher", "lower"])),
                    target=draw(st.none() | figures), source=draw(st.none() | sources(declared)))


def in_its_range(metric: m.Metric) -> bool:
    """Whether an emotion may be read off `metric` (E101 otherwise)."""
    limits = metric_range(metric)
    return limits is not None and limits[0] <= metric.value <= limits[1]


def metrics_of(declared: tuple[m.DeclaredSource, ...]):
    """A touchpoint's or a stage's metrics, each id once."""
    return st.lists(ids, max_size=2, unique=True).flatmap(
        lambda metric_ids: st.tuples(*(metrics(i, declared) for i in metric_ids)))


durations = st.none() | st.builds(
    lambda value, unit: m.Duration(value, unit, f"{value:g} {unit}"),
    st.integers(0, 400) | st.floats(0, 90, allow_nan=False).map(lambda v: round(v, 1)),
    st.sampled_from(["min", "h", "d", "w", "mo"]))


def steps(actor_ids: list[str], declared: tuple[m.DeclaredSource, ...], by: bool = True):
    """Blueprint items (hand-offs are added once every item has its id: `with_handoffs`)."""
    actors = st.sampled_from(actor_ids) if actor_ids and by else st.none()
    return st.lists(st.builds(m.Step, text=texts, source=st.none() | sources(declared),
                              actor=st.none() | actors), max_size=2).map(tuple)


BLUEPRINT_FIELDS = ("actions", "evidence", "frontstage", "backstage", "support")


def with_handoffs(draw, stages: list[m.Stage]) -> list[m.Stage]:
    """The stages with some blueprint items given ids and hand-offs to other items."""
    number = 0

    def named(step: m.Step, field: str) -> m.Step:
        nonlocal number
        number += 1
        return dataclasses.replace(step, id=f"item{number}") if field != "actions" else step

    stages = [dataclasses.replace(stage, touchpoints=tuple(
        dataclasses.replace(tp, **{field: tuple(named(step, field) for step in getattr(tp, field))
                                   for field in BLUEPRINT_FIELDS})
        for tp in stage.touchpoints)) for stage in stages]
    targets = [step.id for stage in stages for tp in stage.touchpoints for step in tp.steps
               if step.id]
    if not targets:
        return stages

    def handing(step: m.Step) -> m.Step:
        chosen = draw(st.lists(st.sampled_from(targets), max_size=2, unique=True))
        return dataclasses.replace(step, handoffs=tuple(m.HandOff(to) for to in chosen
                                                        if to != step.id))

    return [dataclasses.replace(stage, touchpoints=tuple(
        dataclasses.replace(tp, **{field: tuple(handing(step) for step in getattr(tp, field))
                                   for field in BLUEPRINT_FIELDS})
        for tp in stage.touchpoints)) for stage in stages]


def with_addresses(draw, stages: list[m.Stage]) -> list[m.Stage]:
    """The stages with some pain points given ids and some opportunities (some with ids of
    their own) addressing them, near them or far away."""
    number = 0

    def named(finding: m.Finding, prefix: str) -> m.Finding:
        nonlocal number
        number += 1
        return dataclasses.replace(finding, id=f"{prefix}{number}") if draw(st.booleans()) \
            else finding

    stages = [dataclasses.replace(stage, touchpoints=tuple(
        dataclasses.replace(tp, pains=tuple(named(pain, "pain") for pain in tp.pains))
        for tp in stage.touchpoints)) for stage in stages]
    targets = [pain.id for stage in stages for tp in stage.touchpoints for pain in tp.pains
               if pain.id]
    if not targets:
        return stages

    def addressing(opportunity: m.Opportunity) -> m.Opportunity:
        chosen = draw(st.lists(st.sampled_from(targets), max_size=2, unique=True))
        return dataclasses.replace(named(opportunity, "idea"), addresses=tuple(chosen))

    return [dataclasses.replace(stage, touchpoints=tuple(
        dataclasses.replace(tp, opportunities=tuple(addressing(o) for o in tp.opportunities))
        for tp in stage.touchpoints)) for stage in stages]


def personas(persona_id: str):
    return st.builds(m.Persona, id=st.just(persona_id), name=texts, roles=some_texts,
                     goals=some_texts, needs=some_texts, pains=some_texts,
                     motivations=some_texts, quotes=some_texts, color=colors)


@st.composite
def emotions(draw, persona_id: str, scale: m.Scale, measured: tuple[m.Metric, ...] = (),
             declared: tuple[m.DeclaredSource, ...] = ()) -> m.Emotion:
    """An emotion, some read off a metric of their touchpoint (`from csat`), some with the
    responses behind it and their spread (`n 212 sd 1.2`, `range -1 .. +2`)."""
    readable = [metric for metric in measured if in_its_range(metric)]
    read_off = draw(st.none() | st.sampled_from(readable)) if readable else None
    value = on_map_scale(read_off, scale) if read_off else draw(values_in(scale))
    responses = draw(st.none() | st.integers(2, 5000))
    spread = draw(st.sampled_from(["none", "sd", "range"]))
    sd = low = high = None
    if spread == "sd":
        sd = draw(st.floats(0, 3, allow_nan=False).map(lambda v: round(v, 2)))
    elif spread == "range":
        low = draw(st.integers(scale.low, int(value // 1)))
        high = draw(st.integers(-int(-value // 1), scale.high))
    return m.Emotion(persona_id, value, draw(optional_texts),
                     source=draw(st.none() | sources(declared)),
                     metric=read_off.id if read_off else None,
                     responses=responses, sd=sd, low=low, high=high)


@st.composite
def touchpoints(draw, tp_id: str, stage_id: str, scale: m.Scale, persona_ids: list[str],
                actor_ids: list[str] = (), declared: tuple[m.DeclaredSource, ...] = ()):
    felt = draw(st.lists(st.sampled_from(persona_ids), unique=True)) if persona_ids else []
    hoped = draw(st.lists(st.sampled_from(persona_ids), unique=True)) if persona_ids else []
    several = draw(st.lists(st.sampled_from(channel_names()), max_size=3, unique=True))
    uses = tuple(m.ChannelUse(name, name, draw(st.none() | texts)) for name in several)
    scoped = st.lists(st.sampled_from(persona_ids), unique=True, max_size=2).map(tuple)
    planned = draw(st.lists(st.sampled_from(felt), unique=True)) if felt else []
    aiming = (st.lists(st.sampled_from(planned), unique=True, max_size=2).map(tuple) if planned
              else st.just(()))
    measured = draw(metrics_of(declared))
    return m.Touchpoint(
        id=tp_id, name=draw(texts), stage=stage_id, channel=None if uses else draw(channels),
        channels=uses, motivations=draw(some_texts), notes=draw(some_texts), metrics=measured,
        actions=draw(steps(actor_ids, declared, by=False)), thoughts=draw(claims(declared)),
        questions=draw(claims(declared)), evidence=draw(steps(actor_ids, declared, by=False)),
        frontstage=draw(steps(actor_ids, declared)), backstage=draw(steps(actor_ids, declared)),
        support=draw(steps(actor_ids, declared)),
        emotions=tuple(draw(emotions(p, scale, measured, declared)) for p in felt),
        expectations=tuple(m.Expectation(p, draw(values_in(scale))) for p in hoped),
        futures=tuple(m.Future(p, draw(values_in(scale)), draw(optional_texts)) for p in planned),
        pains=tuple(m.PainPoint(**f, personas=draw(scoped))
                    for f in draw(st.lists(findings(declared), max_size=2))),
        opportunities=tuple(m.Opportunity(**f, personas=draw(scoped), aims=draw(aiming))
                            for f in draw(st.lists(findings(declared), max_size=2))),
        moment_of_truth=draw(st.none() | st.builds(m.MomentOfTruth, reason=optional_texts)),
        time=draw(durations), wait=draw(durations),
    )


@st.composite
def kpis(draw, kpi_id: str, stage_ids: list[str]) -> m.Kpi:
    """A KPI of the whole map or of one of its stages (`kpi … at checkout`)."""
    kind = draw(st.sampled_from(["value", "retention", "churn", "growth"]))
    stage = draw(st.none() | st.sampled_from(stage_ids))
    target = draw(st.none() | st.integers(0, 100) | st.floats(0, 100).map(lambda v: round(v, 1)))
    name = draw(texts)
    direction = draw(st.sampled_from([None, "higher", "lower"])) if kind in ("value", "growth") \
        else None
    if kind == "value":
        value = draw(st.integers(-10**9, 10**12)
                     | st.floats(-1e6, 1e9, allow_nan=False).map(lambda v: round(v, 2)))
        percent = draw(st.booleans())
        unit = None if percent else draw(st.none() | st.sampled_from(["EUR", "days"]) | texts)
        return m.Kpi(kpi_id, name, kind, value=value, percent=percent, unit=unit,
                     direction=direction, target=target, stage=stage)
    start = draw(st.integers(1, 10**7))
    end = draw(st.integers(0, 3 * start if kind == "growth" else start))
    return m.Kpi(kpi_id, name, kind, start=start, end=end, direction=direction, target=target,
                 stage=stage)


@st.composite
def journeys(draw) -> m.Journey:
    """A journey the compiler would accept: unique ids, values on the scale, valid counts,
    citations of declared sources only, emotions read off metrics in their range, aims at
    to-bes that are planned, KPIs of stages that are there."""
    scale = draw(scales())
    persona_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    counts = draw(st.lists(st.integers(0, 5), min_size=1, max_size=5))
    if not any(counts):
        counts[draw(st.integers(0, len(counts) - 1))] = 1
    node_ids = iter(draw(st.lists(ids, min_size=len(counts) + sum(counts),
                                  max_size=len(counts) + sum(counts), unique=True)))
    actor_ids = draw(st.lists(ids, max_size=3, unique=True))
    declared = tuple(draw(declared_sources(source_id))
                     for source_id in draw(st.lists(source_ids, max_size=3, unique=True)))
    stages = []
    for count in counts:
        stage_id = next(node_ids)
        stage_tps = tuple(draw(touchpoints(next(node_ids), stage_id, scale, persona_ids,
                                           actor_ids, declared))
                          for _ in range(count))
        planned = sorted({future.persona for tp in stage_tps for future in tp.futures})
        aiming = (st.lists(st.sampled_from(planned), unique=True, max_size=2).map(tuple)
                  if planned else st.just(()))
        items = draw(st.lists(st.builds(m.ActionItem, text=texts, outcome=optional_texts,
                                        owner=optional_texts, impact=levels, effort=levels,
                                        aims=aiming),
                              max_size=2))
        stages.append(m.Stage(stage_id, draw(texts), draw(some_texts), draw(some_texts),
                              stage_tps, tuple(items), notes=draw(some_texts),
                              metrics=draw(metrics_of(declared))))
    stages = with_addresses(draw, with_handoffs(draw, stages))
    kpi_ids = draw(st.lists(ids, max_size=4, unique=True))
    stage_ids = [stage.id for stage in stages]
    return m.Journey(
        actors=tuple(m.Actor(a, draw(texts), draw(optional_texts),
                             draw(st.sampled_from(m.ACTOR_KINDS))) for a in actor_ids),
        title=draw(texts), scale=scale,
        personas=tuple(draw(personas(persona_id)) for persona_id in persona_ids),
        stages=tuple(stages), kpis=tuple(draw(kpis(k, stage_ids)) for k in kpi_ids),
        sources=declared,
        description=draw(optional_texts), notes=draw(some_texts),
        metadata=draw(st.builds(m.Metadata, owner=optional_texts, status=optional_texts,
                                version=optional_texts,
                                updated=st.none() | st.just("2026-11-30"),
                                tags=st.lists(texts, max_size=3).map(tuple))),
    )


@LIGHT
@given(journeys())
def test_generated_journeys_pass_the_compilers_validation(journey):
    assert [d.message for d in validate(journey) if d.is_error] == []


# ── rendering never fails, and the SVG is inert ─────────────────────────────
def inert_svg_problems(svg: str) -> list[str]:
    """What makes an SVG unsafe to inline: scripts, event handlers, links."""
    root = ET.fromstring(svg)
    problems = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag.lower() in ("script", "foreignobject", "iframe", "a"):
            problems.append(f"<{tag}> element")
        for name in element.attrib:
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or local == "href":
                problems.append(f"{name} attribute on <{tag}>")
    return problems


@pytest.fixture(scope="module")
def schema_validator() -> Draft202012Validator:
    schema = json.loads(files("cjmdsl.schemas").joinpath("journey.v4.schema.json").read_text())
    return Draft202012Validator(schema)


@HEAVY
@given(journey=journeys())
def test_rendering_any_journey_gives_inert_svg_and_valid_json(schema_validator, journey):
    svg = cjmdsl.render(journey, "svg")
    assert inert_svg_problems(svg) == []
    document = json.loads(cjmdsl.render(journey, "json"))
    assert document["journey"]["title"] == journey.title
    assert [e.message for e in schema_validator.iter_errors(document)] == []


TEXT_FORMATS = text_formats()


@LIGHT
@given(journey=journeys())
def test_any_journey_renders_in_every_text_format(journey):
    """The third fuzz generator (valid maps built from the model) through every text format:
    svg, html, json, md, dot and flow-svg."""
    for format_name in TEXT_FORMATS:
        assert cjmdsl.render(journey, format_name)


def test_inert_svg_check_catches_scripts_handlers_and_links():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           '<script>x()</script><rect onclick="x()"/><use xlink:href="#a"/><image href="a.png"/>'
           '</svg>')
    assert len(inert_svg_problems(svg)) == 4


# ── text fits, nothing overlaps ─────────────────────────────────────────────
THEME = load_theme("default")


def overflowing_lines(blocks) -> list[str]:
    found = []
    for block in blocks:
        for line in block.lines:
            width = text_width(line, block.size, block.bold)
            if width > block.box.width + TOLERANCE:
                found.append(f"{line!r} is {width:.1f}px wide in a {block.box.width:.1f}px box")
        if len(block.lines) * line_height(block.size) > block.box.height + TOLERANCE:
            found.append(f"{len(block.lines)} lines do not fit {block.box.height:.1f}px")
    return found


# One row, the narrowest target, and the default target: rows of stages, long stages continued.
WIDTHS = st.sampled_from([None, 320, 880])


@HEAVY
@given(journeys(), WIDTHS)
def test_no_text_overflows_its_box(journey, width):
    assert overflowing_lines(layout(journey, THEME, width).text_blocks()) == []


def column_contents(geometry) -> dict[str, list[tuple[str, object]]]:
    """Per touchpoint id: every text block drawn in its column, with the band it belongs to."""
    columns: dict[str, list[tuple[str, object]]] = {}
    for header in geometry.touchpoints:
        columns[header.touchpoint_id] = [("header", b) for b in
                                         (header.name, header.moment) if b]
        columns[header.touchpoint_id] += [("header", mark.label)
                                          for mark in (header.timing, header.fail) if mark]
    for lane in geometry.lanes:
        for card in lane.cards:
            columns[card.touchpoint_id].append((lane.kind, card.text))
            columns[card.touchpoint_id] += [(lane.kind, tag.text) for tag in card.tags]
            if card.fail:
                columns[card.touchpoint_id].append((lane.kind, card.fail.label))
    for emotion in geometry.emotion_lanes:
        for curve in emotion.curves:
            for point in curve.points:
                if point.word:
                    columns[point.touchpoint_id].append(("emotions", point.word))
    return columns


def vertical_overlaps(geometry) -> list[str]:
    found = []
    for tp_id, blocks in column_contents(geometry).items():
        for i, (band_a, a) in enumerate(blocks):
            for band_b, b in blocks[i + 1:]:
                beside = "emotions" in (band_a, band_b) and (  # the curve's words sit side by side
                    a.box.right <= b.box.x + TOLERANCE or b.box.right <= a.box.x + TOLERANCE)
                if (a.box.y < b.box.bottom - TOLERANCE and b.box.y < a.box.bottom - TOLERANCE
                        and not beside):
                    found.append(f"{tp_id}: {band_a} {a.lines[:1]} overlaps {band_b} {b.lines[:1]}")
    return found


def card_overlaps(geometry) -> list[str]:
    found = []
    for lane in geometry.lanes:
        by_column: dict[str, list] = {}
        for card in lane.cards:
            by_column.setdefault(card.touchpoint_id, []).append(card.box)
        for tp_id, boxes in by_column.items():
            boxes.sort(key=lambda box: box.y)
            for upper, lower in zip(boxes, boxes[1:]):
                if upper.bottom > lower.y + TOLERANCE:
                    found.append(f"{lane.kind} cards of {tp_id} overlap at y={lower.y:.1f}")
            if boxes[-1].bottom > lane.box.bottom + TOLERANCE:
                found.append(f"{lane.kind} cards of {tp_id} run out of their lane")
    return found


def blocks_outside_their_column(geometry) -> list[str]:
    found = []
    columns = {h.touchpoint_id: h.card for h in geometry.touchpoints}
    for tp_id, blocks in column_contents(geometry).items():
        column = columns[tp_id]
        for band, block in blocks:
            if block.box.x < column.x - TOLERANCE or block.box.right > column.right + TOLERANCE:
                found.append(f"{tp_id}: {band} {block.lines[:1]} leaves its column")
    return found


@HEAVY
@given(journeys(), WIDTHS)
def test_text_in_a_touchpoint_column_never_overlaps(journey, width):
    geometry = layout(journey, THEME, width)
    assert vertical_overlaps(geometry) == []
    assert blocks_outside_their_column(geometry) == []


@HEAVY
@given(journeys(), WIDTHS)
def test_the_time_axis_stays_in_its_band_and_overflows_nothing(journey, width):
    """The ruler's times are under their own columns, between the stage names and the
    touchpoints' headers, and nothing of the map overflows with it."""
    geometry = layout(journey, THEME, width, time_axis=True)
    assert overflowing_lines(geometry.text_blocks()) == []
    for row in geometry.rows:
        ruler = row.time_ruler
        headers = [h for h in row.touchpoints]
        assert (ruler is None) == (not headers)
        if ruler is None:
            continue
        top = min(h.card.y for h in headers)
        stages_bottom = max(s.box.bottom for s in row.stages)
        for header, time in zip(headers, ruler.times):
            assert header.card.x - TOLERANCE <= time.box.x
            assert time.box.right <= header.card.right + TOLERANCE
            assert stages_bottom - TOLERANCE <= time.box.y and time.box.bottom <= top + TOLERANCE


@HEAVY
@given(journeys(), WIDTHS)
def test_cards_in_a_lane_column_never_overlap(journey, width):
    assert card_overlaps(layout(journey, THEME, width)) == []


def arrows_through_text(geometry) -> list[str]:
    """Each segment of a hand-off or an address link that passes through a text box
    (touching its edge is not)."""
    found = []
    boxes = [block.box for block in geometry.text_blocks()]
    for row in geometry.rows:
        for arrow in row.handoffs + row.address_links:
            for (x1, y1), (x2, y2) in zip(arrow.points, arrow.points[1:]):
                left, right, top, bottom = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
                for box in boxes:
                    if (left < box.right - TOLERANCE and right > box.x + TOLERANCE
                            and top < box.bottom - TOLERANCE and bottom > box.y + TOLERANCE):
                        found.append(f"{arrow.from_id} -> {arrow.to_id} crosses {box}")
    return found


def ring_arrow_problems(arrow, boxes: list, cards: dict) -> list[str]:
    """What is wrong with the short arrow between a card and an off-row ring: it must be
    upright, touch the ring at one end and its item's card's top or bottom at the other."""
    ring, found = arrow.ring, []
    (x1, y1), (x2, y2) = arrow.points[0], arrow.points[-1]
    outgoing = abs(abs(y2 - ring.y) - ring.radius) < 0.01  # the ring at the arrow's tip
    (cx, cy), (rx, ry) = ((x1, y1), (x2, y2)) if outgoing else ((x2, y2), (x1, y1))
    if len(arrow.points) != 2 or x1 != x2 or rx != ring.x or \
            abs(abs(ry - ring.y) - ring.radius) > 0.01:
        found.append(f"{arrow.from_id} -> {arrow.to_id}: the arrow does not join its ring")
    item = arrow.from_id if outgoing else arrow.to_id
    on = [box for box in ([cards[item]] if item else boxes)
          if cy in (box.y, box.bottom) and box.x < cx < box.right]
    if not on:
        found.append(f"{arrow.from_id} -> {arrow.to_id}: the arrow leaves no card's edge")
    return found


def arrows_apart_from_their_cards(geometry) -> list[str]:
    """Each hand-off or address link that does not start on its item's card edge or end on
    its target's."""
    found = []
    for row in geometry.rows:
        cards = {card.item_id: card.box for lane in row.lanes for card in lane.cards
                 if card.item_id}
        boxes = [card.box for lane in row.lanes for card in lane.cards]
        for arrow in row.handoffs + row.address_links:
            if arrow.ring:
                found += ring_arrow_problems(arrow, boxes, cards)
                continue
            (tx, ty), target = arrow.points[-1], cards[arrow.to_id]
            if tx not in (target.x, target.right) or not target.y < ty < target.bottom:
                found.append(f"{arrow.to_id}: the arrow ends at {tx, ty}, not on {target}")
            if arrow.from_id:
                (sx, sy), source = arrow.points[0], cards[arrow.from_id]
                if sx not in (source.x, source.right) or not source.y < sy < source.bottom:
                    found.append(f"{arrow.from_id}: the arrow starts at {sx, sy}")
            for (x1, y1), (x2, y2) in zip(arrow.points, arrow.points[1:]):
                if x1 != x2 and y1 != y2:
                    found.append(f"{arrow.from_id} -> {arrow.to_id} has a slanted segment")
    return found


@HEAVY
@given(journeys(), WIDTHS)
def test_hand_offs_and_address_links_never_cross_a_text_and_join_their_cards(journey, width):
    geometry = layout(journey, THEME, width)
    assert arrows_through_text(geometry) == []
    assert arrows_apart_from_their_cards(geometry) == []


def off_row_ring_problems(journey, geometry) -> list[str]:
    """Each hand-off between items in different rows that does not have exactly two rings
    with its own letter, one beside each item, saying where the other is; each ring that
    overlaps a text, a card or another ring."""
    row_of = {h.touchpoint_id: number for number, row in enumerate(geometry.rows)
              for h in row.touchpoints}
    located = {id(step): tp.id for _, tp, step in located_steps(journey)}
    crossing = [(a, b) for a, b in handoff_pairs(journey)
                if row_of[located[id(a)]] != row_of[located[id(b)]]]
    rings: dict[tuple[str, ...], list] = {}
    for number, row in enumerate(geometry.rows):
        for arrow in row.handoffs:
            if arrow.ring:
                rings.setdefault(arrow.ring.letter.lines, []).append((number, arrow))
    found = []
    letters = sorted(rings, key=lambda lines: (len(lines[0]), lines))  # A … Z, AA, …
    if len(letters) != len(crossing):
        return [f"{len(crossing)} hand-offs cross rows, {len(letters)} letters are drawn"]
    for (start, end), letter in zip(crossing, letters):
        ends = rings[letter]
        rows = (row_of[located[id(start)]], row_of[located[id(end)]])
        if len(ends) != 2 or sorted(n for n, _ in ends) != sorted(rows):
            found.append(f"{letter}: {len(ends)} rings in rows {[n for n, _ in ends]}")
            continue
        for (number, arrow), other, other_row, key in (
                (next(e for e in ends if e[0] == rows[0]), end, rows[1], "handoff_continues"),
                (next(e for e in ends if e[0] == rows[1]), start, rows[0],
                 "handoff_continued_from")):
            if (arrow.from_id, arrow.to_id) != (start.id, end.id):
                found.append(f"{letter}: the ring in row {number} is not {start.id}'s")
            if arrow.ring.title != say(key, item=" ".join(other.text.split()),
                                       row=other_row + 1):
                found.append(f"{letter}: {arrow.ring.title!r} does not name the other end")
    for number, row in enumerate(geometry.rows):
        circles = [arrow.ring for arrow in row.handoffs if arrow.ring]
        others = [block.box for block in row.text_blocks()] + \
            [card.box for lane in row.lanes for card in lane.cards]
        for index, ring in enumerate(circles):
            box = ring_box(ring)
            near = [b for b in others if b != ring.letter.box] + \
                [ring_box(other) for other in circles[index + 1:]]
            found += [f"ring {ring.letter.lines} in row {number} overlaps {other}"
                      for other in near if boxes_overlap(box, other)]
    return found


def ring_box(ring):
    return Box(ring.x - ring.radius, ring.y - ring.radius, 2 * ring.radius, 2 * ring.radius)


def boxes_overlap(a, b) -> bool:
    return (a.x < b.right - TOLERANCE and b.x < a.right - TOLERANCE
            and a.y < b.bottom - TOLERANCE and b.y < a.bottom - TOLERANCE)


def test_off_row_ring_checks_catch_a_missing_ring_and_a_ring_over_a_text():
    journey = parse('map "M" { stage s "S" { touchpoint t "T" { channel web'
                    ' frontstage a "A" -> b } } stage u "U" { touchpoint v "V" { channel web'
                    ' backstage b "B" } } }')
    geometry = layout(journey, THEME, 320)  # a stage a row
    assert off_row_ring_problems(journey, geometry) == []
    first, second = geometry.rows
    [leaving] = first.handoffs
    card = next(c for lane in first.lanes for c in lane.cards if c.item_id == "a")
    over = leaving._replace(ring=leaving.ring._replace(y=card.text.box.y + 4))
    moved = geometry._replace(rows=(first._replace(handoffs=(over,)), second))
    assert off_row_ring_problems(journey, moved)
    missing = geometry._replace(rows=(first._replace(handoffs=()), second))
    assert off_row_ring_problems(journey, missing)


@HEAVY
@given(journeys(), st.sampled_from([320, 500, 880]))
def test_a_hand_off_across_rows_has_two_lettered_rings_clear_of_every_text(journey, width):
    geometry = layout(journey, THEME, width)
    assert off_row_ring_problems(journey, geometry) == []
    assert arrows_through_text(geometry) == []
    assert arrows_apart_from_their_cards(geometry) == []
    assert overflowing_lines(geometry.text_blocks()) == []


def test_hand_off_checks_catch_an_arrow_through_a_card():
    journey = parse('map "M" { stage s "S" { touchpoint t "T" { channel web'
                    ' frontstage a "A" -> b backstage b "B" } } }')
    geometry = layout(journey, THEME, 880)
    [arrow] = geometry.rows[0].handoffs
    card = next(c for lane in geometry.lanes for c in lane.cards if c.item_id == "a")
    through = arrow._replace(points=((card.box.x, card.text.box.y + 2),
                                     (card.box.right, card.text.box.y + 2)) + arrow.points)
    crossed = geometry._replace(rows=(geometry.rows[0]._replace(handoffs=(through,)),))
    assert arrows_through_text(crossed)
    (x, y), *rest = arrow.points
    loose = arrow._replace(points=((x + 20, y + 3), *rest))
    detached = geometry._replace(rows=(geometry.rows[0]._replace(handoffs=(loose,)),))
    assert len(arrows_apart_from_their_cards(detached)) == 2  # off its card, and slanted
    assert arrows_through_text(geometry) == arrows_apart_from_their_cards(geometry) == []


@HEAVY
@given(journeys(), st.sampled_from([320, 880, 1000]))
def test_a_map_laid_out_for_a_width_is_that_wide_and_stays_inside_it(journey, width):
    geometry = layout(journey, THEME, width)
    assert geometry.width == width
    right = width - THEME.spacing["margin"]
    assert [s.stage_id for s in geometry.stages if s.box.right > right + TOLERANCE] == []
    assert [b.lines[:1] for b in geometry.text_blocks() if b.box.right > right + TOLERANCE] == []


@pytest.mark.parametrize("width", [None, 880, 1000], ids=lambda w: f"{w}px" if w else "one-row")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_no_overflow_or_overlap(example, width):
    journey = parse(example.read_text(encoding="utf-8"), example.name)
    geometry = layout(journey, load_theme(journey.theme or "default"), width)
    assert overflowing_lines(geometry.text_blocks()) == []
    assert vertical_overlaps(geometry) == []
    assert card_overlaps(geometry) == []
    assert blocks_outside_their_column(geometry) == []


def test_overflow_and_overlap_checks_catch_what_they_look_for():
    journey = parse(EXAMPLES[0].read_text(encoding="utf-8"), EXAMPLES[0].name)
    geometry = layout(journey, THEME)
    title = geometry.title
    narrow = title._replace(box=title.box._replace(width=40))
    assert overflowing_lines(geometry._replace(title=narrow).text_blocks())
    row = geometry.rows[0]
    header = row.touchpoints[0]
    below = next(card.text for card in row.lanes[0].cards
                 if card.touchpoint_id == header.touchpoint_id)  # the text right below it
    moved = header.name._replace(box=header.name.box._replace(y=below.box.y))
    crowded = row._replace(touchpoints=(header._replace(name=moved), *row.touchpoints[1:]))
    assert vertical_overlaps(geometry._replace(rows=(crowded, *geometry.rows[1:])))
    lane = row.lanes[0]
    first, second = lane.cards[0], lane.cards[0]._replace(text=lane.cards[0].text)
    doubled = row._replace(lanes=(lane._replace(cards=(first, second)), *row.lanes[1:]))
    assert card_overlaps(geometry._replace(rows=(doubled, *geometry.rows[1:])))


def test_text_is_measured_as_the_svg_draws_it():
    journey = parse('map "T" { stage s "S" { touchpoint t "' + "\\u{7}" * 20 + '" { } } }')
    geometry = layout(journey, THEME)
    drawn = [b._replace(lines=tuple(map(xml_chars, b.lines))) for b in geometry.text_blocks()]
    assert overflowing_lines(drawn) == []


# ── determinism ─────────────────────────────────────────────────────────────
@LIGHT
@given(journeys())
def test_same_journey_renders_byte_identical(journey):
    assert cjmdsl.render(journey, "svg") == cjmdsl.render(journey, "svg")
    assert cjmdsl.render(journey, "json") == cjmdsl.render(journey, "json")


RENDER_ALL = """
import hashlib, json, sys, cjmdsl
out = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for fmt in ("svg", "json"):
        data = cjmdsl.render(text, fmt, filename=path).encode("utf-8")
        out[path + ":" + fmt] = hashlib.sha256(data).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def test_output_does_not_depend_on_hash_seed():
    results = {}
    for seed in ("0", "1", "12345", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", RENDER_ALL, *map(str, EXAMPLES)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        results[seed] = json.loads(done.stdout)
    assert len(results["0"]) == 2 * len(EXAMPLES)
    for seed, digests in results.items():
        assert digests == results["0"], f"PYTHONHASHSEED={seed} renders differently"
    here = {f"{path}:{fmt}": hashlib.sha256(
        cjmdsl.render(path.read_text(encoding="utf-8"), fmt, filename=str(path))
        .encode("utf-8")).hexdigest() for path in EXAMPLES for fmt in ("svg", "json")}
    assert here == results["0"]


# ── round trip ──────────────────────────────────────────────────────────────
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_parsing_an_example_twice_gives_the_same_model_and_json(example):
    text = example.read_text(encoding="utf-8")
    first, second = parse(text, example.name), parse(text, example.name)
    assert first == second
    assert cjmdsl.render(first, "json") == cjmdsl.render(second, "json")
    assert cjmdsl.render(first, "json") == cjmdsl.render(text, "json", filename=example.name)


def test_package_parse_can_be_called_twice():
    text = EXAMPLES[0].read_text(encoding="utf-8")
    first = cjmdsl.parse(text, EXAMPLES[0].name)
    assert cjmdsl.parse(text, EXAMPLES[0].name) == first
