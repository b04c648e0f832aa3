"""Fail points (`fail "…"` on any item), each step's `time` and `wait`, and `--time-axis`:
as the map draws them, as every list shows them, and as the JSON carries them."""
from __future__ import annotations

import json
import re
import subprocess
import textwrap

import pytest

from cjmdsl.api import parse, render
from cjmdsl.language.durations import read_duration, shown

MAP = textwrap.dedent('''\
    map "Broadband repair" {
      persona maya "Maya"
      stage report "Report" {
        touchpoint call "Calls support" {
          channel phone
          wait "20 min"
          time "12 min"
          action "Describes the fault" fail "Agent cannot see the line test"
          emotion maya -1
        }
        touchpoint book "Books a visit" {
          channel web
          time "5 min"
          pain "Slots a week out" fail "Calendar shows booked slots as free"
          emotion maya 0
        }
      }
      stage fix "Fix" {
        touchpoint visit "Engineer visits" {
          channel store
          wait "2 days"
          time "3 h"
          thought "Will it hold?"
          emotion maya 1
        }
      }
    }
    ''')


def cjm(*args, cwd=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["cjm", *args], capture_output=True, text=True, cwd=cwd, input=stdin)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "repair.cjm"
    path.write_text(MAP, encoding="utf-8")
    return path


def svg_texts(svg: str) -> list[str]:
    """Every line of text the SVG draws."""
    return re.findall(r"<tspan [^>]*>([^<]*)</tspan>", svg)


# ── durations ────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("written, value, unit, minutes", [
    ("3 min", 3, "min", 3), ("2 days", 2, "d", 2880), ("1.5 h", 1.5, "h", 90),
    ("10min", 10, "min", 10), ("1 week", 1, "w", 10080), ("6 mo", 6, "mo", 259200),
    ("3 Min", 3, "min", 3), ("1 hr", 1, "h", 60), (" 2 d ", 2, "d", 2880),
])
def test_a_duration_is_one_number_and_one_unit(written, value, unit, minutes):
    journey = parse(MAP.replace('time "3 h"', f'time "{written}"'))
    duration = journey.touchpoints[2].time
    assert (duration.value, duration.unit, duration.minutes) == (value, unit, minutes)
    assert read_duration(written) == (value, unit)


def test_elapsed_time_reads_in_days_hours_and_minutes():
    assert [shown(m) for m in (0, 45, 60, 61, 2 * 1440 + 3 * 60, 2 * 1440 + 75.4)] == [
        "0", "45 min", "1 h", "1 h 1 min", "2 d 3 h", "2 d 1 h 15 min"]


def test_json_carries_fail_points_and_durations_with_their_minutes():
    data = json.loads(render(MAP, "json"))["journey"]
    call, book, visit = (tp for stage in data["stages"] for tp in stage["touchpoints"])
    assert call["actions"][0]["fail"] == "Agent cannot see the line test"
    assert book["pains"][0]["fail"] == "Calendar shows booked slots as free"
    assert visit["thoughts"][0]["fail"] is None
    assert {k: call["wait"][k] for k in ("value", "unit", "text", "minutes")} == {
        "value": 20, "unit": "min", "text": "20 min", "minutes": 20}
    assert visit["wait"]["minutes"] == 2880 and book["wait"] is None


# ── the map ──────────────────────────────────────────────────────────────────
def test_the_map_marks_the_step_and_the_card_that_can_fail():
    svg = render(MAP, "svg")
    texts = svg_texts(svg)
    assert texts.count("Fail point") == 3  # the legend key, the headers of `call` and `book`
    drawn = " ".join(texts)  # a reason may wrap over lines
    assert "Agent cannot see the line test" in drawn
    assert "Calendar shows booked slots as free" in drawn
    # a circled F on each header, on each card and in the legend
    assert svg.count('class="cjm-badge cjm-badge-fail"') == 5
    assert "Fail point" in re.search(r'<g class="cjm-key-fail">.*?</g>\n</g>', svg, re.S)[0]


def test_the_header_shows_the_wait_and_the_time_by_a_clock():
    svg = render(MAP, "svg")
    assert {"wait 20 min · 12 min", "5 min", "wait 2 days · 3 h"} <= set(svg_texts(svg))
    assert svg.count('class="cjm-badge cjm-badge-clock"') == 3


def test_a_map_without_fail_points_or_times_draws_neither():
    plain = re.sub(r' fail "[^"]*"|\s*(time|wait) "[^"]*"', "", MAP)
    svg = render(plain, "svg")
    assert "cjm-badge-fail" not in svg and "cjm-badge-clock" not in svg and "Fail point" not in svg


def test_time_axis_gives_the_time_elapsed_by_each_step(map_file, tmp_path):
    done = cjm("render", str(map_file), "--time-axis", "-o", str(tmp_path / "out.svg"))
    assert done.returncode == 0, done.stderr
    svg = (tmp_path / "out.svg").read_text(encoding="utf-8")
    ruler = re.search(r'<g class="cjm-time-axis">.*?\n</g>', svg, re.S)[0]
    # call starts after its 20 min wait; book after call's 12 min; visit after 2 days more
    assert svg_texts(ruler) == ["Elapsed time", "+20 min", "+32 min", "+2 d 37 min"]
    assert "cjm-time-axis" not in render(MAP, "svg")


def test_time_axis_is_under_every_row_of_a_wrapped_map():
    svg = render(MAP, "svg", width=400, time_axis=True)
    rulers = re.findall(r'<g class="cjm-time-axis">.*?\n</g>', svg, re.S)
    assert len(rulers) == svg.count('<g class="cjm-row">') > 1
    assert [t for ruler in rulers for t in svg_texts(ruler) if t.startswith("+")] == [
        "+20 min", "+32 min", "+2 d 37 min"]


def test_time_axis_comes_from_the_config_and_the_command_line_can_turn_it_off(map_file):
    (map_file.parent / "cjm.toml").write_text("time_axis = true\n", encoding="utf-8")
    assert cjm("render", str(map_file)).returncode == 0
    assert "cjm-time-axis" in map_file.with_suffix(".svg").read_text(encoding="utf-8")
    assert cjm("render", str(map_file), "--no-time-axis").returncode == 0
    assert "cjm-time-axis" not in map_file.with_suffix(".svg").read_text(encoding="utf-8")


def test_time_axis_in_the_config_must_be_true_or_false(map_file):
    (map_file.parent / "cjm.toml").write_text('time_axis = "yes"\n', encoding="utf-8")
    done = cjm("render", str(map_file))
    assert done.returncode == 1
    assert "cjm.toml:1:13: error[E062]: `time_axis` must be true or false, not text" in done.stderr
    assert "such as time_axis = true" in done.stderr


def test_time_axis_is_a_usage_error_for_a_format_without_a_layout(map_file):
    done = cjm("render", str(map_file), "-f", "json", "--time-axis")
    assert done.returncode == 2
    assert done.stderr.startswith("cjm: error: --time-axis does not apply to -f json")


# ── every list ───────────────────────────────────────────────────────────────
def test_html_lists_fail_points_and_times_in_the_details_and_their_sections():
    page = render(MAP, "html")
    fails = re.search(r'<section id="cjm-fails".*?</section>', page, re.S)[0]
    assert "<th scope=\"row\">Calls support</th><td>Report</td><td>Actions</td>" \
           "<td>Describes the fault</td>" in fails
    assert "Calendar shows booked slots as free" in fails
    time = re.search(r'<section id="cjm-time".*?</section>', page, re.S)[0]
    assert "<th scope=\"row\">Engineer visits</th><td>Fix</td><td>2 days</td><td>3 h</td>" \
           "<td>+2 d 37 min</td>" in time
    details = re.search(r'<div id="cjm-tp-call">.*?</div>', page, re.S)[0]
    assert "<strong>Time:</strong> wait 20 min · 12 min" in details
    assert "Fail point: Agent cannot see the line test" in details
    assert 'href="#cjm-fails"' in page and 'href="#cjm-time"' in page


def test_html_of_a_map_without_them_has_neither_section():
    plain = re.sub(r' fail "[^"]*"|\s*(time|wait) "[^"]*"', "", MAP)
    page = render(plain, "html")
    assert 'id="cjm-fails"' not in page and 'id="cjm-time"' not in page


def test_markdown_lists_fail_points_and_the_time_table():
    text = render(MAP, "md")
    assert ("- **Calls support** (Report), Actions: Describes the fault — **fails:** Agent "
            "cannot see the line test") in text
    assert "| **Books a visit** | Report |   | 5 min | +32 min |" in text


def test_show_counts_and_lists_fail_points_with_each_steps_time(map_file):
    done = cjm("show", str(map_file), "--width", "120")
    assert done.returncode == 0, done.stderr
    assert "2 fail points" in done.stdout
    assert "Calls support · Phone · wait 20 min · 12 min" in done.stdout
    assert "F fails: Agent cannot see the line test (actions: Describes the fault)" in done.stdout


def test_the_flow_view_marks_fail_points_and_times():
    dot = render(MAP, "dot")
    assert "<B>F</B> Agent cannot see the line<BR/>test" in dot
    assert "Fail point: Calendar shows booked slots as free" in dot  # the tooltip
    assert ">wait 2 days · 3 h</FONT>" in dot


def test_fail_and_time_round_trip_through_the_formatter(map_file):
    messy = MAP.replace('  time "12 min"\n', '').replace(
        'action "Describes the fault" fail "Agent cannot see the line test"',
        'action "Describes the fault"   fail   "Agent cannot see the line test" time  "12 min"')
    done = cjm("fmt", "-", stdin=messy)
    assert done.returncode == 0, done.stderr
    assert ('      action "Describes the fault" fail "Agent cannot see the line test"\n'
            '      time "12 min"\n') in done.stdout
    assert parse(done.stdout) == parse(messy)
