"""What the emotion lane writes on its curves: the gap between expected and felt as a number
where it matters (the map's largest gaps strongest), a badge on each persona's lowest and
highest moment, the personas' words (one shared word where several feel the same with the
same word), all placed by `cjmdsl.layout.labels` so that none crosses a curve, a marker or
another label."""
from __future__ import annotations

import functools

from cjmdsl.layout import geometry as g
from cjmdsl.tuples import NamedTuple
from cjmdsl.words.escape import xml_chars
from cjmdsl.layout.labels import Field, Line, Wanted, marker_box, place, spline_line
from cjmdsl.words.numbers import on_scale, signed_number
from cjmdsl.layout.textmetrics import ascent, line_height, text_width, wrap
from cjmdsl.words.sentences import say

# Each persona's dash pattern (stroke-dasharray), in the order of the map's personas: the
# curves differ in print, in greyscale and for colour-blind readers, not by colour alone.
DASHES = ("", "10 4", "2 4", "10 3 2 3", "16 5", "5 3 1 3")
WORD_LINES = 2  # an emotion word wraps onto two lines at most
LONE_EXPECTED = 12.0  # half the length of the stroke that marks a lone expected value
EXPECTED_WIDTH = 5.6  # the expected curve's stroke (map.svg.j2), a tube around a core
FELT_WIDTH = 2.6  # the felt curve's stroke (map.svg.j2)
LONE_TO_BE = 10.0  # … and a lone to-be value
BADGE_PAD = 3.0  # between a badge's pill and its word
BADGE_MARK = 3.0  # the radius of the triangle in a badge
BADGE_ROOM = 2 * BADGE_PAD + 2 * BADGE_MARK + 2  # what a badge adds to its word's width


def dash_of(index: int) -> str:
    return DASHES[index % len(DASHES)]


def gap_matters(gap: float, low: float, high: float) -> bool:
    """A gap is written on the map when it is at least a quarter of the scale (at least one
    step): on -2 .. 2 every gap, on 1 .. 10 a gap of 3 or more."""
    return abs(gap) >= max(1.0, (high - low) / 4)


class Word(NamedTuple):
    """A word to write at a curve's point: the curve's number, the point's, its text."""

    curve: int
    point: int
    text: str
    color: str


class Gap(NamedTuple):
    """A gap at a touchpoint of a curve: where both markers are, and its value."""

    curve: int
    touchpoint_id: str
    x: float
    actual_y: float
    expected_y: float
    value: float
    left: float
    right: float


class Ask(NamedTuple):
    """One label to place: its lines and look, what it labels, the box it is placed in."""

    wanted: Wanted
    lines: tuple[str, ...]
    size: float
    color: str
    bold: bool
    italic: bool
    owner: tuple  # ("word", curve, point) | ("gap", curve, index) | ("shared", tp, personas)
    badge: str | None = None
    badge_color: str | None = None


def block_in(ask: Ask, box: g.Box) -> g.TextBlock:
    """The label's text placed in `box` (a badge's pill leaves room for its triangle)."""
    advance = line_height(ask.size)
    inner = box
    if ask.badge:
        inner = g.Box(box.x + BADGE_ROOM - BADGE_PAD, box.y + BADGE_PAD / 2,
                      box.width - BADGE_ROOM, box.height - BADGE_PAD)
    first = inner.y + (advance - ask.size) / 2 + ascent(ask.size)
    return g.TextBlock(ask.lines, inner.x + inner.width / 2,
                       tuple(first + i * advance for i in range(len(ask.lines))), ask.size,
                       ask.color, inner, ask.bold, ask.italic, "middle")


def ask_for(lines: tuple[str, ...], size: float, bold: bool, x: float, y: float,
            reach: float, left: float, right: float, badge: bool = False) -> Wanted:
    """The size of a label of `lines`, measured, at the point (x, y)."""
    width = max(text_width(line, size, bold) for line in lines) + 1
    height = len(lines) * line_height(size)
    if badge:
        width += BADGE_ROOM
        height += BADGE_PAD
    width = min(width, right - left)
    return Wanted(width, height, x, y, reach, left, right)


def placed_labels(asks: list[Ask], lines: list[Line], markers: list[g.Marker],
                  plot: g.Box, ceiling: float, taken: tuple[g.Box, ...] = ()
                  ) -> list[tuple[Ask, g.Box]]:
    """Every label with the box it gets, in the order asked (the most important first),
    between `ceiling` (the free strip over the plot: a peak's word may go there) and the
    plot's foot, clear of the boxes `taken` (a small plot's title)."""
    field = Field(lines, [marker_box(marker) for marker in markers] + list(taken))
    boxes = place([ask.wanted for ask in asks], field, ceiling, plot.bottom)
    return list(zip(asks, boxes))


def badge_of(ask: Ask, box: g.Box) -> g.MomentBadge:
    """The pill and its triangle for a badged label placed in `box`."""
    shape = "triangle-down" if ask.badge == "lowest" else "triangle"
    mark = g.Marker(shape, box.x + BADGE_PAD + BADGE_MARK, box.y + box.height / 2,
                    BADGE_MARK, ask.badge_color, ask.badge_color)
    return g.MomentBadge(ask.badge, box, mark)


def extremes(values: list[float]) -> tuple[int | None, int | None]:
    """The places of the lowest and the highest value (the first of equals); none when the
    values are all the same, for then nothing stands out."""
    if len(values) < 2 or min(values) == max(values):
        return None, None
    return values.index(min(values)), values.index(max(values))


def gap_text(value: float) -> str:
    return signed_number(value)


class EmotionMarks:
    """Mixed into the emotion lane: writes the gaps, badges and words on its curves."""

    def laid_out_touchpoints(self):
        """The map's touchpoints in order, from the columns already planned: walking the
        journey again would cost a pass over every touchpoint (`test_scaling`)."""
        return (column.touchpoint for column in self.all_columns
                if column.touchpoint is not None)

    def _labelled(self, drawn, plot: g.Box, ceiling: float, taken: tuple[g.Box, ...] = (),
                  planned=(), spreads: tuple[g.SpreadBar, ...] = ()
                  ) -> tuple[list[g.Curve], list[g.SharedWord], list[g.ToBeCurve]]:
        """The curves with their gaps, badges and words placed (see `emotion_marks`), the
        words several personas share, and the to-be curves (`planned`, see
        `cjmdsl.layout.states`) with theirs: all in one placement, so that no label
        crosses an as-is or a to-be curve, a spread bar, a marker or another label."""
        curves = [curve for curve, _ in drawn]
        lines = [line for curve, splines in drawn for line in _obstacles(curve, splines)]
        lines += [line for plan in planned for line in _to_be_obstacles(plan)]
        lines += [line for bar in spreads for line in _spread_obstacles(bar)]
        gaps = self._gaps(curves)
        lines += [[(gap.x, gap.expected_y), (gap.x, gap.actual_y)] for gap in gaps]
        markers = [p.marker for c in curves for p in (*c.points, *c.expected_points)]
        markers += [p.marker for plan in planned for p in plan.curve.points]
        asks = (self._gap_asks(curves, gaps) + self._word_asks(curves)
                + self._to_be_asks([plan.curve for plan in planned]))
        words: dict[tuple[int, int], tuple[g.TextBlock, g.MomentBadge | None]] = {}
        gap_labels: dict[tuple[int, int], g.TextBlock] = {}
        to_be_words: dict[tuple[int, int], g.TextBlock] = {}
        to_be_tags: dict[int, g.TextBlock] = {}
        shared = []
        for ask, box in placed_labels(asks, lines, markers, plot, ceiling, taken):
            kind, *where = ask.owner
            if kind == "gap":
                gap_labels[tuple(where)] = block_in(ask, box)
            elif kind == "word":
                badge = badge_of(ask, box) if ask.badge else None
                words[tuple(where)] = (block_in(ask, box), badge)
            elif kind == "to_be":
                to_be_words[tuple(where)] = block_in(ask, box)
            elif kind == "to_be_tag":
                to_be_tags[where[0]] = block_in(ask, box)
            else:
                shared.append(g.SharedWord(where[0], where[1], block_in(ask, box),
                                           badge_of(ask, box) if ask.badge else None))
        to_be = [plan.curve._replace(
            points=tuple(point._replace(word=to_be_words.get((number, k)))
                         for k, point in enumerate(plan.curve.points)),
            label=to_be_tags.get(number)) for number, plan in enumerate(planned)]
        largest = self._largest_gap
        placed = []
        for number, curve in enumerate(curves):
            points = tuple(point._replace(word=words[(number, k)][0],
                                          badge=words[(number, k)][1])
                           if (number, k) in words else point
                           for k, point in enumerate(curve.points))
            mine = [gap for gap in gaps if gap.curve == number]
            gap_marks = tuple(
                g.GapMark(gap.touchpoint_id, gap.value,
                          g.Line(gap.x, gap.expected_y, gap.x, gap.actual_y),
                          gap_labels.get((number, k)), abs(gap.value) == largest)
                for k, gap in enumerate(mine))
            placed.append(curve._replace(points=points, gaps=gap_marks))
        return placed, shared, to_be

    def _to_be_asks(self, to_be: list[g.ToBeCurve]) -> list[Ask]:
        """The to-be's words (upright, so they do not read as the as-is's italic ones) at
        the planned points that have one, then each curve's "to-be" tag at its last planned
        point: after every as-is label, which keeps the better places."""
        columns = {column.touchpoint.id: column for column in self.touchpoint_columns()}
        size = self.small()
        words, tags = [], []
        for number, curve in enumerate(to_be):
            for k, point in enumerate(curve.points):
                column = columns[point.touchpoint_id]
                future = column.touchpoint.future_of(curve.persona_id)
                if future is None or not future.word:
                    continue
                lines = tuple(wrap(xml_chars(future.word), column.width - 2 * self.pad, size,
                                   False, max_lines=WORD_LINES)) or ("",)
                marker = point.marker
                wanted = ask_for(lines, size, False, marker.x, marker.y,
                                 marker.radius * 1.25 + 1, column.x + 2,
                                 column.x + column.width - 2)
                words.append(Ask(wanted, lines, size, curve.color, False, False,
                                 ("to_be", number, k)))
            if curve.points:
                last = curve.points[-1].marker
                column = columns[curve.points[-1].touchpoint_id]
                text = (say("to_be"),)
                wanted = ask_for(text, size, False, last.x, last.y, last.radius * 1.25 + 1,
                                 column.x + 2, column.x + column.width - 2)
                tags.append(Ask(wanted, text, size, curve.color, False, True,
                                ("to_be_tag", number)))
        return words + tags

    def _gaps(self, curves: list[g.Curve]) -> list[Gap]:
        """Every gap in the row: where a persona has both values and they differ."""
        found = []
        columns = {column.touchpoint.id: column for column in self.touchpoint_columns()}
        for number, curve in enumerate(curves):
            expected = {p.touchpoint_id: p for p in curve.expected_points}
            for point in curve.points:
                hoped = expected.get(point.touchpoint_id)
                if hoped is None or hoped.value == point.value:
                    continue
                column = columns[point.touchpoint_id]
                found.append(Gap(number, point.touchpoint_id, point.marker.x,
                                       point.marker.y, hoped.marker.y, point.value - hoped.value,
                                       column.x + 2, column.x + column.width - 2))
        return found

    def _gap_asks(self, curves: list[g.Curve], gaps: list[Gap]) -> list[Ask]:
        """The gap numbers to place, the largest first; gaps too small to matter go
        unwritten (their stem still shows them)."""
        scale = self.journey.scale
        largest = self._largest_gap
        place_in_curve: dict[int, int] = {}
        numbered = []
        for gap in gaps:
            numbered.append((gap, place_in_curve.get(gap.curve, 0)))
            place_in_curve[gap.curve] = numbered[-1][1] + 1
        # Personas with the same gap from the same feeling at a touchpoint get one number, in the text colour,
        # held by the first of them.
        alike: dict[tuple[str, float, float], list[tuple[Gap, int]]] = {}
        for gap, k in numbered:
            if gap_matters(gap.value, scale.low, scale.high):
                key = (gap.touchpoint_id, gap.value, gap.actual_y)
                alike.setdefault(key, []).append((gap, k))
        asks = []
        for group in sorted(alike.values(), key=lambda group: -abs(group[0][0].value)):
            gap, k = group[0]
            strong = abs(gap.value) == largest
            size = self.font.size + 1 if strong else self.small()
            text = (gap_text(gap.value),)
            xs = [entry.x for entry, _ in group]
            middle = (gap.actual_y + gap.expected_y) / 2
            x = (min(xs) + max(xs)) / 2
            wanted = ask_for(text, size, True, x, middle, 3 + (max(xs) - x), gap.left,
                                   gap.right)
            color = curves[gap.curve].color if len(group) == 1 else self.colors.text
            asks.append(Ask(wanted, text, size, color, True, False, ("gap", gap.curve, k)))
        return asks

    def _word_asks(self, curves: list[g.Curve]) -> list[Ask]:
        """The words to place: badged extremes first, then the rest; where several personas
        feel the same with the same word at a touchpoint, one word for all of them."""
        scale = self.journey.scale
        value_labels = self.theme.emotion.value_labels
        columns = {column.touchpoint.id: column for column in self.touchpoint_columns()}
        by_place: dict[tuple, list[tuple[int, int, str]]] = {}
        for number, curve in enumerate(curves):
            for k, point in enumerate(curve.points):
                column = columns[point.touchpoint_id]
                emotion = column.touchpoint.emotion_of(curve.persona_id)
                word = emotion.word if emotion else None
                badge = self._extremes.get(curve.persona_id, {}).get(point.touchpoint_id)
                if value_labels or (badge and not word):
                    # Themes for print write the value out: the curve reads without colour.
                    number_text = on_scale(point.value, scale)
                    word = f"{word} ({number_text})" if word else number_text
                if word:
                    by_place.setdefault((point.touchpoint_id, point.value, word, badge),
                                        []).append((number, k, word))
        first, rest = [], []
        for (tp_id, value, word, badge), owners in by_place.items():
            column = columns[tp_id]
            inner = column.width - 2 * self.pad - (BADGE_ROOM if badge else 0)
            lines = tuple(wrap(xml_chars(word), inner, self.small(), bool(badge),
                               max_lines=WORD_LINES)) or ("",)
            markers = [curves[n].points[k].marker for n, k, _ in owners]
            x = sum(m.x for m in markers) / len(markers)
            reach = max(m.radius for m in markers) * 1.25 + 1 + (max(m.x for m in markers) - x)
            wanted = ask_for(lines, self.small(), bool(badge), x, markers[0].y, reach,
                                   column.x + 2, column.x + column.width - 2,
                                   badge=bool(badge))
            if len(owners) > 1:
                ask = Ask(wanted, lines, self.small(), self.colors.text, bool(badge),
                                not badge, ("shared", tp_id,
                                            tuple(curves[n].persona_id for n, _, _ in owners)),
                                badge, self.colors.text)
                (first if badge else rest).append(ask)
                continue
            for n, k, _ in owners:
                color = curves[n].color
                ask = Ask(wanted, lines, self.small(), color, bool(badge), not badge,
                                ("word", n, k), badge, color)
                (first if badge else rest).append(ask)
        return first + rest

    @functools.cached_property
    def _extremes(self) -> dict[str, dict[str, str]]:
        """Each persona's lowest and highest moment in the whole map: persona -> touchpoint
        id -> "lowest" or "highest"."""
        felt: dict[str, list[tuple[str, float]]] = {}
        for touchpoint in self.laid_out_touchpoints():
            seen = set()
            for emotion in touchpoint.emotions:
                if emotion.persona not in seen:
                    seen.add(emotion.persona)
                    felt.setdefault(emotion.persona, []).append((touchpoint.id, emotion.value))
        found = {}
        for persona, moments in felt.items():
            lowest, highest = extremes([value for _, value in moments])
            if lowest is not None:
                found[persona] = {moments[lowest][0]: "lowest", moments[highest][0]: "highest"}
        return found

    @functools.cached_property
    def _largest_gap(self) -> float:
        """The largest gap in the whole map (0 when none): drawn strongest in every row."""
        largest = 0.0
        for touchpoint in self.laid_out_touchpoints():
            for expectation in touchpoint.expectations:
                emotion = touchpoint.emotion_of(expectation.persona)
                if emotion is not None:
                    largest = max(largest, abs(emotion.value - expectation.value))
        return largest


def _obstacles(curve: g.Curve, splines) -> list[Line]:
    """What of a curve a label must not cross: its splines, its dotted skips and its leads
    to the row's edges with their chevrons."""
    found = []
    for spline in splines:
        if len(spline.xs) > 1:
            found.append(spline_line(spline))
        else:  # a lone expected value's short stroke
            x, y = spline.xs[0], spline.ys[0]
            found.append([(x - LONE_EXPECTED, y), (x + LONE_EXPECTED, y)])
    found += [_path_points(path)
              for path in (*curve.skipped, *curve.continues, *curve.continue_marks)]
    return found


def _to_be_obstacles(plan) -> list[Line]:
    """What of a to-be curve a label must not cross: its splines, a lone value's stroke."""
    found = []
    for spline in plan.splines:
        if len(spline.xs) > 1:
            found.append(spline_line(spline))
        else:
            x, y = spline.xs[0], spline.ys[0]
            found.append([(x - LONE_TO_BE, y), (x + LONE_TO_BE, y)])
    return found


def _spread_obstacles(bar: g.SpreadBar) -> list[Line]:
    """A spread bar and its two caps."""
    return [[(bar.x, bar.top), (bar.x, bar.bottom)],
            [(bar.x - bar.cap, bar.top), (bar.x + bar.cap, bar.top)],
            [(bar.x - bar.cap, bar.bottom), (bar.x + bar.cap, bar.bottom)]]


def _path_points(path: str) -> list[tuple[float, float]]:
    """The points of a path of straight lines (M and L only) that `polyline` wrote."""
    numbers = [float(n) for n in path.replace("M", " ").replace("L", " ").split()]
    return list(zip(numbers[0::2], numbers[1::2]))


def label_boxes(curves: list[g.Curve], shared: list[g.SharedWord],
                to_be: list[g.ToBeCurve] = ()):
    """The boxes of every placed label, badges and the to-be's included."""
    for curve in to_be:
        yield from (point.word.box for point in curve.points if point.word)
        if curve.label:
            yield curve.label.box
    for curve in curves:
        for point in curve.points:
            if point.badge:
                yield point.badge.box
            if point.word:
                yield point.word.box
        yield from (gap.label.box for gap in curve.gaps if gap.label)
    for word in shared:
        yield word.badge.box if word.badge else word.text.box


