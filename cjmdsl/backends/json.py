"""The model as JSON, for other tools: every field, every source span.

The shape is described by the versioned JSON Schema in
`cjmdsl/schemas/journey.v4.schema.json`; `schema_version` changes when a field
is removed or changes meaning, and when fields are added (every object of the schema is
closed, so a validator of the older version would refuse them). The older schemas stay
beside it, for tools that still read them.
"""
from __future__ import annotations

import dataclasses
import json

from cjmdsl.model import Duration, Journey, Kpi, Span, Touchpoint
from cjmdsl.themes import Theme

BINARY = False
SCHEMA_VERSION = 4
SCHEMA_ID = "https://cjmdsl.dev/schemas/journey.v4.schema.json"


def render(journey: Journey, theme: Theme | None = None) -> str:
    document = {"$schema": SCHEMA_ID, "schema_version": SCHEMA_VERSION,
                "journey": to_data(journey)}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_data(value):
    """Model objects to plain JSON data; KPIs also carry their computed figures, durations
    their length in minutes, and each to-be (`future`) its improvement over the as-is
    emotion."""
    if isinstance(value, Span):
        return {"line": value.line, "column": value.column,
                "end_line": value.end_line, "end_column": value.end_column}
    if dataclasses.is_dataclass(value):
        data = {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "source_name"}
        if isinstance(value, Kpi):
            data["actual"] = value.actual
            data["better"] = value.better
            data["met"] = value.met
        if isinstance(value, Duration):
            data["minutes"] = to_data(value.minutes)
        if isinstance(value, Touchpoint):  # the planned improvement, as the gap table has it
            for future, written in zip(value.futures, data["futures"]):
                written["improvement"] = to_data(value.improvement_of(future.persona))
        return data
    if isinstance(value, tuple):
        return [to_data(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
