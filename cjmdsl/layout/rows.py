"""Rows of stages: how a map fits the width it is shown at.

A map laid out for a target width (a README's 880 px) keeps its label rail on the left and
fills the rest with touchpoint columns. Columns narrow from the theme's `column_width` down to
`MIN_COLUMN_SHARE` of it before the stages wrap into another row; text keeps its size (the
SVG is the target width, so it is shown at scale 1 and every font size is what the reader
sees), and each row's columns widen again to fill it. A stage that does not fit in what is left of a row starts the next one; a stage longer
than a row continues on the next, its header marked "continued". Without a target width the
map is today's single row, as wide as its journey.

Columns, stage pieces and row plans are NamedTuples, as the geometry's pieces are: making the
three classes costs every run about 1 ms instead of 3.
"""
from __future__ import annotations

import math

from cjmdsl.layout.geometry import SMALLEST_WIDTH
from cjmdsl.model import Journey, Stage, Touchpoint
from cjmdsl.themes import Theme
from cjmdsl.tuples import NamedTuple

MIN_COLUMN_SHARE = 0.7  # columns narrow to this share of the theme's column_width, no further
MIN_WIDTH = 760  # a one-row map is never narrower, so its title and legend have room


class Column(NamedTuple):
    """Where one touchpoint (or an empty stage's placeholder) sits."""

    stage: Stage
    touchpoint: Touchpoint | None
    x: float
    width: float

    @property
    def center(self) -> float:
        return self.x + self.width / 2


class StagePiece(NamedTuple):
    """A stage's columns within one row: the whole stage, or the part of a long one that fits
    there (`continued` on every part after the first). `index` is the stage's place in the
    map, which picks its colour."""

    stage: Stage
    index: int
    columns: tuple[Column, ...]
    continued: bool

    @property
    def left(self) -> float:
        return self.columns[0].x

    @property
    def right(self) -> float:
        return self.columns[-1].x + self.columns[-1].width


class RowPlan(NamedTuple):
    """Which stage pieces go in which row (each with its columns placed), and the map's width."""

    rows: tuple[tuple[StagePiece, ...], ...]
    width: float


def plan_rows(journey: Journey, theme: Theme, target: float | None) -> RowPlan:
    """The rows for `target` pixels (None: one row, as wide as the journey)."""
    space = theme.spacing
    margin, gap, natural = space.margin, space.column_gap, space.column_width
    left = margin + space.label_width + gap
    stages = [(index, stage, list(stage.touchpoints) or [None])
              for index, stage in enumerate(journey.stages)]
    if target is None:
        rows = [[(index, stage, slots, False) for index, stage, slots in stages]]
        columns = sum(len(slots) for _, _, slots in stages)
        gaps = max(columns - 1, 0) + max(len(stages) - 1, 0)
        width = max(left + columns * natural + gaps * gap + margin, MIN_WIDTH)
    else:
        narrowest = min(natural, round(natural * MIN_COLUMN_SHARE))
        width = max(target, SMALLEST_WIDTH, left + narrowest + margin)
        rows = _wrap(stages, width - margin - left, narrowest, gap)
    room = width - margin - left
    # Each row's columns widen again to fill it, up to the theme's width; wider still when
    # even the fullest row would leave an empty strip on the right (a map of a few
    # touchpoints under a wider title), so the grid always ends where the content does.
    # Every row then has the same columns, so a short last row lines up with the rows above.
    fits = [_widest_fitting(row, room, gap) for row in rows]
    widest = max(natural, min(fits, default=natural))
    placed = tuple(_place(row, left, min(widest, fit), gap) for row, fit in zip(rows, fits))
    return RowPlan(placed, width)


def _wrap(stages, room: float, column: float, gap: float) -> list[list]:
    """Stage pieces per row at the narrowest column width: each row as full as it can be."""
    full = max(1, math.floor((room + gap) / (column + gap)))
    rows: list[list] = [[]]
    used = 0.0  # of the row's room, stage gaps included

    def capacity() -> int:
        start = used + gap if rows[-1] else 0.0
        return max(0, math.floor((room - start + gap) / (column + gap)))

    for index, stage, slots in stages:
        # A stage that does not fit what is left starts a new row, unless it is longer than a
        # row anyway and at least half a row is left for its beginning.
        if rows[-1] and len(slots) > capacity() and (len(slots) <= full
                                                     or capacity() < full / 2):
            rows.append([])
            used = 0.0
        continued = False
        while slots:
            take = min(len(slots), capacity())
            start = used + gap if rows[-1] else 0.0
            rows[-1].append((index, stage, slots[:take], continued))
            used = start + take * (column + gap) - gap
            slots, continued = slots[take:], True
            if slots:
                rows.append([])
                used = 0.0
    return [row for row in rows if row] or [[]]


def _widest_fitting(row, room: float, gap: float) -> float:
    """The widest whole-pixel column with which `row` fits its room."""
    columns = sum(len(slots) for _, _, slots, _ in row)
    gaps = (columns - 1) + (len(row) - 1)  # between columns, and the extra one between stages
    return math.floor((room - gaps * gap) / max(columns, 1))


def _place(row, left: float, width: float, gap: float) -> tuple[StagePiece, ...]:
    x = left
    pieces = []
    for index, stage, slots, continued in row:
        columns = []
        for touchpoint in slots:
            columns.append(Column(stage, touchpoint, x, width))
            x += width + gap
        x += gap  # stages sit a little further apart than their columns
        pieces.append(StagePiece(stage, index, tuple(columns), continued))
    return tuple(pieces)
