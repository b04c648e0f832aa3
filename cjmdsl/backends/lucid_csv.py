"""The map as Lucidchart's process-diagram CSV import (Import data, Process diagram):
one step per touchpoint, in journey order, each connected to the next, with the stage as its
swimlane (`Function`) and the emotions, channel and lane items as its alt text.

Lucidchart draws the steps and lanes itself; the emotion curve, the KPIs and the flows are
left out (the emotions stay readable in each step's alt text).
"""
from __future__ import annotations

import csv
import io

from cjmdsl.facts.journey_table import spreadsheet_text
from cjmdsl.lanes import CARD_LANES
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.locales import in_its_language
from cjmdsl.words.numbers import on_scale

BINARY = False
HEADER = ("Process Step ID", "Process Step Description", "Next Step ID", "Connector Label",
          "Shape Type", "Alt Text", "Function", "Phase")


@in_its_language
def render(journey: Journey, theme: Theme | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    touchpoints = journey.touchpoints
    stages = {stage.id: stage.name for stage in journey.stages}
    for index, tp in enumerate(touchpoints):
        following = str(index + 2) if index + 1 < len(touchpoints) else ""
        shape = "Decision" if tp.moment_of_truth else "Process"
        row = (str(index + 1), tp.name, following, "", shape, alt_text(journey, tp),
               stages[tp.stage], stages[tp.stage])
        writer.writerow([spreadsheet_text(cell) for cell in row])
    return out.getvalue()


def alt_text(journey: Journey, tp) -> str:
    """What a step says beyond its name: channel, each persona's emotion, the lane items."""
    names = {p.id: p.name for p in journey.personas}
    parts = [f"Channel: {tp.channel_label}"] if tp.channel_label else []
    parts += [f"{names.get(e.persona, e.persona)}: {on_scale(e.value, journey.scale)}"
              + (f" ({e.word})" if e.word else "") for e in tp.emotions]
    for lane in CARD_LANES:
        parts += [f"{lane.label}: {lane.text_of(item)}" for item in lane.items_of(tp)]
    return " | ".join(part.replace("\n", " ") for part in parts)
