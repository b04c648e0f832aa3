"""Smooth emotion curves that never overshoot the scale.

A monotone cubic Hermite spline (Fritsch–Carlson) through the points: smooth,
but between two equal values it stays flat and it never rises above the higher
or dips below the lower neighbour, so a curve cannot leave the scale or invent
a peak nobody reported. As SVG it is a chain of cubic Béziers.
"""
from __future__ import annotations

import bisect

from cjmdsl.model import record


@record
class Spline:
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    slopes: tuple[float, ...]

    def at(self, x: float) -> float:
        """y on the curve at `x`, for x within the first and last point."""
        xs, ys, ms = self.xs, self.ys, self.slopes
        if len(xs) == 1:
            return ys[0]
        i = min(max(bisect.bisect_left(xs, x) - 1, 0), len(xs) - 2)
        h = xs[i + 1] - xs[i]
        t = min(max((x - xs[i]) / h, 0.0), 1.0)
        return _hermite(t, h, ys[i], ms[i], ys[i + 1], ms[i + 1])

    def span_points(self, i: int, count: int) -> list[tuple[float, float]]:
        """`count` + 1 evenly spaced points from point `i` to point `i + 1`, the two
        included: what `at` gives there, without looking for the span at every point (the
        emotion lane's labels test every curve every 4 px)."""
        x0, x1 = self.xs[i], self.xs[i + 1]
        inside = [x0 + (x1 - x0) * k / count for k in range(1, count)]
        return [(x0, self.ys[i]), *zip(inside, self.ys_at(inside, i)), (x1, self.ys[i + 1])]

    def path(self) -> str:
        """SVG path data: M then one C per segment."""
        xs, ys, ms = self.xs, self.ys, self.slopes
        parts = [f"M{_n(xs[0])} {_n(ys[0])}"]
        for i in range(len(xs) - 1):
            third = (xs[i + 1] - xs[i]) / 3
            parts.append(
                f"C{_n(xs[i] + third)} {_n(ys[i] + ms[i] * third)} "
                f"{_n(xs[i + 1] - third)} {_n(ys[i + 1] - ms[i + 1] * third)} "
                f"{_n(xs[i + 1])} {_n(ys[i + 1])}"
            )
        return " ".join(parts)

    def ys_at(self, xs: list[float], start: int = 0) -> list[float]:
        """`at` each of `xs`, which ascend and lie after point `start`: the span is found by
        walking along the points, not looked up again for each x (an area is filled every
        12 px, a shading every 6)."""
        own, ys, ms = self.xs, self.ys, self.slopes
        if len(own) == 1:
            return [ys[0]] * len(xs)
        found, i, last = [], start, len(own) - 2
        for x in xs:
            while i < last and own[i + 1] < x:  # as `at`'s bisect, clamped to the spans
                i += 1
            h = own[i + 1] - own[i]
            t = min(max((x - own[i]) / h, 0.0), 1.0)
            found.append(_hermite(t, h, ys[i], ms[i], ys[i + 1], ms[i + 1]))
        return found

    def samples(self, x0: float, x1: float, step: float) -> list[tuple[float, float]]:
        """Points along the curve from x0 to x1 about `step` apart, for filling areas."""
        steps = max(1, round((x1 - x0) / step))
        xs = [x0 + (x1 - x0) * k / steps for k in range(steps + 1)]
        ys = self.ys_at(xs) if x1 >= x0 else [self.at(x) for x in xs]
        return list(zip(xs, ys))


def _hermite(t: float, h: float, y0: float, m0: float, y1: float, m1: float) -> float:
    """The cubic Hermite span of width `h` from (y0, slope m0) to (y1, slope m1) at `t`."""
    t2, t3 = t * t, t * t * t
    return ((2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * m0
            + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * h * m1)


def monotone_spline(points: list[tuple[float, float]]) -> Spline:
    """The Fritsch–Carlson spline through points sorted by strictly increasing x."""
    xs = tuple(p[0] for p in points)
    ys = tuple(p[1] for p in points)
    n = len(points)
    if n < 2:
        return Spline(xs, ys, (0.0,) * n)
    deltas = [(ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) for i in range(n - 1)]
    slopes = [deltas[0]] + [
        0.0 if deltas[i - 1] * deltas[i] <= 0 else (deltas[i - 1] + deltas[i]) / 2
        for i in range(1, n - 1)
    ] + [deltas[-1]]
    for i, delta in enumerate(deltas):
        if delta == 0:
            slopes[i] = slopes[i + 1] = 0.0
            continue
        a, b = slopes[i] / delta, slopes[i + 1] / delta
        length = a * a + b * b
        if length > 9:  # keep the segment monotone
            tau = 3 / length ** 0.5
            slopes[i], slopes[i + 1] = tau * a * delta, tau * b * delta
    return Spline(xs, ys, tuple(slopes))


def area_between(upper: Spline, lower: Spline, x0: float, x1: float, step: float = 12.0) -> str:
    """A closed SVG path filling the space between two splines from x0 to x1."""
    forward = upper.samples(x0, x1, step)
    backward = list(reversed(lower.samples(x0, x1, step)))
    head, *rest = forward + backward
    return f"M{_n(head[0])} {_n(head[1])} " + " ".join(f"L{_n(x)} {_n(y)}" for x, y in rest) + " Z"


def polyline(points: list[tuple[float, float]]) -> str:
    """SVG path data for straight lines through the points."""
    (x0, y0), *rest = points
    return f"M{_n(x0)} {_n(y0)} " + " ".join(f"L{_n(x)} {_n(y)}" for x, y in rest)


def _n(value: float) -> str:
    """Numbers in path data: two decimals at most, no trailing zeros, no `-0`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
