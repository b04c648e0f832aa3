"""Spreadsheets both ways: `-f csv` and `-f xlsx` read back by the csv module and openpyxl,
`cjm import csv|xlsx` of that layout and of survey exports.

Golden files: `tests/golden/spreadsheets/NAME.csv` (odd column names, empty cells, a BOM,
semicolons, tabs, Excel dates, a survey export), `NAME.cjm` the map the import writes and
`NAME.diagnostics` what it prints (rewrite with `--regen-golden` and read the diff).
Property: import(export(map)) is the same journey for every field the table carries.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES
from hypothesis import given
from test_golden import check_golden
from test_properties import LIGHT, journeys

from cjmdsl.api import check, parse, render
from cjmdsl.facts.journey_table import COLUMNS, NOT_IN_TABLE, one_line
from cjmdsl.importers.spreadsheet import import_table, parse_date, read_csv, read_xlsx
from cjmdsl.lanes import BLUEPRINT_FIELDS, ITEM_KINDS
from cjmdsl.words.escape import xml_chars

GOLDEN = Path(__file__).resolve().parent / "golden" / "spreadsheets"
INPUTS = sorted(GOLDEN.glob("*.csv"))


def cjm(*args: str, cwd: Path = GOLDEN):
    return subprocess.run(["cjm", *args], capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})


# ── the exports, read by real readers ─────────────────────────────────────────
def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_export_is_one_row_per_touchpoint_and_persona():
    journey = parse(EXAMPLES[0].read_text(encoding="utf-8"))
    header, *rows = csv_rows(render(journey, "csv"))
    assert tuple(header) == COLUMNS
    felt = [(tp.id, e.persona) for tp in journey.touchpoints
            for e in tp.emotions]
    assert [(r[COLUMNS.index("touchpoint id")], r[COLUMNS.index("persona id")])
            for r in rows] == felt
    checkout = next(r for r in rows if r[COLUMNS.index("touchpoint id")] == "desktop_checkout")
    assert checkout[COLUMNS.index("emotion")] == "-2"
    assert checkout[COLUMNS.index("pain sources")] == "survey: Q3 checkout survey, n=212"
    assert checkout[COLUMNS.index("opportunity owners")] == "Checkout squad"


def test_xlsx_export_opens_in_openpyxl_with_numbers_as_numbers(tmp_path):
    journey = parse(EXAMPLES[0].read_text(encoding="utf-8"))
    data = render(journey, "xlsx")
    assert render(journey, "xlsx") == data  # deterministic bytes
    (tmp_path / "map.xlsx").write_bytes(data)
    sheet = openpyxl.load_workbook(tmp_path / "map.xlsx").active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == sum(len(tp.emotions) for tp in journey.touchpoints)
    assert rows[1][COLUMNS.index("emotion")] == 1
    assert sheet.freeze_panes == "A2"


def test_formula_like_text_is_not_run_by_a_spreadsheet_and_comes_back_as_written():
    journey = parse('map "M" { persona a "A" stage s "S" { touchpoint t "=HYPERLINK(\\"x\\")" '
                    '{ emotion a -1 action "+1 for speed" } } }')
    header, row = csv_rows(render(journey, "csv"))
    assert row[COLUMNS.index("touchpoint")] == "'=HYPERLINK(\"x\")"
    assert row[COLUMNS.index("emotion")] == "-1"  # a number stays a number
    (back,) = import_table(read_csv(render(journey, "csv"), "m.csv")).journeys
    assert back.touchpoints[0].name == '=HYPERLINK("x")'
    assert back.touchpoints[0].actions[0].text == "+1 for speed"


# ── round trips ──────────────────────────────────────────────────────────────
def table_view(journey, clean=lambda text: text):
    """What the table carries of a journey, as it carries it."""
    def text(value):
        return None if value is None else one_line(clean(value)).strip()

    def items(texts):
        return tuple(t for t in (text(x.text) for x in texts) if t)

    def findings(found):
        return tuple((text(f.text), f.source and (f.source.kind, text(f.source.detail)),
                      text(f.owner) or None) for f in found if text(f.text))

    def moment(tp):
        # A blank reason is written `yes` before a workbook cleans characters it cannot hold.
        raw = tp.moment_of_truth and (tp.moment_of_truth.reason or "")
        reason = text(raw) if raw and one_line(raw).strip() else None
        return tp.moment_of_truth is not None and (None if reason in (None, "", "yes")
                                                   else reason)

    felt = {e.persona for tp in journey.touchpoints for e in (*tp.emotions, *tp.expectations)}
    return (text(journey.title) or "x", (journey.scale.low, journey.scale.high),
            sorted((p.id, text(p.name)) for p in journey.personas if p.id in felt),
            [(s.id, text(s.name)) for s in journey.stages if s.touchpoints],
            [(tp.id, tp.stage, text(tp.name), text(tp.channel_as_written), items(tp.actions),
              items(tp.thoughts), items(tp.questions),
              sorted((e.persona, e.value, text(e.word) or None) for e in tp.emotions),
              sorted((e.persona, e.value) for e in tp.expectations),
              findings(tp.pains), findings(tp.opportunities), moment(tp),
              *(items(getattr(tp, lane)) for lane in BLUEPRINT_FIELDS),
              *(duration.text if duration else None for duration in (tp.time, tp.wait)))
             for tp in journey.touchpoints])


@LIGHT
@given(journeys())
def test_csv_round_trip_keeps_every_field_the_table_carries(journey):
    imported = import_table(read_csv(render(journey, "csv"), "x.csv"))
    assert imported.errors == []
    (back,) = imported.journeys
    assert table_view(back) == table_view(journey)


@LIGHT
@given(journeys())
def test_xlsx_round_trip_keeps_every_field_the_table_carries(journey):
    table = read_xlsx(render(journey, "xlsx"), "x.xlsx")
    (back,) = import_table(table).journeys
    assert table_view(back) == table_view(journey, clean=xml_chars)


def test_a_moment_of_truth_with_a_blank_reason_comes_back_from_a_workbook_without_one():
    # U+0085 is blank to the writer but not a character a workbook can hold.
    journey = parse('map "x" { persona a "A" stage s "S" { touchpoint t "T" {'
                    ' emotion a 1 moment_of_truth "why" } } }')
    blank = replace(journey.touchpoints[0].moment_of_truth, reason="\u0085")
    stage = replace(journey.stages[0], touchpoints=(
        replace(journey.touchpoints[0], moment_of_truth=blank),))
    (back,) = import_table(read_xlsx(render(replace(journey, stages=(stage,)), "xlsx"),
                                     "x.xlsx")).journeys
    assert back.touchpoints[0].moment_of_truth is not None
    assert back.touchpoints[0].moment_of_truth.reason in (None, "")


def test_examples_survive_csv_and_xlsx_and_compile():
    from cjmdsl.importers.cjm_source import cjm_source

    for example in EXAMPLES:
        journey = parse(example.read_text(encoding="utf-8"))
        for back in (import_table(read_csv(render(journey, "csv"), "x.csv")).journeys[0],
                     import_table(read_xlsx(render(journey, "xlsx"), "x.xlsx")).journeys[0]):
            assert table_view(back) == table_view(journey)
            assert check(cjm_source(back)).errors == []


def test_a_wait_the_importer_cannot_read_is_w177_at_its_cell():
    text = ("stage,touchpoint,persona,emotion,frontstage,wait\n"
            "Book,Calls,Ann,1,Agent answers,two days\n")
    imported = import_table(read_csv(text, "x.csv"))
    (journey,) = imported.journeys
    (tp,) = journey.touchpoints
    assert [s.text for s in tp.frontstage] == ["Agent answers"] and tp.wait is None
    (problem,) = [d for d in imported.diagnostics if d.code == "W177"]
    assert "`two days` in F2 is no duration" in problem.message
    assert (problem.span.line, problem.span.column) == (2, 32)


# ── importing odd files ──────────────────────────────────────────────────────
@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_imported_tables_and_diagnostics_match_golden(source, tmp_path, regen_golden):
    run = cjm("import", "csv", source.name, "-o", f"{tmp_path}/")
    printed = "".join(line for line in run.stderr.splitlines(keepends=True)
                      if not line.startswith("wrote "))
    check_golden(source.with_suffix(".diagnostics"), f"exit {run.returncode}\n{printed}",
                 regen_golden)
    written = sorted(tmp_path.iterdir())
    if not regen_golden:
        assert [p.name for p in written] == [p.name for p in GOLDEN.glob(f"{source.stem}.cjm")]
    for path in written:
        text = path.read_text(encoding="utf-8")
        check_golden(GOLDEN / path.name, text, regen_golden)
        assert check(text).errors == []


def test_a_survey_workbook_with_excel_dates_aggregates_into_emotions(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Q3"
    sheet.append(["Touchpoint", "Segment", "CSAT", "Submitted at"])
    for score, day in ((4, 2), (5, 3), (3, 9)):
        sheet.append(["Checkout", "New", score, datetime(2026, 10, day, 14, 5)])
    sheet.append(["Checkout", "Returning", 2, datetime(2026, 10, 4)])
    book.save(tmp_path / "survey.xlsx")
    run = cjm("import", "xlsx", "survey.xlsx", "--sheet", "Q3", "-o", "-", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "emotion new 4 n 3 sd 1\n" in run.stdout  # the responses and their spread
    assert "emotion returning 2 n 1\n" in run.stdout
    assert "scale 1 .. 5" in run.stdout
    assert "survey.xlsx, sheet Q3, 2026-10-02 to 2026-10-09" in run.stdout


def test_an_unknown_sheet_is_a_usage_error_naming_the_sheets(tmp_path):
    openpyxl.Workbook().save(tmp_path / "book.xlsx")
    run = cjm("import", "xlsx", "book.xlsx", "--sheet", "Q4", cwd=tmp_path)
    assert run.returncode == 2
    assert "no sheet `Q4`; the sheets are Sheet" in run.stderr


def test_a_file_that_is_no_workbook_is_a_usage_error(tmp_path):
    (tmp_path / "fake.xlsx").write_text("stage,touchpoint\n")
    run = cjm("import", "xlsx", "fake.xlsx", cwd=tmp_path)
    assert run.returncode == 2
    assert "not an Excel workbook" in run.stderr


@pytest.mark.parametrize("written, day", [
    ("2026-11-30", "2026-11-30"), ("2026-11-30 09:15:00", "2026-11-30"), ("46356", "2026-11-30"),
    ("30.11.2026", "2026-11-30"), ("11/30/2026", "2026-11-30"), ("30/11/2026", "2026-11-30"),
    ("3/4/2026", "2026-03-04"), ("yesterday", None), ("2026-02-30", None)])
def test_dates_as_spreadsheets_write_them(written, day):
    parsed = parse_date(written)
    assert (parsed.isoformat() if parsed else None) == day


def test_every_lane_of_the_lane_table_has_a_column_or_is_said_to_have_none():
    """A lane added to the table gets a column, or joins NOT_IN_TABLE, which the docs list."""
    assert [kind.field for kind in ITEM_KINDS
            if kind.field not in COLUMNS and kind.field not in NOT_IN_TABLE] == []
