"""The emotion curve draws only what the map says: a persona's line, its expected curve and
the shaded gap stop at touchpoints without a value, and the legend explains every mark."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT
from hypothesis import given
from test_properties import LIGHT, journeys

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.layout.emotions import BESIDE
from cjmdsl.layout.map import layout
from cjmdsl.themes import builtin_names, load_theme

SVG = "{http://www.w3.org/2000/svg}"

# Ann skips the chat, and expects nothing at the receipt; Bob expects only at the site and
# the receipt, each an expected value with no neighbour.
SKIPS = """\
map "Skipped touchpoints" {
  persona ann "Ann, first-time buyer"
  persona bob "Bob, returning customer"
  stage find "Find" {
    touchpoint ad "Sees an ad" {
      emotion ann -1 "curious"
      expect ann 0
      emotion bob +1 "keen"
    }
    touchpoint site "Opens the site" {
      emotion ann -2 "lost"
      expect ann +1
      emotion bob 0 "fine"
      expect bob +1
    }
  }
  stage buy "Buy" {
    touchpoint chat "Asks in chat" {
      emotion bob -1 "annoyed"
    }
    touchpoint pay "Pays" {
      emotion ann +1 "relieved"
      expect ann +2
      emotion bob 0 "ok"
    }
    touchpoint mail "Gets the receipt" {
      emotion ann 0 "calm"
      emotion bob +1 "happy"
      expect bob +1
    }
  }
}
"""

NO_SKIPS = """\
map "Everyone everywhere" {
  persona ann "Ann"
  persona bob "Bob"
  stage s "Stage" {
    touchpoint a "A" {
      emotion ann -1
      emotion bob 0
    }
    touchpoint b "B" {
      emotion ann +1
      expect ann +2
      emotion bob +1
    }
  }
}
"""


def x_extent(path: str) -> tuple[float, float]:
    """Leftmost and rightmost x of SVG path data made of M, L, C and Z."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    xs = numbers[0::2]
    return min(xs), max(xs)


def ys_of(path: str) -> set[float]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    return set(numbers[1::2])


def centres(geometry) -> dict[str, float]:
    return {h.touchpoint_id: h.column.x + h.column.width / 2 for h in geometry.touchpoints}


# A curve's points sit up to this far beside their column's centre (personas are dodged
# sideways), and a lone value's mark is a little wider than its point.
SLACK = 12


def crossed(paths, geometry) -> set[str]:
    """The touchpoints a path runs across: their column centre lies well inside its x range."""
    found = set()
    for path in paths:
        x0, x1 = x_extent(path)
        found |= {tp for tp, x in centres(geometry).items() if x0 + SLACK < x < x1 - SLACK}
    return found


def covered(paths, geometry) -> set[str]:
    """The touchpoints a path reaches: their column centre lies within its x range."""
    found = set()
    for path in paths:
        x0, x1 = x_extent(path)
        found |= {tp for tp, x in centres(geometry).items() if x0 - SLACK <= x <= x1 + SLACK}
    return found


def geometry_of(source: str, theme: str = "default"):
    return layout(parse(source), load_theme(theme))


def curve_of(geometry, persona: str):
    return next(c for c in geometry.emotion.curves if c.persona_id == persona)


def drawn(svg: str, persona: str, kind: str) -> list[str]:
    """The path data of one kind (`actual`, `expected`, `gap`, `skipped`) drawn for a persona."""
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g")
                 if g.get("class") == "cjm-curve" and g.get("data-persona") == persona)
    return [p.get("d") for p in group.iter(f"{SVG}path") if kind_of(p) == kind]


def kind_of(path) -> str | None:
    """What a curve's path draws (`actual`, …), from its classes (the others name its colour
    role, `cjm-stroke-persona-0`)."""
    return next((name[4:] for name in path.get("class", "").split()
                 if name in ("cjm-actual", "cjm-expected", "cjm-gap", "cjm-skipped")), None)


def legend_key(svg: str, kind: str):
    root = ET.fromstring(svg)
    return next((g for g in root.iter(f"{SVG}g") if g.get("class") == f"cjm-key-{kind}"), None)


def test_a_persona_line_breaks_across_a_touchpoint_they_skipped():
    geometry = geometry_of(SKIPS)
    lines = drawn(cjmdsl.render(SKIPS, "svg", width=0), "ann", "actual")
    assert len(lines) == 2
    assert "chat" not in crossed(lines, geometry), "Ann's line crosses a touchpoint she skipped"
    assert covered(lines[:1], geometry) == {"ad", "site"}
    assert covered(lines[1:], geometry) == {"pay", "mail"}
    assert len(drawn(cjmdsl.render(SKIPS, "svg", width=0), "bob", "actual")) == 1


def test_the_skipped_stretch_is_dotted_and_explained_in_the_legend():
    svg = cjmdsl.render(SKIPS, "svg", width=0)
    geometry = geometry_of(SKIPS)
    (bridge,) = drawn(svg, "ann", "skipped")
    assert covered([bridge], geometry) == {"site", "chat", "pay"}
    assert "stroke-dasharray" in next(p for p in ET.fromstring(svg).iter(f"{SVG}path")
                                      if kind_of(p) == "skipped").attrib
    assert drawn(svg, "bob", "skipped") == []
    key = legend_key(svg, "skipped")
    assert key is not None and "".join(key.itertext()).strip() == "No emotion recorded"
    assert legend_key(cjmdsl.render(NO_SKIPS, "svg"), "skipped") is None


def test_with_many_personas_only_the_two_largest_gaps_are_hatched():
    source = (ROOT / "tests" / "fixtures" / "five-personas-shared.cjm").read_text()
    journey = parse(source)
    largest = {}
    for tp in journey.touchpoints:
        for emotion in tp.emotions:
            hoped = tp.expectation_of(emotion.persona)
            if hoped is not None:
                largest[emotion.persona] = max(largest.get(emotion.persona, 0),
                                               abs(emotion.value - hoped.value))
    assert len(largest) > 2, "the fixture has gaps for more than two personas"
    order = [p.id for p in journey.personas]
    top = sorted(largest, key=lambda p: (-largest[p], order.index(p)))[:2]
    curves = layout(journey, load_theme("print")).emotion.curves
    assert {c.persona_id for c in curves if c.gap_areas} == set(top)
    assert all(c.gaps for c in curves if c.persona_id in largest)  # each gap keeps its stem


def test_gap_is_shaded_only_over_touchpoints_with_both_values():
    geometry = geometry_of(SKIPS)
    ann = curve_of(geometry, "ann")
    assert len(ann.gap_areas) == 2
    assert covered(ann.gap_areas[:1], geometry) == {"ad", "site"}
    assert covered(ann.gap_areas[1:], geometry) == {"pay"}
    assert "chat" not in covered(ann.gap_areas, geometry), "shaded where Ann has no data"
    assert "mail" not in covered(ann.gap_areas, geometry), "shaded where Ann expects nothing"


def test_expected_curve_is_drawn_only_between_touchpoints_with_an_expect():
    geometry = geometry_of(SKIPS)
    svg = cjmdsl.render(SKIPS, "svg", width=0)
    ann, bob = drawn(svg, "ann", "expected"), drawn(svg, "bob", "expected")
    assert crossed(ann, geometry) <= {"ad", "site"} and crossed(bob, geometry) == set()
    assert [covered([p], geometry) for p in ann] == [{"ad", "site"}, {"pay"}]
    assert [covered([p], geometry) for p in bob] == [{"site"}, {"mail"}]


def test_a_lone_expected_value_is_a_level_mark_through_its_point():
    geometry = geometry_of(SKIPS)
    ann = curve_of(geometry, "ann")
    lone = ann.expected_segments[-1]
    point = next(p for p in ann.expected_points if p.touchpoint_id == "pay")
    x0, x1 = x_extent(lone)
    assert x0 < point.marker.x < x1 and 16 <= x1 - x0 <= 40
    assert ys_of(lone) == {round(point.marker.y, 2)}


def test_legend_gap_key_is_in_the_colours_the_gaps_are_shaded_in():
    svg = cjmdsl.render(SKIPS, "svg", width=0)
    geometry = geometry_of(SKIPS)
    fills = [r.get("stroke") for r in legend_key(svg, "gap").iter(f"{SVG}rect")]
    assert fills == [curve.color for curve in geometry.emotion.curves]
    # Only Ann's gap is shaded here, so the key shows only her colour.
    geometry = geometry_of(NO_SKIPS)
    fills = [r.get("stroke") for r in legend_key(cjmdsl.render(NO_SKIPS, "svg"), "gap").iter(f"{SVG}rect")]
    assert fills == [curve_of(geometry, "ann").color]


def test_legend_expected_key_shows_the_hollow_marker_of_an_expected_value():
    key = legend_key(cjmdsl.render(SKIPS, "svg", width=0), "expected")
    assert [c.get("r") for c in key.iter(f"{SVG}circle")] == ["3.5"]


def test_a_stage_without_touchpoints_does_not_break_a_line():
    source = """\
map "With an empty stage" {
  persona ann "Ann"
  stage one "One" {
    touchpoint a "A" {
      emotion ann -1
    }
  }
  stage empty "Nothing here yet"
  stage two "Two" {
    touchpoint b "B" {
      emotion ann +1
    }
  }
}
"""
    svg = cjmdsl.render(source, "svg")
    assert len(drawn(svg, "ann", "actual")) == 1
    assert drawn(svg, "ann", "skipped") == [] and legend_key(svg, "skipped") is None


@pytest.mark.parametrize("theme", builtin_names())
def test_rita_line_breaks_where_she_skipped_in_every_theme(theme):
    """Rita never used the status page or the chat bot (examples/support-ticket.cjm)."""
    source = (ROOT / "examples" / "support-ticket.cjm").read_text(encoding="utf-8")
    svg = cjmdsl.render(source, "svg", theme=theme, width=0)
    geometry = layout(parse(source), load_theme(theme))
    shown = {"actual", "expected", "gap"}
    for kind in shown:
        assert {"status_page", "chat_bot"} & covered(drawn(svg, "rita", kind), geometry) == set(), kind
    (bridge,) = drawn(svg, "rita", "skipped")
    assert {"status_page", "chat_bot"} <= covered([bridge], geometry)
    assert legend_key(svg, "skipped") is not None


@LIGHT
@given(journeys())
def test_no_curve_crosses_a_touchpoint_without_its_value(journey):
    geometry = layout(journey, load_theme("default"))
    if geometry.emotion is None:
        return
    for curve in geometry.emotion.curves:
        tps = {tp.id: tp for tp in journey.touchpoints}
        felt = {t for t, tp in tps.items() if tp.emotion_of(curve.persona_id)}
        hoped = {t for t, tp in tps.items() if tp.expectation_of(curve.persona_id)}
        assert crossed(curve.segments, geometry) <= felt
        assert crossed(curve.expected_segments, geometry) <= hoped
        assert crossed(curve.gap_areas, geometry) <= felt & hoped


def test_html_page_draws_the_same_breaks_as_the_svg():
    source = (ROOT / "examples" / "support-ticket.cjm").read_text(encoding="utf-8")
    page = cjmdsl.render(source, "html")
    # The page introduces the personas in HTML, so its map has no persona cards.
    svg = cjmdsl.render(source, "svg", width=0, persona_cards=False)
    rita = re.search(r'<g class="cjm-curve" data-persona="rita"[^>]*>.*?\n</g>', page,
                     re.S).group(0)
    on_page = re.findall(r'<path d="([^"]+)"[^>]*? class="cjm-(actual|skipped|expected|gap)[ "]',
                         rita)
    assert [(kind, d) for d, kind in on_page] == [
        (kind_of(p), p.get("d"))
        for element in ET.fromstring(svg).iter(f"{SVG}g")
        if element.get("data-persona") == "rita" and element.get("class") == "cjm-curve"
        for p in element.iter(f"{SVG}path") if kind_of(p)]
    assert "skipped" in [kind for _, kind in on_page] and "No emotion recorded" in page


def test_a_curve_breaks_at_the_end_of_a_row_and_continues_on_the_next():
    """Rows of stages: no line runs across the gap between two rows; each row draws the part
    of the curve over its own touchpoints."""
    source = (ROOT / "examples" / "grocery-shop.cjm").read_text(encoding="utf-8")
    geometry = layout(parse(source), load_theme("default"), 880)
    assert len(geometry.rows) > 1
    reached = set()
    for row in geometry.rows:
        mine = {tp.touchpoint_id: tp.card.x + tp.card.width / 2 for tp in row.touchpoints}
        for curve in row.emotion.curves:
            for path in (*curve.segments, *curve.skipped, *curve.expected_segments):
                x0, x1 = x_extent(path)
                inside = {tp for tp, x in mine.items() if x0 - SLACK <= x <= x1 + SLACK}
                assert inside, f"{curve.persona_id}: {path[:40]} reaches no touchpoint of its row"
                ys = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", path)[1::2]]
                assert row.emotion.plot.y <= min(ys) and max(ys) <= row.emotion.plot.bottom
            reached |= {(curve.persona_id, p.touchpoint_id) for p in curve.points}
    journey = parse(source)
    felt = {(e.persona, tp.id) for tp in journey.touchpoints for e in tp.emotions}
    assert reached == felt


FIVE = (ROOT / "tests" / "fixtures" / "five-personas-shared.cjm").read_text(encoding="utf-8")


def test_expected_curves_at_one_value_lie_side_by_side_not_on_one_another():
    """Five personas expect 7 at the first two steps: five expected curves, not one bar. Each
    stays in the band of its value, the first persona on top, a tube's width apart or
    more, and a value only one persona expects is not stacked."""
    geometry = geometry_of(FIVE)
    lane = geometry.emotion
    level_y = {level.value: level.y for level in lane.levels}
    step = level_y[6] - level_y[7]
    personas = ["ana", "ben", "cleo", "dev", "eli"]
    for touchpoint in ("ad", "site", "pay", "mail"):
        ys = [next(p.marker.y for p in curve_of(geometry, persona).expected_points
                   if p.touchpoint_id == touchpoint) for persona in personas]
        value = next(p.value for p in curve_of(geometry, "ana").expected_points
                     if p.touchpoint_id == touchpoint)
        assert ys == sorted(ys)  # in the legend's order, top to bottom
        assert all(b - a >= 4 for a, b in zip(ys, ys[1:])), (touchpoint, ys)
        assert all(abs(y - level_y[value]) < step / 2 for y in ys), (touchpoint, ys)
    # Only Cleo expects 8 at the delivery, and she feels it: her expected value is not
    # stacked with anyone's, only lifted beside her felt one (`BESIDE`).
    [lone] = [p for p in curve_of(geometry, "cleo").expected_points
              if p.touchpoint_id == "deliver"]
    assert lone.marker.y == level_y[8] - BESIDE
    # The curves follow their points: the five expected paths over the first steps differ.
    firsts = [curve_of(geometry, persona).expected_segments[0] for persona in personas]
    assert len({frozenset(ys_of(path)) for path in firsts}) == 5


def test_split_plots_keep_each_expected_curve_on_its_level():
    geometry = layout(parse(FIVE), load_theme("default"), None, emotions="split")
    lane = geometry.emotion
    for curve in lane.curves:
        felt = {p.touchpoint_id: p.value for p in curve.points}
        for point in curve.expected_points:
            # A value felt as expected lies just above its level, beside the felt one.
            lift = BESIDE if felt.get(point.touchpoint_id) == point.value else 0
            assert any(abs(point.marker.y + lift - level.y) < 0.01 for level in lane.levels)
