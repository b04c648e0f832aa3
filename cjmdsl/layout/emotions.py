"""The emotion lane: the scale's bands and labels, a smooth curve per persona, the expected
curve and the shaded gap, and the words placed so they do not collide."""
from __future__ import annotations

import bisect

from cjmdsl import geometry as g
from cjmdsl.curves import area_between, monotone_spline
from cjmdsl.layout.base import DODGE, MARKER_SHAPES, WORD_LINES, _Column, _shift, _signed
from cjmdsl.numbers import signed_number
from cjmdsl.textmetrics import line_height


class EmotionLane:
    """Mixed into the layout: needs its journey, theme, columns, text() and row_label()."""

    def emotion_lane(self) -> g.EmotionLane | None:
        journey = self.journey
        if not any(tp.emotions or tp.expectations for tp in journey.touchpoints):
            return None
        scale = journey.scale
        top = self.y
        label = self.row_label("Emotions", top)
        steps = scale.high - scale.low
        plot_height = max(self.theme.spacing["emotion_height"], steps * 26)
        plot_top = label.box.bottom + 4
        inset = 12
        plot = g.Box(self.grid_left, plot_top, self.width - self.margin - self.grid_left,
                     plot_height)

        def y_of(value: float) -> float:
            return plot.y + inset + (scale.high - value) / steps * (plot.height - 2 * inset)

        levels = self._levels(plot, y_of)
        word_bottom = plot.bottom
        curves = []
        for index, persona in enumerate(journey.personas):
            curve, bottom = self._curve(index, persona.id, y_of, plot)
            if curve:
                curves.append(curve)
                word_bottom = max(word_bottom, bottom)
        curves = self._separate_words(curves, plot)
        word_bottom = max([plot.bottom] + [p.word.box.bottom for c in curves for p in c.points
                                           if p.word])
        height = word_bottom + self.pad - top
        lane = g.EmotionLane(g.Box(self.margin, top, self.width - 2 * self.margin, height),
                             plot, label, levels, tuple(curves))
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
                number = _signed(value, with_plus=scale.low < 0)
                words = f"{text} ({number})" if text else number
                block = self.text(words, self.margin, 0, self.label_width - self.pad, size,
                                  self.colors["muted"], anchor="end", max_lines=1)
                label = _shift(block, y - block.box.height / 2)
            color = self.theme.emotion_color(value, scale.low, scale.high)
            levels.append(g.Level(value, y, band, color, label))
        return tuple(levels)

    def _curve(self, index: int, persona_id: str, y_of, plot: g.Box):
        color = self.persona_color(index)
        # Personas who feel the same at a touchpoint would hide each other's
        # markers; each curve is dodged a few pixels sideways.
        count = len(self.journey.personas)
        dodge = (index - (count - 1) / 2) * DODGE if count > 1 else 0.0

        def x_of(column: _Column) -> float:
            return column.center + dodge

        shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
        scale = self.journey.scale
        actual, expected = [], []
        for column in self.columns:
            tp = column.touchpoint
            if tp is None:
                continue
            emotion = tp.emotion_of(persona_id)
            if emotion:
                actual.append((column, emotion.value, emotion.word))
            expectation = tp.expectation_of(persona_id)
            if expectation:
                expected.append((column, expectation.value, None))
        if not actual and not expected:
            return None, plot.bottom

        def points(marks, radius, hollow):
            made = []
            for column, value, word in marks:
                fill = self.theme.emotion_color(value, scale.low, scale.high)
                marker = g.Marker(shape, x_of(column), y_of(value), radius,
                                  self.colors["background"] if hollow else fill, color)
                word_block = None
                if not hollow and self.theme.emotion["value_labels"]:
                    # Themes for print write the value out: the curve reads without colour.
                    number = signed_number(value, with_plus=scale.low < 0)
                    word = f"{word} ({number})" if word else number
                if word:
                    word_block = self.text(word, column.x + self.pad, y_of(value) + radius + 3,
                                           column.width - 2 * self.pad, self.small(), color,
                                           italic=True, anchor="middle", max_lines=WORD_LINES)
                made.append(g.CurvePoint(column.touchpoint.id, value, marker, word_block))
            return tuple(made)

        actual_spline = monotone_spline([(x_of(c), y_of(v)) for c, v, _ in actual]) if actual else None
        expected_spline = monotone_spline([(x_of(c), y_of(v)) for c, v, _ in expected]) if expected else None
        gaps = self._gap_areas(actual, expected, actual_spline, expected_spline, x_of)
        curve = g.Curve(
            persona_id=persona_id, color=color,
            path=actual_spline.path() if actual_spline and len(actual) > 1 else "",
            points=points(actual, 5.5, False),
            expected_path=expected_spline.path() if expected_spline and len(expected) > 1 else None,
            expected_points=points(expected, 3.5, True),
            gap_areas=gaps,
        )
        return curve, plot.bottom

    def _gap_areas(self, actual, expected, actual_spline, expected_spline, x_of) -> tuple[str, ...]:
        """Shaded areas between the two curves wherever both are known, run by run.

        A run is a stretch of touchpoints where the persona has both an emotion and an
        expectation, with no touchpoint in between that has only one of them.
        """
        if not actual_spline or not expected_spline:
            return ()
        order = {id(c): i for i, c in enumerate(self.columns)}
        felt = {order[id(c)] for c, _, _ in actual}
        hoped = {order[id(c)] for c, _, _ in expected}
        lone = sorted(felt ^ hoped)  # touchpoints with only one of the two
        runs: list[list[_Column]] = []
        previous = None
        for index in sorted(felt & hoped):
            broken = previous is None or bisect.bisect_left(lone, previous) != bisect.bisect_left(lone, index)
            if broken:
                runs.append([])
            runs[-1].append(self.columns[index])
            previous = index
        areas = []
        for run in runs:
            x0, x1 = x_of(run[0]), x_of(run[-1])
            if x0 == x1:
                a, e = actual_spline.at(x0), expected_spline.at(x0)
                x0, x1 = x0 - 4, x1 + 4
                areas.append(f"M{x0:.2f} {a:.2f} L{x1:.2f} {a:.2f} L{x1:.2f} {e:.2f} "
                             f"L{x0:.2f} {e:.2f} Z")
            else:
                areas.append(area_between(actual_spline, expected_spline, x0, x1))
        return tuple(areas)

    def _separate_words(self, curves: list[g.Curve], plot: g.Box) -> list[g.Curve]:
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
                    word = _shift(word, top - word.box.y)
                    taken.append(word.box)
                points.append(g.CurvePoint(point.touchpoint_id, point.value, point.marker, word))
            result.append(g.Curve(curve.persona_id, curve.color, curve.path, tuple(points),
                                  curve.expected_path, curve.expected_points, curve.gap_areas))
        return result
