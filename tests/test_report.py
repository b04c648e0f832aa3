"""`cjm report`: a page per map and a page over a folder, in Markdown and HTML.

Goldens of every example and of the examples' folder in both formats (tests/golden/report/);
small maps for what each section says; hostile text in both formats; the HTML page in
Chromium (screenshots in test-artifacts/report-*.png).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTIFACTS, EXAMPLES, ROOT
from test_cli import cjm
from test_golden import GOLDEN, check_golden
from test_html import HOSTILE, Page, hostile_map

REPORT_GOLDEN = GOLDEN / "report"
SUFFIXES = {"markdown": "md", "html": "html"}


@pytest.mark.parametrize("output", SUFFIXES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_report_of_each_example_matches_its_golden(example, output, regen_golden):
    run = cjm("report", f"examples/{example.name}", "--format", output, cwd=ROOT)
    assert (run.code, run.stderr) == (0, "")
    check_golden(REPORT_GOLDEN / f"{example.stem}.{SUFFIXES[output]}", run.stdout.decode(),
                 regen_golden)


@pytest.mark.parametrize("output", SUFFIXES)
def test_the_report_over_the_examples_folder_matches_its_golden(output, regen_golden):
    run = cjm("report", "examples", "--format", output, cwd=ROOT)
    assert (run.code, run.stderr) == (0, "")
    check_golden(REPORT_GOLDEN / f"examples.{SUFFIXES[output]}", run.stdout.decode(),
                 regen_golden)


def report_of(tmp_path: Path, text: str, *options: str, name: str = "m.cjm") -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = cjm("report", name, *options, cwd=tmp_path)
    assert run.code == 0 and "error[" not in run.stderr, run.stderr
    return run.stdout.decode()


def section(markdown: str, heading: str) -> list[str]:
    """The table rows (or the sentence) under the first heading `heading`, up to the next."""
    part = re.split(rf"^#+ {re.escape(heading)}\n\n", markdown, maxsplit=1,
                    flags=re.MULTILINE)[1].split("\n#", 1)[0]
    return [line for line in part.strip().splitlines() if not line.startswith("|---")][1:] \
        if part.startswith("|") else [part.strip()]


SMALL = """map "Shop" {
  persona ann "Ann, parent"
  persona bob "Bob"
  stage look "Look" {
    goal "Find it"
    touchpoint ad "Ad" { channel social emotion ann 1 "curious" expect ann 1 emotion bob -1 }
    touchpoint site "Site" {
      channel web
      emotion ann -1 "lost" expect ann 2
      emotion bob 0 expect bob 1
      pain "Search finds nothing" source interview "5 of 8"
      opportunity "Better search" owner "Web team"
    }
  }
  stage buy "Buy" {
    goal "Pay"
    touchpoint pay "Pay" {
      channel web
      emotion ann -2 "angry" expect ann -1
      pain "Card declined"
      pain "Fees at the end" source survey "n=40"
      opportunity "Show fees early"
      moment_of_truth
    }
    touchpoint mail "Receipt" { channel email emotion ann 2 opportunity "Upsell" owner "CRM" }
  }
  kpi conv "Conversion" value 12% higher target 15%
  kpi nps "NPS" value 40 higher target 30
}
"""


def test_worst_moments_are_each_personas_three_lowest_feelings(tmp_path):
    rows = section(report_of(tmp_path, SMALL), "Worst moments")
    assert rows == [
        "| Ann | Pay | Buy | -2 angry | -1 | -1 |",
        "|   | Site | Look | -1 lost | +2 | -3 |",
        "|   | Ad | Look | +1 curious | +1 | 0 |",
        "| Bob | Ad | Look | -1 | – | – |",
        "|   | Site | Look | 0 | +1 | -1 |",
    ]


def test_largest_gaps_are_the_feelings_furthest_below_what_was_expected(tmp_path):
    """Equal gaps keep map order; a feeling at or above its expectation is no gap."""
    rows = section(report_of(tmp_path, SMALL), "Largest gaps")
    assert [row.split(" | ")[:2] + row.split(" | ")[-1:] for row in rows] == [
        ["| Ann", "Site", "-3 |"], ["| Bob", "Site", "-1 |"], ["| Ann", "Pay", "-1 |"]]


def test_pains_are_counted_per_stage_with_their_evidence(tmp_path):
    rows = section(report_of(tmp_path, SMALL), "Pain points by stage")
    assert rows == ["| Look | 1 | 1 | Site: Search finds nothing |",
                    "| Buy | 2 | 1 | Pay: Card declined<br>Pay: Fees at the end |"]


def test_evidence_coverage_shows_the_lint_figures(tmp_path):
    rows = section(report_of(tmp_path, SMALL), "Evidence coverage")
    assert rows == ["| Pain points with an opportunity | 3 of 3 (100%) |",
                    "| Claims with evidence | 2 of 3 (66%) |",
                    "| Opportunities and action items with an owner | 2 of 3 (66%) |"]


def test_opportunities_rank_moments_of_truth_first_then_the_lowest_feeling(tmp_path):
    rows = section(report_of(tmp_path, SMALL), "Opportunities, most urgent first")
    assert rows == [
        "| 1 | Show fees early | Pay (Buy) | – | moment of truth, lowest feeling -2, "
        "answers 2 pain points |",
        "| 2 | Better search | Site (Look) | Web team | lowest feeling -1, answers 1 pain point |",
        "| 3 | Upsell | Receipt (Buy) | CRM | lowest feeling +2 |",
    ]


def test_a_pain_an_opportunity_elsewhere_addresses_is_answered_by_it(tmp_path):
    addressed = SMALL.replace('emotion bob -1 }', 'emotion bob -1 pain slow "Ad loads slowly" }')\
        .replace('opportunity "Upsell" owner "CRM"', 'opportunity "Upsell" owner "CRM" addresses slow')
    report = report_of(tmp_path, addressed)
    assert section(report, "Evidence coverage")[0] == "| Pain points with an opportunity | 4 of 4 (100%) |"
    assert section(report, "Opportunities, most urgent first")[2] == \
        "| 3 | Upsell | Receipt (Buy) | CRM | lowest feeling +2, answers 1 pain point |"


def test_kpis_say_whether_they_meet_their_targets(tmp_path):
    rows = section(report_of(tmp_path, SMALL), "KPIs against targets")
    assert rows == ["| Conversion | 12% | ≥\u00a015% | missed |", "| NPS | 40 | ≥\u00a030 | met |"]


def test_a_map_without_feelings_or_pains_says_so(tmp_path):
    text = report_of(tmp_path, 'map "Bare" { stage s "S" { touchpoint t "T" } }')
    assert section(text, "Worst moments") == ["No persona has an emotion on this map."]
    assert section(text, "Pain points by stage") == ["No pain points."]
    assert section(text, "Opportunities, most urgent first") == ["No opportunities."]
    assert section(text, "KPIs against targets") == ["No KPIs."]
    assert "| Claims with evidence | none to count |" in text


OTHER = """map "Support" {
  scale 1 .. 10
  persona ann "Ann"
  persona cy "Cy"
  stage wait "Wait" {
    touchpoint queue "Queue" { channel phone emotion ann 2 emotion cy 9
      pain "Long queue" opportunity "Call back" owner "Ops" }
    touchpoint hold "Hold" { channel phone emotion ann 4 pain "Music" pain "Dropped call" }
  }
}
"""


def test_over_a_folder_pains_concentrate_and_personas_are_worst_off_first(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "shop.cjm").write_text(SMALL, encoding="utf-8")
    (tmp_path / "maps" / "support.cjm").write_text(OTHER, encoding="utf-8")
    run = cjm("report", "maps", cwd=tmp_path)
    assert (run.code, run.stderr) == (0, "")
    text = run.stdout.decode()
    assert text.startswith("# Journey report: 2 maps\n\n2 maps with 6 touchpoints and "
                           "6 pain points.\n\n## Across all maps\n")
    assert section(text, "Where pain points concentrate") == [
        "| Wait | Support | 3 | 50% |", "| Buy | Shop | 2 | 33% |", "| Look | Shop | 1 | 16% |"]
    assert section(text, "Pain points by channel") == [
        "| Phone | 3 | 50% |", "| Web | 3 | 50% |"]
    # Ann of Support averages 3 on 1..10, lower on her scale than Ann of Shop (0 on -2..2).
    assert [row.split(" | ")[:3] for row in section(text, "Personas, worst off first")] == [
        ["| Ann", "Support", "3 (1 to 10)"], ["| Bob", "Shop", "-0.5 (-2 to +2)"],
        ["| Ann", "Shop", "0 (-2 to +2)"], ["| Cy", "Support", "9 (1 to 10)"]]
    assert "| Claims with evidence | 2 of 6 (33%) |" in text
    assert text.index("## Journey report: Shop") < text.index("## Journey report: Support")


CHANNELS = """map "Forum" {
  channel quora "Quora" like community
  persona ann "Ann"
  stage ask "Ask" {
    touchpoint post "Post" { channel quora, web emotion ann -1 pain "No answer" }
    touchpoint read "Read" { channel community emotion ann 0 pain "Old threads" }
    touchpoint site "Site" { channel website emotion ann 0 pain "Slow" }
  }
}
"""


def test_pains_by_channel_count_each_channel_named_and_show_declared_labels(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "forum.cjm").write_text(CHANNELS, encoding="utf-8")
    (tmp_path / "maps" / "other.cjm").write_text(CHANNELS.replace('"Forum"', '"Other"'),
                                                 encoding="utf-8")
    run = cjm("report", "maps", cwd=tmp_path)
    assert (run.code, run.stderr) == (0, "")
    # Quora borrows the community icon but is its own row, by its label, across both maps;
    # `web` and `website` are one channel; the post counts for Quora and for Web.
    assert section(run.stdout.decode(), "Pain points by channel") == [
        "| Web | 4 | 66% |", "| Community | 2 | 33% |", "| Quora | 2 | 33% |"]


def test_a_german_map_gets_its_report_in_german(tmp_path):
    text = report_of(tmp_path, SMALL.replace('map "Shop" {', 'map "Shop" {\n  lang "de"'))
    assert text.startswith("# Journey-Bericht: Shop\n")
    assert "## Schlechteste Momente" in text and "| Conversion | 12\u00a0% | ≥\u00a015\u00a0% | verfehlt |" in text


def test_hostile_text_stays_text_in_markdown(tmp_path):
    text = report_of(tmp_path, hostile_map())
    assert "<script" not in text and "<img" not in text and "<!--" not in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert rows
    for table in text.split("\n\n"):
        lines = [line for line in table.splitlines() if line.startswith("|")]
        # a cell's `|` is escaped: every row of a table has as many cells as its header
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in lines}) <= 1, table


def test_hostile_text_stays_text_in_html(tmp_path):
    html = report_of(tmp_path, hostile_map(), "--format", "html")
    page = Page(html)
    assert not page.scripts
    assert [tag for tag, _ in page.tags if tag in ("img", "script")] == []
    assert all(not name.startswith("on") for _, attributes in page.tags for name in attributes)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html


def test_o_writes_the_format_its_extension_names(tmp_path):
    (tmp_path / "m.cjm").write_text(SMALL, encoding="utf-8")
    run = cjm("report", "m.cjm", "-o", "out/report.html", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, b"", "")
    assert (tmp_path / "out" / "report.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")
    run = cjm("report", "m.cjm", "-o", "report.txt", cwd=tmp_path)
    assert run.code == 2 and "name it .md or .html, or give --format" in run.stderr
    run = cjm("report", "m.cjm", "-o", "m.cjm", cwd=tmp_path)
    assert run.code == 2 and (tmp_path / "m.cjm").read_text(encoding="utf-8") == SMALL


def test_a_map_with_errors_gets_its_diagnostics_and_exit_1(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "good.cjm").write_text(SMALL, encoding="utf-8")
    (tmp_path / "maps" / "bad.cjm").write_text('map "Bad" { stage s "S" { touchpoint t "T" '
                                               '{ emotion nobody 1 } } }', encoding="utf-8")
    run = cjm("report", "maps", cwd=tmp_path)
    assert run.code == 1
    assert "bad.cjm:1:" in run.stderr and "error[E012]" in run.stderr
    assert "# Journey report: 1 map\n" in run.stdout.decode()


@pytest.mark.browser
@pytest.mark.parametrize("target", ["support-ticket.cjm", "."], ids=["map", "folder"])
def test_the_html_report_reads_in_a_browser_at_full_size_and_880_px(target, page, tmp_path):
    written = tmp_path / "report.html"
    run = cjm("report", target, "-o", str(written), cwd=ROOT / "examples")
    assert run.code == 0, run.stderr
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    ARTIFACTS.mkdir(exist_ok=True)
    name = "map" if target.endswith(".cjm") else "folder"
    for width in (1280, 880):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(written.as_uri())
        # The stylesheet applied (the CSP lets its hash through): table heads are bold.
        assert page.eval_on_selector("th", "e => getComputedStyle(e).fontWeight") == "600"
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], f"the page scrolls sideways at {width} px"
        page.screenshot(path=str(ARTIFACTS / f"report-{name}-{width}.png"), full_page=True)
    assert errors == [] and requests == [written.as_uri()] * 2
