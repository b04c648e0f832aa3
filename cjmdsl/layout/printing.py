"""The HTML page's print: its one drawing of the map (one row of stages, as the screen shows
it) cut onto sheets of landscape paper, so that the page lays the map out and draws it once.

A sheet stacks parts of that drawing, each a rectangle of it placed on the sheet (the page
writes a part as a nested `<svg>` with a `<use>` of the drawing): first the legend, its
entries flowed into lines as wide as the paper; then rows of stages, each the rail of lane
labels beside as many stages as fit, cut in the gaps between stages (a stage longer than a
row between its touchpoints' columns), leaving out a lane that has nothing in them. A row
taller than what is left of a sheet goes on over the next, cut in the gaps between its bands
as the PDF's pages are. Rows are shrunk to fit more stages, never so far that a text prints
under `SMALLEST_PRINTED_TEXT`.

The page's header prints the title and the description above the first sheet, and its table
of KPIs prints after the map, so the drawing's own title and KPI cards are not cut up.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from cjmdsl.layout import geometry as g
from cjmdsl.layout.map import band_gaps, cut_windows
from cjmdsl.themes import Theme

SMALLEST_PRINTED_TEXT = 9  # px on paper at 96 per inch: a row shrinks no further
EDGE = 3  # px kept around a legend entry and a row: a stroke's width and its halo
ENTRY_GAP = 20  # px between two legend entries on a line
LINE_GAP = 6  # px between two lines of legend entries
STRIP_GAP = 14  # px between the legend and a row, and between two rows
MIN_PIECE = 60  # px of the drawing: the least of a row that goes into what is left of a sheet


def label_rail(geometry: g.Geometry, gap: float) -> float:
    """The width of the column of lane labels left of the first stage (to the middle of the
    gap before it): what the screen keeps in view while the map scrolls, and what every
    printed row repeats."""
    return min((s.box.x for s in geometry.stages), default=0) - gap / 2


def print_sheets(geometry: g.Geometry, theme: Theme, width: float,
                 shape: float) -> tuple[g.Sheet, ...]:
    """The sheets, `width` wide and at most `shape` times as tall, that print the one-row
    `geometry`."""
    tall = width * shape
    head, head_height = _legend(geometry, width - theme.spacing["margin"])
    # A legend of hundreds of personas would fill every sheet: then it is on the first only.
    later = (head, head_height) if head_height <= tall / 3 else ([], 0.0)
    sheets: list[g.Sheet] = []
    parts, used, has_row = list(head), head_height, False
    rows = _Rows(geometry, theme, width)
    for left, right, top, bottom, lines, joined in rows.runs():
        while top < bottom - 0.01:
            at = used + (0 if joined else STRIP_GAP) if used else 0.0
            # What is left of the sheet takes a piece of the run only if it can be cut in a
            # gap between bands; else the run goes on at the top of the next sheet.
            room = (tall - at) / rows.scale
            end = rows.cut(top, bottom, room, lines, partly=has_row) if room > MIN_PIECE else None
            if end is None:
                sheets.append(g.Sheet(tuple(parts), round(used, 2)))
                parts, used, has_row = list(later[0]), later[1], False
                at = used + STRIP_GAP if used else 0.0
                end = rows.cut(top, bottom, (tall - at) / rows.scale, lines, partly=False)
            parts += [_moved(part, at) for part in rows.strip(left, right, top, end)]
            used, has_row, top, joined = at + (end - top) * rows.scale, True, end, True
    if parts:
        sheets.append(g.Sheet(tuple(parts), round(used, 2)))
    return tuple(sheets)


# ── the legend ────────────────────────────────────────────────────────────────
def _legend(geometry: g.Geometry, right: float) -> tuple[list[g.PrintedPart], float]:
    """The legend's entries and keys flowed into lines from the drawing's left margin to
    `right`, in the drawing's order, and the height they take."""
    pieces = [_around(_entry_boxes(entry), EDGE) for entry in geometry.legend]
    pieces += [_around(_key_boxes(key), EDGE) for key in geometry.legend_keys]
    if not pieces:
        return [], 0.0
    left = min(piece.x for piece in pieces)
    parts: list[g.PrintedPart] = []
    x, y, line_height = left, 0.0, 0.0
    for piece in pieces:
        if x > left and x + piece.width > right:
            x, y, line_height = left, y + line_height + LINE_GAP, 0.0
        parts.append(g.PrintedPart(_rounded(piece),
                                   _rounded(g.Box(x, y, piece.width, piece.height)),
                                   "legend"))
        x += piece.width + ENTRY_GAP
        line_height = max(line_height, piece.height)
    return parts, y + line_height


def _entry_boxes(entry: g.LegendEntry) -> list[g.Box]:
    marker = entry.marker
    boxes = [entry.label.box, _round_mark(marker.x, marker.y, marker.radius),
             g.Box(entry.line_from, marker.y - 1, entry.line_to - entry.line_from, 2)]
    return boxes + ([entry.card.box] if entry.card else [])


def _key_boxes(key: g.LegendKey) -> list[g.Box]:
    boxes = [key.sample, key.label.box, *(swatch.box for swatch in key.swatches)]
    boxes += [_round_mark(mark.x, mark.y, mark.radius)
              for mark in (key.marker, key.evidence, key.badge) if mark is not None]
    return boxes


def _round_mark(x: float, y: float, radius: float) -> g.Box:
    return g.Box(x - radius, y - radius, 2 * radius, 2 * radius)


# ── the rows of stages ────────────────────────────────────────────────────────
class _Rows:
    """The printed rows of stages: the stages each row shows (`groups`, between two heights of
    x in the drawing), the scale all rows print at, and how their bands are cut onto sheets
    (in the gaps between bands, where `cut_windows` cuts the PDF's pages, else between lines
    of the texts that the row shows: its own stages', the others' print in other rows)."""

    BUCKET = 256  # px of the drawing's width: the texts are found by the buckets they cross

    def __init__(self, geometry: g.Geometry, theme: Theme, width: float):
        self.rail = label_rail(geometry, theme.spacing.column_gap)
        self.groups: list[tuple[float, float]] = []
        self.bands: list = []
        self.scale = 1.0
        if geometry.rows:  # the screen's map is one row
            row = geometry.rows[0]
            smallest = min(block.size for block in geometry.text_blocks())
            least = min(1.0, SMALLEST_PRINTED_TEXT / smallest)
            self.groups = _groups(_pieces(row, theme.spacing.column_gap),
                                  width / least - self.rail)
            widest = max(right - left for left, right in self.groups)
            self.scale = min(1.0, width / (self.rail + widest))
            self.bands = _bands(geometry, row, theme.spacing.lane_gap)
        self.gaps = sorted(band_gaps(geometry))
        self.buckets: dict[int, list[tuple[float, float, float, float]]] = {}
        for block in geometry.text_blocks():
            box = block.box
            advance = box.height / max(len(block.lines), 1)
            lines = [(box.y + i * advance, box.y + (i + 1) * advance, box.x, box.right)
                     for i in range(len(block.lines))]
            for bucket in range(int(box.x // self.BUCKET), int(box.right // self.BUCKET) + 1):
                self.buckets.setdefault(bucket, []).extend(lines)

    def runs(self):
        """(left, right, top, bottom, lines, joined) for each run of bands a row prints, top
        first, row after row: `lines` the row's lines of text, `joined` whether the run goes
        on from the one before (the same row, an empty lane left out between them)."""
        for left, right in self.groups:
            lines = self.lines_between(left, right)
            for number, (top, bottom) in enumerate(_shown(self.bands, left, right)):
                yield left, right, top, bottom, lines, number > 0

    def lines_between(self, left: float, right: float) -> list[tuple[float, float]]:
        """The lines of text (top, bottom) that reach between `left` and `right`, top first."""
        found = {line for bucket in range(int(left // self.BUCKET), int(right // self.BUCKET) + 1)
                 for line in self.buckets.get(bucket, ()) if line[2] < right and line[3] > left}
        return sorted((top, bottom) for top, bottom, _, _ in found)

    def cut(self, top: float, bottom: float, room: float, lines: list[tuple[float, float]],
            partly: bool) -> float | None:
        """Where to end the piece of a run from `top` (to `bottom`) that goes into `room`:
        the run's bottom when it fits; `partly` (what is left of a sheet with a row on it)
        only a gap between bands at least `MIN_PIECE` down, else None."""
        if bottom - top <= room + 0.01:
            return bottom
        if partly:
            fitting = [gap for gap in self.gaps[bisect_right(self.gaps, top + MIN_PIECE):
                                                bisect_right(self.gaps, top + room)]
                       if gap < bottom]
            return max(fitting) if fitting else None
        cuts = [gap - top for gap in self.gaps[bisect_right(self.gaps, top):
                                               bisect_left(self.gaps, bottom)]]
        inside = [(a - top, b - top) for a, b in lines if a >= top and b <= bottom]
        return top + cut_windows(bottom - top, cuts, inside, room)[0][1]

    def strip(self, left: float, right: float, top: float, bottom: float) -> list[g.PrintedPart]:
        """The parts that print the rows' band from `top` to `bottom` for the stages from
        `left` to `right`: the rail of lane labels, then the stages, from the strip's top."""
        tall, scale, rail = bottom - top, self.scale, self.rail
        return [g.PrintedPart(_rounded(g.Box(0, top, rail, tall)),
                              _rounded(g.Box(0, 0, rail * scale, tall * scale)), "rail"),
                g.PrintedPart(_rounded(g.Box(left, top, right - left, tall)),
                              _rounded(g.Box(rail * scale, 0, (right - left) * scale,
                                             tall * scale)))]


class _Boxes:
    """A lane's boxes, left to right, asked whether any lies between two heights of x."""

    def __init__(self, boxes: Iterable[g.Box]):
        self.boxes = sorted(boxes, key=lambda box: box.x)
        self.lefts = [box.x for box in self.boxes]
        self.widest = max((box.width for box in self.boxes), default=0)

    def any_between(self, left: float, right: float) -> bool:
        index = bisect_left(self.lefts, right) - 1  # the last box starting left of `right`
        while index >= 0 and self.lefts[index] > left - self.widest:
            if self.boxes[index].right > left:
                return True
            index -= 1
        return False


def _bands(geometry: g.Geometry, row: g.MapRow,
           lane_gap: float) -> list[tuple[float, float, _Boxes | None]]:
    """The row's bands top to bottom, each (top, bottom, what it shows): the stage names
    with what is under them and the emotion lane always print (None), a lane or the stage
    plan only where a row of stages has one of its boxes."""
    starts: list[tuple[float, _Boxes | None]] = [(row.box.y - EDGE, None)]
    starts += [(lane.separator.y1, _Boxes(card.box for card in lane.cards))
               for lane in row.lanes]
    if row.emotion:
        starts.append((row.emotion.separator.y1, None))
    if row.footers:
        starts.append((min(f.box.y for f in row.footers) - lane_gap / 2,
                       _Boxes(footer.box for footer in row.footers)))
    starts.sort(key=lambda start: start[0])
    bottom = row.box.bottom + EDGE
    if geometry.kpis:
        bottom = min(bottom, min(card.box.y for card in geometry.kpis) - 1)
    ends = [top for top, _ in starts[1:]] + [bottom]
    return [(top, end, boxes) for (top, boxes), end in zip(starts, ends)]


def _shown(bands, left: float, right: float) -> list[tuple[float, float]]:
    """The runs of bands (top, bottom) that print for the stages from `left` to `right`."""
    runs: list[tuple[float, float]] = []
    for top, bottom, boxes in bands:
        if boxes is not None and not boxes.any_between(left, right):
            continue
        if runs and runs[-1][1] == top:
            runs[-1] = (runs[-1][0], bottom)
        else:
            runs.append((top, bottom))
    return runs


def _pieces(row: g.MapRow, gap: float) -> list[tuple[float, float]]:
    """Where the row can be cut, stage by stage: each stage's touchpoint columns, from the
    middle of the gap before each to the middle of the gap after (the first from the middle
    of the gap before the stage, the last to the middle of the gap after it)."""
    stages = sorted(row.stages, key=lambda stage: stage.box.x)
    columns: dict[str, list[g.Box]] = {}
    for tp in row.touchpoints:
        columns.setdefault(tp.stage_id, []).append(tp.column)
    pieces = []
    for index, stage in enumerate(stages):
        left = (stages[index - 1].box.right + stage.box.x) / 2 if index else stage.box.x - gap / 2
        right = ((stage.box.right + stages[index + 1].box.x) / 2 if index + 1 < len(stages)
                 else stage.box.right + EDGE)
        inner = sorted(columns.get(stage.stage_id, ()), key=lambda box: box.x)
        cuts = [(a.right + b.x) / 2 for a, b in zip(inner, inner[1:])]
        edges = [left, *cuts, right]
        pieces.append([(a, b) for a, b in zip(edges, edges[1:])])
    return pieces


def _groups(stages: list[list[tuple[float, float]]], room: float) -> list[tuple[float, float]]:
    """The stages (each a list of its columns' pieces) put into rows at most `room` wide,
    as many whole stages to a row as fit; a stage wider than a row alone is cut between its
    columns."""
    groups: list[tuple[float, float]] = []
    for columns in stages:
        left, right = columns[0][0], columns[-1][1]
        if groups and right - groups[-1][0] <= room:
            groups[-1] = (groups[-1][0], right)
        elif right - left <= room:
            groups.append((left, right))
        else:
            for start, end in columns:
                if groups and groups[-1][1] == start and end - groups[-1][0] <= room \
                        and groups[-1][0] >= left:
                    groups[-1] = (groups[-1][0], end)
                else:
                    groups.append((start, end))
    return groups


# ── boxes ─────────────────────────────────────────────────────────────────────
def _around(boxes: Iterable[g.Box], edge: float) -> g.Box:
    boxes = list(boxes)
    x, y = min(b.x for b in boxes) - edge, min(b.y for b in boxes) - edge
    return g.Box(x, y, max(b.right for b in boxes) + edge - x,
                 max(b.bottom for b in boxes) + edge - y)


def _moved(part: g.PrintedPart, down: float) -> g.PrintedPart:
    at = part.at
    return part._replace(at=_rounded(g.Box(at.x, at.y + down, at.width, at.height)))


def _rounded(box: g.Box) -> g.Box:
    return g.Box(*(round(value, 2) for value in box))
