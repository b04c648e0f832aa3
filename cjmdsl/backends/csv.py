"""The map as a CSV table for spreadsheets: the layout of `cjmdsl.facts.journey_table`, comma
separated, quoted where a cell needs it, with CRLF line ends as RFC 4180 and Excel have them.
A cell that starts with `= + - @` (which a spreadsheet would run as a formula) starts with a
`'` (OWASP's advice against CSV injection), which the importer takes off again.
"""
from __future__ import annotations

import csv
import io

from cjmdsl.facts.journey_table import rows, spreadsheet_text
from cjmdsl.model import Journey
from cjmdsl.themes import Theme

BINARY = False


def render(journey: Journey, theme: Theme | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([[spreadsheet_text(cell) for cell in row] for row in rows(journey)])
    return out.getvalue()
