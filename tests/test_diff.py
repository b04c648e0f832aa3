"""`cjm diff`: what changed between two versions of a map, in words a product manager reads.

Golden diffs between each example and a hand-made edit of it (tests/golden/diff/), in text,
Markdown and JSON; properties over generated maps (a map against itself has no changes; the
counts of what was added and removed match the two models); git revisions and git's diff
driver in a temporary repository.
"""
from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, require_tool
from hypothesis import given
from test_cli import cjm
from test_golden import GOLDEN, check_golden
from test_properties import LIGHT, journeys

from cjmdsl import diff_format
from cjmdsl.api import parse
from cjmdsl.diff import (Added, FeelingChanged, FindingAdded, FindingRemoved, Moved, Removed,
                         Renamed, diff)

DIFF_GOLDEN = GOLDEN / "diff"

ADVOCACY = '''  stage advocacy "Advocacy" {
    goal "Turn happy customers into public references"
    brand "Make it easy and rewarding to recommend us"

    touchpoint g2_review "Writes a G2 review" {
      channel review
      action "Leaves a 5-star review after an in-app prompt"
      thought "Happy to help — this tool saved me hours."
      emotion jess +2 "proud"
    }

    touchpoint case_study "Joins a case study" {
      channel event
      action "Presents results at the Ledgerly customer summit"
      thought "Good for my profile, too."
      emotion priya +2 "proud"
      opportunity "Offer referral credits for peer introductions" owner "Customer marketing"
    }

    action_item "Start a customer advisory board" outcome "10 referenceable logos by Q4" owner "Customer success"
  }

'''

# Hand-made second versions of each example: (what is replaced, by what), in order.
EDITS = {
    "support-ticket": [  # renames, a move, feelings, a resolved pain, an owner, evidence dropped
        ('touchpoint agent_call "Talks to an agent"', 'touchpoint agent_call "Talks to a person"'),
        ('emotion sam 0 "calmer"', 'emotion sam +2 "calmer"'),
        ('emotion rita -2 "anxious"\n      expect rita 0',
         'emotion rita -1 "anxious"\n      expect rita -1'),
        ('      pain "Median wait of 38 minutes during outages" source analytics '
         '"Contact centre data, Q2"\n', ''),
        ('owner "Contact centre"', 'owner "Workforce planning"'),
        (' source review "App store reviews, 1–2 stars"', ''),
        ('stage fix "Resolution"', 'stage fix "Fix"'),
        ('''    touchpoint chat_bot "Asks the chat bot" {
      channel chat
      action "Types \\"internet down\\" into the help chat"
      thought "It keeps sending me the same restart guide."
      emotion sam -2 "stuck"
      expect sam 0
      pain "Bot loops on router tips and cannot hand over"
      opportunity "Offer a human hand-over after two failed answers" owner "Conversational AI team"
    }
''', ''),
        ('    touchpoint phone_queue', '''    touchpoint bot_chat "Asks the chat bot" {
      channel chat
      action "Types \\"internet down\\" into the help chat"
      thought "It keeps sending me the same restart guide."
      emotion sam -2 "stuck"
      expect sam 0
      pain "Bot loops on router tips and cannot hand over"
      opportunity "Offer a human hand-over after two failed answers" owner "Conversational AI team"
    }

    touchpoint phone_queue'''),
        ('-> chat_bot ->', '-> bot_chat ->'),
    ],
    "grocery-shop": [  # a deleted touchpoint, a new one with a pain, a persona, KPIs, the title
        ('map "First online grocery order — Basketful"', 'map "First grocery order — Basketful"'),
        ('''    touchpoint tracking_sms "Gets delivery updates" {
      channel sms
      action "Reads the one-hour window and driver ETA"
      thought "Good, I can still make it to pick-up."
      emotion maya +1 "reassured"
      emotion tom 0 "fine"
    }
''', '''    touchpoint driver_call "Driver calls ahead" {
      channel phone
      emotion maya -1 "interrupted"
      pain "The driver calls during work meetings" source interview "4 of 14 participants"
    }
'''),
        ('  stage awareness', '''  persona lena "Lena, pensioner" {
    goal "Heavy bags carried to the door"
  }

  stage awareness'''),
        ('emotion maya -2 "cheated"', 'emotion maya +1 "informed"\n      emotion lena -1 "lost"'),
        ('      pain "Delivery fee appears only at the last step" source survey '
         '"Q3 checkout survey, n=212"\n', ''),
        ('opportunity "Suggest cheaper own-brand swaps before payment" owner "Merchandising"\n',
         ''),
        ('value 11% higher target 15%', 'value 16% higher target 15%'),
        ('start 1200 end 780 target 70%', 'start 1200 end 800 target 70%'),
    ],
    "saas-onboarding": [  # a deleted stage, a touchpoint with a new id and name, KPIs, sources
        ('description "B2B expense management: buyer, admin and end user across the customer '
         'lifecycle"', 'description "B2B expense management from first click to advocate"'),
        ('touchpoint peer_referral "Hears from a peer"', 'touchpoint peer_group "Asks peers"'),
        ('emotion marco -2 "blocked"', 'emotion marco -3 "blocked"'),
        ('opportunity "Include SCIM in the Business plan" owner "Pricing committee"',
         'opportunity "Include SCIM in the Business plan" owner "Product management" '
         'source interview "5 of 8 admins"'),
        ('source survey "Onboarding survey, n=340"', 'source survey "Onboarding survey, n=410"'),
        ('  stage renewal "Renewal"', '  stage renew "Renewal"'),
        (ADVOCACY, ''),
        ('kpi churn "Annual gross churn" churn start 480 end 446 target 5%',
         'kpi churn "Annual gross churn" churn start 480 end 460 target 5%'),
        ('kpi nps "Net Promoter Score" value 42 higher target 50',
         'kpi nps "Net Promoter Score" value 51 higher target 50'),
    ],
}


def edited(example: Path) -> str:
    text = example.read_text(encoding="utf-8")
    for before, after in EDITS[example.stem]:
        assert text.count(before) == 1, f"{example.name}: the edit {before[:40]!r} no longer fits"
        text = text.replace(before, after)
    return text


def test_every_example_has_a_hand_made_edit():
    assert sorted(EDITS) == sorted(example.stem for example in EXAMPLES)


@pytest.fixture
def versions(tmp_path, request) -> tuple[Path, str]:
    """The folder with before/NAME.cjm and after/NAME.cjm for the example `request.param`."""
    example = request.param
    for side, text in (("before", example.read_text(encoding="utf-8")),
                       ("after", edited(example))):
        (tmp_path / side).mkdir()
        (tmp_path / side / example.name).write_text(text, encoding="utf-8")
    return tmp_path, example.name


SUFFIXES = {"text": "txt", "markdown": "md", "json": "json"}


@pytest.mark.parametrize("output", SUFFIXES)
@pytest.mark.parametrize("versions", EXAMPLES, ids=lambda p: p.stem, indirect=True)
def test_the_diff_of_each_edited_example_matches_its_golden(versions, output, regen_golden):
    folder, name = versions
    run = cjm("diff", f"before/{name}", f"after/{name}", "--format", output, cwd=folder)
    assert (run.code, run.stderr) == (0, "")
    check_golden(DIFF_GOLDEN / f"{Path(name).stem}.{SUFFIXES[output]}", run.stdout.decode(),
                 regen_golden)


# ── what the diff finds ─────────────────────────────────────────────────────
SHOP = '''map "Shop" {
  persona maya "Maya, busy parent"
  stage browse "Browse" {
    touchpoint ad "Sees an ad" { channel social emotion maya +1 }
  }
  stage buy "Purchase" {
    touchpoint checkout "Checkout" {
      channel web
      emotion maya -2 "confused"
      expect maya +1
      pain "Fees appear late" source survey "Q3 survey, n=212"
      opportunity "Show fees early" owner "Web team"
    }
  }
  kpi conversion "Conversion" value 11% higher target 15%
}
'''


def changed(before: str, after: str):
    return diff(parse(before), parse(after))


def test_a_feeling_that_moved_is_said_in_points_with_the_new_gap():
    found = changed(SHOP, SHOP.replace('maya -2 "confused"', 'maya +1 "confused"'))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert "↑ Maya feels 3 points better at Checkout: -2 → +1 (gap -3 → 0)" in text


def test_a_touchpoint_whose_id_changed_is_matched_by_its_name():
    found = changed(SHOP, SHOP.replace("touchpoint checkout", "touchpoint pay"))
    assert [(r.what, r.before.id, r.after.id, r.after.name) for r in found.of(Renamed)] == \
        [("touchpoint", "checkout", "pay", "Checkout")]
    assert found.of(Added) == found.of(Removed) == found.of(FindingAdded) == ()


def test_a_touchpoint_whose_id_and_name_changed_is_matched_by_its_place():
    found = changed(SHOP, SHOP.replace('touchpoint checkout "Checkout"', 'touchpoint pay "Pay"'))
    assert [(r.before.name, r.after.name) for r in found.of(Renamed)] == [("Checkout", "Pay")]
    assert found.of(Added) == found.of(Removed) == ()


def test_a_touchpoint_in_another_stage_is_reported_as_moved():
    moved = SHOP.replace('    touchpoint ad "Sees an ad" { channel social emotion maya +1 }\n',
                         '').replace('  stage buy "Purchase" {\n', '  stage buy "Purchase" {\n'
                                     '    touchpoint ad "Sees an ad" { channel social '
                                     'emotion maya +1 }\n')
    found = changed(SHOP, moved)
    assert [(m.touchpoint.id, m.before.name, m.after.name) for m in found.of(Moved)] == \
        [("ad", "Browse", "Purchase")]


def test_a_removed_pain_is_resolved_and_a_dropped_source_is_lost_evidence():
    found = changed(SHOP, SHOP.replace(' source survey "Q3 survey, n=212"', ''))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert ('- Pain point “Fees appear late” at Checkout lost its evidence: '
            'survey “Q3 survey, n=212”') in text
    found = changed(SHOP, SHOP.replace('      pain "Fees appear late" source survey '
                                       '"Q3 survey, n=212"\n', ''))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert "✓ Pain point resolved at Checkout: “Fees appear late”" in text
    assert "1 pain point resolved" in text


def test_a_kpi_that_reaches_its_target_says_it_now_meets_it():
    found = changed(SHOP, SHOP.replace("value 11%", "value 16%"))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert "↑ Conversion: 11% → 16% (now meets its target ≥ 15%)" in text


def test_a_new_owner_of_an_opportunity_is_named():
    found = changed(SHOP, SHOP.replace('owner "Web team"', 'owner "Checkout squad"'))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert ("Opportunity “Show fees early” at Checkout has a new owner: Web team → "
            "Checkout squad") in text


# ── properties ──────────────────────────────────────────────────────────────
@LIGHT
@given(journeys())
def test_a_map_compared_with_itself_has_no_changes(journey):
    found = diff(journey, journey)
    assert (found.status, found.changes) == ("unchanged", ())


def _findings(journey, field):
    return sum(len(getattr(tp, field)) for tp in journey.touchpoints)


@LIGHT
@given(journeys(), journeys())
def test_what_is_added_and_removed_accounts_for_the_difference_of_the_models(old, new):
    found = diff(old, new)
    for what, items in (("stage", lambda j: j.stages), ("touchpoint", lambda j: j.touchpoints),
                        ("persona", lambda j: j.personas), ("kpi", lambda j: j.kpis)):
        assert len(found.of(Added, what)) - len(found.of(Removed, what)) == \
            len(items(new)) - len(items(old)), what
    for what, field in (("pain", "pains"), ("opportunity", "opportunities")):
        assert len(found.of(FindingAdded, what)) - len(found.of(FindingRemoved, what)) == \
            _findings(new, field) - _findings(old, field), what


@LIGHT
@given(journeys())
def test_a_new_map_is_all_added_and_a_deleted_one_all_removed(journey):
    added, removed = diff(None, journey), diff(journey, None)
    assert (added.status, removed.status) == ("added", "removed")
    assert len(added.of(Added, "touchpoint")) == len(journey.touchpoints)
    assert len(removed.of(Removed, "stage")) == len(journey.stages)
    assert len(removed.of(FindingRemoved, "pain")) == _findings(journey, "pains")
    assert added.of(FeelingChanged) == removed.of(FeelingChanged) == ()
