"""`-f drawio`, `-f lucid-csv`, `-f miro-csv`: every file read back by a real reader (the
draw.io XML by xml.etree, checked against the mxGraph model's structure; the CSVs by the csv
module) and checked for what it must hold."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from conftest import EXAMPLES
from hypothesis import given
from test_properties import LIGHT, journeys

from cjmdsl.api import parse, render
from cjmdsl.lanes import CARD_LANES
from cjmdsl.backends.lucid_csv import HEADER


def mx_cells(text: str) -> list[ET.Element]:
    """The cells of a draw.io file, after checking the structure draw.io requires: mxfile >
    diagram > mxGraphModel > root > mxCell, the two root cells, unique ids, every parent a
    cell, every vertex with a numeric geometry, every edge with its end points."""
    document = ET.fromstring(text)
    assert document.tag == "mxfile"
    (diagram,) = document.findall("diagram")
    (model,) = diagram.findall("mxGraphModel")
    (root,) = model.findall("root")
    cells = root.findall("mxCell")
    assert [c.get("id") for c in cells[:2]] == ["0", "1"] and cells[1].get("parent") == "0"
    ids = [c.get("id") for c in cells]
    assert len(ids) == len(set(ids))
    for cell in cells[2:]:
        assert cell.get("parent") in ids
        (shape,) = cell.findall("mxGeometry")
        assert shape.get("as") == "geometry"
        if cell.get("vertex") == "1":
            assert all(float(shape.get(k)) >= 0 for k in ("x", "y", "width", "height"))
        else:
            assert cell.get("edge") == "1" and shape.get("relative") == "1"
            ends = {p.get("as") for p in shape.findall("mxPoint")}
            assert ends == {"sourcePoint", "targetPoint"}
    return cells


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_drawio_has_a_shape_per_stage_touchpoint_and_card_and_a_curve_per_persona(example):
    journey = parse(example.read_text(encoding="utf-8"))
    cells = {c.get("id"): c for c in mx_cells(render(journey, "drawio"))}
    for stage in journey.stages:
        assert cells[f"stage:{stage.id}"].get("value") == stage.name
        assert f"stage-column:{stage.id}" in cells
    for tp in journey.touchpoints:
        assert cells[f"touchpoint:{tp.id}"].get("value").startswith(tp.name.split()[0])
    cards = sum(len(lane.items_of(tp)) for lane in CARD_LANES for tp in journey.touchpoints)
    channels = [tp for tp in journey.touchpoints if tp.channels]  # the channel lane's cards
    assert sum(1 for i in cells if i.startswith("card:")) == cards + len(channels)
    for tp in channels:
        (card,) = [c for i, c in cells.items() if i.startswith(f"card:channels:{tp.id}:")]
        assert card.get("value") == tp.channel_label
    for persona in journey.personas:
        felt = [tp.id for tp in journey.touchpoints if tp.emotion_of(persona.id)]
        points = [cells[f"point:{persona.id}:{tp}"] for tp in felt]
        if len(felt) < 2:
            continue
        curve = cells[f"curve:{persona.id}"].find("mxGeometry")
        through = [(float(p.get("x")), float(p.get("y"))) for p in curve.iter("mxPoint")]
        centres = [(float(g.get("x")) + float(g.get("width")) / 2,
                    float(g.get("y")) + float(g.get("height")) / 2)
                   for g in (p.find("mxGeometry") for p in points)]
        # source, target, then the waypoints: the curve passes through every point
        flat = [v for point in sorted(through) for v in point]
        assert flat == pytest.approx([v for point in sorted(centres) for v in point], abs=0.01)


def test_drawio_keeps_hostile_text_as_text():
    name = '<b>&amp; "quoted"</b>\x07'
    journey = parse(f'map "M" {{ persona a "A" stage s "S" {{ touchpoint t '
                    f'"{name[:-1].replace(chr(34), chr(92) + chr(34))}\\u{{7}}" '
                    f'{{ emotion a 1 action "<script>x</script>" }} }} }}')
    cells = {c.get("id"): c for c in mx_cells(render(journey, "drawio"))}
    shown = cells["touchpoint:t"].get("value").replace("\n", " ")  # lines wrapped as in the SVG
    assert shown.startswith('<b>&amp; "quoted"</b>\ufffd')
    assert any(c.get("value") == "<script>x</script>" for c in cells.values())


@LIGHT
@given(journeys())
def test_any_map_is_a_well_formed_drawio_file(journey):
    cells = mx_cells(render(journey, "drawio"))
    assert sum(1 for c in cells if (c.get("id") or "").startswith("touchpoint:")) == \
        len(journey.touchpoints)


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_lucid_csv_is_one_process_step_per_touchpoint_in_stage_swimlanes(example):
    journey = parse(example.read_text(encoding="utf-8"))
    header, *rows = csv_rows(render(journey, "lucid-csv"))
    assert tuple(header) == HEADER
    assert [r[1] for r in rows] == [tp.name for tp in journey.touchpoints]
    assert [r[2] for r in rows] == [r[0] for r in rows[1:]] + [""]  # each leads to the next
    stages = {s.id: s.name for s in journey.stages}
    assert [r[6] for r in rows] == [stages[tp.stage] for tp in journey.touchpoints]
    moments = [r[4] == "Decision" for r in rows]
    assert moments == [tp.moment_of_truth is not None for tp in journey.touchpoints]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_miro_csv_is_a_grid_of_sticky_notes_by_lane_and_touchpoint(example):
    journey = parse(example.read_text(encoding="utf-8"))
    header, emotions, *lanes = csv_rows(render(journey, "miro-csv"))
    assert header[1:] == [f"{s.name}: {tp.name}" for s in journey.stages
                          for tp in s.touchpoints]
    assert [row[0] for row in lanes] == [lane.label for lane in CARD_LANES]
    for lane, row in zip(CARD_LANES, lanes):
        assert row[1:] == ["\n".join(lane.text_of(i) for i in lane.items_of(tp))
                           for tp in journey.touchpoints]
    assert emotions[0] == "Emotions" and len(emotions) == len(header)
