"""The pages of the site that read every map's summary: the index (maps, personas, the heat
map of pains by stage, the search data) and a page per persona (its curve in each journey).
This module works out what they show and where the charts' marks go; the templates
(`backends/templates/site/`) only draw it."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from cjmdsl.lanes import CARD_LANES
from cjmdsl.layout.textmetrics import wrap
from cjmdsl.model import record
from cjmdsl.site.summary import KINDS
from cjmdsl.words.locales import plural_forms, say, say_counted, speaking
from cjmdsl.words.numbers import number, signed_number

HEAT_LEVELS = 4  # shades of the heat map's cells that hold pains
CHART_WIDTH, CHART_HEIGHT = 320.0, 140.0
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_PLOT = 28.0, 8.0, 12.0, 84.0  # the plot's box
CHART_INSET = 9.0  # from the plot's top and bottom to the scale's ends: room for the rings
CHART_TEXT = 11.0  # px: stage names and the axis, read at the chart's own size
CHART_MIN_BAND = 56.0  # px: the narrowest a stage's band is drawn, for its name
SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")


def write_pages(summaries: list[dict], out: Path, lang: str | None) -> set[str]:
    """Write the index and the persona pages of `summaries` under `out`; the site-relative
    paths written."""
    from cjmdsl.backends._site import index_page, persona_page
    from cjmdsl.runtime.files import write_atomically

    with speaking(lang):
        personas = persona_views(summaries)
        pages = {"index.html": index_page(index_view(summaries, personas), lang)}
        for persona in personas:
            pages[persona.path] = persona_page(persona, lang)
    for relative, content in pages.items():
        write_atomically(out / relative, content)
    return set(pages)


def url(path: str, up: int = 0) -> str:
    """The relative URL of the site file `path` from a page `up` folders below the root."""
    return "../" * up + quote(path, safe="/")


# ── personas ─────────────────────────────────────────────────────────────────
@record
class Chart:
    """One persona's curve in one map, drawn `CHART_WIDTH` × `CHART_HEIGHT`."""

    summary: dict
    label: str  # what it shows, for a screen reader
    bands: tuple[dict, ...]  # each stage: x, width, its name's lines, the lines' y
    curve: str  # the polyline's points, through every touchpoint the persona feels at
    dots: tuple[dict, ...]  # x, y, title
    axis: tuple[dict, ...]  # y, text: the scale's ends (and 0)
    zero: float | None  # the y of the neutral line, when the scale has one inside
    lowest: dict  # x, y, text, anchor of the lowest moment, and the caption
    plot_bottom: float
    width: float = CHART_WIDTH
    height: float = CHART_HEIGHT
    left: float = CHART_LEFT  # the plot's edges
    right: float = CHART_WIDTH - CHART_RIGHT
    top: float = CHART_TOP


@record
class PersonaView:
    id: str
    name: str
    role: str
    path: str  # its page, site-relative
    charts: tuple[Chart, ...]


def persona_file(persona_id: str) -> str:
    """The file name of a persona's page: its id, which the grammar keeps to ASCII letters,
    digits, `_` and `-`."""
    return f"personas/{persona_id if SAFE_NAME.fullmatch(persona_id) else 'persona'}.html"


def persona_views(summaries: list[dict]) -> list[PersonaView]:
    """Every persona that feels something in some map, by id across maps (a persona shared
    through a library is one persona), named as the first map names it, in name order."""
    found: dict[str, dict] = {}
    for summary in summaries:
        for persona in summary["personas"]:
            entry = found.setdefault(persona["id"], {**persona, "charts": []})
            if persona["id"] in summary["curves"]:
                entry["charts"].append(chart(summary, persona["id"], entry["name"]))
    views = [PersonaView(key, entry["name"], entry["role"], persona_file(key),
                         tuple(entry["charts"]))
             for key, entry in found.items() if entry["charts"]]
    return sorted(views, key=lambda view: (view.name.lower(), view.id))


def _stage_spans(points: list[dict], stages: int) -> dict[int, tuple[float, float, int, int]]:
    """Each stage's left edge and width on the chart, its first point and how many it has: a
    width per touchpoint, but at least `CHART_MIN_BAND` for a stage (scaled down together when
    that is too wide), so a stage of one touchpoint still has room for its name."""
    counts = [sum(1 for point in points if point["stage"] == n) for n in range(stages)]
    plot = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    step = plot / max(len(points), 1)
    widths = [max(count * step, CHART_MIN_BAND) if count else 0.0 for count in counts]
    scale = min(1.0, plot / (sum(widths) or 1))
    spans, left, first = {}, CHART_LEFT, 0
    for n, (count, width) in enumerate(zip(counts, widths)):
        if count:
            spans[n] = (left, width * scale, first, count)
            left, first = left + width * scale, first + count
    return spans


def chart(summary: dict, persona_id: str, name: str) -> Chart:
    points = summary["curves"][persona_id]
    low, high = summary["scale"]
    span = (high - low) or 1
    bottom = CHART_TOP + CHART_PLOT
    spans = _stage_spans(points, len(summary["stages"]))

    def x_of(index: int) -> float:
        left, width, first, count = spans[points[index]["stage"]]
        return round(left + (index - first + 0.5) * width / count, 2)

    def y_of(value: float) -> float:
        inner = CHART_PLOT - 2 * CHART_INSET
        return round(CHART_TOP + CHART_INSET + (high - value) / span * inner, 2)

    bands = []
    for stage_index, stage in enumerate(summary["stages"]):
        if stage_index not in spans:
            continue
        left, width, _, _ = spans[stage_index]
        lines = wrap(stage["name"], width - 4, CHART_TEXT, max_lines=2)
        bands.append({"x": round(left, 2), "width": round(width, 2), "title": stage["name"],
                      "lines": [{"text": line, "y": round(bottom + 15 + n * CHART_TEXT * 1.2, 2)}
                                for n, line in enumerate(lines)],
                      "middle": round(left + width / 2, 2), "shaded": len(bands) % 2 == 1})
    line, dots = [], []  # the curve goes on across a touchpoint the persona has no feeling at
    for index, point in enumerate(points):
        if point["value"] is None:
            continue
        x, y = x_of(index), y_of(point["value"])
        line.append(f"{x},{y}")
        feeling = f" “{point['word']}”" if point["word"] else ""
        dots.append({"x": x, "y": y, "title": f"{point['touchpoint']}: "
                                             f"{signed_number(point['value'])}{feeling}"})
    felt = [(point["value"], index) for index, point in enumerate(points)
            if point["value"] is not None]
    value, index = min(felt)
    point = points[index]
    caption = say("site_lowest_at", value=signed_number(value), touchpoint=point["touchpoint"],
                  stage=summary["stages"][point["stage"]]["name"])
    lowest = {"x": x_of(index), "y": y_of(value), "text": signed_number(value),
              "anchor": point["anchor"], "caption": caption,
              "word": point["word"]}
    axis = [{"y": y_of(high), "text": signed_number(high)},
            {"y": y_of(low), "text": signed_number(low)}]
    zero = y_of(0) if low < 0 < high else None
    if zero is not None:
        axis.append({"y": zero, "text": number(0)})
    label = say("site_chart_label", persona=name, map=summary["title"],
                low=signed_number(low), high=signed_number(high))
    return Chart(summary, label, tuple(bands), " ".join(line), tuple(dots), tuple(axis), zero,
                 lowest, bottom)


# ── the index ────────────────────────────────────────────────────────────────
def index_view(summaries: list[dict], personas: list[PersonaView]) -> dict:
    pains = sum(stage["pains"] for summary in summaries for stage in summary["stages"])
    persona_pages = {persona.id: persona.path for persona in personas}
    return {
        "title": say("site_title"),
        "line": say("site_summary", maps=say_counted("report_maps", len(summaries)),
                    personas=say_counted("site_personas", len(personas)),
                    pains=say_counted("report_pain_count", pains)),
        "maps": [_map_card(summary, persona_pages) for summary in summaries],
        "personas": [{"name": p.name, "role": p.role, "page": url(p.path),
                      "journeys": say_counted("site_journeys", len(p.charts))}
                     for p in personas],
        "heat": heat_map(summaries),
        "search": search_data(summaries),
    }


def _map_card(summary: dict, persona_pages: dict[str, str]) -> dict:
    worst = summary["worst"]
    evidence = summary["coverage"]["evidence"]
    return {
        "title": summary["title"],
        "description": summary["description"],
        "page": url(summary["page"]),
        "thumbnail": url(summary["thumbnail"]),
        "source": summary["source"],
        "personas": [{"name": p["name"], "page": url(persona_pages[p["id"]])
                      if p["id"] in persona_pages else None} for p in summary["personas"]],
        "worst": None if worst is None else {
            "text": say("site_worst_at", persona=worst["persona"], value=worst["shown"],
                        touchpoint=worst["touchpoint"], stage=worst["stage"]),
            "word": worst["word"], "page": url(summary["page"]) + "#" + worst["anchor"],
            "level": _level(worst["value"], summary["scale"])},
        "evidence": _share(evidence, "site_evidence", "site_evidence_none"),
        "answered": _share(summary["coverage"]["pains"], "site_answered", "site_answered_none"),
    }


def _share(figures: list[int], key: str, none_key: str) -> dict:
    covered, total = figures
    if not total:
        return {"text": say(none_key), "share": None}
    return {"text": say(key, share=f"{round(100 * covered / total)}%", covered=number(covered),
                        total=number(total)), "share": covered / total}


def _level(value: float, scale: list) -> str:
    """Where a value sits on its map's scale, for its colour: low, mid or high."""
    low, high = scale
    position = (value - low) / ((high - low) or 1)
    return "low" if position < 0.34 else "high" if position > 0.66 else "mid"


def heat_map(summaries: list[dict]) -> dict:
    """Pains by stage across maps: a row per map, a column per stage name (stages named alike
    in several maps, ignoring case and spaces, are one column), the columns in the order the
    stages come in their maps on average; a cell is empty where a map has no such stage."""
    columns: dict[str, dict] = {}
    for order, summary in enumerate(summaries):
        stages = summary["stages"]
        for index, stage in enumerate(stages):
            key = " ".join(stage["name"].split()).casefold()
            column = columns.setdefault(key, {"name": stage["name"], "positions": [],
                                              "first": (order, index)})
            column["positions"].append(index / max(len(stages) - 1, 1))
    keys = sorted(columns, key=lambda k: (sum(columns[k]["positions"])
                                          / len(columns[k]["positions"]), columns[k]["first"]))
    position = {key: n for n, key in enumerate(keys)}
    rows, totals = [], [0] * len(keys)
    for summary in summaries:
        cells: list[int | None] = [None] * len(keys)
        for stage in summary["stages"]:
            n = position[" ".join(stage["name"].split()).casefold()]
            cells[n] = (cells[n] or 0) + stage["pains"]
            totals[n] += stage["pains"]
        rows.append({"title": summary["title"], "page": url(summary["page"]), "cells": cells})
    most = max([count for row in rows for count in row["cells"] if count] + [1])
    return {"columns": [columns[key]["name"] for key in keys],
            "rows": [{**row, "cells": [(count, _shade(count, most)) for count in row["cells"]]}
                     for row in rows],
            "totals": [(count, _shade(count, max(totals + [1]))) for count in totals]}


def _shade(count: int | None, most: int) -> int | None:
    """The heat level of a cell, 1 to `HEAT_LEVELS` against the largest of its kind (the
    maps' cells, or the totals); 0 for no pains, None for no such stage."""
    if count is None:
        return None
    return 0 if count == 0 else 1 + min(HEAT_LEVELS - 1, (HEAT_LEVELS * (count - 1)) // most)


def search_data(summaries: list[dict]) -> dict:
    """What the search box looks through: each map's title and page, and each text with its
    kind's label, its map and the anchor on that map's page."""
    kinds = {lane.key: lane.label for lane in CARD_LANES}
    kinds.update({kind: say(f"site_kind_{kind}") for kind in KINDS})
    return {"maps": [[summary["title"], url(summary["page"])] for summary in summaries],
            "kinds": kinds,
            "texts": [[text, number, kind, anchor] for number, summary in enumerate(summaries)
                      for kind, text, anchor in summary["search"]],
            "words": {"results": plural_forms("site_results"), "none": say("site_no_results")}}
