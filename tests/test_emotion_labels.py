"""The emotion lane's labels (words, gap numbers, badges) never cross a curve, a marker or
another label, measured on the geometry the SVG is drawn from; personas who feel the same are
told apart; the gap is written where it matters and the largest is drawn strongest."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st
from test_properties import HEAVY, journeys

from cjmdsl.layout import geometry as g
from cjmdsl.api import parse
from cjmdsl.backends.svg import render
from cjmdsl.layout.map import layout
from cjmdsl.layout.labels import Wanted, boxes_overlap, candidates, segment_hits_box
from cjmdsl.language.states import in_state
from cjmdsl.themes import load_theme

THEMES = st.sampled_from(["default", "print", "dark"])
SUPPORT_TICKET = Path(__file__).parent.parent / "examples" / "support-ticket.cjm"
WIDTHS = st.sampled_from([None, 320, 880])


def path_pieces(path: str, step: int = 24) -> list[tuple[float, float, float, float]]:
    """SVG path data of M, L, C and Z as short straight pieces along the real curve."""
    pieces, here, start = [], None, None
    for command, numbers in re.findall(r"([MLCZ])([^MLCZ]*)", path):
        values = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "M":
            here = start = (values[0], values[1])
        elif command == "L":
            for x, y in zip(values[0::2], values[1::2]):
                pieces.append((*here, x, y))
                here = (x, y)
        elif command == "C":
            (x0, y0), (x1, y1, x2, y2, x3, y3) = here, values
            last = here
            for k in range(1, step + 1):
                t = k / step
                u = 1 - t
                point = (u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                         u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3)
                pieces.append((*last, *point))
                last = point
            here = (x3, y3)
        elif command == "Z":
            pieces.append((*here, *start))
            here = start
    return pieces


def marker_extent(marker: g.Marker) -> g.Box:
    """Where a marker is drawn: its outline's radius (a triangle and a star reach 1.25×)."""
    reach = marker.radius * 1.25
    return g.Box(marker.x - reach, marker.y - reach, 2 * reach, 2 * reach)


def labels_of(lane: g.EmotionLane) -> list[tuple[str, g.Box]]:
    found = []
    for curve in lane.curves:
        for point in curve.points:
            if point.badge:
                found.append((f"badge {point.word.lines}", point.badge.box))
            elif point.word:
                found.append((f"word {point.word.lines}", point.word.box))
        found += [(f"gap {gap.label.lines}", gap.label.box) for gap in curve.gaps if gap.label]
    found += [(f"shared {word.text.lines}", word.badge.box if word.badge else word.text.box)
              for word in lane.shared_words]
    for curve in lane.to_be:
        found += [(f"to-be word {point.word.lines}", point.word.box)
                  for point in curve.points if point.word]
        if curve.label:
            found.append((f"to-be tag of {curve.persona_id}", curve.label.box))
    return found


def collisions(geometry: g.Geometry) -> list[str]:
    """Every label that crosses a line, a marker or another label of its lane."""
    found = []
    for lane in geometry.emotion_lanes:
        labels = labels_of(lane)
        lines, markers = [], []
        for curve in lane.curves:
            for path in (*curve.segments, *curve.expected_segments, *curve.skipped,
                         *curve.continues, *curve.continue_marks):
                lines += path_pieces(path)
            lines += [tuple(gap.stem) for gap in curve.gaps]
            markers += [p.marker for p in (*curve.points, *curve.expected_points)]
        for curve in lane.to_be:
            lines += [piece for path in curve.segments for piece in path_pieces(path)]
            markers += [p.marker for p in curve.points]
        for bar in lane.spreads:
            lines += [(bar.x, bar.top, bar.x, bar.bottom),
                      (bar.x - bar.cap, bar.top, bar.x + bar.cap, bar.top),
                      (bar.x - bar.cap, bar.bottom, bar.x + bar.cap, bar.bottom)]
        for number, (name, box) in enumerate(labels):
            if any(segment_hits_box(piece, box) for piece in lines):
                found.append(f"{name} crosses a line")
            if any(boxes_overlap(box, marker_extent(marker)) for marker in markers):
                found.append(f"{name} covers a marker")
            found += [f"{name} overlaps {other}" for other, box2 in labels[number + 1:]
                      if boxes_overlap(box, box2)]
    return found


@HEAVY
@given(journeys(), THEMES, WIDTHS)
def test_no_label_crosses_a_curve_a_marker_or_another_label(journey, theme, width):
    assert collisions(layout(journey, load_theme(theme), width)) == []


def planned(journey) -> bool:
    return any(tp.futures for tp in journey.touchpoints)


@HEAVY
@given(journeys().filter(planned), THEMES, WIDTHS, st.sampled_from(["overlay", "split"]))
def test_no_label_crosses_a_to_be_curve_a_spread_bar_or_a_to_be_word(journey, theme, width,
                                                                      emotions):
    """Maps with to-be values: the to-be curves, their words and "to-be" tags and the
    spread bars are placed with the other labels, so none crosses another."""
    assert collisions(layout(journey, load_theme(theme), width, emotions=emotions)) == []


@pytest.mark.parametrize("state", ["both", "as_is", "to_be"])
@pytest.mark.parametrize("width", [None, 880])
def test_the_support_ticket_example_has_no_crossed_label_in_any_state(state, width):
    journey = in_state(parse(SUPPORT_TICKET.read_text(encoding="utf-8")), state)
    geometry = layout(journey, load_theme("default"), width)
    if state == "both":
        assert any(lane.to_be for lane in geometry.emotion_lanes)
        words = [p.word.lines for lane in geometry.emotion_lanes for c in lane.to_be
                 for p in c.points if p.word]
        assert ("informed",) in words and ("heard",) in words, "the to-be's words are written"
    assert collisions(geometry) == []


def test_the_check_sees_a_label_on_a_marker():
    """The measurement has teeth: a gap's number moved onto its marker is caught."""
    geometry = layout(parse(BANK), load_theme("default"), None)
    assert collisions(geometry) == []
    lane = geometry.emotion_lanes[0]
    curve = next(c for c in lane.curves if any(gap.label for gap in c.gaps))
    gap = next(gap for gap in curve.gaps if gap.label)
    box = gap.label.box
    moved = gap._replace(label=gap.label._replace(
        box=g.Box(gap.stem.x2 - 4, gap.stem.y2 - 4, box.width, box.height)))
    broken = lane._replace(curves=tuple(
        c._replace(gaps=tuple(moved if x is gap else x for x in c.gaps)) for c in lane.curves))
    rows = (geometry.rows[0]._replace(emotion=broken), *geometry.rows[1:])
    assert collisions(geometry._replace(rows=rows))


FIVE = ["ann", "bob", "cem", "dai", "eva"]
SHARED = 'map "Five who agree" {\n' + "".join(f'  persona {p} "{p.title()}"\n' for p in FIVE) + """\
  stage s "Stage" {
    touchpoint a "Arrives" {
""" + "".join(f'      emotion {p} +1 "relieved"\n' for p in FIVE) + """\
    }
    touchpoint b "Waits" {
""" + "".join(f'      emotion {p} -2 "{word}"\n      expect {p} +1\n'
              for p, word in zip(FIVE, ["ungeduldig", "ungeduldig", "cross", "cross", "bored"])) + """\
    }
    touchpoint c "Leaves" {
""" + "".join(f'      emotion {p} 0\n' for p in FIVE) + """\
    }
  }
}
"""


def test_five_personas_at_one_value_share_one_word_and_their_markers_do_not_overlap():
    geometry = layout(parse(SHARED), load_theme("default"), None)
    lane = geometry.emotion_lanes[0]
    shared = {(w.touchpoint_id, w.text.lines): w.persona_ids for w in lane.shared_words}
    assert shared[("a", ("relieved",))] == tuple(FIVE)
    words_at_a = [p.word for c in lane.curves for p in c.points
                  if p.touchpoint_id == "a" and p.word]
    assert words_at_a == [], "the shared word is written once, not once per persona"
    assert shared[("b", ("ungeduldig",))] == ("ann", "bob")
    markers = sorted(p.marker.x for c in lane.curves for p in c.points if p.touchpoint_id == "c")
    assert all(b - a >= 2 * 5.5 for a, b in zip(markers, markers[1:])), markers
    assert collisions(geometry) == []


def test_each_persona_s_lowest_and_highest_moment_is_badged():
    geometry = layout(parse(SHARED), load_theme("default"), None)
    lane = geometry.emotion_lanes[0]
    badges = {(c.persona_id, p.touchpoint_id): p.badge.kind
              for c in lane.curves for p in c.points if p.badge}
    badges.update({(persona, w.touchpoint_id): w.badge.kind
                   for w in lane.shared_words if w.badge for persona in w.persona_ids})
    assert badges == {**{(p, "a"): "highest" for p in FIVE}, **{(p, "b"): "lowest" for p in FIVE}}
    svg = render(parse(SHARED), load_theme("default"), None)
    # at b two pairs share a word (one badge each) and one persona has a word of its own
    assert len(re.findall(r'class="cjm-badge cjm-lowest[ "]', svg)) == 3
    assert len(re.findall(r'class="cjm-badge cjm-highest[ "]', svg)) == 1


BANK = """\
map "Bank account" {
  scale 1 .. 10
  persona ana "Ana"
  persona ben "Ben"
  stage open "Open" {
    touchpoint form "Fills in the form" {
      emotion ana 6 "fine"
      expect ana 7
      emotion ben 5
      expect ben 5
    }
    touchpoint video "Video identification" {
      emotion ana 1 "cheated"
      expect ana 7
      emotion ben 4
      expect ben 7
    }
  }
}
"""


def test_the_gap_is_written_where_it_matters_and_the_largest_is_strongest():
    svg = render(parse(BANK), load_theme("default"), None)
    geometry = layout(parse(BANK), load_theme("default"), None)
    gaps = {(c.persona_id, gap.touchpoint_id): gap for c in geometry.emotion_lanes[0].curves
            for gap in c.gaps}
    worst = gaps[("ana", "video")]
    assert worst.largest and worst.label.lines == ("-6",) and worst.label.bold
    assert gaps[("ben", "video")].label.lines == ("-3",) and not gaps[("ben", "video")].largest
    assert gaps[("ana", "form")].label is None, "a gap of 1 on 1 .. 10 is too small to write"
    assert ("ben", "form") not in gaps, "no gap where the persona felt what was expected"
    assert worst.label.size > gaps[("ben", "video")].label.size
    assert re.search(r'class="cjm-gap-label cjm-largest-gap"[^>]*><text[^>]*>'
                     r'<tspan[^>]*>-6</tspan>', svg)


def test_split_draws_one_small_plot_per_persona(tmp_path):
    source = tmp_path / "five.cjm"
    source.write_text(SHARED, encoding="utf-8")
    run = subprocess.run(["cjm", "render", str(source), "--emotions", "split", "-o", "-"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    titles = re.findall(r'<g class="cjm-panel-title"><text[^>]*><tspan[^>]*>([^<]*)</tspan>',
                        run.stdout)
    assert titles == [p.title() for p in FIVE]
    geometry = layout(parse(SHARED), load_theme("default"), None, emotions="split")
    lane = geometry.emotion_lanes[0]
    # each persona's curve lies in its own band of the lane, under its own name
    spans = []
    for title, curve in zip(lane.panel_titles, lane.curves):
        ys = [p.marker.y for p in (*curve.points, *curve.expected_points)]
        assert min(ys) > title.box.bottom
        spans.append((title.box.y, max(ys)))
    assert all(below[0] > above[1] for above, below in zip(spans, spans[1:]))
    assert collisions(geometry) == []


def test_split_is_for_the_drawn_map_only():
    run = subprocess.run(["cjm", "render", "-", "-f", "md", "--emotions", "split"],
                         input=SHARED, capture_output=True, text=True)
    assert run.returncode == 2
    assert "cjm: error: --emotions does not apply to -f md" in run.stderr


@given(st.floats(4, 200), st.floats(8, 40), st.floats(0, 1), st.floats(0, 12))
def test_a_label_is_never_tried_above_the_top_of_its_field(width, height, where, reach):
    """With `--emotions split` the field of one persona's plot starts under the plot before;
    a word tried over that top could land on the other plot's labels, which it cannot see."""
    top, bottom = 100.0, 200.0
    label = Wanted(width, height, 250.0, top + where * (bottom - top), reach, 0.0, 500.0)
    assert all(box.y >= top - 0.01 for box in candidates(label, top, bottom))
