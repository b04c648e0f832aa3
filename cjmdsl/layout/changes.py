"""What the drawing of a diff (`cjm diff --svg`) adds to the new map's geometry: each
touchpoint that is new or changed gets a pill on its card, and the old emotion curves are
laid out on the new map's grid, to be drawn faintly behind the new ones.

The old curves come from the layout itself: the new map with each touchpoint's emotions
replaced by those it had before (`diff.touchpoint_pairs`), laid out again. Cards, columns and
rows depend on the cards' texts, not on the emotions, so the grid is the same; a row whose
plot moved anyway gets no ghost rather than a wrong one.
"""
from __future__ import annotations

from dataclasses import replace

from cjmdsl.layout import geometry as g
from cjmdsl.layout.textmetrics import ascent, text_width
from cjmdsl.model import Journey, record
from cjmdsl.review.diff import touchpoint_pairs
from cjmdsl.themes import Theme
from cjmdsl.words.sentences import DIFF_MARKS

PILL_SIZE = 11  # the pill's text size
PILL_PADDING = 5
PILL_HEIGHT = 16


@record
class ChangeMark:
    touchpoint_id: str
    kind: str  # "new" or "changed"
    pill: g.Box
    label: g.TextBlock
    color: str


@record
class ChangeOverlay:
    """`ghosts[i]`: the old curves of row `i` (their segments only); `marks`: the pills."""

    ghosts: tuple[tuple[g.Curve, ...], ...]
    marks: tuple[ChangeMark, ...]
    before_label: str = DIFF_MARKS["before"]


def change_overlay(old: Journey, new: Journey, geometry: g.Geometry, theme: Theme,
                   width: float | None) -> ChangeOverlay:
    """The marks and ghost curves for `geometry`, the new map laid out for `width`."""
    from cjmdsl.layout.map import layout

    pairs = touchpoint_pairs(old, new)
    kinds = {new_tp.id: "new" if old_tp is None else "changed"
             for old_tp, new_tp in pairs if old_tp != new_tp}
    marks = tuple(_mark(header, kinds[header.touchpoint_id], geometry.colors)
                  for row in geometry.rows for header in row.touchpoints
                  if header.touchpoint_id in kinds)
    before = _with_old_feelings(old, new, pairs)
    ghosts = []
    if before is not None:
        laid_out = layout(before, theme, width)
        for row, ghost_row in zip(geometry.rows, laid_out.rows):
            same_grid = (row.emotion is not None and ghost_row.emotion is not None
                         and row.emotion.plot == ghost_row.emotion.plot)
            ghosts.append(ghost_row.emotion.curves if same_grid else ())
    return ChangeOverlay(tuple(ghosts), marks)


def _with_old_feelings(old: Journey, new: Journey, pairs) -> Journey | None:
    """`new` with each touchpoint's emotions as they were (none at a new touchpoint, nor for
    a persona that is new); None when the scales differ, as old values would not read on the
    new scale."""
    if (old.scale.low, old.scale.high) != (new.scale.low, new.scale.high):
        return None
    personas = {p.id for p in new.personas} & {p.id for p in old.personas}
    was = {new_tp.id: old_tp for old_tp, new_tp in pairs}
    stages = []
    for stage in new.stages:
        touchpoints = []
        for tp in stage.touchpoints:
            old_tp = was.get(tp.id)
            emotions = () if old_tp is None else tuple(
                replace(e, word=None) for e in old_tp.emotions if e.persona in personas)
            touchpoints.append(replace(tp, emotions=emotions, expectations=()))
        stages.append(replace(stage, touchpoints=tuple(touchpoints)))
    return replace(new, stages=tuple(stages))


def _mark(header: g.TouchpointHeader, kind: str, colors: dict) -> ChangeMark:
    """A pill at the top right of the touchpoint's card, over its border."""
    label = DIFF_MARKS[kind]
    width = text_width(label, PILL_SIZE, bold=True) + 2 * PILL_PADDING
    card = header.card
    pill = g.Box(round(card.right - width - 8, 2), round(card.y - PILL_HEIGHT / 2, 2),
                 round(width, 2), PILL_HEIGHT)
    baseline = pill.y + (PILL_HEIGHT + ascent(PILL_SIZE)) / 2 - 1
    color = colors["met"] if kind == "new" else colors["moment"]
    text = g.TextBlock((label,), round(pill.x + width / 2, 2), (round(baseline, 2),),
                       PILL_SIZE, colors["background"], pill, bold=True, anchor="middle")
    return ChangeMark(header.touchpoint_id, kind, pill, text, color)
