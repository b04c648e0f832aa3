"""The map as a CSV grid for a Miro board (Upload, CSV, as sticky notes): a column per
touchpoint headed by its stage and name, a row per lane (emotions first), each cell one
sticky note with the lane's items at that touchpoint, one per line.

Miro places the notes in the grid; colours, the curve, KPIs and flows are left out.
"""
from __future__ import annotations

import csv
import io

from cjmdsl.facts.journey_table import spreadsheet_text
from cjmdsl.lanes import CARD_LANES
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.locales import in_its_language, say
from cjmdsl.words.numbers import on_scale

BINARY = False


@in_its_language
def render(journey: Journey, theme: Theme | None = None) -> str:
    touchpoints = journey.touchpoints
    stages = {stage.id: stage.name for stage in journey.stages}
    names = {p.id: p.name for p in journey.personas}
    grid = [[""] + [f"{stages[tp.stage]}: {tp.name}" for tp in touchpoints]]
    grid.append([say("lane_emotions")] + [
        "\n".join(f"{names.get(e.persona, e.persona)}: {on_scale(e.value, journey.scale)}"
                  + (f" {e.word}" if e.word else "") for e in tp.emotions)
        for tp in touchpoints])
    for lane in CARD_LANES:
        grid.append([lane.label] + ["\n".join(lane.text_of(item).replace("\n", " ")
                                              for item in lane.items_of(tp))
                                    for tp in touchpoints])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [[spreadsheet_text(cell) for cell in row] for row in grid])
    return out.getvalue()
