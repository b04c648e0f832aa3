"""The emotion lane: the scale's bands and labels, a smooth curve per persona, the expected
curve and the shaded gap, each drawn only over touchpoints that have its values (dotted where
a persona skipped touchpoints), and the words placed so they do not collide."""
from __future__ import annotations

import functools

from cjmdsl import geometry as g
from cjmdsl.curves import Spline, area_between, monotone_spline, polyline
from cjmdsl.layout.base import (DODGE, MARKER_SHAPES, WORD_LINES, PersonaRuns, Run, shifted,
                                persona_runs)
from cjmdsl.layout.rows import Column
from cjmdsl.numbers import on_scale
from cjmdsl.textmetrics import line_height

LONE_EXPECTED = 12.0  # half the length of the stroke that marks a lone expected value
CHEVRON = 4.0  # half the height of the chevron where a curve goes on in another row


class EmotionLane:
    """Mixed into the layout: needs its journey, theme, columns, text() and row_label()."""

    @functools.cached_property
    def has_emotions(self) -> bool:
        """Whether a touchpoint of the map has an emotion or an expectation (then every row
        has the lane). Looked up once per map: once per row, it made the layout quadratic."""
        return any(tp.emotions or tp.expectations for tp in self.journey.touchpoints)

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

        levels = self._levels(plot, y_of)
        # Only the personas with a value in this row: no loop over every persona and column.
        runs = persona_runs(self.touchpoint_columns())
        order = {persona.id: index for index, persona in enumerate(journey.personas)}
        drawn = [self._continued(self._curve(order[persona_id], persona_id, runs[persona_id],
                                             y_of), plot)
                 for persona_id in sorted(runs, key=order.__getitem__)]
        curves = self._separate_words([curve for curve in drawn if curve])
        word_bottom = max([plot.bottom] + [p.word.box.bottom for c in curves for p in c.points
                                           if p.word])
        height = word_bottom + self.pad - top
        lane = g.EmotionLane(g.Box(self.margin, top, self.width - 2 * self.margin, height),
                             plot, label, levels, tuple(curves), self.separator(top))
        self.y = top + height + self.lane_gap
        return lane

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

    def _curve(self, index: int, persona_id: str, drawn: PersonaRuns, y_of) -> g.Curve | None:
        color = self.persona_color(index)
        # Personas who feel the same at a touchpoint would hide each other's
        # markers; each curve is dodged a few pixels sideways, all within the middle half
        # of the column however many personas there are.
        count = len(self.journey.personas)
        narrowest = min((column.width for column in self.columns), default=0)
        step = min(DODGE, narrowest / 2 / (count - 1)) if count > 1 else 0.0
        dodge = (index - (count - 1) / 2) * step

        def x_of(column: Column) -> float:
            return column.center + dodge

        def spline_of(run: Run) -> Spline:
            return monotone_spline([(x_of(column), y_of(mark.value)) for column, mark in run])

        shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
        scale = self.journey.scale
        felt, hoped = drawn.felt, drawn.hoped
        if not felt and not hoped:
            return None
        felt_splines = [spline_of(run) for run in felt]
        hoped_splines = [spline_of(run) for run in hoped]

        def points(marks_by_run, radius, hollow):
            made = []
            for column, mark in (entry for run in marks_by_run for entry in run):
                value, word = mark.value, None if hollow else mark.word
                fill = self.theme.emotion_color(value, scale.low, scale.high)
                marker = g.Marker(shape, x_of(column), y_of(value), radius,
                                  self.colors.background if hollow else fill, color)
                word_block = None
                if not hollow and self.theme.emotion.value_labels:
                    # Themes for print write the value out: the curve reads without colour.
                    number = on_scale(value, scale)
                    word = f"{word} ({number})" if word else number
                if word:
                    word_block = self.text(word, column.x + self.pad, y_of(value) + radius + 3,
                                           column.width - 2 * self.pad, self.small(), color,
                                           italic=True, anchor="middle", max_lines=WORD_LINES)
                made.append(g.CurvePoint(column.touchpoint.id, value, marker, word_block))
            return tuple(made)

        actual_at, expected_at = _by_column(felt, felt_splines), _by_column(hoped, hoped_splines)
        skipped = tuple(
            polyline([(before.xs[-1], before.ys[-1]), (after.xs[0], after.ys[0])])
            for before, after in zip(felt_splines, felt_splines[1:]))
        curve = g.Curve(
            persona_id=persona_id, color=color,
            segments=tuple(spline.path() for spline in felt_splines if len(spline.xs) > 1),
            skipped=skipped,
            points=points(felt, 5.5, False),
            expected_segments=tuple(_stroke(spline) for spline in hoped_splines),
            expected_points=points(hoped, 3.5, True),
            gap_areas=tuple(_area(run, actual_at, expected_at, x_of) for run in drawn.both),
        )
        return curve

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

    def _separate_words(self, curves: list[g.Curve]) -> list[g.Curve]:
        """Push apart the words of different personas at the same touchpoint."""
        placed: dict[str, list[g.Box]] = {}
        result = []
        for curve in curves:
            points = []
            for point in curve.points:
                word = point.word
                if word:
                    taken = placed.setdefault(point.touchpoint_id, [])
                    top = word.box.y
                    for box in sorted(taken, key=lambda b: b.y):
                        if top < box.bottom + 1 and top + word.box.height > box.y - 1:
                            top = box.bottom + 1
                    word = shifted(word, top - word.box.y)
                    taken.append(word.box)
                points.append(g.CurvePoint(point.touchpoint_id, point.value, point.marker, word))
            result.append(curve._replace(points=tuple(points)))
        return result


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
