"""Metrics on touchpoints and stages (issue 17): written as a KPI's value is, drawn in a
metrics lane and in the stage plan with their status against a target, listed in the HTML
and the Markdown, exported in JSON, and claims that may cite a source."""
from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ET

from cjmdsl.api import check, render
from cjmdsl.language.format import format_text
from cjmdsl.review.lint import lint_text

SVG = "{http://www.w3.org/2000/svg}"


def cjm(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


MEASURED = cjm("""
    map "M" {
      source q3 survey "Q3 survey" { n 212 }
      stage onboard "Onboarding" {
        touchpoint signup "Sign-up" {
          channel web
          metric csat 3.9 of 5 higher target 4.2 source q3
          metric conversion 34%
        }
        touchpoint first_use "First use" {
          channel mobile
          metric drop_off 12% lower
          metric time_to_value 4 unit "days" lower target 5
        }
        metric activation 61% higher target 60% source q3
      }
    }
    """)


def test_json_carries_each_metric_where_it_is_measured():
    journey = json.loads(render(MEASURED, "json"))["journey"]
    stage = journey["stages"][0]
    signup, first_use = stage["touchpoints"]
    assert [(m["id"], m["value"], m["percent"], m["out_of"], m["direction"], m["target"])
            for m in signup["metrics"]] == [("csat", 3.9, False, 5, "higher", 4.2),
                                            ("conversion", 34, True, None, None, None)]
    assert first_use["metrics"][1]["unit"] == "days"
    assert stage["metrics"][0]["source"]["cites"] == "q3"


def lane_texts(svg: str, lane: str) -> list[str]:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == f"cjm-lane cjm-lane-{lane}")
    return [" ".join(" ".join(t.itertext()).split()) for t in group.iter(f"{SVG}text")]


def test_the_metrics_lane_shows_each_figure_and_its_status_against_the_target():
    svg = render(MEASURED, "svg", width=0)
    assert lane_texts(svg, "metrics") == [
        "csat 3.9 of 5 · Target ≥ 4.2 · missed", "conversion 34%", "drop off 12%",
        "time to value 4 days · Target ≤ 5 days · met"]
    assert "cjm-lane-metrics" not in render(MEASURED.replace("metric", "// metric"), "svg")
    assert "activation 61% · Target ≥ 60% · met" in " ".join(
        " ".join(" ".join(t.itertext()).split()) for t in ET.fromstring(svg).iter(f"{SVG}text"))


def test_markdown_lists_the_metrics_of_touchpoints_and_stages():
    markdown = render(MEASURED, "md")
    assert ("## Metrics\n\n- **Sign-up:** csat 3.9 of 5 · Target ≥\u00a04.2 · missed\n"
            "- **Sign-up:** conversion 34%\n- **First use:** drop off 12%\n"
            "- **First use:** time to value 4 days · Target ≤\u00a05 days · met") in markdown
    assert "- **Metric:** activation 61% · Target ≥\u00a060% · met" in markdown


def test_html_tables_the_metrics_with_their_status():
    html = render(MEASURED, "html")
    assert ('<tr><td>Sign-up</td><th scope="row">csat</th><td>3.9 of 5</td><td>≥\u00a04.2</td>'
            '<td><span class="cjm-missed">✗ missed</span></td></tr>') in html
    assert ('<tr><td>Onboarding</td><th scope="row">activation</th><td>61%</td><td>≥\u00a060%</td>'
            '<td><span class="cjm-met">✓ met</span></td></tr>') in html


def test_a_metric_is_a_claim_its_source_backs():
    html = render(MEASURED, "html")
    assert "<td>Sign-up: metric<br>Onboarding: metric</td>" in html
    assert 'cjm-evidence cjm-evidence-one"><title>One kind of evidence: survey' in \
        render(MEASURED, "svg")


def test_an_owner_cannot_follow_a_metric_and_a_repeated_metric_is_one_error():
    result = check(MEASURED.replace("metric conversion 34%",
                                    'metric conversion 34% owner "Web"\n      metric csat 4 of 5'))
    assert [(d.code, d.message, d.hint) for d in result.diagnostics if d.is_error] == [
        ("E020", "`owner` cannot follow metric", "`owner` belongs to a pain point, an "
                                                 "opportunity or an action item"),
        ("E016", "metric `csat` is given twice for touchpoint `signup`", "keep one")]


def test_the_formatter_writes_a_metric_in_one_order():
    messy = MEASURED.replace("metric csat 3.9 of 5 higher target 4.2 source q3",
                             "metric   csat 3.90 of 05 target 4.2 higher  source q3")
    assert format_text(messy) == format_text(MEASURED)
    assert "      metric csat 3.9 of 5 higher target 4.2 source q3\n" in format_text(messy)


def test_a_moment_of_truth_with_a_metric_counts_as_measured():
    text = MEASURED.replace("metric conversion 34%", 'metric conversion 34%\n      moment_of_truth')
    assert "L204" not in [d.code for d in lint_text(text).diagnostics]
    unmeasured = text.replace("metric csat 3.9 of 5 higher target 4.2 source q3", "") \
        .replace("metric conversion 34%", "")
    assert "L204" in [d.code for d in lint_text(unmeasured).diagnostics]
