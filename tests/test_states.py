"""Emotions from data and as-is/to-be states (issue 17 parts 3 and 4): `emotion maya from
csat`, the responses behind an emotion and their spread (`n 212 sd 1.2`), the to-be state
(`future maya +1`), what aims at it (`aims maya`), and how every output shows them."""
from __future__ import annotations

import json
import textwrap

import pytest

from cjmdsl.api import check, render
from cjmdsl.language.format import format_text


def cjm(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def touchpoint(body: str, personas: str = 'persona maya "Maya"') -> str:
    """A map of one touchpoint whose body is `body`."""
    inner = textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 6)
    return (f'map "M" {{\n  {personas}\n  stage s "S" {{\n    touchpoint t "T" {{\n'
            f"      channel web\n{inner}\n    }}\n  }}\n}}\n")


def errors(text: str) -> list[tuple[str, str, str]]:
    return [(d.code, d.message, d.hint) for d in check(text).diagnostics if d.is_error]


def exported(text: str) -> dict:
    return json.loads(render(text, "json"))["journey"]


def emotion_values(text: str) -> list[float]:
    return [e["value"] for e in exported(text)["stages"][0]["touchpoints"][0]["emotions"]]


# ── emotions from a metric ─────────────────────────────────────────────────
@pytest.mark.parametrize("metric, expected", [
    ("metric csat 3.9 of 5", 0.9),  # a score of 5 runs 1 .. 5, onto -2 .. 2
    ("metric csat 5 of 5", 2),
    ("metric conversion 75%", 1),  # a percentage runs 0 .. 100
    ("metric drop_off 25% lower", 1),  # better lower: fewer drop-offs feel better
])
def test_an_emotion_from_a_metric_maps_its_range_onto_the_scale(metric, expected):
    name = metric.split()[1]
    assert emotion_values(touchpoint(f"{metric}\nemotion maya from {name}")) == [expected]


def test_an_emotion_from_a_score_follows_the_maps_own_scale():
    text = touchpoint("metric csat 4 of 5\nemotion maya from csat").replace(
        'persona maya "Maya"', 'scale 1 .. 10\n  persona maya "Maya"')
    assert emotion_values(text) == [7.75]


def test_an_unknown_metric_suggests_the_nearest_at_the_touchpoint():
    text = touchpoint("metric csat 3.9 of 5\nemotion maya from csta")
    assert errors(text) == [("E100", "unknown metric `csta` at touchpoint `t`",
                             "did you mean `csat`?")]


def test_an_unknown_metric_at_a_touchpoint_without_metrics_says_how_to_add_one():
    assert errors(touchpoint("emotion maya from csat")) == [
        ("E100", "unknown metric `csat` at touchpoint `t`",
         "add the metric to touchpoint `t`, such as `metric csat 3.9 of 5`")]


@pytest.mark.parametrize("metric, message", [
    ('metric ttv 4 unit "days"', "metric `ttv` has no range to read an emotion off"),
    ("metric ttv 4", "metric `ttv` has no range to read an emotion off"),
    ("metric ttv 6 of 5", "metric `ttv` is 6, outside its range 1 .. 5"),
])
def test_a_metric_without_a_usable_range_is_one_error(metric, message):
    found = errors(touchpoint(f"{metric}\nemotion maya from ttv"))
    assert [(code, text) for code, text, _ in found] == [("E101", message)]


# ── responses and their spread ─────────────────────────────────────────────
def test_json_carries_the_responses_and_spread_of_an_emotion():
    text = touchpoint("emotion maya +1 n 212 sd 1.2", 'persona maya "Maya"')
    (emotion,) = exported(text)["stages"][0]["touchpoints"][0]["emotions"]
    assert (emotion["responses"], emotion["sd"], emotion["low"], emotion["high"]) == (
        212, 1.2, None, None)
    ranged = exported(touchpoint("emotion maya -1 n 40 range -2 .. +1"))
    (emotion,) = ranged["stages"][0]["touchpoints"][0]["emotions"]
    assert (emotion["responses"], emotion["low"], emotion["high"]) == (40, -2, 1)


@pytest.mark.parametrize("line, code, message", [
    ("emotion maya +1 n 2 sd -1", "E102", "a standard deviation cannot be negative (-1)"),
    ("emotion maya +1 n 9 range 2 .. 0", "E102", "the range +2 .. 0 runs backwards"),
    ("emotion maya +1 n 9 range -1 .. 3", "E102", "the range -1 .. +3 leaves the scale"),
    ("emotion maya +1 n 9 range -2 .. 0", "E102",
     "the range -2 .. 0 does not hold the emotion +1"),
    ("emotion maya +1 n 1 sd 1", "E102", "one response has no spread"),
    ("emotion maya +1 n 0", "E102", "the number of responses must be a whole number of at "
                                    "least 1, not 0"),
    ("emotion maya +1 sd 1 range 0 .. 2", "E102",
     "the spread is given twice, as `sd` and as `range`"),
])
def test_a_spread_that_cannot_be_is_one_error(line, code, message):
    assert [(c, m) for c, m, _ in errors(touchpoint(line))] == [(code, message)]


def test_a_spread_cannot_follow_a_pain_point():
    ((code, message, _),) = errors(touchpoint('emotion maya 0\npain "Slow" sd 1'))
    assert (code, message.split(";")[0]) == ("E001", "unexpected keyword `sd`")


# ── the to-be state ────────────────────────────────────────────────────────
PLANNED = cjm("""
    map "Planned" {
      persona maya "Maya"
      persona tom "Tom"
      stage buy "Buy" {
        touchpoint cart "Cart" {
          channel web
          emotion maya -2 "confused"
          future maya +1 "confident"
          emotion tom 0
          opportunity "Show fees early" aims maya
        }
        touchpoint pay "Pay" {
          channel web
          emotion maya -1
          emotion tom -1
          future tom +1
        }
        action_item "Simplify payment" aims tom
      }
    }
    """)


def test_json_carries_each_to_be_with_its_planned_improvement():
    stage = exported(PLANNED)["stages"][0]
    cart, pay = stage["touchpoints"]
    assert [(f["persona"], f["value"], f["word"], f["improvement"]) for f in cart["futures"]] == [
        ("maya", 1, "confident", 3)]
    assert [(f["persona"], f["improvement"]) for f in pay["futures"]] == [("tom", 2)]
    assert cart["opportunities"][0]["aims"] == ["maya"]
    assert stage["action_items"][0]["aims"] == ["tom"]


def test_a_to_be_without_an_as_is_emotion_warns_that_no_improvement_shows():
    (warning,) = [d for d in check(touchpoint("future maya +1")).diagnostics
                  if d.code == "W190"]
    assert warning.message == "`maya` has a to-be at `t` but no emotion"
    assert warning.hint == "add `emotion maya …` for the as-is, so the improvement shows"


def test_aiming_at_a_persona_without_a_to_be_there_is_an_error():
    text = PLANNED.replace('opportunity "Show fees early" aims maya',
                           'opportunity "Show fees early" aims tom')
    assert errors(text) == [("E103", "`tom` has no to-be in touchpoint `cart` to aim at",
                             "add `future tom …` beside `emotion tom …` in it")]


def test_aiming_at_an_unknown_persona_suggests_the_nearest():
    text = PLANNED.replace('action_item "Simplify payment" aims tom',
                           'action_item "Simplify payment" aims tim')
    assert errors(text) == [("E012", "unknown persona `tim`", "did you mean `tom`?")]


def test_a_to_be_outside_the_scale_is_an_error():
    assert [c for c, _, _ in errors(touchpoint("emotion maya 0\nfuture maya +3"))] == ["E013"]


def test_aims_cannot_follow_a_pain_point():
    assert errors(touchpoint('emotion maya 0\nfuture maya 1\npain "Slow" aims maya')) == [
        ("E020", "`aims` cannot follow pain", "`aims` belongs to an opportunity or an action item")]


# ── the formatter ──────────────────────────────────────────────────────────
def test_the_formatter_writes_the_new_statements_in_canonical_form():
    text = touchpoint("""
        metric csat   3.9 of 5
        emotion maya from   csat "ok" n 0212 sd 1.20
        future maya 1 "better"
        opportunity "Fix" aims maya
        """).replace("emotion maya from   csat", "emotion  maya from   csat")
    formatted = format_text(text)
    assert '      emotion maya from csat "ok" n 212 sd 1.2\n' in formatted
    assert '      future maya +1 "better"\n' in formatted
    assert '      opportunity "Fix" aims maya\n' in formatted
    ranged = format_text(touchpoint("emotion maya -1 n 40 range -2..1"))
    assert "      emotion maya -1 n 40 range -2 .. +1\n" in ranged


# ── drawing and reporting ──────────────────────────────────────────────────
SVG = "{http://www.w3.org/2000/svg}"


def drawn(text: str, **options):
    import xml.etree.ElementTree as ET

    return ET.fromstring(render(text, "svg", **options))


def groups(root, name: str) -> list:
    return [g for g in root.iter(f"{SVG}g") if name in (g.get("class") or "").split()]


def test_the_svg_draws_each_personas_to_be_curve_labelled_with_the_improvement_hatched():
    root = drawn(PLANNED)
    curves = groups(root, "cjm-to-be")
    assert [g.get("data-persona") for g in curves] == ["maya", "tom"]
    words = {g.get("data-persona"): "|".join(t.strip() for t in g.itertext() if t.strip())
             for g in groups(root, "cjm-to-be-words")}
    # each curve tagged "to-be", Maya's planned word written at the cart
    assert words == {"maya": "confident|to-be", "tom": "to-be"}
    for curve in curves:
        hatch = [p for p in curve.iter(f"{SVG}path")
                 if "cjm-improvement" in (p.get("class") or "")]
        assert hatch and all(p.get("fill") == "none" and p.get("fill-opacity") is None
                             for p in hatch), "the improvement is stroked, never a fill"
        assert all(p.get("stroke-dasharray") is None for p in curve.iter(f"{SVG}path"))
    # hollow markers where a to-be is planned: Maya's at the cart, Tom's at the payment
    planned = [(g.get("data-persona"), m.get("data-touchpoint")) for g in curves
               for m in g.iter(f"{SVG}g") if m.get("data-touchpoint")]
    assert planned == [("maya", "cart"), ("tom", "pay")]


@pytest.mark.parametrize("state", ["as_is", "to_be"])
def test_one_state_draws_one_curve_per_persona(state):
    root = drawn(PLANNED, state=state)
    assert groups(root, "cjm-to-be") == []
    assert [g.get("data-persona") for g in groups(root, "cjm-curve")] == ["maya", "tom"]


def test_the_to_be_state_shows_the_planned_emotions_where_the_as_is_was():
    as_planned = json.loads(render(PLANNED, "json", state="to_be"))["journey"]
    cart, pay = as_planned["stages"][0]["touchpoints"]
    assert [(e["persona"], e["value"], e["word"]) for e in cart["emotions"]] == [
        ("maya", 1, "confident"), ("tom", 0, None)]
    assert [(e["persona"], e["value"]) for e in pay["emotions"]] == [("maya", -1), ("tom", 1)]
    assert cart["futures"] == pay["futures"] == []


def test_the_svg_draws_a_spread_bar_only_where_several_responses_spread():
    text = PLANNED.replace('emotion tom 0\n', 'emotion tom 0 n 212 sd 1.2\n').replace(
        "emotion maya -1\n", "emotion maya -1 n 1\n")
    bars = groups(drawn(text), "cjm-spread")
    assert [(g.get("data-touchpoint"), g.get("data-persona"), g.find(f"{SVG}title").text)
            for g in bars] == [("cart", "tom", "n 212 · sd 1.2")]


def test_markdown_reports_the_planned_improvement_and_what_aims_at_it():
    report = render(PLANNED.replace("emotion tom 0\n", "emotion tom 0 n 212 sd 1.2\n"), "md")
    assert "## As-is and to-be\n" in report
    assert "| Cart | Maya | 😠 -2 | 🙂 +1 confident | **+3** | Show fees early |" in report
    assert "| Pay | Tom | 😟 -1 | 🙂 +1 | **+2** | Simplify payment |" in report
    assert "😐 0 (n 212 · sd 1.2)" in report


def test_the_html_gap_section_tables_the_planned_improvements_and_details_the_responses():
    page = render(PLANNED.replace("emotion tom 0\n", "emotion tom 0 n 212 sd 1.2\n"), "html")
    assert ("<th scope=\"row\">Cart</th><td>Maya</td><td>-2 (Angry)</td><td>+1 (Happy) "
            "“confident”</td><td class=\"cjm-gap cjm-better\">+3</td><td>Show fees early</td>"
            ) in page
    assert '(n 212 · sd 1.2)</span>' in page
    assert "to-be +1 (Happy) (planned improvement +3)" in page


def test_the_state_comes_from_the_command_line_else_the_config(tmp_path):
    import subprocess

    (tmp_path / "plan.cjm").write_text(PLANNED, encoding="utf-8")
    (tmp_path / "cjm.toml").write_text('state = "as_is"\n', encoding="utf-8")

    def futures(*options):
        run = subprocess.run(["cjm", "render", "plan.cjm", "-f", "json", "-o", "-", *options],
                             cwd=tmp_path, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        stages = json.loads(run.stdout)["journey"]["stages"]
        return [f["persona"] for tp in stages[0]["touchpoints"] for f in tp["futures"]]

    assert futures() == []
    assert futures("--state", "both") == ["maya", "tom"]
    (tmp_path / "cjm.toml").write_text('state = "tobe"\n', encoding="utf-8")
    run = subprocess.run(["cjm", "render", "plan.cjm", "-o", "-"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "error[E063]: unknown state `tobe`" in run.stderr
    assert "did you mean `to_be`?" in run.stderr


def legend_kinds(root) -> list[str]:
    return [g.get("class").removeprefix("cjm-key-") for g in root.iter(f"{SVG}g")
            if (g.get("class") or "").startswith("cjm-key-")]


def test_the_legend_keys_the_to_be_its_improvement_and_the_spread_only_when_drawn():
    spread = PLANNED.replace('emotion tom 0\n', 'emotion tom 0 n 212 sd 1.2\n')
    kinds = legend_kinds(drawn(spread))
    assert {"to_be", "improvement", "spread"} <= set(kinds)
    assert kinds.index("to_be") < kinds.index("improvement") < kinds.index("spread")
    root = drawn(spread)
    (key,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "cjm-key-improvement"]
    # hatched in each planning persona's colour, as the curves' shading is
    assert len([p for p in key.iter(f"{SVG}path")]) == 2
    assert "To-be (planned)" in "".join(drawn(spread).itertext())
    as_is = legend_kinds(drawn(PLANNED, state="as_is"))
    assert not {"to_be", "improvement", "spread"} & set(as_is)


def test_the_stages_view_draws_the_to_be_only_when_both_states_are_shown():
    import xml.etree.ElementTree as ET

    def to_be(state):
        root = ET.fromstring(render(PLANNED, "svg", view="stages", state=state))
        return [(g.get("data-persona"), len([p for p in g.iter(f"{SVG}path")]))
                for g in groups(root, "cjm-to-be")]

    assert to_be("both") == [("maya", 1), ("tom", 1)]
    assert to_be("as_is") == to_be("to_be") == []
