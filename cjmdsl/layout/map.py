"""Model + theme to geometry: where every box, line of text and curve goes.

The map is a grid: a column per touchpoint, grouped under its stage; a row per
lane of `cjmdsl.lanes.LANES` (actions, thoughts, emotions, pain points, opportunities),
each as tall as its tallest cell. Text is wrapped with the theme font's real metrics, so every
line fits its box. Lanes with no content in the map are left out. SVG and HTML
both draw this geometry; neither computes a position of its own.

For a target width the stages wrap into rows (`rows`), each drawn as a whole map band of
its own. `base` lays out the grid and the text lanes, `emotions` the emotion lane, `states`
its spread bars and to-be curves, `plan` the stage plan and the KPIs.
"""
from __future__ import annotations

from cjmdsl.lanes import CHANNEL_LANE, ITEM_KINDS, LANES, Lane
from cjmdsl.layout import geometry as g
from cjmdsl.layout.base import MARKER_SHAPES, Base
from cjmdsl.layout.blueprint import Blueprint
from cjmdsl.layout.emotions import EmotionLane
from cjmdsl.layout.geometry import DEFAULT_WIDTH, SMALLEST_WIDTH
from cjmdsl.layout.header import Header
from cjmdsl.layout.plan import StagePlan
from cjmdsl.layout.rows import plan_rows
from cjmdsl.layout.service import ServiceMarks
from cjmdsl.layout.states import StatesLane
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.sentences import say

__all__ = ["DEFAULT_WIDTH", "EMOTION_LAYOUTS", "MARKER_SHAPES", "SMALLEST_WIDTH", "band_gaps",
           "cut_windows", "layout", "page_windows", "pages"]


class _Layout(Header, EmotionLane, StatesLane, StagePlan, Blueprint, ServiceMarks, Base):
    """The whole map, one band after another."""


ROW_GAP = 30  # between two rows of stages, with a rule in its middle
# How the emotion lane draws several personas: their curves over one plot, or a small plot
# each (small multiples, `--emotions split`).
EMOTION_LAYOUTS = ("overlay", "split")


def layout(journey: Journey, theme: Theme, width: float | None = None,
           time_axis: bool = False, emotions: str = "overlay",
           persona_cards: bool = True) -> g.Geometry:
    """Place everything for a map shown `width` pixels wide (see `rows`; None: one row, as
    wide as the journey), with `time_axis` a ruler of elapsed time under each row's stage
    names, the emotion lane as `emotions` says (`EMOTION_LAYOUTS`); the result is all a
    backend needs to draw the map. Without `persona_cards` the legend names each persona on
    one line instead of a card."""
    return _laid_out(_new_layout(journey, theme, width, time_axis, emotions, persona_cards))


def _new_layout(journey: Journey, theme: Theme, width: float | None, time_axis: bool,
                emotions: str, persona_cards: bool) -> _Layout:
    if emotions not in EMOTION_LAYOUTS:
        raise ValueError(f"emotions must be one of {', '.join(EMOTION_LAYOUTS)}, "
                         f"not {emotions!r}")
    lay = _Layout(journey, theme, plan_rows(journey, theme, width or None), time_axis=time_axis,
                  persona_cards=persona_cards)
    lay.split_emotions = emotions == "split"
    return lay


def pages(journey: Journey, theme: Theme, width: float | None, shape: float,
          time_axis: bool = False, emotions: str = "overlay",
          persona_cards: bool = True) -> list[g.Geometry]:
    """The map on pages `shape` times as tall as wide, each laid out and drawn on its own
    (for the PDF, which puts on a sheet only what the sheet shows): as `_paginated` groups
    the rows. Every page is at least a page tall; `page_windows` cuts one taller than a
    sheet."""
    lay = _new_layout(journey, theme, width, time_axis, emotions, persona_cards)
    head = _head(lay)
    whole = _laid_out(lay, head)
    later, groups = _paginated(whole, head, whole.width * shape, theme.spacing["margin"])
    # One layout for every page: what is the map's as a whole (title, legend, which lanes it
    # has) is worked out once, so printing costs what laying out the map does.
    return [_laid_out(lay, head if number == 0 else later, rows=group,
                      kpis=number == len(groups) - 1, height=whole.width * shape)
            for number, group in enumerate(groups)]


def page_windows(page: g.Geometry, height: float) -> list[tuple[float, float]]:
    """The parts (top, bottom) of a page of `pages` to print on sheets `height` tall (see
    `cut_windows`)."""
    return cut_windows(page.height, sorted(band_gaps(page)), _text_lines(page), height)


def _paginated(whole: g.Geometry, head: tuple, sheet: float, margin: float):
    """How the rows of `whole` go onto pages `sheet` tall: the head of the later pages (a
    legend taller than a third of a sheet only on the first), and the rows of each page (as
    many as fit, at least one; the KPIs on a page of their own when they do not fit under
    the last)."""
    title, description, details, _, _, below_title, top = head
    # A legend of hundreds of personas would fill every page: then it is on the first only.
    later = head if top <= sheet / 3 else (title, description, details, (), (), below_title,
                                           below_title)
    groups: list[list[int]] = [[]]
    used, room = 0.0, sheet - top - margin
    for index, row in enumerate(whole.rows):
        needed = row.box.height + (ROW_GAP if groups[-1] else 0)
        if groups[-1] and used + needed > room:
            groups.append([])
            needed, used, room = row.box.height, 0.0, sheet - later[-1] - margin
        groups[-1].append(index)
        used += needed
    kpis = whole.height - margin - whole.rows[-1].box.bottom
    if used + kpis > room and whole.kpis:
        groups.append([])
    return later, groups


def cut_windows(height: float, cuts: list[float], lines: list[tuple[float, float]],
             sheet: float) -> list[tuple[float, float]]:
    """The parts (top, bottom) of a page `height` tall to print on sheets `sheet` tall: the
    page itself when it fits, else parts cut in the gaps between bands (`cuts`: the stage
    names, the touchpoints, each lane, the stage plan, the KPIs), so a row taller than the
    paper goes on over several sheets at full size instead of being shrunk onto one. A single
    band taller than a sheet is cut between `lines` of text."""
    windows: list[tuple[float, float]] = []
    top = 0.0
    while height - top > sheet + 0.01:
        fitting = [cut for cut in cuts if top + sheet / 4 < cut <= top + sheet]
        bottom = max(fitting) if fitting else _between_lines(lines, top, top + sheet)
        windows.append((top, bottom))
        top = bottom
    windows.append((top, height))
    return windows


def _text_lines(page: g.Geometry) -> list[tuple[float, float]]:
    """The top and bottom of every line of text on the page, top first."""
    found = []
    for block in page.text_blocks():
        advance = block.box.height / max(len(block.lines), 1)
        found += [(block.box.y + i * advance, block.box.y + (i + 1) * advance)
                  for i in range(len(block.lines))]
    return sorted(found)


def _between_lines(lines: list[tuple[float, float]], top: float, limit: float) -> float:
    """The lowest height above `limit` (and below `top`) that cuts no line of text in two;
    `limit` itself when lines fill the whole sheet."""
    cut = limit
    for line_top, line_bottom in reversed(lines):
        if line_top < cut < line_bottom:
            cut = line_top
    return cut if cut > top else limit


def band_gaps(page: g.Geometry) -> set[float]:
    """The heights at which a page can be cut without cutting a text: the rules between
    bands and the middles of the gaps above the stage plans, the rows and the KPIs."""
    gaps: set[float] = set()
    for row in page.rows:
        gaps.add(row.box.y - ROW_GAP / 2 if row.divider else row.box.y)
        gaps.update(lane.separator.y1 for lane in row.lanes)
        if row.emotion:
            gaps.add(row.emotion.separator.y1)
        if row.touchpoints:
            gaps.add(min(tp.card.y for tp in row.touchpoints) - 1)
        if row.footers:
            gaps.add(row.footers[0].box.y - 1)
    if page.kpis:
        gaps.add(min(card.box.y for card in page.kpis) - 1)
    return gaps


def _head(lay: _Layout) -> tuple:
    """The title, the description, the metadata and notes, the legend and its keys, the top of
    what follows the title, and the top of the first row."""
    title, description, details = lay.title()
    below_title = lay.y
    legend, legend_keys = lay.legend()
    return title, description, details, legend, legend_keys, below_title, lay.y


def _laid_out(lay: _Layout, head: tuple | None = None, rows: list[int] | None = None,
              kpis: bool = True, height: float = 0) -> g.Geometry:
    """The map under `head` (default: its own title and legend) with the rows of the plan
    numbered `rows` (None: all) and, with `kpis`, the KPI cards; at least `height` tall."""
    theme = lay.theme
    title, description, details, legend, legend_keys, _, lay.y = head or _head(lay)
    chosen = lay.plan.rows if rows is None else [lay.plan.rows[index] for index in rows]
    drawn = []
    for pieces in chosen:
        divider = None
        if drawn:
            lay.y += ROW_GAP - lay.lane_gap
            middle = lay.y - ROW_GAP / 2
            divider = g.Line(lay.margin, middle, lay.width - lay.margin, middle)
        lay.begin_row(pieces)
        drawn.append(_row(lay, divider))
    cards, kpi_label = lay.kpi_cards() if kpis else ((), None)
    height = max(height, lay.y - lay.lane_gap + lay.margin)
    return g.Geometry(
        width=round(lay.width, 2), height=round(height, 2), background=theme.colors["background"],
        font_family=theme.font["family"], title=title, description=description, details=details,
        legend=legend,
        legend_keys=legend_keys, rows=tuple(drawn), kpis=cards, kpi_label=kpi_label,
        grid_color=theme.colors.line, colors=dict(theme.colors),
    )


def _row(lay: _Layout, divider: g.Line | None) -> g.MapRow:
    """One row of stages: headers, every lane, the stage plan."""
    colors = lay.theme.colors
    top = lay.y
    stages = lay.stage_headers()
    goals, goals_label = lay.stage_goals()
    time_ruler = lay.time_ruler() if lay.time_axis else None
    header_top = lay.y
    touchpoints = lay.touchpoint_headers()
    row_labels = [lay.row_label(say("row_touchpoints"), header_top)]
    lanes = []
    channels = lay.channel_lane(CHANNEL_LANE.label)
    if channels:
        lanes.append(channels)
    emotion = None
    lines = []
    for row in LANES:
        if row.cards is None:
            emotion = lay.emotion_lane(row.label)
            continue
        fill, stroke = colors[row.fill], colors[row.stroke]
        if row.findings:
            style = lay.finding_card(row.card, fill, stroke)
        elif row.key in _STEP_LANES:
            style = lay.step_card(row.card, fill, stroke)
        else:
            style = _of_text(row, lay.plain_card(row.card, fill, stroke, italic=row.cards.italic))
        # A blueprint line needs the customer's lanes above it (the channels are the header's).
        line = lay.room_for_line(row, lay.lane_shown(row.key, row.items_of),
                                 len(lanes) > bool(channels) or emotion is not None)
        lane = lay.text_lane(row.key, row.label, row.items_of, style)
        if lane:
            lanes.append(lane)
            if line:
                lines.append(lay.blueprint_line(row.line_above, line, lane))
    bands_bottom = lay.y - lay.lane_gap
    moment_bands = tuple(
        g.Box(h.card.x - 3, header_top - 3, h.card.width + 6, bands_bottom - header_top + 6)
        for h, column in zip(touchpoints, lay.touchpoint_columns())
        if column.touchpoint.moment_of_truth
    )
    footers, footer_label = lay.footers()
    box = g.Box(lay.margin, top, lay.width - 2 * lay.margin, lay.y - lay.lane_gap - top)
    handoffs, address_links = lay.arrows(lanes)
    return g.MapRow(box, divider, stages, touchpoints, tuple(row_labels), moment_bands,
                    tuple(lanes), emotion, footers, footer_label, tuple(lines),
                    handoffs, time_ruler, goals, goals_label, address_links)


# The lanes whose items are blueprint items (`model.Step`): cards with an actor's tag, where
# hand-offs start and end.
_STEP_LANES = {lane.key for lane in LANES
               if {kind.field for kind in ITEM_KINDS if kind.steps} >= set(lane.fields) > set()}


def _of_text(lane: Lane, style):
    """A plain card's style given the lane's item: the card shows its text
    (`Lane.text_of`); the item itself goes on to the lane (its fail point)."""
    return lambda column, top, item: style(column, top, lane.text_of(item))
