"""`flow` statements: their syntax, their model and JSON, and the steps the flow view draws.

Diagnostics for flows (E022, E012 and E016 in a flow, syntax hints) are in the table of
tests/test_diagnostics.py with every other code.
"""
from __future__ import annotations

import json
import textwrap

import cjmdsl
from cjmdsl import model as m
from cjmdsl.facts.flows import Step, steps


def cjm(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


SHOP = cjm("""
    map "Shop" {
      persona maya "Maya, parent"
      persona tom "Tom, student"
      stage find "Find" {
        touchpoint ad "Sees an ad" { channel social emotion maya 1 }
        touchpoint search "Searches" { channel search emotion tom 0 }
      }
      stage buy "Buy" {
        touchpoint checkout "Checkout" { channel web emotion maya -2 emotion tom 1 }
        touchpoint reminder "Reminder email" { channel email emotion maya 0 }
      }
    %s
    }
    """)


def journey_with(flows: str = "") -> m.Journey:
    return cjmdsl.parse(SHOP % textwrap.indent(cjm(flows), "  "))


# ── syntax and model ────────────────────────────────────────────────────────
def test_flow_reads_start_steps_labels_and_exit():
    journey = journey_with("""
        flow checkout -> reminder "abandons" -> checkout "returns" -> exit "leaves"
        """)
    assert journey.flows == (m.Flow(
        start="checkout",
        steps=(m.FlowStep("reminder", "abandons"), m.FlowStep("checkout", "returns"),
               m.FlowStep(None, "leaves")),
    ),)
    assert journey.flows[0].steps[-1].is_exit


def test_flow_names_its_personas_before_a_colon():
    [flow] = journey_with("flow maya, tom: ad -> checkout").flows
    assert flow.personas == ("maya", "tom")
    assert [s.to for s in flow.steps] == ["checkout"]


def test_flow_may_span_several_lines():
    [flow] = journey_with("""
        flow maya: ad
          -> checkout "buys"
          -> reminder
        """).flows
    assert [(s.to, s.label) for s in flow.steps] == [("checkout", "buys"), ("reminder", None)]


def test_flow_spans_point_at_what_was_written():
    journey = journey_with('flow tom: search -> exit "gives up"')
    [flow] = journey.flows
    source = (SHOP % '  flow tom: search -> exit "gives up"\n').splitlines()
    line = source[flow.span.line - 1]
    at = lambda span: line[span.column - 1:span.end_column - 1]  # noqa: E731
    assert at(flow.start_span) == "search"
    assert at(flow.persona_spans[0]) == "tom"
    assert at(flow.steps[0].to_span) == "exit"
    assert at(flow.steps[0].span) == '-> exit "gives up"'


def test_exit_is_a_keyword_only_after_an_arrow():
    journey = cjmdsl.parse(cjm("""
        map "M" {
          stage exit "Exit stage" { touchpoint leave "Leaves" { channel web } }
          flow leave -> exit
        }
        """))
    assert journey.flows[0].steps[0].is_exit
    assert journey.stages[0].id == "exit"


def test_flows_are_exported_to_json_with_spans():
    journey = journey_with('flow maya: ad -> checkout "buys" -> exit')
    [flow] = json.loads(cjmdsl.render(journey, "json"))["journey"]["flows"]
    assert flow["start"] == "ad" and flow["personas"] == ["maya"]
    assert [(s["to"], s["label"]) for s in flow["steps"]] == [("checkout", "buys"), (None, None)]
    assert flow["persona_spans"][0]["column"] > 0


def test_a_map_without_flows_exports_an_empty_list():
    assert json.loads(cjmdsl.render(journey_with(), "json"))["journey"]["flows"] == []


# ── the steps the flow view draws ───────────────────────────────────────────
def test_without_flows_each_persona_walks_its_emotions_in_file_order():
    assert steps(journey_with()) == [
        Step("ad", "checkout", "maya"), Step("checkout", "reminder", "maya"),
        Step("search", "checkout", "tom"),
    ]


def test_a_persona_flow_replaces_that_personas_file_order_path_only():
    found = steps(journey_with('flow maya: ad -> reminder "clicks the email"'))
    assert found == [Step("ad", "reminder", "maya", "clicks the email"),
                     Step("search", "checkout", "tom")]


def test_a_flow_without_personas_is_drawn_beside_the_personas_paths():
    found = steps(journey_with('flow checkout -> reminder "abandons" -> checkout "returns"'))
    assert found[:2] == [Step("checkout", "reminder", None, "abandons"),
                         Step("reminder", "checkout", None, "returns")]
    assert Step("ad", "checkout", "maya") in found and Step("search", "checkout", "tom") in found


def test_exit_is_a_step_to_nowhere_and_the_path_goes_on_from_the_last_touchpoint():
    found = steps(journey_with("flow tom: search -> exit"))
    assert found == [Step("search", None, "tom"), Step("ad", "checkout", "maya"),
                     Step("checkout", "reminder", "maya")]


def test_a_flow_for_two_personas_is_a_step_for_each():
    found = steps(journey_with("flow maya, tom: ad -> checkout"))
    assert found == [Step("ad", "checkout", "maya"), Step("ad", "checkout", "tom")]


def test_repeated_steps_are_drawn_once():
    found = steps(journey_with("flow maya: ad -> checkout\nflow maya: ad -> checkout"))
    assert found == [Step("ad", "checkout", "maya"), Step("search", "checkout", "tom")]


def test_a_map_without_flows_or_emotions_reads_in_file_order():
    journey = cjmdsl.parse(cjm("""
        map "M" {
          stage a "A" { touchpoint one "One" { channel web } touchpoint two "Two" { channel web } }
          stage b "B" { touchpoint three "Three" { channel web } }
        }
        """))
    assert steps(journey) == [Step("one", "two"), Step("two", "three")]

