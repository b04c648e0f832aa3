"""Spreadsheets read into journeys: the table `-f csv` and `-f xlsx` write (one row per
touchpoint and persona, `cjmdsl.facts.journey_table`), or a survey export (one row per response:
touchpoint, persona or segment, score), whose scores become each persona's emotion: their
mean, with the number of responses and their standard deviation (`n 212 sd 1.2`), and the
file, sheet and dates in the map's description.

CSV is read with the csv module: the delimiter sniffed (`,` `;` tab `|`), the BOM dropped,
quoted line breaks kept. Column names are matched loosely (`Pain Points`, `touchpoint_id`);
an unknown one is reported (W176) and ignored; a cell that cannot be read (W177) is left out.
"""
from __future__ import annotations

import csv
import io
import math
import re
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import PurePath

from cjmdsl import model as m
from cjmdsl.facts.journey_table import (ALIASES, COLUMNS, SURVEY_COLUMNS, TABLE_KINDS, cell_text,
                                        column_for, item_columns)
from cjmdsl.importers import Imported
from cjmdsl.importers.ids import Ids
from cjmdsl.lanes import ItemKind
from cjmdsl.language.diagnostics import Candidates, did_you_mean, error, warning
from cjmdsl.model import SOURCE_KINDS, Span, record

NO_PERSONA = "Customer"  # who feels an emotion whose row names no persona
RESPONDENTS = "Respondents"  # the persona of survey rows without a segment
NO_STAGE = "Journey"
# Scales people score on, smallest first: the first that holds every value is the map's.
COMMON_SCALES = ((-2, 2), (1, 5), (-3, 3), (1, 7), (0, 10), (1, 10), (-5, 5))
EXCEL_EPOCH = date(1899, 12, 30)


@record
class Cell:
    text: str
    span: Span
    where: str  # the cell as a spreadsheet names it: `C5`, `Sheet1!C5`


@dataclass
class Table:
    header: list[Cell]
    rows: list[list[Cell]]
    name: str  # the file's name, for the title and the evidence
    sheet: str | None = None


def column_letter(index: int) -> str:
    """`A` for the first column, `AA` for the 27th."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ── reading ──────────────────────────────────────────────────────────────────
def read_csv(text: str, filename: str) -> Table:
    """The cells of a CSV text, each with its line and column in the file."""
    text = text.removeprefix("\ufeff")
    dialect = _dialect(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records, start = [], 1
    for record in reader:
        places = _cell_places(lines[start - 1:reader.line_num], start, dialect)
        cells = [Cell(value, _cell_span(places, i, start, value),
                      f"{column_letter(i)}{len(records) + 1}")
                 for i, value in enumerate(record)]
        records.append(cells)
        start = reader.line_num + 1
    header, *rows = records or [[]]
    return Table(header, rows, PurePath(filename).name)


def _dialect(text: str):
    """Excel's dialect (quotes doubled inside quoted cells) with the delimiter the csv
    module's Sniffer finds in the header line; the commonest of `, ; tab |` there if it finds
    none. Only the delimiter is sniffed: guessed quoting rules misread `0""` in a cell."""
    first = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = max(",;\t|", key=first.count)
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


def _cell_places(lines: list[str], first_line: int, dialect) -> list[tuple[int, int]]:
    """The line and column where each cell of a record starts (the csv module reads the
    cells; this only finds where they are, quoted line breaks included)."""
    places, quoted = [(first_line, 1)], False
    for number, line in enumerate(lines, first_line):
        for index, char in enumerate(line):
            if char == dialect.quotechar:
                quoted = not quoted
            elif char == dialect.delimiter and not quoted:
                places.append((number, index + 2))
    return places


def _cell_span(places: list[tuple[int, int]], index: int, line: int, value: str) -> Span:
    line, column = places[index] if index < len(places) else (line, 1)
    width = len(value.split("\n", 1)[0]) or 1
    return Span(line, column, line, column + width)


def read_xlsx(data: bytes, filename: str, sheet: str | None = None) -> Table | str:
    """The cells of a workbook's sheet (the first, or `sheet`), as text; dates as ISO dates.
    A string says why the file cannot be read."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        return f"not an Excel workbook (.xlsx): {exc}"
    if sheet is not None and sheet not in book.sheetnames:
        return f"no sheet `{sheet}`; the sheets are {', '.join(book.sheetnames)}"
    chosen = book[sheet] if sheet is not None else book.worksheets[0]
    records = []
    for row_number, row in enumerate(chosen.iter_rows(values_only=True), 1):
        records.append([Cell(_xlsx_text(value), Span(row_number, column + 1, row_number,
                                                     column + 2),
                             f"{chosen.title}!{column_letter(column)}{row_number}")
                        for column, value in enumerate(row)])
    book.close()
    header, *rows = records or [[]]
    return Table(header, rows, PurePath(filename).name, chosen.title)


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ── importing ────────────────────────────────────────────────────────────────
def import_table(table: Table) -> Imported:
    """The journey of a table in the layout of `-f csv`, or of a survey export."""
    columns, diagnostics = _columns(table)
    if "touchpoint" not in columns:
        return Imported([], diagnostics + [_missing(table, "touchpoint")])
    survey = "score" in columns and "emotion" not in columns
    reader = _Survey(table, columns) if survey else _Rows(table, columns)
    journey = reader.journey()
    diagnostics += reader.diagnostics
    if journey is None:
        diagnostics.append(error("E080", "the table has no rows with a touchpoint: there is "
                                         "nothing to import", _header_span(table),
                                 "add a row per touchpoint and persona under the header"))
        return Imported([], diagnostics)
    return Imported([journey], diagnostics)


def _header_span(table: Table) -> Span:
    return table.header[0].span if table.header else Span(1, 1, 1, 2)


def _missing(table: Table, column: str) -> m.Diagnostic:
    found = ", ".join(f"`{c.text}`" for c in table.header if c.text.strip()) or "none"
    return error("E082", f"no `{column}` column (the columns are {found})", _header_span(table),
                 f"name the column of touchpoints `{column}`, as `cjm render -f csv` does")


def _columns(table: Table) -> tuple[dict[str, int], list]:
    """Which column index holds each field, and the warnings for unknown and repeated names."""
    known = [*COLUMNS, *SURVEY_COLUMNS, *(a for group in ALIASES.values() for a in group)]
    candidates = Candidates(known)
    columns: dict[str, int] = {}
    diagnostics = []
    for index, cell in enumerate(table.header):
        name = cell.text.strip()
        if not name:
            continue
        column = column_for(name)
        if column is None:
            hint = did_you_mean(name.lower(), candidates) or (
                "the columns read are " + ", ".join(COLUMNS[:8]) + ", … (README, Interop)")
            diagnostics.append(warning("W176", f"unknown column `{name}` ({cell.where}) is "
                                               "ignored", cell.span, hint))
        elif column in columns:
            diagnostics.append(warning("W175", f"a second `{column}` column ({cell.where}) is "
                                               "ignored", cell.span, "keep one column of each"))
        else:
            columns[column] = index
    return columns, diagnostics


class _Reader:
    def __init__(self, table: Table, columns: dict[str, int]):
        self.table = table
        self.columns = columns
        self.diagnostics: list = []
        self.ids = Ids()  # stages and touchpoints
        self.persona_ids = Ids()  # personas have ids of their own

    def cell(self, row: list[Cell], column: str) -> Cell | None:
        index = self.columns.get(column)
        if index is None or index >= len(row) or not row[index].text.strip():
            return None
        return row[index]

    def text(self, row: list[Cell], column: str) -> str | None:
        cell = self.cell(row, column)
        return cell_text(cell.text).strip() if cell else None

    def number(self, row: list[Cell], column: str) -> float | None:
        cell = self.cell(row, column)
        if cell is None:
            return None
        written = cell.text.strip()
        if re.fullmatch(r"[+\-]?[0-9]+,[0-9]+", written):  # a decimal comma
            written = written.replace(",", ".")
        try:
            value = float(written)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.diagnostics.append(warning("W177", f"`{cell.text.strip()}` in {cell.where} is "
                                                    f"not a number: the {column} is left out",
                                            cell.span, "write a number, such as 4 or -1.5"))
            return None
        return int(value) if value.is_integer() else value

    def rows(self):
        """The rows that name a touchpoint; a row with other cells but none is reported."""
        for row in self.table.rows:
            if not any(c.text.strip() for c in row):
                continue
            if self.cell(row, "touchpoint") is None and self.cell(row, "touchpoint id") is None:
                first = next(c for c in row if c.text.strip())
                self.diagnostics.append(warning(
                    "W175", f"row {first.where[len(first.where.rstrip('0123456789')):]} has no "
                            "touchpoint and is ignored", first.span,
                    "fill in its touchpoint column"))
                continue
            yield row

    def scale(self, values: list[float], written: str | None) -> m.Scale:
        if written:
            found = re.fullmatch(r"\[?\s*([+\-]?\d+)\s*(?:\.\.|to)\s*([+\-]?\d+)\s*\]?", written)
            if found and int(found.group(1)) < int(found.group(2)):
                low, high = int(found.group(1)), int(found.group(2))
                if all(low <= v <= high for v in values):
                    return m.DEFAULT_SCALE if (low, high) == (-2, 2) else m.Scale(low, high)
        if not values:
            return m.DEFAULT_SCALE
        low, high = min(values), max(values)
        for scale_low, scale_high in COMMON_SCALES:
            if scale_low <= low and high <= scale_high:
                return m.DEFAULT_SCALE if (scale_low, scale_high) == (-2, 2) \
                    else m.Scale(scale_low, scale_high)
        return m.Scale(math.floor(low), max(math.ceil(high), math.floor(low) + 1))

    def title(self, row: list[Cell] | None) -> str:
        written = self.text(row, "map") if row is not None else None
        return written or PurePath(self.table.name).stem


class _Rows(_Reader):
    """The layout of `-f csv`: touchpoint fields from the first row of each touchpoint."""

    def journey(self) -> m.Journey | None:
        stages: dict[str, dict] = {}
        personas: dict[str, m.Persona] = {}
        first_row = None
        values: list[float] = []
        for row in self.rows():
            first_row = first_row or row
            stage = self._stage(stages, row)
            tp = self._touchpoint(stage, row)
            persona = self._persona(personas, row)
            emotion, expected = self.number(row, "emotion"), self.number(row, "expected")
            if persona is not None and emotion is not None:
                tp["emotions"].setdefault(persona, m.Emotion(persona, emotion,
                                                             self.text(row, "word")))
                values.append(emotion)
            if persona is not None and expected is not None:
                tp["expectations"].setdefault(persona, m.Expectation(persona, expected))
                values.append(expected)
        if first_row is None:
            return None
        return m.Journey(self.title(first_row), self.scale(values, self.text(first_row, "scale")),
                         tuple(personas.values()), tuple(
                             m.Stage(s["id"], s["name"], touchpoints=tuple(
                                 self._built(s["id"], tp) for tp in s["touchpoints"].values()))
                             for s in stages.values()))

    def _stage(self, stages: dict, row) -> dict:
        given = self.text(row, "stage id")
        name = self.text(row, "stage") or ("" if given else NO_STAGE)
        key = given or name
        if key not in stages:
            stage_id = self.ids.claim(given) if given else self.ids.for_name(name, "stage")
            stages[key] = {"id": stage_id, "name": name, "touchpoints": {}}
        return stages[key]

    def _touchpoint(self, stage: dict, row) -> dict:
        name = self.text(row, "touchpoint") or ""
        given = self.text(row, "touchpoint id")
        key = given or name
        if key not in stage["touchpoints"]:
            stage["touchpoints"][key] = {
                "id": self.ids.claim(given) if given else self.ids.for_name(name, "touchpoint"),
                "name": name, "row": row, "emotions": {}, "expectations": {}}
        return stage["touchpoints"][key]

    def _persona(self, personas: dict, row) -> str | None:
        name = self.text(row, "persona")
        given = self.text(row, "persona id")
        if name is None and given is None:
            if self.cell(row, "emotion") is None and self.cell(row, "expected") is None:
                return None
            name = NO_PERSONA
        key = given or name
        if key not in personas:
            persona_id = (self.persona_ids.claim(given) if given
                          else self.persona_ids.for_name(name, "persona"))
            personas[key] = m.Persona(persona_id, name or "")
        return personas[key].id

    def _built(self, stage_id: str, tp: dict) -> m.Touchpoint:
        row = tp["row"]
        mot = self.text(row, "moment of truth")
        return m.Touchpoint(
            tp["id"], tp["name"], stage_id, channel=self.text(row, "channel"),
            **{kind.field: self._items(row, kind) for kind in TABLE_KINDS},
            emotions=tuple(tp["emotions"].values()),
            expectations=tuple(tp["expectations"].values()),
            moment_of_truth=None if mot is None else m.MomentOfTruth(
                None if mot.lower() == "yes" else mot),
            time=self._duration(row, "time"), wait=self._duration(row, "wait"))

    def _duration(self, row, column: str) -> m.Duration | None:
        """A `time` or `wait` cell as `cjmdsl.language.durations` reads it (`3 min`, `2 days`);
        one it cannot read is W177 and left out."""
        from cjmdsl.language.durations import DurationMistake, read_duration

        text = self.text(row, column)
        if not text:
            return None
        try:
            value, unit = read_duration(text)
        except DurationMistake as mistake:
            cell = self.cell(row, column)
            self.diagnostics.append(warning(
                "W177", f"`{text}` in {cell.where} is no duration: it is left out", cell.span,
                mistake.hint))
            return None
        return m.Duration(value, unit, text)

    def _lines(self, row, column: str) -> list[str]:
        cell = self.cell(row, column)
        return [] if cell is None else [cell_text(line) for line in
                                        cell.text.replace("\r\n", "\n").split("\n")]

    def _items(self, row, kind: ItemKind) -> tuple:
        """A kind's items from its columns (`item_columns`): findings with their sources and
        owners, the service blueprint's as steps, others as texts."""
        if kind.findings:
            return self._findings(row, *item_columns(kind))
        texts = self._texts(row, kind.field)
        return tuple(m.Step(t.text) for t in texts) if kind.blueprint else texts

    def _texts(self, row, column: str) -> tuple[m.Text, ...]:
        return tuple(m.Text(line.strip()) for line in self._lines(row, column) if line.strip())

    def _findings(self, row, column: str, sources: str, owners: str) -> tuple:
        texts = self._lines(row, column)
        source_lines, owner_lines = self._lines(row, sources), self._lines(row, owners)
        found = []
        for index, text in enumerate(texts):
            if not text.strip():
                continue
            source = source_lines[index] if index < len(source_lines) else ""
            owner = owner_lines[index].strip() if index < len(owner_lines) else ""
            found.append(m.Finding(text.strip(), self._source(source, row, sources),
                                   owner or None))
        return tuple(found)

    def _source(self, written: str, row, column: str) -> m.Source | None:
        if not written.strip():
            return None
        kind, colon, detail = written.partition(": ")
        kind = kind.strip().rstrip(":").lower()
        if kind in SOURCE_KINDS:
            return m.Source(kind, detail.strip() if colon else None)
        cell = self.cell(row, column)
        self.diagnostics.append(warning(
            "W177", f"`{kind}` in {cell.where} is no kind of source: the source is `other`",
            cell.span, f"begin a source with one of {', '.join(SOURCE_KINDS)}, and a `:`"))
        return m.Source("other", written.strip())


class _Survey(_Reader):
    """A survey export: each (touchpoint, persona)'s scores become one emotion."""

    def journey(self) -> m.Journey | None:
        scores: dict[tuple[str, str, str], list[float]] = {}
        dates: list[date] = []
        for row in self.rows():
            value = self.number(row, "score")
            day = self._date(row)
            if day is not None:
                dates.append(day)
            if value is None:
                continue
            key = (self.text(row, "stage") or NO_STAGE, self.text(row, "touchpoint"),
                   self.text(row, "persona") or RESPONDENTS)
            scores.setdefault(key, []).append(value)
        if not scores:
            return None
        personas: dict[str, m.Persona] = {}
        stages: dict[str, tuple[str, list]] = {}
        touchpoints: dict[tuple[str, str], dict] = {}
        for (stage, touchpoint, persona), values in scores.items():
            if persona not in personas:
                personas[persona] = m.Persona(self.persona_ids.for_name(persona, "persona"),
                                              persona)
            if stage not in stages:
                stages[stage] = (self.ids.for_name(stage, "stage"), [])
            if (stage, touchpoint) not in touchpoints:
                touchpoints[(stage, touchpoint)] = {
                    "id": self.ids.for_name(touchpoint, "touchpoint"), "emotions": []}
                stages[stage][1].append(touchpoint)
            touchpoints[(stage, touchpoint)]["emotions"].append(
                m.Emotion(personas[persona].id, round(statistics.fmean(values), 2),
                          responses=len(values), sd=_spread(values)))
        every = [v for values in scores.values() for v in values]
        return m.Journey(
            PurePath(self.table.name).stem, self.scale(every, None), tuple(personas.values()),
            tuple(m.Stage(stage_id, stage, touchpoints=tuple(
                m.Touchpoint(touchpoints[(stage, tp)]["id"], tp, stage_id,
                             emotions=tuple(touchpoints[(stage, tp)]["emotions"]))
                for tp in names)) for stage, (stage_id, names) in stages.items()),
            description=self._evidence(len(every), dates))

    def _date(self, row) -> date | None:
        cell = self.cell(row, "date")
        if cell is None:
            return None
        day = parse_date(cell.text.strip())
        if day is None:
            self.diagnostics.append(warning(
                "W177", f"`{cell.text.strip()}` in {cell.where} is not a date: it is left out",
                cell.span, "write dates as 2026-11-30 (or as Excel stores them)"))
        return day

    def _evidence(self, responses: int, dates: list[date]) -> str:
        sheet = f", sheet {self.table.sheet}" if self.table.sheet else ""
        when = ""
        if dates:
            first, last = min(dates).isoformat(), max(dates).isoformat()
            when = f", {first}" if first == last else f", {first} to {last}"
        return (f"Emotions are the mean scores of {responses} survey responses (survey: "
                f"{self.table.name}{sheet}{when}); each gives the number of responses (n) and their standard deviation (sd).")


def _spread(values: list[float]) -> float | None:
    """The sample standard deviation of several responses, to two decimals; None for one."""
    return round(statistics.stdev(values), 2) if len(values) > 1 else None


def parse_date(text: str) -> date | None:
    """A date as spreadsheets write it: ISO (with or without a time), Excel's day number
    (45600 is 2024-11-04), 30.11.2026, and 11/30/2026 or 30/11/2026 (day first when the first
    number cannot be a month; month first otherwise, as Excel in the US writes it)."""
    if re.fullmatch(r"\d{4,5}(\.\d+)?", text) and 20000 <= float(text) <= 80000:
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$", text)
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    slashed = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: .*)?$", text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dotted:
            return date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        if slashed:
            first, second, year = (int(g) for g in slashed.groups())
            return date(year, first, second) if first <= 12 else date(year, second, first)
    except ValueError:
        return None
    return None
