"""The stages view (issue 14 part 2): `--view stages` draws one column per stage, its
touchpoints as marks on each persona's curve, its pains counted and its lowest and highest
moments named, wrapped into rows that fit the width; the HTML page of a big map opens on it."""
from __future__ import annotations

import re

from big_maps import generated
from test_cli import cjm
from test_rows import MAPS, svg_size

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.layout.stages import stages_view
from cjmdsl.layout.textmetrics import text_width
from cjmdsl.themes import load_theme

THEME = load_theme("default")

SMALL = """map "Two stages" {
  persona ana "Ana"
  persona ben "Ben"
  stage look "Looking around" {
    touchpoint ad "Sees an ad" { emotion ana +1 emotion ben 0 }
    touchpoint site "Reads the site" {
      emotion ana -2
      pain "Prices are hidden"
      pain "No phone number"
      opportunity "Show prices"
    }
    touchpoint shop "Visits the shop" { emotion ana +2 moment_of_truth }
  }
  stage buy "Buying" {
    touchpoint pay "Pays" { emotion ben -1 }
  }
}
"""


def texts(svg: str) -> list[str]:
    """Each <text> as the words it shows, its lines joined."""
    return [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", body))
            for body in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def test_stages_view_draws_a_column_per_stage_with_its_counts_and_extremes(tmp_path):
    source = tmp_path / "two.cjm"
    source.write_text(SMALL, encoding="utf-8")
    run = cjm("render", str(source), "--view", "stages", "-o", str(tmp_path / "two.svg"), cwd=tmp_path)
    assert run.code == 0, run.stderr
    svg = (tmp_path / "two.svg").read_text(encoding="utf-8")
    assert svg_size(svg)[0] == 880
    assert svg.count('class="cjm-stage-summary"') == 2
    shown = texts(svg)
    assert "3 touchpoints · 2 pain points · 1 opportunity · 1 moment of truth" in shown
    assert "Lowest: Reads the site (-2)" in shown and "Highest: Visits the shop (+2)" in shown
    # Ben feels something once in each stage: the one value is named, not called lowest.
    assert "Sees an ad (0)" in shown and "Pays (-1)" in shown
    assert not any(t.startswith("Lowest: Sees an ad") for t in shown)


def test_stages_view_marks_each_touchpoint_on_the_curve():
    view = stages_view(parse(SMALL), THEME, 880)
    look = view.stages[0]
    marks = {curve.persona_id: [p.touchpoint_id for p in curve.points] for curve in look.curves}
    assert marks == {"ana": ["ad", "site", "shop"], "ben": ["ad"]}
    for curve in look.curves:
        for point in curve.points:
            assert look.plot.x <= point.marker.x <= look.plot.right
            assert look.plot.y <= point.marker.y <= look.plot.bottom


def test_stages_view_draws_each_persona_in_the_dash_pattern_the_map_gives_it():
    journey = parse(SMALL.replace("emotion ana -2", "emotion ana -2 emotion ben -1"))
    from cjmdsl.layout.map import layout

    on_the_map = {curve.persona_id: curve.dash
                  for row in layout(journey, THEME, 880).rows if row.emotion
                  for curve in row.emotion.curves}
    assert len(set(on_the_map.values())) == 2  # the two personas differ without colour
    view = stages_view(journey, THEME, 880)
    look = view.stages[0]
    assert {curve.persona_id: curve.dash for curve in look.curves} == on_the_map
    assert {entry.persona_id: entry.dash for entry in view.legend} == on_the_map
    svg = cjmdsl.render(journey, "svg", view="stages")
    ben = re.search(r'<g class="cjm-curve" data-persona="ben">(.*?)</g>', svg, re.S).group(1)
    assert f'stroke-dasharray="{on_the_map["ben"]}"' in ben
    legend = re.search(r'<g data-persona="ben">(.*?)</g>', svg, re.S).group(1)
    assert f'stroke-dasharray="{on_the_map["ben"]}"' in legend


def test_stages_view_of_200_touchpoints_fits_880_px_in_rows_of_columns():
    view = stages_view(parse(MAPS["generated-200"]), THEME, 880)
    assert len(view.stages) == 40 and view.width == 880
    assert all(s.box.x >= 0 and s.box.right <= 880 for s in view.stages)
    rows = {s.box.y for s in view.stages}
    assert len(rows) == 10  # four stage columns to a row
    assert view.height < 5000  # the map itself is over 50,000 px tall at 880
    for block in view.text_blocks():
        for line in block.lines:
            assert text_width(line, block.size, block.bold) <= block.box.width + 0.5, line
        assert block.size >= 9


def test_stages_view_wraps_to_one_column_on_a_phone():
    view = stages_view(parse(generated(20)), THEME, 390)
    assert {s.box.x for s in view.stages} == {view.stages[0].box.x}
    assert all(s.box.right <= 390 for s in view.stages)


def test_stages_view_speaks_the_maps_language():
    german = SMALL.replace('map "Two stages" {', 'map "Two stages" {\n  lang "de"')
    shown = texts(cjmdsl.render(german, view="stages"))
    assert "Tiefpunkt: Reads the site (-2)" in shown
    assert any(t.startswith("3 Touchpoints · 2 Schmerzpunkte") for t in shown)


def test_stages_view_is_one_page_so_page_is_a_usage_error(tmp_path):
    source = tmp_path / "two.cjm"
    source.write_text(SMALL, encoding="utf-8")
    run = cjm("render", str(source), "--view", "stages", "-f", "pdf", "--page", "A4",
              "-o", str(tmp_path / "two.pdf"), cwd=tmp_path)
    assert run.code == 2
    assert "cjm: error: the stages view is one page; drop --page" in run.stderr


def test_view_does_not_apply_to_the_html_page(tmp_path):
    source = tmp_path / "two.cjm"
    source.write_text(SMALL, encoding="utf-8")
    run = cjm("render", str(source), "--view", "stages", "-f", "html", "-o", "-", cwd=tmp_path)
    assert run.code == 2
    assert "--view does not apply to -f html" in run.stderr


def test_html_page_of_a_big_map_opens_on_a_card_per_stage_linking_to_the_map():
    html = cjmdsl.render(MAPS["generated-200"], "html")
    overview = html.index('id="cjm-overview"')
    assert overview < html.index('id="cjm-map"')
    cards = re.findall(r'<li><a href="#cjm-map" data-stage="([^"]+)"><svg', html)
    assert cards == [f"s{n}" for n in range(1, 41)]


def test_html_page_of_a_small_map_has_no_overview():
    html = cjmdsl.render(MAPS["grocery-shop"], "html")
    assert 'id="cjm-overview"' not in html


BLUEPRINT = """map "Broadband repair" {
  actor agent "Support agent"
  actor crm "CRM" { kind system }
  stage report "Reporting the fault" {
    touchpoint call "Calls support" {
      wait "2 h"
      time "12 min"
      action "Describes the fault" -> frontstage listen
      frontstage listen "Runs a line test" by agent fail "Test times out" -> ticket
      backstage ticket "Logs a ticket" by crm
    }
    touchpoint mail "Gets a reference" {
      time "1 min"
      evidence "Email with the ticket number"
      backstage "Sends the reference" by crm fail "Email bounces"
    }
  }
  stage fix "The visit" {
    touchpoint visit "Engineer visits" {
      wait "2 days"
      frontstage "Repairs the line" by agent
    }
  }
}
"""


def test_stages_view_of_a_map_without_emotions_draws_no_emotion_plot():
    view = stages_view(parse(BLUEPRINT), THEME, 880)
    assert all(s.plot is None and not s.levels and not s.curves for s in view.stages)
    svg = cjmdsl.render(BLUEPRINT, view="stages")
    assert 'stroke-dasharray="2 4"' not in svg  # the plot's grid of the emotion scale
    assert 'class="cjm-curve"' not in svg
    # Its facts come up under the stage's name, where the plot would have been.
    for summary in view.stages:
        assert summary.facts[0].text.box.y - summary.header.box.bottom < 20


def test_stages_view_of_a_blueprint_sums_up_each_stage_for_a_service_designer():
    view = stages_view(parse(BLUEPRINT), THEME, 880)
    report, fix = view.stages
    def rows(summary):
        return {" ".join(f.text.lines): " ".join(f.value.lines) for f in summary.facts
                if f.value}
    def lines(summary):
        return [" ".join(f.text.lines) for f in summary.facts]
    # One row per blueprint lane the map uses, in the map's order, in every stage (0 where
    # the stage has none), and the actors who do the lane's items under its row.
    assert rows(report) == {"Evidence": "1", "Actions": "1", "Frontstage": "1",
                            "Backstage": "2"}
    assert rows(fix) == {"Evidence": "0", "Actions": "0", "Frontstage": "1", "Backstage": "0"}
    assert lines(report) == ["2 touchpoints", "Takes 13 min · wait 2 h", "2 fail points",
                             "Evidence", "Actions", "Frontstage", "Support agent",
                             "Backstage", "CRM"]
    assert lines(fix)[:2] == ["1 touchpoint", "wait 2 d"]
    assert [f.badge.kind for f in report.facts if f.badge] == ["clock", "fail"]
    # The lines of interaction and visibility between the rows, as the map draws them.
    assert [rule.kind for rule in report.rules] == ["interaction", "visibility"]
    tops = {" ".join(f.text.lines): f.text.box.y for f in report.facts}
    (_, interaction), (_, visibility) = report.rules
    assert tops["Actions"] < interaction.y1 < tops["Frontstage"]
    assert tops["Support agent"] < visibility.y1 < tops["Backstage"]
    svg = cjmdsl.render(BLUEPRINT, view="stages")
    assert svg.count('class="cjm-line-visibility ') == 2  # then its colour's role
    assert svg.count('class="cjm-badge cjm-badge-fail"') == 1


def test_stages_view_of_a_journey_map_says_nothing_of_a_blueprint():
    view = stages_view(parse(SMALL), THEME, 880)
    assert all(not s.rules and not any(f.value or f.badge for f in s.facts) for s in view.stages)


KPIS = SMALL.replace("\n}\n", """
  kpi paid "Paid orders" value 40% higher target 50% at buy
  kpi nps "Net Promoter Score" value 42 higher target 30
}
""")


def test_stages_view_shows_a_kpi_at_a_stage_in_that_stages_column_and_no_other():
    view = stages_view(parse(KPIS), THEME, 880)
    look, buy = view.stages
    paid = "Paid orders 40% · Target ≥\u00a050% · missed"  # the words of the map's stage header
    lines = {summary.stage_id: [" ".join(f.text.lines) for f in summary.facts]
             for summary in view.stages}
    assert lines["buy"][-2:] == ["KPIs", paid]
    assert not any("Paid orders" in line for line in lines["look"])
    for fact in buy.facts:
        box = fact.text.box
        assert buy.box.x <= box.x and box.right <= buy.box.right
        assert buy.box.y <= box.y and box.bottom <= buy.box.bottom
    # A map-wide KPI keeps its card below the columns; the stage's has none there.
    assert [card.kpi_id for card in view.kpis] == ["nps"]
    svg = cjmdsl.render(KPIS, view="stages")
    columns = dict(re.findall(r'<g class="cjm-stage-summary" data-stage="([^"]+)">'
                              r'(.*?)(?=<g class="cjm-stage-summary"|<g class="cjm-row-labels")',
                              svg, re.S))
    assert paid in texts(columns["buy"]) and paid not in texts(columns["look"])


def test_stages_view_says_a_stages_kpi_in_the_maps_language():
    german = KPIS.replace('map "Two stages" {', 'map "Two stages" {\n  lang "de"')
    assert "Paid orders 40\u00a0% · Ziel ≥\u00a050\u00a0% · verfehlt" in texts(
        cjmdsl.render(german, view="stages"))
