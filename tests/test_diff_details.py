"""`cjm diff` of the newer language: declared sources and what cites them, metrics, the ids,
personas, links and scores of pains and opportunities, notes and motivations, channels, the
map's metadata and tags.

One golden diff between two hand-made versions of a map that uses all of them
(tests/fixtures/diff-evidence-*.cjm), in text, Markdown and JSON; then one small edit per
kind of change, asserting the sentence a reviewer reads and the record behind it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import cjm
from test_golden import GOLDEN, check_golden

from cjmdsl.review import diff_format
from cjmdsl.api import parse
from cjmdsl.review.diff import (Added, EntryChanged, FindingEdited, MetricChanged, Removed,
                                Renamed, SourceChanged, SourceEdited, TextChanged, diff)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SUFFIXES = {"text": "txt", "markdown": "md", "json": "json"}

SHOP = '''map "Shop" {
  owner "CX team"
  status "draft"
  tags checkout, "Q3 2026"
  source q3_survey survey "Q3 checkout survey" { n 212 collected 2026-09 }
  source calls interview "Support calls, week 12"
  persona maya "Maya, busy parent"
  persona tom "Tom, student"
  stage buy "Purchase" {
    note "Most orders are placed in the evening"
    touchpoint checkout "Checkout" {
      channel web
      action "Enters a voucher" source calls
      motivation "Wants the order done before pick-up"
      emotion maya -2 "confused" source q3_survey
      emotion tom -1
      metric csat 3.9 of 5 higher target 4.2 source q3_survey
      pain fees "Fees appear late" for maya source q3_survey
      opportunity early "Show fees early" addresses fees owner "Web team" impact high effort low
    }
  }
}
'''


def edit(*replacements: tuple[str, str]) -> str:
    text = SHOP
    for before, after in replacements:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    return text


def changed(after: str):
    return diff(parse(SHOP), parse(after))


def as_text(found) -> str:
    return diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])


def as_markdown(found) -> str:
    return diff_format.markdown([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])


def as_records(found) -> list[dict]:
    data = json.loads(diff_format.as_json([diff_format.FileDiff("shop.cjm", "shop.cjm", found)]))
    return data["maps"][0]["changes"]


@pytest.mark.parametrize("output", SUFFIXES)
def test_the_diff_of_the_evidence_map_matches_its_golden(output, regen_golden):
    run = cjm("diff", "diff-evidence-before.cjm", "diff-evidence-after.cjm", "--format", output,
              cwd=FIXTURES)
    assert (run.code, run.stderr) == (0, "")
    check_golden(GOLDEN / "diff" / f"evidence.{SUFFIXES[output]}", run.stdout.decode(),
                 regen_golden)


# ── declared sources and citations ──────────────────────────────────────────
def test_a_declared_source_with_a_new_sample_date_and_address_says_each():
    found = changed(edit(('{ n 212 collected 2026-09 }',
                          '{ n 340 collected 2026-11 url "https://example.com/q3" }')))
    (record,) = found.of(SourceEdited)
    assert record.parts == (("n", "212", "340"), ("collected", "2026-09", "2026-11"),
                            ("url", None, "https://example.com/q3"))
    assert ("~ Source “Q3 checkout survey” (q3_survey): n 212 → 340; collected 2026-09 → "
            "2026-11; url none → https://example.com/q3") in as_text(found)
    assert "1 source edited" in as_text(found)
    assert found.of(SourceChanged) == ()  # what cites it cites the same source


def test_removing_the_only_evidence_for_a_pain_is_bad_news_at_the_top_of_the_comment():
    found = changed(edit((' for maya source q3_survey', ' for maya')))
    text = as_text(found)
    assert ("- Pain point “Fees appear late” at Checkout lost its evidence: survey “Q3 checkout "
            "survey”") in text
    summary = as_markdown(found).split("<details>")[0]
    assert "\\- Pain point “Fees appear late” at Checkout lost its evidence" in summary


def test_a_removed_source_and_the_claims_that_cited_it_are_both_reported():
    found = changed(edit(('  source calls interview "Support calls, week 12"\n', ''),
                         (' source calls', '')))
    assert [(r.what, r.item.id) for r in found.of(Removed)] == [("source", "calls")]
    text = as_text(found)
    assert "- Source removed: “Support calls, week 12”" in text
    assert ("- Action “Enters a voucher” at Checkout lost its evidence: interview “Support "
            "calls, week 12”") in text
    assert "1 source removed" in text


def test_a_new_source_cited_by_a_metric_and_an_emotion_losing_its_citation():
    found = changed(edit(('  persona maya', '  source funnel analytics "Checkout funnel"\n'
                          '  persona maya'),
                         ('target 4.2 source q3_survey', 'target 4.2 source funnel'),
                         ('"confused" source q3_survey', '"confused"')))
    assert [(r.what, r.item.name) for r in found.of(Added)] == [("source", "Checkout funnel")]
    text = as_text(found)
    assert "+ New source: “Checkout funnel”" in text
    assert ("~ Metric csat at Checkout has other evidence: survey “Q3 checkout survey” → "
            "analytics “Checkout funnel”") in text
    assert "- Maya's emotion at Checkout lost its evidence: survey “Q3 checkout survey”" in text


def test_a_source_with_a_new_id_is_renamed_not_removed_and_added():
    found = changed(SHOP.replace("q3_survey", "survey_q3"))
    assert [(r.what, r.before.id, r.after.id) for r in found.of(Renamed)] == \
        [("source", "q3_survey", "survey_q3")]
    assert found.of(Added) == found.of(Removed) == ()
    assert "Source “Q3 checkout survey” has a new id: q3_survey → survey_q3" in as_text(found)


# ── metrics ─────────────────────────────────────────────────────────────────
def test_a_metric_that_reaches_its_target_says_it_now_meets_it():
    found = changed(edit(('csat 3.9 of 5', 'csat 4.3 of 5')))
    (record,) = found.of(MetricChanged)
    assert (record.before.value, record.after.value, record.after.met) == (3.9, 4.3, True)
    assert ("↑ Metric csat at Checkout: 3.9 of 5 → 4.3 of 5 (now meets its target ≥\u00a04.2)"
            in as_text(found))
    (data,) = as_records(found)
    assert (data["change"], data["section"], data["after"]["met"]) == \
        ("metric_changed", "metrics", True)


def test_a_metric_that_falls_below_its_target_is_bad_news():
    found = diff(parse(edit(('csat 3.9 of 5', 'csat 4.5 of 5'))), parse(SHOP))
    assert ("↓ Metric csat at Checkout: 4.5 of 5 → 3.9 of 5 (no longer meets its target ≥\u00a04.2)"
            in as_text(found))


def test_metrics_added_and_removed_at_a_touchpoint_and_a_stage():
    found = changed(edit(('      metric csat 3.9 of 5 higher target 4.2 source q3_survey\n',
                          '      metric conversion 34%\n'),
                         ('    note "Most orders', '    metric drop_off 12% lower\n'
                          '    note "Most orders')))
    text = as_text(found)
    assert "+ New metric at stage Purchase: drop off 12%" in text
    assert "+ New metric at Checkout: conversion 34%" in text
    assert "- Metric removed from Checkout: csat 3.9 of 5 · Target ≥\u00a04.2 · missed" in text
    assert "3 metric changes" in text


# ── pains and opportunities ─────────────────────────────────────────────────
def test_the_personas_a_pain_is_for_are_named():
    found = changed(edit(('for maya source', 'for maya, tom source')))
    (record,) = found.of(FindingEdited)
    assert (record.part, record.before, record.after) == \
        ("for", ("Maya, busy parent",), ("Maya, busy parent", "Tom, student"))
    assert ("~ Pain point “Fees appear late” at Checkout is now for Maya, Tom (was for Maya)"
            in as_text(found))


def test_an_opportunity_reworded_keeps_its_id_and_is_not_added_and_dropped():
    found = changed(edit(('"Show fees early"', '"Show every fee on the first page"')))
    assert found.status == "changed" and len(found.changes) == 1
    assert ("~ Opportunity at Checkout reworded: “Show fees early” → “Show every fee on the "
            "first page”") in as_text(found)


def test_scores_ids_and_links_of_an_opportunity():
    found = changed(edit(('impact high effort low', 'impact medium effort low'),
                         ('opportunity early ', 'opportunity upfront '),
                         ('addresses fees ', '')))
    parts = [(r.part, r.before, r.after) for r in found.of(FindingEdited)]
    assert parts == [("id", "early", "upfront"), ("addresses", ("Fees appear late",), ()),
                     ("impact", "high", "medium")]
    text = as_text(found)
    assert "Opportunity “Show fees early” at Checkout: impact high → medium" in text
    assert "Opportunity “Show fees early” at Checkout: id early → upfront" in text
    assert ("Opportunity “Show fees early” at Checkout now addresses no pain point (was "
            "“Fees appear late”)") in text
    assert "1 pain point or opportunity edited" in text


# ── notes, motivations, channels, metadata ──────────────────────────────────
def test_notes_and_motivations_added_and_removed():
    found = changed(edit(('before pick-up', 'before the school run'),
                         ('    note "Most orders are placed in the evening"\n', ''),
                         ('  tags', '  note "From the Q3 research"\n  tags')))
    assert [(r.what, r.where, r.added) for r in found.of(EntryChanged)] == \
        [("note", "map", True), ("note", "stage", False), ("motivation", "touchpoint", True),
         ("motivation", "touchpoint", False)]
    text = as_text(found)
    assert "Notes and motivations" in text
    assert "+ New note on the map: “From the Q3 research”" in text
    assert "- Note removed from stage Purchase: “Most orders are placed in the evening”" in text
    assert "+ New motivation at Checkout: “Wants the order done before the school run”" in text
    assert "- Motivation removed from Checkout: “Wants the order done before pick-up”" in text


def test_a_channel_added_to_a_touchpoint():
    found = changed(edit(('channel web', 'channel web, app')))
    assert "+ New channel at Checkout: Mobile app" in as_text(found)
    assert "1 channel added" in as_text(found)


def test_blueprint_items_actors_fail_points_times_and_to_be_are_compared():
    found = changed(edit(
        ('  persona maya', '  actor clerk "Booking clerk" { team "Front desk" }\n  persona maya'),
        ('      channel web\n', '      channel web\n      time "3 min"\n'
                             '      frontstage "Checks the voucher" by clerk\n'
                             '      future maya +1 "relieved"\n'),
        ('action "Enters a voucher" source calls',
         'action "Enters a voucher" source calls fail "Voucher field rejects spaces"')))
    assert sorted((r.what, r.where, r.added) for r in found.of(EntryChanged)) == [
        ("actor", "map", True), ("fail", "touchpoint", True),
        ("frontstage", "touchpoint", True), ("future", "touchpoint", True),
        ("time", "touchpoint", True)]
    text = as_text(found)
    assert "+ New actor on the map: “Booking clerk (Front desk)”" in text
    assert "+ New frontstage action at Checkout: “Checks the voucher (by clerk)”" in text
    assert ("+ New fail point at Checkout: “Enters a voucher: Voucher field rejects spaces”"
            in text)
    assert "+ New time at Checkout: “3 min”" in text
    assert "+ New to-be at Checkout: “maya +1 (relieved)”" in text
    assert "1 frontstage action added" in text and "1 fail point added" in text


def test_the_maps_owner_status_version_and_tags():
    found = changed(edit(('owner "CX team"', 'owner "Growth team"\n  version "2.0"'),
                         ('"Q3 2026"', '"Q4 2026"')))
    assert [(r.field, r.before, r.after) for r in found.of(TextChanged)] == \
        [("owner", "CX team", "Growth team"), ("version", None, "2.0")]
    text = as_text(found)
    assert "~ Owner: “CX team” → “Growth team”" in text
    assert "+ New tag on the map: Q4 2026" in text
    assert "- Tag removed from the map: Q3 2026" in text
    assert "2 map detail changes" in text
    comment = as_markdown(found)
    assert "#### Map" in comment and "\\+ New tag on the map: Q4 2026" in comment


def test_the_drawing_marks_a_touchpoint_whose_metric_moved(tmp_path):
    import xml.etree.ElementTree as ET

    (tmp_path / "old.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "new.cjm").write_text(edit(('csat 3.9 of 5', 'csat 4.3 of 5')), encoding="utf-8")
    run = cjm("diff", "old.cjm", "new.cjm", "--svg", "out.svg", cwd=tmp_path)
    assert run.code == 0
    svg = ET.parse(tmp_path / "out.svg").getroot()
    marks = {g.get("data-touchpoint"): g.get("data-change")
             for g in svg.iterfind(".//{http://www.w3.org/2000/svg}g[@data-change]")}
    assert marks == {"checkout": "changed"}


def test_what_an_emotion_is_measured_from_and_its_responses_are_compared():
    found = changed(edit(('emotion maya -2 "confused" source q3_survey',
                          'emotion maya -2 "confused" source q3_survey n 212 sd 1.2'),
                         ("      emotion tom -1\n", "      emotion tom from csat\n")))
    entries = sorted((r.what, r.text, r.added) for r in found.of(EntryChanged))
    assert entries == [("measured", "maya n 212 · sd 1.2", True),
                       ("measured", "tom from csat", True)]
    text = as_text(found)
    assert "+ New measurement at Checkout: “maya n 212 · sd 1.2”" in text
    assert "2 measurements added" in text


def test_the_stage_a_kpi_belongs_to_is_compared():
    kpi = '  kpi conversion "Conversion" value 34% higher target 45%\n}\n'
    before = SHOP[:SHOP.rindex("}")] + kpi
    after = before.replace("target 45%\n", "target 45% at buy\n")
    found = diff(parse(before), parse(after))
    assert [(r.what, r.text, r.added) for r in found.of(EntryChanged)] == [
        ("kpi_stage", "Conversion at Purchase", True)]
    assert "+ New KPI of a stage on the map: “Conversion at Purchase”" in as_text(found)


def test_the_personas_an_opportunity_aims_at_are_named():
    planned = edit(("      emotion tom -1\n", "      emotion tom -1\n      future maya +1\n"))
    aimed = planned.replace("impact high effort low", "impact high effort low aims maya")
    found = diff(parse(planned), parse(aimed))
    edits = [(r.part, r.before, r.after) for r in found.of(FindingEdited)]
    assert edits == [("aims", (), ("Maya, busy parent",))]


def test_a_linked_map_added_to_a_touchpoint(tmp_path):
    (tmp_path / "detail.cjm").write_text(
        'map "Detail" {\n  persona maya "Maya"\n  stage s "S" {\n'
        '    touchpoint t "T" { channel web emotion maya 0 }\n  }\n}\n', encoding="utf-8")
    linked = edit(("      channel web\n", '      channel web\n      details "detail.cjm"\n'))
    found = diff(parse(SHOP), parse(linked, path=tmp_path / "shop.cjm"))
    assert [(r.what, r.text, r.added) for r in found.of(EntryChanged)] == [
        ("details", "detail.cjm", True)]
