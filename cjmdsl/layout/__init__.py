"""Model + theme to geometry: where every box, line of text and curve goes.

The map is a grid: a column per touchpoint, grouped under its stage; a row per
lane of `cjmdsl.lanes.LANES` (actions, thoughts, emotions, pain points, opportunities),
each as tall as its tallest cell. Text is wrapped with the theme font's real metrics, so every
line fits its box. Lanes with no content in the map are left out. SVG and HTML
both draw this geometry; neither computes a position of its own.

`base` lays out the grid and the text lanes, `emotions` the emotion lane, `plan` the
stage plan and the KPIs.
"""
from __future__ import annotations

from cjmdsl import geometry as g
from cjmdsl.lanes import LANES, Lane
from cjmdsl.layout.base import MARKER_SHAPES, Base
from cjmdsl.layout.emotions import EmotionLane
from cjmdsl.layout.plan import StagePlan
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words import say

__all__ = ["MARKER_SHAPES", "layout"]


class _Layout(EmotionLane, StagePlan, Base):
    """The whole map, one band after another."""


def layout(journey: Journey, theme: Theme) -> g.Geometry:
    """Place everything; the result is all a backend needs to draw the map."""
    lay = _Layout(journey, theme)
    colors = theme.colors
    title, description = lay.title()
    legend, legend_keys = lay.legend()
    stages = lay.stage_headers()
    header_top = lay.y
    touchpoints = lay.touchpoint_headers()
    row_labels = [lay.row_label(say("row_touchpoints"), header_top)]
    lanes = []
    emotion = None
    for row in LANES:
        if row.cards is None:
            emotion = lay.emotion_lane(row.label)
            continue
        fill, stroke = colors[row.fill], colors[row.stroke]
        if row.findings:
            style, items_of = lay.finding_card(row.card, fill, stroke), row.items_of
        else:
            style = lay.plain_card(row.card, fill, stroke, italic=row.cards.italic)
            items_of = _texts_of(row)
        lane = lay.text_lane(row.key, row.label, items_of, style)
        if lane:
            lanes.append(lane)
    bands_bottom = lay.y - lay.lane_gap
    moment_bands = tuple(
        g.Box(h.card.x - 3, header_top - 3, h.card.width + 6, bands_bottom - header_top + 6)
        for h, tp in zip(touchpoints, [c.touchpoint for c in lay.columns if c.touchpoint])
        if tp.moment_of_truth
    )
    footers, footer_label = lay.footers()
    kpis, kpi_label = lay.kpi_cards()
    height = lay.y - lay.lane_gap + lay.margin
    return g.Geometry(
        width=round(lay.width, 2), height=round(height, 2), background=colors["background"],
        font_family=theme.font["family"], title=title, description=description, legend=legend,
        legend_keys=legend_keys,
        stages=stages, touchpoints=touchpoints, row_labels=tuple(row_labels),
        moment_bands=moment_bands, lanes=tuple(lanes), emotion=emotion, footers=footers,
        footer_label=footer_label, kpis=kpis, kpi_label=kpi_label, grid_color=colors["line"],
        colors=dict(colors),
    )


def _texts_of(lane: Lane):
    """The texts of a lane of plain cards at a touchpoint."""
    return lambda touchpoint: [item.text for item in lane.items_of(touchpoint)]
