"""The emotion lane: the scale's bands and labels, a smooth curve per persona, the expected
curve and the shaded gap, each drawn only over touchpoints that have its values (dotted where
a persona skipped touchpoints), and the words placed so they do not collide."""
from __future__ import annotations

import functools

from cjmdsl.layout import geometry as g
from cjmdsl.layout.curves import Spline, area_between, monotone_spline, polyline
from cjmdsl.layout.base import DODGE, MARKER_SHAPES, PersonaRuns, Run, shifted, persona_runs
from cjmdsl.layout.emotion_marks import (EXPECTED_WIDTH, FELT_WIDTH, LONE_EXPECTED, EmotionMarks,
                                         dash_of, label_boxes)
from cjmdsl.layout.rows import Column
from cjmdsl.words.numbers import on_scale
from cjmdsl.layout.textmetrics import line_height, text_width

SPLIT_HEIGHT = 70.0  # the least height of a persona's own plot with `--emotions split`
CHEVRON = 4.0  # half the height of the chevron where a curve goes on in another row
# Expected curves that share a value at a touchpoint are stacked across at most this much of
# a step of the scale, so the bundle stays inside the value's band.
SHARED_SPREAD = 0.8
# An expected value equal to the felt one, on an expected curve, is drawn this much above it:
# the expected tube then runs beside the felt line, a pixel clear of it, instead of round it,
# where the two read as one thick line (issue 15).
BESIDE = (EXPECTED_WIDTH + FELT_WIDTH) / 2 + 1
MOST_HATCHED = 2  # personas whose gap areas are hatched in one row (`_hatched_most`)


class EmotionLane(EmotionMarks):
    """Mixed into the layout: needs its journey, theme, columns, text() and row_label()."""

    @functools.cached_property
    def has_emotions(self) -> bool:
        """Whether a touchpoint of the map has an emotion or an expectation (then every row
        has the lane). Looked up once per map: once per row, it made the layout quadratic."""
        return self.journey.felt

    def emotion_lane(self, label: str) -> g.EmotionLane | None:
        """The lane labelled `label` (see `cjmdsl.lanes`); None when no touchpoint has an
        emotion or an expectation."""
        journey = self.journey
        if not self.has_emotions:
            return None
        scale = journey.scale
        top = self.y
        label = self.row_label(label, top)
        steps = scale.high - scale.low
        plot_height = max(self.theme.spacing.emotion_height, steps * 26)
        plot_top = label.box.bottom + 4
        inset = 12
        plot = g.Box(self.grid_left, plot_top, self.width - self.margin - self.grid_left,
                     plot_height)

        def y_of(value: float) -> float:
            return plot.y + inset + (scale.high - value) / steps * (plot.height - 2 * inset)

        runs = persona_runs(self.touchpoint_columns())
        if self.split_emotions:
            return self._split_lane(top, label, runs)
        levels = self._levels(plot, y_of)
        # Only the personas with a value in this row: no loop over every persona and column.
        order = {persona.id: index for index, persona in enumerate(journey.personas)}
        sharing = _shared_expectations(runs, order)
        drawn = [self._curve(order[persona_id], persona_id, runs[persona_id], y_of, sharing)
                 for persona_id in sorted(runs, key=order.__getitem__)]
        drawn = [(self._continued(curve, plot), splines) for curve, splines in drawn if curve]
        drawn = _hatched_most(drawn)
        planned, spreads = self.states_of([curve for curve, _ in drawn], runs, y_of, plot)
        curves, shared, to_be = self._labelled(drawn, plot, label.box.y, planned=planned,
                                               spreads=spreads)
        word_bottom = max([plot.bottom] + [box.bottom
                                           for box in label_boxes(curves, shared, to_be)])
        height = word_bottom + self.pad - top
        lane = g.EmotionLane(g.Box(self.margin, top, self.width - 2 * self.margin, height),
                             plot, label, levels, tuple(curves), self.separator(top),
                             tuple(shared), to_be=tuple(to_be), spreads=spreads)
        self.y = top + height + self.lane_gap
        return lane

    split_emotions = False  # `--emotions split`: a small plot per persona (see `_split_lane`)

    def _split_lane(self, top: float, label: g.TextBlock, runs) -> g.EmotionLane:
        """Small multiples: one short plot per persona of the map, one under the other, each
        with its own bands, axis and name, so curves never overlap. Every row has a plot for
        every persona that has a value anywhere in the map, so the rows line up."""
        scale = self.journey.scale
        steps = scale.high - scale.low
        plot_height = max(SPLIT_HEIGHT, steps * 16)
        inset = 8
        y = label.box.bottom + 4
        levels, curves, shared, titles, to_be, spreads = [], [], [], [], [], []
        for index, persona in enumerate(self.journey.personas):
            if persona.id not in self._persona_ids_with_values:
                continue
            color = self.persona_color(index)
            title = self.text(persona.name, self.grid_left + 4, y, self.width - self.margin
                              - self.grid_left - 8, self.small(), color, bold=True, max_lines=1)
            # as wide as the name, so that words may sit beside it
            tight = min(title.box.width, text_width(title.lines[0], self.small(), True) + 1)
            title = title._replace(box=title.box._replace(width=tight))
            titles.append(title)
            plot = g.Box(self.grid_left, title.box.bottom + 2,
                         self.width - self.margin - self.grid_left, plot_height)

            def y_of(value: float, plot=plot) -> float:
                return plot.y + inset + (scale.high - value) / steps * (plot.height - 2 * inset)

            levels += self._levels(plot, y_of)
            bottom = plot.bottom
            drawn = []
            if persona.id in runs:
                curve, splines = self._curve(index, persona.id, runs[persona.id], y_of,
                                             alone=True)
                if curve:
                    drawn = [(self._continued(curve, plot), splines)]
            planned, bars = self.states_of([curve for curve, _ in drawn], runs, y_of, plot,
                                           only=persona.id)
            if drawn or planned:
                placed, words, planned = self._labelled(drawn, plot, title.box.y, (title.box,),
                                                        planned, bars)
                curves += placed
                shared += words
                to_be += planned
                spreads += bars
                bottom = max([bottom] + [b.bottom for b in label_boxes(placed, words, planned)])
            y = bottom + 6
        whole = g.Box(self.grid_left, label.box.bottom + 4,
                      self.width - self.margin - self.grid_left, y - 6 - label.box.bottom - 4)
        height = y - 6 + self.pad - top
        lane = g.EmotionLane(g.Box(self.margin, top, self.width - 2 * self.margin, height),
                             whole, label, tuple(levels), tuple(curves), self.separator(top),
                             tuple(shared), tuple(titles), tuple(to_be), tuple(spreads))
        self.y = top + height + self.lane_gap
        return lane

    @functools.cached_property
    def _persona_ids_with_values(self) -> set[str]:
        """The personas with an emotion or an expectation somewhere in the map."""
        return {mark.persona for tp in self.laid_out_touchpoints()
                for mark in (*tp.emotions, *tp.expectations)}

    def _levels(self, plot: g.Box, y_of) -> tuple[g.Level, ...]:
        scale = self.journey.scale
        step = y_of(scale.low) - y_of(scale.low + 1)
        size = self.small()
        every = max(1, int(line_height(size) // max(step, 1)) + 1)
        levels = []
        for value in range(scale.low, scale.high + 1):
            y = y_of(value)
            band_top = max(plot.y, y - step / 2)
            band = g.Box(plot.x, band_top, plot.width, min(plot.bottom, y + step / 2) - band_top)
            text = scale.label_for(value)
            shown = text is not None or (value - scale.low) % every == 0
            label = None
            if shown:
                number = on_scale(value, scale)
                words = f"{text} ({number})" if text else number
                block = self.text(words, self.margin, 0, self.label_width - self.pad, size,
                                  self.colors.muted, anchor="end", max_lines=1)
                label = shifted(block, y - block.box.height / 2)
            color = self.theme.emotion_color(value, scale.low, scale.high)
            levels.append(g.Level(value, y, band, color, label))
        return tuple(levels)

    def _curve(self, index: int, persona_id: str, drawn: PersonaRuns, y_of,
               sharing: dict | None = None, alone=False):
        """The persona's curve in this row (words and gaps still to place) and the splines
        it is drawn along; (None, ()) when the persona has no value here. `sharing` names,
        for each (column, expected value), the personas who expect it there
        (`_shared_expectations`)."""
        color = self.persona_color(index)
        # Personas who feel the same at a touchpoint would hide each other's markers; each
        # curve is dodged sideways by about a marker's width, all within the middle half of
        # the column however many personas there are.
        count = len(self.journey.personas)
        narrowest = min((column.width for column in self.columns), default=0)
        step = min(DODGE, narrowest / 2 / (count - 1)) if count > 1 and not alone else 0.0
        dodge = (index - (count - 1) / 2) * step

        def x_of(column: Column) -> float:
            return column.center + dodge

        # Expected curves at one value would lie on one another, a dodge sideways moves a level
        # line along itself: where several personas expect the same value at a touchpoint,
        # their expected curves are stacked across, side by side, in the personas' order.
        step = y_of(self.journey.scale.low) - y_of(self.journey.scale.low + 1)

        felt_at = {id(column): mark.value for run in drawn.felt for column, mark in run}
        # A lone expected value's level stroke reaches past the felt marker: it stays through it.
        along = {id(column) for run in drawn.hoped if len(run) > 1 for column, _ in run}

        def hoped_y(column: Column, value: float, beside: bool = True) -> float:
            together = (sharing or {}).get((id(column), value), ())
            if len(together) < 2:
                # A persona who feels what they expected: the tube beside the felt line.
                met = id(column) in along and felt_at.get(id(column)) == value
                lift = BESIDE if beside and met else 0.0
                return y_of(value) - lift
            apart = min(EXPECTED_WIDTH, SHARED_SPREAD * step / (len(together) - 1))
            return y_of(value) + (together.index(index) - (len(together) - 1) / 2) * apart

        def true_y(column: Column, value: float) -> float:
            return hoped_y(column, value, beside=False)

        def felt_y(column: Column, value: float) -> float:
            return y_of(value)

        def spline_of(run: Run, y=felt_y) -> Spline:
            return monotone_spline([(x_of(column), y(column, mark.value)) for column, mark in run])

        shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
        scale = self.journey.scale
        felt, hoped = drawn.felt, drawn.hoped
        if not felt and not hoped:
            return None, ()
        felt_splines = [spline_of(run) for run in felt]
        hoped_splines = [spline_of(run, hoped_y) for run in hoped]

        def points(marks_by_run, radius, hollow, y):
            made = []
            for column, mark in (entry for run in marks_by_run for entry in run):
                fill = self.theme.emotion_color(mark.value, scale.low, scale.high)
                marker = g.Marker(shape, x_of(column), y(column, mark.value), radius,
                                  self.colors.background if hollow else fill, color)
                made.append(g.CurvePoint(column.touchpoint.id, mark.value, marker, None))
            return tuple(made)

        # The gap is shaded up to the expected values themselves: none where they are felt.
        actual_at = _by_column(felt, felt_splines)
        expected_at = _by_column(hoped, [spline_of(run, true_y) for run in hoped])
        skipped = tuple(
            polyline([(before.xs[-1], before.ys[-1]), (after.xs[0], after.ys[0])])
            for before, after in zip(felt_splines, felt_splines[1:]))
        curve = g.Curve(
            persona_id=persona_id, color=color,
            segments=tuple(spline.path() for spline in felt_splines if len(spline.xs) > 1),
            skipped=skipped,
            points=points(felt, 5.5, False, felt_y),
            expected_segments=tuple(_stroke(spline) for spline in hoped_splines),
            expected_points=points(hoped, 3.5, True, hoped_y),
            gap_areas=tuple(_area(run, actual_at, expected_at, x_of) for run in drawn.both),
            dash=dash_of(index), hatch=index,
        )
        return curve, (*felt_splines, *hoped_splines)

    def _continued(self, curve: g.Curve | None, plot: g.Box) -> g.Curve | None:
        """`curve` with its leads to the row's edges where the persona's curve goes on in
        the row below, or came from the row above (see `g.Curve.continues`)."""
        if curve is None or not curve.points:
            return curve
        first, last = self._felt_span().get(curve.persona_id, (0, 0))
        here = self._row_positions()
        leads, chevrons = [], []
        if first < here[0]:
            x, y = curve.points[0].marker.x, curve.points[0].marker.y
            leads.append(polyline([(plot.x, y), (x, y)]))
            chevrons.append(polyline([(plot.x, y - CHEVRON), (plot.x + CHEVRON, y),
                                      (plot.x, y + CHEVRON)]))
        if last > here[1]:
            x, y = curve.points[-1].marker.x, curve.points[-1].marker.y
            leads.append(polyline([(x, y), (plot.right, y)]))
            chevrons.append(polyline([(plot.right - CHEVRON, y - CHEVRON), (plot.right, y),
                                      (plot.right - CHEVRON, y + CHEVRON)]))
        if not leads:
            return curve
        return curve._replace(continues=tuple(leads), continue_marks=tuple(chevrons))

    def _felt_span(self) -> dict[str, tuple[int, int]]:
        """Each persona's first and last touchpoint with an emotion, as places in the map;
        worked out once per map."""
        if getattr(self, "_felt_spans", None) is None:
            spans: dict[str, tuple[int, int]] = {}
            columns = (c for c in self.all_columns if c.touchpoint is not None)
            for position, column in enumerate(columns):
                for emotion in column.touchpoint.emotions:
                    start = spans.get(emotion.persona, (position, position))[0]
                    spans[emotion.persona] = (start, position)
            self._felt_spans = spans
        return self._felt_spans

    def _row_positions(self) -> tuple[int, int]:
        """The places in the map of this row's first and last touchpoint."""
        if getattr(self, "_places", None) is None:
            columns = (c for c in self.all_columns if c.touchpoint is not None)
            self._places = {id(column): position for position, column in enumerate(columns)}
        mine = self.touchpoint_columns()
        return self._places[id(mine[0])], self._places[id(mine[-1])]

def _largest_gap(curve: g.Curve) -> float:
    expected = {point.touchpoint_id: point.value for point in curve.expected_points}
    return max([abs(point.value - expected[point.touchpoint_id]) for point in curve.points
                if point.touchpoint_id in expected] + [0.0])


def _hatched_most(drawn: list[tuple[g.Curve, tuple]]) -> list[tuple[g.Curve, tuple]]:
    """Only the `MOST_HATCHED` personas with the largest gaps in the row keep their hatched
    gap areas: more overlap into a mesh that hides the curves. The other personas' gaps are
    still drawn by their stems and numbers."""
    if sum(1 for curve, _ in drawn if curve.gap_areas) <= MOST_HATCHED:
        return drawn
    ranked = sorted((n for n, (curve, _) in enumerate(drawn) if curve.gap_areas),
                    key=lambda n: -_largest_gap(drawn[n][0]))  # stable: map order on a tie
    kept = set(ranked[:MOST_HATCHED])
    return [(curve if n in kept else curve._replace(gap_areas=()), splines)
            for n, (curve, splines) in enumerate(drawn)]


def _shared_expectations(runs: dict[str, PersonaRuns],
                         order: dict[str, int]) -> dict[tuple[int, float], tuple[int, ...]]:
    """For each column and expected value in a row, the places (in the map's order) of the
    personas who expect that value there."""
    found: dict[tuple[int, float], list[int]] = {}
    for persona_id, drawn in runs.items():
        for column, mark in (entry for run in drawn.hoped for entry in run):
            found.setdefault((id(column), mark.value), []).append(order[persona_id])
    return {key: tuple(sorted(places)) for key, places in found.items()}


def _stroke(spline: Spline) -> str:
    """The expected curve over one run; a run of one is a short level stroke, so a lone
    expected value still reads as part of the dashed curve."""
    if len(spline.xs) > 1:
        return spline.path()
    x, y = spline.xs[0], spline.ys[0]
    return polyline([(x - LONE_EXPECTED, y), (x + LONE_EXPECTED, y)])


def _by_column(marks_by_run, splines) -> dict[int, Spline]:
    """Each column's spline: the one drawn through the run it belongs to."""
    return {id(column): spline for run, spline in zip(marks_by_run, splines) for column, _ in run}


def _area(run, actual_at: dict[int, Spline], expected_at: dict[int, Spline], x_of) -> str:
    """The shaded gap over one run of touchpoints with both values, between the two curves
    as drawn there (the run lies inside one actual run and one expected run)."""
    first = run[0][0]
    actual, expected = actual_at[id(first)], expected_at[id(first)]
    x0, x1 = x_of(first), x_of(run[-1][0])
    if x0 != x1:
        return area_between(actual, expected, x0, x1)
    a, e = actual.at(x0), expected.at(x0)
    return polyline([(x0 - 4, a), (x0 + 4, a), (x0 + 4, e), (x0 - 4, e)]) + " Z"
