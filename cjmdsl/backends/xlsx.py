"""The map as an Excel workbook (the `xlsx` extra: openpyxl): one sheet with the layout of
`cjmdsl.facts.journey_table`, the header bold and frozen, numbers as numbers, list cells wrapped.

Characters a workbook's XML cannot hold (controls) become U+FFFD. Deterministic: the workbook's creation and modification times and every file's time in the
zip archive are fixed, so the same map gives the same bytes.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from cjmdsl.backends._raster import unavailable
from cjmdsl.facts.journey_table import COLUMNS, rows, spreadsheet_text
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.words.escape import xml_chars

BINARY = True
NUMBER_COLUMNS = {COLUMNS.index("emotion"), COLUMNS.index("expected")}
FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SHEET_TITLE_NOT = re.compile(r"[\[\]:*?/\\]")


def render(journey: Journey, theme: Theme | None = None) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise unavailable("xlsx", "openpyxl", "xlsx") from None
    book = Workbook()
    sheet = book.active
    sheet.title = _SHEET_TITLE_NOT.sub(" ", xml_chars(journey.title)).strip()[:31] or "Journey"
    for index, row in enumerate(rows(journey)):
        sheet.append([_cell(value, column, index) for column, value in enumerate(row)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.properties.creator = "cjm"
    book.properties.created = book.properties.modified = FIXED_TIME
    out = io.BytesIO()
    book.save(out)
    return _with_fixed_times(out.getvalue())


def _cell(value: str, column: int, row: int):
    if row and column in NUMBER_COLUMNS and value:
        number = float(value)
        return int(number) if number.is_integer() else number
    return xml_chars(spreadsheet_text(value)) or None


def _with_fixed_times(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01 and the workbook's own dates fixed
    (openpyxl stamps the time of saving on both)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>2000-01-01T00:00:00Z", content)
            info = zipfile.ZipInfo(entry.filename, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()
