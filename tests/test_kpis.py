"""KPIs that tell the truth: a status only where the better direction is known, retention and
churn named for what they measure, counts that may grow, values with their units.

Every case renders a small map and reads what a user would see: the SVG card, the HTML table,
the Markdown row, `cjm show`, `cjm check --strict`, and the diagnostics.
"""
from __future__ import annotations

import json
import re
import subprocess
import textwrap

import pytest

import cjmdsl
from cjmdsl.api import check
from cjmdsl.language.format import format_text


def kpi_map(*kpis: str) -> str:
    lines = "\n".join(f"  {k}" for k in kpis)
    return textwrap.dedent("""\
        map "M" {
          stage s "S" { touchpoint t "T" { channel web } }
        %s
        }
        """) % lines


def svg_texts(source: str) -> list[str]:
    """The words of the KPI cards, one string per card, as the SVG draws them."""
    svg = cjmdsl.render(source)
    cards = re.findall(r'<g data-kpi="[^"]*">(.*?)</g>\n(?=<g data-kpi|</g>)', svg, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", card).split()) for card in cards]


def md_rows(source: str) -> list[list[str]]:
    section = cjmdsl.render(source, format="md").split("## KPIs\n", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def codes(source: str) -> list[str]:
    return [d.code for d in check(source, "t.cjm").diagnostics]


def only(source: str, code: str):
    found = [d for d in check(source, "t.cjm").diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in check(source, "t.cjm").diagnostics]
    return found[0]


def cjm(*args: str, source: str, tmp_path) -> subprocess.CompletedProcess:
    path = tmp_path / "m.cjm"
    path.write_text(source, encoding="utf-8")
    return subprocess.run(["cjm", *args, str(path)], capture_output=True, text=True, check=False)


# ── direction: a status only where it is known which way is better ──────────
def test_lower_is_better_value_above_its_target_is_missed_everywhere(tmp_path):
    source = kpi_map('kpi attrition "Attrition" value 28% lower target 20%')
    assert svg_texts(source) == ["Attrition 28% Target ≤ 20% · missed"]
    assert md_rows(source) == [["Attrition", "28%", "≤\u00a020%", "❌ missed"]]
    html = cjmdsl.render(source, format="html")
    row = re.search(r'<tr data-kpi="attrition">.*?</tr>', html).group(0)
    assert "≤\u00a020%" in row and "✗ missed" in row and "met<" not in row
    shown = cjm("show", "--width", "100", source=source, tmp_path=tmp_path).stdout
    assert "Attrition: 28%  target ≤\u00a020%  ✗ missed" in shown


def test_a_direction_after_the_target_reads_the_same():
    source = kpi_map('kpi attrition "Attrition" value 28% target 20% lower')
    assert codes(source) == []
    assert svg_texts(source) == ["Attrition 28% Target ≤ 20% · missed"]


def test_higher_is_better_value_at_its_target_is_met():
    source = kpi_map('kpi nps "NPS" value 50 higher target 50')
    assert svg_texts(source) == ["NPS 50 Target ≥ 50 · met"]
    assert md_rows(source) == [["NPS", "50", "≥\u00a050", "✅ met"]]


def test_value_without_a_direction_shows_its_target_but_no_status():
    source = kpi_map('kpi attrition "Attrition" value 28% target 20%')
    assert svg_texts(source) == ["Attrition 28% Target 20%"]
    assert md_rows(source) == [["Attrition", "28%", "20%", ""]]
    svg = cjmdsl.render(source)
    card = re.search(r'<g data-kpi="attrition">.*?</g>', svg, re.S).group(0)
    assert "<polyline" not in card and "<path" not in card  # neither a tick nor a cross
    html = cjmdsl.render(source, format="html")
    row = re.search(r'<tr data-kpi="attrition">.*?</tr>', html).group(0)
    assert "met" not in row and "missed" not in row
    data = json.loads(cjmdsl.render(source, format="json"))["journey"]["kpis"][0]
    assert (data["direction"], data["better"], data["met"]) == (None, None, None)


def test_a_target_without_a_direction_is_a_warning_that_names_the_keywords():
    diagnostic = only(kpi_map('kpi attrition "Attrition" value 28% target 20%'), "W107")
    assert diagnostic.message == "KPI `attrition` has a target but no direction"
    assert "`higher` or `lower`" in diagnostic.hint and "value 28% lower target 20%" in diagnostic.hint
    assert (diagnostic.span.line, diagnostic.span.column) == (3, 3)


def test_retention_and_churn_know_their_direction():
    source = kpi_map('kpi r "Retention" retention start 100 end 96 target 95%',
                     'kpi c "Churn" churn start 100 end 96 target 5%')
    assert codes(source) == []
    data = json.loads(cjmdsl.render(source, format="json"))["journey"]["kpis"]
    assert [(k["better"], k["met"]) for k in data] == [("higher", True), ("lower", True)]


def test_a_direction_against_the_kind_is_an_error_at_the_keyword():
    source = kpi_map('kpi r "Retention" retention start 100 end 96 lower target 95%')
    diagnostic = only(source, "E020")
    assert diagnostic.message == "`lower` cannot follow a retention KPI"
    assert "retention is better when higher" in diagnostic.hint
    assert (diagnostic.span.line, diagnostic.span.column) == (3, 48)


# ── retention and churn named for what they measure ─────────────────────────
def test_a_churn_measured_as_retention_is_a_warning_and_fails_strict(tmp_path):
    source = kpi_map('kpi churn "Quarterly churn" start 1000 end 950')
    diagnostic = only(source, "W106")
    assert diagnostic.message == "KPI `churn` is measured as retention, but its name says churn"
    assert diagnostic.hint == "to measure churn, write `churn start 1000 end 950`"
    assert (diagnostic.span.line, diagnostic.span.column) == (3, 3)
    assert diagnostic.span.end_column == 3 + len('kpi churn "Quarterly churn" start 1000 end 950')
    assert cjm("check", "--strict", source=source, tmp_path=tmp_path).returncode == 1


def test_a_retention_measured_as_churn_is_a_warning():
    diagnostic = only(kpi_map('kpi q3 "Q3 retention" churn start 10 end 9'), "W106")
    assert diagnostic.message == "KPI `q3` is measured as churn, but its name says retention"
    assert diagnostic.hint == "to measure retention, write `retention start 10 end 9`"


def test_a_churn_measured_as_churn_passes_strict(tmp_path):
    source = kpi_map('kpi churn "Quarterly churn" churn start 1000 end 950')
    assert cjm("check", "--strict", source=source, tmp_path=tmp_path).returncode == 0
    assert svg_texts(source) == ["Quarterly churn 5% Churn: 50 of 1,000 lost"]


# ── counts that grow ────────────────────────────────────────────────────────
def test_a_growing_retention_is_e014_and_suggests_growth():
    diagnostic = only(kpi_map('kpi active "Active users" start 100 end 130'), "E014")
    assert "growth start 100 end 130" in diagnostic.hint


def test_a_growing_count_named_retention_does_not_suggest_growth():
    diagnostic = only(kpi_map('kpi r "Retention" start 100 end 130'), "E014")
    assert "growth" not in diagnostic.hint


def test_growth_may_grow_and_shows_the_change_in_percent(tmp_path):
    source = kpi_map('kpi active "Active users" growth start 100 end 130 higher target 20%')
    assert codes(source) == []
    assert svg_texts(source) == ["Active users +30% Growth: from 100 to 130 Target ≥ 20% · met"]
    assert md_rows(source) == [["Active users", "+30%<br>Growth: from 100 to 130", "≥\u00a020%",
                                "✅ met"]]
    falling = kpi_map('kpi reorders "Reorders" growth start 200 end 150')
    assert svg_texts(falling) == ["Reorders -25% Growth: from 200 to 150"]


def test_growth_from_zero_is_e021():
    assert "E021" in codes(kpi_map('kpi a "Active" growth start 0 end 5'))


# ── units and currency ──────────────────────────────────────────────────────
@pytest.mark.parametrize("kpi, figure, target", [
    ('kpi wait "Time to resolve" value 42 unit "days" lower target 30', "42 days", "≤\u00a030 days"),
    ('kpi spend "Basket" value 1200 unit "EUR" higher target 1000', "EUR 1,200", "≥\u00a0EUR 1,000"),
    ('kpi fee "Fee" value 4.5 unit "USD"', "USD 4.50", None),
    ('kpi km "Distance" value 1234.5 unit "km"', "1,234.5 km", None),
])
def test_a_value_is_written_with_its_unit_or_currency(kpi, figure, target):
    source = kpi_map(kpi)
    assert codes(source) == []
    row = md_rows(source)[0]
    assert row[1] == figure
    assert row[2] == (target or "–")
    assert figure in svg_texts(source)[0]


def test_a_unit_on_a_percentage_is_an_error_at_the_unit():
    diagnostic = only(kpi_map('kpi k "K" value 28% unit "days"'), "E020")
    assert diagnostic.message == "`unit` cannot follow a percentage"
    assert (diagnostic.span.line, diagnostic.span.column) == (3, 23)


def test_json_carries_unit_direction_and_the_effective_direction():
    source = kpi_map('kpi spend "Basket" value 1200 unit "EUR" higher target 1000')
    data = json.loads(cjmdsl.render(source, format="json"))["journey"]["kpis"][0]
    assert (data["unit"], data["direction"], data["better"], data["met"]) == \
        ("EUR", "higher", "higher", True)


@pytest.mark.parametrize("written, canonical", [
    ('kpi a "A" value 28 %  lower  target 20 %', 'kpi a "A" value 28% lower target 20%'),
    ('kpi a "A" value 42 unit "days" higher', 'kpi a "A" value 42 unit "days" higher'),
    ('kpi a "A" value 28% target 20% lower', 'kpi a "A" value 28% lower target 20%'),
    ('kpi a "A" growth start 1 end 2 higher target 5%',
     'kpi a "A" growth start 1 end 2 higher target 5%'),
])
def test_the_formatter_prints_direction_unit_and_growth_canonically(written, canonical):
    assert f"  {canonical}\n" in format_text(kpi_map(written))
