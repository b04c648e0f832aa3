"""The emotion lane's data and plans: the spread bars of measured emotions, and each
persona's to-be curve with the planned improvement shaded (see `cjmdsl.language.states`).

It works on the as-is curves `emotions` drew, reading each persona's place off their
markers, before any label is placed: the to-be words and the "to-be" tag are placed with
the lane's other labels (`emotion_marks`), clear of every curve, marker and spread bar.
"""
from __future__ import annotations

from cjmdsl.language.measured import responses_words
from cjmdsl.layout import geometry as g
from cjmdsl.layout.base import MARKER_SHAPES
from cjmdsl.layout.curves import Spline, monotone_spline, polyline
from cjmdsl.layout.emotion_marks import LONE_TO_BE
from cjmdsl.tuples import NamedTuple

HATCH_STEP = 6.0  # between two strokes of one persona's shading
CAP = 4.0  # half the width of a spread bar's caps
TO_BE_RADIUS = 4.0


class Planned(NamedTuple):
    """A persona's to-be curve in a row, its words not placed yet, with the splines it is
    drawn along (the labels keep clear of them)."""

    curve: g.ToBeCurve
    splines: tuple[Spline, ...]


class StatesLane:
    """Mixed into the layout: needs its journey, theme and columns."""

    def states_of(self, curves: list[g.Curve], runs, y_of, plot: g.Box,
                  only: str | None = None) -> tuple[list[Planned], tuple[g.SpreadBar, ...]]:
        """The row's to-be curves beside its as-is `curves` (whose `runs` they shade
        against) and the spread bars of its measured emotions, on the plot whose scale
        `y_of` gives; `only` a persona's (a small plot of `--emotions split`)."""
        columns = self.touchpoint_columns()
        centers = {column.touchpoint.id: column.center for column in columns}
        offsets = {curve.persona_id: _offset(curve, centers) for curve in curves}
        spreads = self._spreads(columns, offsets, y_of, plot, only)
        planned = self._planned_personas()
        if only is not None:
            planned = planned & {only}
        if not planned:
            return [], spreads
        order = {persona.id: index for index, persona in enumerate(self.journey.personas)}
        planned_runs = _planned_runs(columns, planned)
        drawn = [self._to_be(order[persona_id], persona_id, planned_runs[persona_id],
                             offsets.get(persona_id, 0.0), runs.get(persona_id), y_of)
                 for persona_id in sorted(planned_runs, key=order.__getitem__)]
        return drawn, spreads

    def _planned_personas(self) -> set[str]:
        """The personas with a to-be anywhere in the map: their curves run through every
        row, as the as-is ones do. Looked up once per map."""
        if getattr(self, "_planned", None) is None:
            self._planned = {future.persona for tp in self.journey.touchpoints
                             for future in tp.futures}
        return self._planned

    def _spreads(self, columns, offsets: dict[str, float], y_of, plot: g.Box,
                 only: str | None) -> tuple[g.SpreadBar, ...]:
        """A bar per emotion with a spread of several responses, inside the plot."""
        scale = self.journey.scale
        order = {persona.id: index for index, persona in enumerate(self.journey.personas)}
        bars = []
        for column in columns:
            for emotion in column.touchpoint.emotions:
                spread = emotion.spread
                if (spread is None or emotion.persona not in order
                        or only not in (None, emotion.persona)):
                    continue
                low, high = max(spread[0], scale.low), min(spread[1], scale.high)
                x = column.center + offsets.get(emotion.persona, 0.0)
                bars.append(g.SpreadBar(column.touchpoint.id, emotion.persona, x,
                                        max(y_of(high), plot.y), min(y_of(low), plot.bottom),
                                        CAP, self.persona_color(order[emotion.persona]),
                                        responses_words(emotion, scale)))
        return tuple(bars)

    def _to_be(self, index: int, persona_id: str, planned_runs: list[list], offset: float,
               runs, y_of) -> Planned:
        color = self.persona_color(index)
        felt = [monotone_spline([(column.center + offset, y_of(mark.value)) for column, mark in run])
                for run in (runs.felt if runs else [])]
        shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
        segments, hatch, points, splines = [], [], [], []
        for run in planned_runs:
            spline = monotone_spline([(column.center + offset, y_of(value))
                                      for column, value, _ in run])
            splines.append(spline)
            segments.append(spline.path() if len(run) > 1 else polyline(
                [(spline.xs[0] - LONE_TO_BE, spline.ys[0]), (spline.xs[0] + LONE_TO_BE,
                                                            spline.ys[0])]))
            strokes = _hatch(spline, felt, index)
            if strokes:
                hatch.append(strokes)
            for column, value, is_planned in run:
                if is_planned:
                    marker = g.Marker(shape, column.center + offset, y_of(value), TO_BE_RADIUS,
                                      self.colors.background, color)
                    points.append(g.CurvePoint(column.touchpoint.id, value, marker, None))
        curve = g.ToBeCurve(persona_id, color, tuple(segments), tuple(points), tuple(hatch),
                            None)
        return Planned(curve=curve, splines=tuple(splines))


def _offset(curve: g.Curve, centers: dict[str, float]) -> float:
    """How far the persona's markers sit beside the columns' middles (`centers`, by
    touchpoint id; the emotion lane dodges personas who feel the same)."""
    for point in curve.points:
        if point.touchpoint_id in centers:
            return point.marker.x - centers[point.touchpoint_id]
    return 0.0


def _planned_runs(columns, planned: set[str]) -> dict[str, list[list]]:
    """Where each persona of `planned` has its to-be curve drawn, in one pass over the
    columns: over each stretch of neighbouring columns with a to-be value (the planned one,
    else the as-is: nothing is planned to change there), from the touchpoint before its first
    planned one to the touchpoint after its last, so the curve leaves the as-is and comes
    back to it; stretches with nothing planned would only retrace the as-is and are left
    out. A run is (column, value, planned here) triples; personas with none are left out."""
    values: dict[str, list[tuple[int, object, float, bool]]] = {}
    for position, column in enumerate(columns):
        tp = column.touchpoint
        here: dict[str, tuple[float, bool]] = {}
        for emotion in tp.emotions:  # the first of each persona's, as `emotion_of` reads it
            if emotion.persona in planned:
                here.setdefault(emotion.persona, (emotion.value, False))
        seen: set[str] = set()
        for future in tp.futures:
            if future.persona in planned and future.persona not in seen:
                seen.add(future.persona)
                here[future.persona] = (future.value, True)
        for persona_id, (value, is_planned) in here.items():
            values.setdefault(persona_id, []).append((position, column, value, is_planned))
    drawn: dict[str, list[list]] = {}
    for persona_id, marks in values.items():
        for run in _runs(marks):
            planned_at = [i for i, (_, _, here) in enumerate(run) if here]
            if planned_at:
                drawn.setdefault(persona_id, []).append(
                    run[max(planned_at[0] - 1, 0):planned_at[-1] + 2])
    return drawn


def _runs(marks) -> list[list]:
    """The stretches of neighbouring columns among `marks` (position, column, value,
    planned), as (column, value, planned) triples."""
    found: list[list] = []
    last = None
    for position, column, value, is_planned in marks:
        if last is None or position != last + 1:
            found.append([])
        found[-1].append((column, value, is_planned))
        last = position
    return found


def _hatch(to_be: Spline, felt: list[Spline], index: int) -> str:
    """Vertical strokes between the to-be curve and the as-is curve where both are drawn
    and differ; each persona's strokes start at their own phase, so two personas' shadings
    interleave rather than cover each other."""
    x0, x1 = to_be.xs[0], to_be.xs[-1]
    if x0 == x1:
        x0, x1 = x0 - 3, x0 + 3
    xs = []
    x = x0 + (index * 2) % HATCH_STEP
    while x <= x1 + 0.01:
        xs.append(x)
        x += HATCH_STEP
    strokes = []
    for x, top in zip(xs, to_be.ys_at(xs)):
        under = next((s for s in felt if s.xs[0] - 3.01 <= x <= s.xs[-1] + 3.01), None)
        if under is not None:
            bottom = under.at(x)
            if abs(top - bottom) > 2:
                strokes.append(polyline([(x, top), (x, bottom)]))
    return " ".join(strokes)
