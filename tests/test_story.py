"""The map tells its story at a glance (issue 15): moments of truth stand out but stay quieter
than pain, an expectation that was met still shows, overlapping gaps keep their personas'
colours, and a dense map is not padded out. Measured on the geometry and the SVG, so the
pictures of the issue's "Done means" stay as they were looked at."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from big_maps import generated
from colorscience import delta_e, over
from conftest import EXAMPLES, PORTFOLIO, ROOT

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.layout.emotion_marks import EXPECTED_WIDTH, FELT_WIDTH
from cjmdsl.layout.map import layout
from cjmdsl.layout.textmetrics import line_height
from cjmdsl.themes import builtin_names, load_theme

SVG = "{http://www.w3.org/2000/svg}"
FIVE = (ROOT / "tests" / "fixtures" / "five-personas-shared.cjm").read_text(encoding="utf-8")
NOTICEABLE = 1.0  # CIEDE2000: about the smallest difference of colour anyone sees


def _by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


# ── moments of truth ───────────────────────────────────────────────────────
@pytest.mark.parametrize("theme", builtin_names())
def test_a_moment_of_truth_is_tinted_but_more_quietly_than_a_pain_point(theme):
    """The fixture's payment is a moment of truth with a pain point under it: the column's
    tint, as painted over the background, is a visible colour but nearer the background
    than the pain card's fill."""
    root = ET.fromstring(cjmdsl.render(FIVE, "svg", theme=theme))
    background = _by_class(root, "cjm-background")[0].get("fill")
    (band,) = _by_class(root, "cjm-moment-band")
    tint = over(band.get("fill"), background, float(band.get("fill-opacity", 1)))
    pain = next(_by_class(root, "cjm-lane-pains")[0].iter(f"{SVG}rect")).get("fill")
    assert NOTICEABLE <= delta_e(tint, background) < delta_e(pain, background), (tint, pain)


@pytest.mark.parametrize("theme", builtin_names())
def test_a_moment_of_truth_has_its_star_bold_label_and_strong_frame(theme):
    geometry = layout(parse(FIVE), load_theme(theme))
    moments = {tp.id for tp in parse(FIVE).touchpoints if tp.moment_of_truth}
    assert moments == {"pay"}
    for tp in geometry.touchpoints:
        if tp.touchpoint_id in moments:
            assert tp.star is not None and tp.star.shape == "star"
            assert tp.moment.bold and tp.moment.color == geometry.colors["moment"]
            # The star sits before the label's first line, inside the card.
            assert tp.card.x < tp.star.x < tp.moment.box.x < tp.card.right
            assert tp.moment.box.y <= tp.star.y <= tp.moment.box.bottom
        else:
            assert tp.star is None and tp.moment is None
    row = next(row for row in geometry.rows if row.moment_bands)
    (band,) = row.moment_bands
    pay = next(tp for tp in row.touchpoints if tp.touchpoint_id == "pay")
    assert band.x < pay.card.x and pay.card.right < band.right  # the whole column
    assert band.bottom >= max(lane.box.bottom for lane in row.lanes)


# ── an expectation met ─────────────────────────────────────────────────────
MET = """\
map "Met" {
  persona ann "Ann"
  stage s "S" {
    touchpoint a "A" { emotion ann 1 expect ann 1 }
    touchpoint b "B" { emotion ann 2 expect ann 2 }
    touchpoint c "C" { emotion ann -1 expect ann 1 }
    touchpoint d "D" { emotion ann -1 expect ann -1 }
  }
}
"""


def _ys(path: str) -> list[float]:
    return [float(y) for y in re.findall(r"-?\d+(?:\.\d+)?", path)[1::2]]


def test_an_expected_curve_equal_to_the_felt_one_runs_beside_it_not_under_it():
    """Ann feels what she expected at A, B and D: both curves are drawn, and where they agree
    the expected tube lies clear of the felt line (a pixel of background between), on the
    side of the higher value, still inside the value's band; where they differ (C) it is at
    its value."""
    geometry = layout(parse(MET), load_theme("default"))
    (curve,) = geometry.emotion.curves
    assert curve.segments and curve.expected_segments
    assert curve.segments != curve.expected_segments
    level_y = {level.value: level.y for level in geometry.emotion.levels}
    step = level_y[0] - level_y[1]
    felt = {p.touchpoint_id: p.marker.y for p in curve.points}
    for point in curve.expected_points:
        apart = felt[point.touchpoint_id] - point.marker.y
        if point.touchpoint_id == "c":
            assert point.marker.y == level_y[1]
            continue
        assert apart >= (EXPECTED_WIDTH + FELT_WIDTH) / 2 + 1, point.touchpoint_id
        assert apart < step / 2, point.touchpoint_id
    # Nothing is shaded where she feels what she expected: the gap is C's alone.
    (area,) = curve.gap_areas
    assert max(_ys(area)) - min(_ys(area)) > step  # from +1 down to -1 at C


# ── overlapping gaps ───────────────────────────────────────────────────────
@pytest.mark.parametrize("theme", builtin_names())
def test_overlapping_gaps_are_hatched_each_in_its_persona_s_colour_and_angle(theme):
    """In the fixture two personas' gaps overlap over the whole map: each gap area is filled
    with its persona's hatching (lines in the persona's colour, at an angle no other hatched
    persona has), so where they cross the lines cross; nothing is a translucent fill that
    would mix the two colours into a third."""
    svg = cjmdsl.render(FIVE, "svg", theme=theme)
    root = ET.fromstring(svg)
    patterns = {p.get("id"): p for p in root.iter(f"{SVG}pattern")}
    geometry = layout(parse(FIVE), load_theme(theme))
    colors = {curve.persona_id: curve.color for curve in geometry.emotion.curves}
    angles, most_in_a_row = {}, 0
    for row in _by_class(root, "cjm-row"):
        hatched = [group for group in _by_class(row, "cjm-curve") if _by_class(group, "cjm-gap")]
        most_in_a_row = max(most_in_a_row, len(hatched))
        for group in hatched:
            angles[group.get("data-persona")] = _hatching(group, patterns, colors)
    assert most_in_a_row == 2, "the fixture hatches two personas' gaps in a row"
    assert len(set(angles.values())) == len(angles), angles


def _hatching(group: ET.Element, patterns: dict, colors: dict) -> str:
    """The angle of the hatching that fills a curve's gap areas, once checked to be lines in
    the persona's colour and nothing else."""
    persona = group.get("data-persona")
    gaps = _by_class(group, "cjm-gap")
    fills = {gap.get("fill") for gap in gaps}
    assert len(fills) == 1 and all(gap.get("fill-opacity") is None for gap in gaps), persona
    pattern = patterns[re.fullmatch(r"url\(#(.+)\)", fills.pop()).group(1)]
    strokes = [line.get("stroke") for line in pattern.iter(f"{SVG}line")]
    assert strokes == [colors[persona]], persona
    assert not [e for e in pattern.iter() if e.get("fill") not in (None, "none")], persona
    return pattern.get("patternTransform")


# ── dense maps ─────────────────────────────────────────────────────────────
DENSE = {"generated-40": generated(40),
         **{path.stem: path for path in (*EXAMPLES, *PORTFOLIO)}}
SLACK = 1.0  # px a band may have beyond what its content needs (rounding)


def _label_boxes(lane):
    """Every word, number and badge written in an emotion lane."""
    for curve in (*lane.curves, *lane.to_be):
        for point in curve.points:
            yield from (mark.box for mark in (point.word, point.badge) if mark)
    for curve in lane.curves:
        yield from (gap.label.box for gap in curve.gaps if gap.label)
    yield from (curve.label.box for curve in lane.to_be if curve.label)
    yield from ((word.badge or word.text).box for word in lane.shared_words)


def _journey(source):
    if isinstance(source, str):
        return parse(source)
    return parse(source.read_text(encoding="utf-8"), path=source)


@pytest.mark.parametrize("name", list(DENSE))
def test_every_lane_band_is_as_tall_as_its_tallest_column_and_no_taller(name):
    """A map with little per touchpoint is not padded out: in each row of stages each lane's
    band ends a padding under its lowest card; a lane with nothing in a row (kept so rows
    read alike) is one line tall; every lane the map shows has something in it somewhere."""
    theme = load_theme("default")
    pad = theme.spacing.padding
    geometry = layout(_journey(DENSE[name]), theme, 880)
    empty_band = line_height(theme.font.size) + 2 * pad
    kinds_with_cards = set()
    for number, row in enumerate(geometry.rows):
        for lane in row.lanes:
            where = (name, number, lane.kind)
            if not lane.cards:
                assert lane.box.height <= empty_band + SLACK, where
                continue
            kinds_with_cards.add(lane.kind)
            lowest = max(max(card.box.bottom, *(tag.box.bottom for tag in card.tags),
                             card.fail.label.box.bottom if card.fail else 0)
                         for card in lane.cards)
            needed = max(lowest + pad - lane.box.y, empty_band)
            assert lane.box.height <= needed + SLACK, where
        if row.emotion:
            lane = row.emotion
            words = [box.bottom for box in _label_boxes(lane)]
            assert lane.box.bottom <= max(lane.plot.bottom, *words) + pad + SLACK, (name, number)
    assert {lane.kind for lane in geometry.lanes} == kinds_with_cards, name
