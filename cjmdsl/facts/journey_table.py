"""The journey as a table: one row per touchpoint and persona, the layout that `-f csv` and
`-f xlsx` write and `cjm import csv|xlsx` reads back.

A cell that holds a list (actions, pains, …) has one item per line; a pain's or an
opportunity's source and owner sit on the same line of the `… sources` and `… owners`
columns. A source is written `kind: detail`. Touchpoint fields repeat on each of its rows, so
a filtered sheet keeps them. What a table cannot hold: line breaks inside one item (they
become spaces), empty items, the scale's labels, persona details, stage goals and brand
actions, action items, KPIs, flows, the description, personas without any emotion, and the
touchpoint lanes of `NOT_IN_TABLE`.
"""
from __future__ import annotations

import re

from cjmdsl import model as m
from cjmdsl.lanes import ITEM_KINDS, ItemKind
from cjmdsl.words.numbers import as_written

# The lanes of touchpoint items (`cjmdsl.lanes.ITEM_KINDS`) that have no column: notes and
# motivations are prose about the map, not cells of a journey's grid.
NOT_IN_TABLE = ("motivations", "notes")
# Every other kind of item has a column, in the order of ITEM_KINDS; the customer's before
# the moment of truth, the service blueprint's after it.
TABLE_KINDS = tuple(kind for kind in ITEM_KINDS if kind.field not in NOT_IN_TABLE)


def item_columns(kind: ItemKind) -> tuple[str, ...]:
    """A kind's columns: its items, and for a finding their sources and owners beside them."""
    if kind.findings:
        return kind.field, f"{kind.keyword} sources", f"{kind.keyword} owners"
    return (kind.field,)


# The columns, in the order they are written; the importer matches names loosely (`ALIASES`).
COLUMNS = ("stage", "touchpoint", "channel", "persona", "emotion", "expected", "word",
           *(column for kind in TABLE_KINDS if not kind.blueprint for column in item_columns(kind)),
           "moment of truth",
           *(column for kind in TABLE_KINDS if kind.blueprint for column in item_columns(kind)),
           "time", "wait", "map", "scale", "stage id", "touchpoint id", "persona id")
# Survey exports: one row per response.
SURVEY_COLUMNS = ("score", "date")

# Other names a column goes by in spreadsheets people keep, compared as `column_key` makes them.
ALIASES = {
    "stage": ("phase", "section", "stage name"),
    "touchpoint": ("task", "step", "interaction", "touch point", "touchpoint name"),
    "channel": ("medium",),
    "persona": ("segment", "actor", "customer segment", "user type", "customer type", "group",
                "persona name"),
    "emotion": ("feeling", "emotion score", "sentiment"),
    "expected": ("expectation", "expected emotion", "expect"),
    "word": ("emotion word", "feeling word"),
    "actions": ("action", "doing", "does"),
    "thoughts": ("thought", "thinking", "thinks"),
    "questions": ("question",),
    "pains": ("pain", "pain points", "pain point", "pains points"),
    "pain sources": ("pain source",),
    "pain owners": ("pain owner",),
    "opportunities": ("opportunity", "ideas"),
    "opportunity sources": ("opportunity source",),
    "opportunity owners": ("opportunity owner", "owner", "owners"),
    "moment of truth": ("moments of truth", "mot"),
    "evidence": ("physical evidence", "props"),
    "frontstage": ("frontstage actions", "front stage", "onstage", "onstage actions"),
    "backstage": ("backstage actions", "back stage"),
    "support": ("support processes", "support process", "systems"),
    "time": ("duration", "takes"),
    "wait": ("waiting time", "wait time"),
    "map": ("journey", "title", "map title"),
    "scale": ("emotion scale",),
    "score": ("rating", "csat", "nps", "response", "satisfaction", "value"),
    "date": ("submitted", "submitted at", "timestamp", "response date", "created", "answered"),
}

_NOT_KEY = re.compile(r"[\W_]+")


def column_key(name: str) -> str:
    """A column name as it is compared: lower case, without spaces, `_`, `-` or a BOM."""
    return _NOT_KEY.sub("", name.replace("\ufeff", "").lower())


def column_for(name: str) -> str | None:
    """The layout's column a header cell names (`Pain Points`, `touchpoint_id`), or None."""
    key = column_key(name)
    for column in (*COLUMNS, *SURVEY_COLUMNS):
        if key == column_key(column) or key in map(column_key, ALIASES.get(column, ())):
            return column
    return None


def one_line(text: str) -> str:
    """An item as a cell line: its line breaks as spaces."""
    return re.sub(r"[\r\n]+", " ", text)


def lines(items) -> str:
    return "\n".join(one_line(item) for item in items if item)


def rows(journey: m.Journey) -> list[list[str]]:
    """The header and one row per touchpoint and persona who feels or expects something
    there (one row with no persona for a touchpoint without emotions), all as text."""
    out = [list(COLUMNS)]
    names = {p.id: p.name for p in journey.personas}
    scale = f"[{journey.scale.low} .. {journey.scale.high}]"
    for stage in journey.stages:
        for tp in stage.touchpoints:
            felt = [p.id for p in journey.personas
                    if tp.emotion_of(p.id) or tp.expectation_of(p.id)]
            for persona in felt or [None]:
                out.append(_row(journey, stage, tp, persona, names, scale))
    return out


def _row(journey, stage, tp, persona, names, scale) -> list[str]:
    emotion = tp.emotion_of(persona) if persona else None
    expected = tp.expectation_of(persona) if persona else None
    mot = tp.moment_of_truth
    cells = {
        "stage": one_line(stage.name), "touchpoint": one_line(tp.name),
        "channel": one_line(tp.channel_as_written or ""),
        "persona": one_line(names.get(persona, persona or "")),
        "emotion": as_written(emotion.value) if emotion else "",
        "expected": as_written(expected.value) if expected else "",
        "word": one_line(emotion.word or "") if emotion else "",
        **{column: cell for kind in TABLE_KINDS for column, cell in _item_cells(kind, tp)},
        "moment of truth": "" if mot is None else _reason(mot),
        "time": one_line(tp.time.text) if tp.time else "",
        "wait": one_line(tp.wait.text) if tp.wait else "",
        "map": one_line(journey.title), "scale": scale, "stage id": stage.id,
        "touchpoint id": tp.id, "persona id": persona or "",
    }
    return [cells[column] for column in COLUMNS]


def _item_cells(kind: ItemKind, tp: m.Touchpoint):
    """The cells of a kind's columns at a touchpoint (`item_columns`), items without text
    left out."""
    items = [item for item in getattr(tp, kind.field) if item.text]
    yield kind.field, lines(item.text for item in items)
    if kind.findings:
        columns = item_columns(kind)
        yield columns[1], "\n".join(source_cell(f.source) for f in items)
        yield columns[2], "\n".join(one_line(f.owner or "") for f in items)


def _reason(moment: m.MomentOfTruth) -> str:
    """A moment of truth's reason, or `yes` for one without."""
    reason = one_line(moment.reason or "")
    return reason if reason.strip() else "yes"


def source_cell(source: m.Source | None) -> str:
    if source is None:
        return ""
    return source.kind + (f": {one_line(source.detail)}" if source.detail is not None else "")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: str) -> str:
    """A cell as a spreadsheet shows it without running it: text that starts like a formula
    gets a leading `'` (a number such as `-1` stays a number). The one escaping function of
    `-f csv` and `-f xlsx`; `cell_text` undoes it."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def cell_text(cell: str) -> str:
    """What `spreadsheet_text` wrote, as it was."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


_NUMBER = re.compile(r"[+\-]?[0-9]+(?:\.[0-9]+)?")
