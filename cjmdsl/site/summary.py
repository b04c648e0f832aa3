"""What the portfolio site knows of one map, read off it once when its page is rendered:
its title, personas, worst moment, evidence coverage, pains by stage, each persona's curve
and the texts the search box looks through.

A summary is plain JSON (strings, numbers, lists), because it is kept in the cache beside the
map's render stamps: a map whose pages are current is not compiled again, its summary is
read back instead (`cjmdsl.site`)."""
from __future__ import annotations

from cjmdsl.lanes import CARD_LANES
from cjmdsl.model import Journey
from cjmdsl.review.lint import coverage
from cjmdsl.review.report import map_report
from cjmdsl.words.numbers import signed_number

VERSION = 1  # of the summary's shape: a cached summary of another version is stale
KINDS = ("map", "persona", "stage", "goal", "touchpoint", "feeling")  # texts not in a lane


def summary(journey: Journey, page: str, thumbnail: str, source: str) -> dict:
    """The summary of `journey`, whose page and thumbnail are at the site-relative URLs
    `page` and `thumbnail`, and whose file is `source` (relative to the folder the site is
    built from)."""
    report = map_report(journey, source)
    personas = _distinct(journey)
    stage_of = {id(tp): index for index, stage in enumerate(journey.stages)
                for tp in stage.touchpoints}
    return {
        "version": VERSION,
        "page": page,
        "thumbnail": thumbnail,
        "source": source,
        "title": journey.title,
        "description": journey.description or "",
        "touchpoints": len(journey.touchpoints),
        "scale": [journey.scale.low, journey.scale.high],
        "stages": [{"name": stage.name, "pains": len(pains.pains)}
                   for stage, pains in zip(journey.stages, report.pains_by_stage)],
        "personas": [{"id": p.id, "name": p.name, "role": p.roles[0].text if p.roles else ""}
                     for p in personas],
        "worst": _worst(report),
        "coverage": {name: [share.covered, share.total]
                     for name, share in coverage(journey).items()},
        "curves": {persona.id: [_point(tp, persona.id, stage_of[id(tp)])
                                for tp in journey.touchpoints]
                   for persona in personas
                   if any(tp.emotion_of(persona.id) for tp in journey.touchpoints)},
        "search": _texts(journey, personas),
    }


def _distinct(journey: Journey):
    """The personas of the map, each id once (a refined persona is one persona)."""
    seen = {}
    for persona in journey.personas:
        seen.setdefault(persona.id, persona)
    return list(seen.values())


def _worst(report) -> dict | None:
    """The lowest feeling of the map, over every persona (the first one in map order on a
    tie), or None for a map without feelings."""
    lowest = [persona.moments[0] for persona in report.worst if persona.moments]
    if not lowest:
        return None
    moment = min(lowest, key=lambda m: (m.value, _order(report.journey, m)))
    return {"persona": moment.persona.name, "persona_id": moment.persona.id,
            "touchpoint": moment.touchpoint.name, "stage": moment.stage.name,
            "value": moment.value, "shown": signed_number(moment.value),
            "word": moment.word or "", "anchor": _anchor(moment.touchpoint.id)}


def _order(journey: Journey, moment) -> int:
    return next(index for index, tp in enumerate(journey.touchpoints) if tp is moment.touchpoint)


def _point(tp, persona_id: str, stage: int) -> dict:
    emotion = tp.emotion_of(persona_id)
    return {"stage": stage, "touchpoint": tp.name, "anchor": _anchor(tp.id),
            "value": None if emotion is None else emotion.value,
            "word": (emotion.word or "") if emotion is not None else ""}


def _anchor(touchpoint_id: str) -> str:
    """The id of the touchpoint's details on its map's page (`map.html.j2`)."""
    return f"cjm-tp-{touchpoint_id}"


def _texts(journey: Journey, personas: list) -> list[list[str]]:
    """[kind, text, anchor] for every text a reader may search for: the kind is a lane's key
    or one of `KINDS`; the anchor is "" where the text belongs to the whole map or a stage."""
    found = [["map", journey.title, ""]]
    if journey.description:
        found.append(["map", journey.description, ""])
    for persona in personas:
        found.append(["persona", persona.name, f"cjm-persona-{persona.id}"])
    for stage in journey.stages:
        found.append(["stage", stage.name, ""])
        found += [["goal", goal.text, ""] for goal in stage.goals]
        for tp in stage.touchpoints:
            anchor = _anchor(tp.id)
            found.append(["touchpoint", tp.name, anchor])
            for lane in CARD_LANES:  # every lane of text, as the lane table lists them
                found += [[lane.key, lane.text_of(item), anchor] for item in lane.items_of(tp)]
            found += [["feeling", e.word, anchor] for e in tp.emotions if e.word]
    return found
