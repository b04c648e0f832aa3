"""Label placement: each label of the emotion lane (a persona's word, a gap's number, a
badge) goes to the first of its candidate places that crosses no curve, no marker and no
label placed before it.

Candidates come in the order a reader expects (under the marker, above it, beside it, then
further away); when every one is taken the label goes under the plot, where no curve runs,
one line below the lowest label there, so a place is always found. Labels are placed in
priority order (the largest gaps first), so the most important keeps the best place.
Obstacles sit in buckets of `CELL` pixels, so a map of thousands of touchpoints costs what
its labels cost, not their square.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from cjmdsl.layout import geometry as g
from cjmdsl.layout.curves import Spline
from cjmdsl.tuples import NamedTuple

CELL = 64.0
RUN = 8  # pieces of a line kept together in the field: a run of a curve is about 32 px wide
NEAR = 3  # label heights: how far from its point a label is tried before going under the plot
CLEARANCE = 3.0  # pixels kept free around a label: half the widest line, and some air


Point = tuple[float, float]
Line = list[Point]  # a polyline: what a label must not cross is a list of them


def boxes_overlap(a: g.Box, b: g.Box) -> bool:
    """Whether two boxes share any area (touching edges do not count)."""
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def segment_hits_box(segment: tuple[float, float, float, float], box: g.Box) -> bool:
    """Whether the straight segment (x1, y1, x2, y2) passes through the inside of `box`."""
    return _crosses(*segment, box.x, box.y, box.right, box.bottom)


def _crosses(x1: float, y1: float, x2: float, y2: float,
             left: float, top: float, right: float, bottom: float) -> bool:
    """Whether the segment from (x1, y1) to (x2, y2) passes through the inside of the box
    of those edges (Liang–Barsky)."""
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def spline_line(spline: Spline, step: float = 4.0) -> Line:
    """A curve as a polyline of straight pieces at most `step` wide: close enough that a
    label clear of them is clear of the curve."""
    xs = spline.xs
    line = spline.span_points(0, max(1, int((xs[1] - xs[0]) // step) + 1))
    for i in range(1, len(xs) - 1):  # each span begins where the one before it ends
        line += spline.span_points(i, max(1, int((xs[i + 1] - xs[i]) // step) + 1))[1:]
    return line


def marker_box(marker: g.Marker) -> g.Box:
    """The box a marker's drawing fits in, its stroke included."""
    reach = marker.radius * 1.25 + 1
    return g.Box(marker.x - reach, marker.y - reach, 2 * reach, 2 * reach)


class _Buckets:
    """Things with a box, found by the cells of `CELL` pixels their box touches. Each is a
    flat tuple that begins with its box's edges (left, top, right, bottom), so a test reads
    them off it instead of working them out of a Box again for every label that comes near."""

    def __init__(self):
        self.cells: dict[tuple[int, int], list] = {}

    def add(self, kept: tuple) -> None:
        left, top, right, bottom = kept[:4]
        cells = self.cells
        x0, x1 = int(left // CELL), int(right // CELL)
        y0, y1 = int(top // CELL), int(bottom // CELL)
        if x0 == x1 and y0 == y1:  # most things: a run of a curve, a marker
            cells.setdefault((x0, y0), []).append(kept)
            return
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                cells.setdefault((cx, cy), []).append(kept)

    def near(self, left: float, top: float, right: float, bottom: float) -> list:
        """What lies in the cells the box touches; a thing in several of them comes once
        per cell (the tests ask whether any is in the way: asking twice changes nothing)."""
        cells, found = self.cells, []
        for cx in range(int(left // CELL), int(right // CELL) + 1):
            for cy in range(int(top // CELL), int(bottom // CELL) + 1):
                found += cells.get((cx, cy), ())
        return found


def _edges(box: g.Box) -> tuple[float, float, float, float]:
    return box.x, box.y, box.x + box.width, box.y + box.height


class Field:
    """What labels must keep clear of, and the labels placed so far. A large map has a few
    hundred thousand pieces of lines and far fewer labels: the pieces are kept in runs of
    `RUN` with the box around the run, and only a run whose box meets a label's is looked
    into; a piece whose own box misses the label cannot cross it, which is told by four
    comparisons before `_crosses`'s sums."""

    def __init__(self, lines: list[Line], boxes: list[g.Box]):
        self.runs, self.boxes = _Buckets(), _Buckets()
        for line in lines:
            for start in range(0, len(line) - 1, RUN):
                points = line[start:start + RUN + 1]
                xs, ys = [x for x, _ in points], [y for _, y in points]
                self.runs.add((min(xs), min(ys), max(xs), max(ys), points))
        for box in boxes:
            self.boxes.add(_edges(box))

    def is_free(self, box: g.Box) -> bool:
        room = g.Box(box.x - CLEARANCE, box.y - CLEARANCE, box.width + 2 * CLEARANCE,
                     box.height + 2 * CLEARANCE)
        left, top, right, bottom = _edges(room)
        for x, y, other_right, other_bottom in self.boxes.near(left, top, right, bottom):
            if left < other_right and x < right and top < other_bottom and y < bottom:
                return False  # as `boxes_overlap`
        for x, y, run_right, run_bottom, points in self.runs.near(left, top, right, bottom):
            if run_right > left and x < right and run_bottom > top and y < bottom:
                for (x1, y1), (x2, y2) in pairwise(points):
                    if (max(x1, x2) > left and min(x1, x2) < right and max(y1, y2) > top
                            and min(y1, y2) < bottom
                            and _crosses(x1, y1, x2, y2, left, top, right, bottom)):
                        return False
        return True

    def take(self, box: g.Box) -> None:
        self.boxes.add(_edges(box))


class Wanted(NamedTuple):
    """A label to place: its size, the point it labels, how far from that point its edge
    starts (the marker's reach), the columns it must stay inside (`left`, `right`)."""

    width: float
    height: float
    x: float
    y: float
    reach: float
    left: float
    right: float


def candidates(label: Wanted, top: float, bottom: float) -> Iterator[g.Box]:
    """The places tried for `label`, best first, inside its column and the plot's height
    (`top` to `bottom`): under and over the point, beside it, then a little further down and
    up, then further sideways. Made one by one: the first free one ends the search, and a
    wide column has hundreds of sideways places."""
    w, h, x, y, reach = label.width, label.height, label.x, label.y, label.reach
    # Never above `top`: what lies over it (the lane above, the plot of the persona before
    # with `--emotions split`) is another field's, whose labels this one cannot see.
    least_x, most_right, least_y = label.left - 0.01, label.right + 0.01, top - 0.01

    def inside(b: g.Box) -> bool:
        return b.x >= least_x and b.x + b.width <= most_right and b.y >= least_y

    def box(left: float, upper: float) -> g.Box:
        left = min(max(left, label.left), label.right - w)
        return g.Box(left, upper, w, h)

    gap = CLEARANCE + 1.0  # the free ring round the label must not touch the point's marker
    near = (box(x - w / 2, y + reach + gap), box(x - w / 2, y - reach - gap - h),
            box(x + reach + gap + 2, y - h / 2), box(x - reach - gap - 2 - w, y - h / 2),
            box(x + reach + gap, y + reach), box(x - reach - gap - w, y + reach),
            box(x + reach + gap, y - reach - h), box(x - reach - gap - w, y - reach - h))
    yield from (b for b in near if inside(b))
    step = max(h / 2, 4.0)
    offset = step
    # Not far: a word written far from its marker reads as another's; past this it goes
    # under the plot instead.
    while offset <= NEAR * h:
        for upper in (y + reach + gap + offset, y - reach - gap - offset - h):
            if top <= upper and upper + h <= bottom:
                b = box(x - w / 2, upper)
                if inside(b):
                    yield b
        offset += step
    # Then sideways along the point's own height, where a curve leaving a peak falls away.
    shift = step
    while x + reach + gap + shift + w <= label.right or x - reach - gap - shift - w >= label.left:
        for upper in (y - h / 2, y - reach - h, y + reach):
            if top <= upper and upper + h <= bottom:
                for b in (g.Box(x + reach + gap + shift, upper, w, h),
                          g.Box(x - reach - gap - shift - w, upper, w, h)):
                    if inside(b):
                        yield b
        shift += step


def place(labels: list[Wanted], field: Field, top: float, bottom: float) -> list[g.Box]:
    """A box for every label, in order: the first free candidate, else under `bottom` (the
    plot's foot, below every curve and marker) in its column, clear of labels there."""
    placed = []
    for label in labels:
        chosen = next((b for b in candidates(label, top, bottom) if field.is_free(b)), None)
        if chosen is None:
            left = min(max(label.x - label.width / 2, label.left), label.right - label.width)
            upper = bottom + 2
            chosen = g.Box(left, upper, label.width, label.height)
            while not field.is_free(chosen):
                upper += 2
                chosen = g.Box(left, upper, label.width, label.height)
        field.take(chosen)
        placed.append(chosen)
    return placed
