"""The emotion curve's spline read along its length: `ys_at` and `span_points` give what
`at` gives at each x (they only skip looking the span up), so the drawing, the shadings and
the label field do not change."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cjmdsl.layout.curves import monotone_spline

COORDINATE = st.floats(-1e4, 1e4, allow_nan=False)
SPLINES = st.lists(st.tuples(st.integers(-3000, 3000), COORDINATE), min_size=1, max_size=12,
                   unique_by=lambda point: point[0]).map(
    lambda points: monotone_spline(sorted((x * 1.5, y) for x, y in points)))


@given(spline=SPLINES, xs=st.lists(st.floats(-6000, 6000, allow_nan=False), max_size=40))
def test_the_curve_read_along_is_the_curve_read_point_by_point(spline, xs):
    xs = sorted(xs)  # ascending, as an area or a shading is filled; before and after it too
    assert spline.ys_at(xs) == [spline.at(x) for x in xs]


@given(spline=SPLINES.filter(lambda s: len(s.xs) > 1), count=st.integers(1, 60),
       data=st.data())
def test_a_span_sampled_is_the_curve_at_those_points(spline, count, data):
    i = data.draw(st.integers(0, len(spline.xs) - 2))
    points = spline.span_points(i, count)
    assert points[0] == (spline.xs[i], spline.ys[i])
    assert points[-1] == (spline.xs[i + 1], spline.ys[i + 1])
    assert [y for _, y in points[1:-1]] == [spline.at(x) for x, _ in points[1:-1]]
