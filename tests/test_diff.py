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

from cjmdsl.review import diff_format
from cjmdsl.api import parse
from cjmdsl.review.diff import (Added, FeelingChanged, FindingAdded, FindingRemoved, Moved,
                                Removed, Renamed, diff)
from cjmdsl.lanes import ITEM_KINDS

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
    "outpatient-visit": [  # renamed touchpoints and a renamed stage
        ('touchpoint letter "Gets the results"', 'touchpoint letter "Reads the results"'),
        ('touchpoint reminder "Gets a reminder"', 'touchpoint reminder "Receives a reminder"'),
        ('stage after "After the visit"', 'stage after "Aftercare"'),
        ('status "draft"', 'status "reviewed"'),
        ('channel mail\n', 'channel email\n'),
    ],
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
      time "5 min"
      action "Types \\"internet down\\" into the help chat" fail "Bot cannot hand over to an agent"
      thought "It keeps sending me the same restart guide."
      emotion sam -2 "stuck"
      expect sam 0
      pain "Bot loops on router tips and cannot hand over"
      opportunity "Offer a human hand-over after two failed answers" owner "Conversational AI team"
    }
''', ''),
        ('    touchpoint phone_queue', '''    touchpoint bot_chat "Asks the chat bot" {
      channel chat
      time "5 min"
      action "Types \\"internet down\\" into the help chat" fail "Bot cannot hand over to an agent"
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


def test_feelings_on_a_scale_without_a_middle_are_plain_scores_and_differences_signed():
    scored = (SHOP.replace('map "Shop" {', 'map "Shop" {\n  scale 1 .. 10')
              .replace("maya +1 }", "maya 6 }").replace('maya -2 "confused"', 'maya 2 "confused"')
              .replace("expect maya +1", "expect maya 6"))
    found = changed(scored, scored.replace('maya 2 "confused"', 'maya 7 "confused"')
                    .replace("expect maya 6", "expect maya 8"))
    text = diff_format.text([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert ("↑ Maya feels 5 points better at Checkout: 2 → 7 (expected 6 → 8; gap -4 → -1)"
            in text)
    comment = diff_format.markdown([diff_format.FileDiff("shop.cjm", "shop.cjm", found)])
    assert "| Checkout | 2 → 7 (+5) | 6 → 8 | -4 → -1 |" in comment
    (record,) = json.loads(diff_format.as_json([diff_format.FileDiff("shop.cjm", "shop.cjm",
                                                                   found)]))["maps"][0]["changes"]
    assert (record["scale_before"], record["scale_after"]) == ({"low": 1, "high": 10},) * 2


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
    assert "↑ Conversion: 11% → 16% (now meets its target ≥\u00a015%)" in text


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


# ── the command ─────────────────────────────────────────────────────────────
def test_exit_code_is_0_with_changes_unless_asked_as_git_diff_does(tmp_path):
    (tmp_path / "a.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "b.cjm").write_text(SHOP.replace("value 11%", "value 16%"), encoding="utf-8")
    assert cjm("diff", "a.cjm", "b.cjm", cwd=tmp_path).code == 0
    assert cjm("diff", "a.cjm", "b.cjm", "--exit-code", cwd=tmp_path).code == 1
    same = cjm("diff", "a.cjm", "a.cjm", "--exit-code", cwd=tmp_path)
    assert same.code == 0
    assert "No changes" in same.stdout.decode()


def test_errors_in_either_version_are_diagnostics_and_exit_1(tmp_path):
    (tmp_path / "a.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "b.cjm").write_text(SHOP.replace("emotion maya -2", "emotion mya -2"),
                                    encoding="utf-8")
    run = cjm("diff", "a.cjm", "b.cjm", cwd=tmp_path)
    assert run.code == 1
    assert "b.cjm:9:15: error[" in run.stderr and "did you mean `maya`?" in run.stderr
    assert run.stdout == b""


@pytest.mark.parametrize("arguments, message", [
    (("a.cjm",), "a.cjm is a file: give the old and the new map"),
    ((), "give two maps (cjm diff OLD NEW) or a git revision"),
    (("a.cjm", "missing.cjm"), "cannot read missing.cjm: no such file"),
])
def test_a_wrong_command_line_is_a_usage_error(tmp_path, arguments, message):
    (tmp_path / "a.cjm").write_text(SHOP, encoding="utf-8")
    run = cjm("diff", *arguments, cwd=tmp_path)
    assert run.code == 2
    assert f"cjm: error: {message}" in run.stderr


def test_map_text_is_escaped_for_the_terminal_and_for_markdown(tmp_path):
    (tmp_path / "a.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "b.cjm").write_text(
        SHOP.replace('"Checkout"', '"Check\\u{1b}]52;c;evil\\u{7}<script>@team"'),
        encoding="utf-8")
    text = cjm("diff", "a.cjm", "b.cjm", cwd=tmp_path).stdout.decode()
    assert "\x1b" not in text and "Check\\u{1b}]52;c;evil\\u{7}<script>@team" in text
    markdown = cjm("diff", "a.cjm", "b.cjm", "--format", "markdown", cwd=tmp_path).stdout.decode()
    assert "<script>" not in markdown and "&lt;script&gt;@&#8288;team" in markdown


def to_terminal(arguments: list[str], cwd: Path, env: dict) -> bytes:
    """What `cjm ARGUMENTS` shows when its standard output is a terminal."""
    terminal, shown_on = pty.openpty()
    try:
        subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                        *arguments], cwd=cwd, stdout=shown_on, stderr=subprocess.PIPE,
                       timeout=60, env=env)
    finally:
        os.close(shown_on)
    shown = b""
    while select.select([terminal], [], [], 0.5)[0]:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # Linux: the other end is closed and everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    return shown


def test_text_is_coloured_on_a_terminal_and_never_with_no_color(tmp_path):
    (tmp_path / "a.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "b.cjm").write_text(SHOP.replace("maya -2", "maya +1"), encoding="utf-8")
    plain = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    coloured = to_terminal(["diff", "a.cjm", "b.cjm"], tmp_path, plain)
    assert b"\x1b[32m\x1b[1m\xe2\x86\x91" in coloured  # a green, bold ↑
    assert b"\x1b[" not in to_terminal(["diff", "a.cjm", "b.cjm"], tmp_path,
                                       {**plain, "NO_COLOR": "1"})
    piped = cjm("diff", "a.cjm", "b.cjm", cwd=tmp_path)
    assert b"\x1b[" not in piped.stdout and "↑ Maya feels 3 points better" in \
        piped.stdout.decode()


# ── git ─────────────────────────────────────────────────────────────────────
def git(*arguments: str, cwd: Path) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           *arguments], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git repository with the support example and a small map committed."""
    require_tool("git", shutil.which("git") is not None, "apt-get install git")
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(EXAMPLES[-1], tmp_path / "maps" / "support.cjm")
    (tmp_path / "maps" / "shop.cjm").write_text(SHOP, encoding="utf-8")
    (tmp_path / "README.md").write_text("maps\n", encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "maps", cwd=tmp_path)
    return tmp_path


def test_cjm_diff_head_prints_the_edited_map_in_words(repository):
    support = repository / "maps" / "support.cjm"
    support.write_text(support.read_text(encoding="utf-8")
                       .replace('emotion sam 0 "calmer"', 'emotion sam +2 "calmer"'),
                       encoding="utf-8")
    (repository / "README.md").write_text("changed, not a map\n", encoding="utf-8")
    run = cjm("diff", "HEAD", cwd=repository)
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout.decode() == (
        "maps/support.cjm: Broadband outage — from no signal to solved\n"
        "  1 feeling better\n"
        "\n"
        "  Feelings\n"
        "    ↑ Sam feels 2 points better at Talks to an agent: 0 → +2 (gap -1 → +1)\n")
    inside = cjm("diff", "HEAD", "support.cjm", "--exit-code", cwd=repository / "maps")
    assert inside.code == 1 and b"Sam feels 2 points better" in inside.stdout


def test_a_map_new_or_deleted_since_the_revision_is_all_added_or_all_removed(repository):
    (repository / "maps" / "shop.cjm").unlink()
    (repository / "maps" / "new.cjm").write_text(SHOP.replace('"Shop"', '"New shop"'),
                                                 encoding="utf-8")
    git("add", "-A", cwd=repository)
    found = json.loads(cjm("diff", "HEAD", "--format", "json", cwd=repository).stdout)
    maps = {entry["file"]: entry for entry in found["maps"]}
    assert sorted(maps) == ["maps/new.cjm", "maps/shop.cjm"]
    assert (maps["maps/new.cjm"]["status"], maps["maps/shop.cjm"]["status"]) == \
        ("added", "removed")
    assert [c["what"] for c in maps["maps/new.cjm"]["changes"] if c["change"] == "added"] == \
        ["persona", "stage", "stage", "touchpoint", "touchpoint", "kpi"]
    assert maps["maps/shop.cjm"]["summary"] == "Map “Shop” removed"
    assert maps["maps/shop.cjm"]["old_file"] == "HEAD:maps/shop.cjm"


def test_an_error_in_the_old_version_is_reported_at_the_revision(repository):
    (repository / "maps" / "shop.cjm").write_text(SHOP.replace("maya -2", "mya -2"),
                                                  encoding="utf-8")
    git("commit", "-q", "-am", "broken", cwd=repository)
    (repository / "maps" / "shop.cjm").write_text(SHOP, encoding="utf-8")
    run = cjm("diff", "HEAD", cwd=repository)
    assert run.code == 1
    assert "HEAD:maps/shop.cjm:9:15: error[" in run.stderr


def test_outside_a_repository_or_with_an_unknown_revision_is_a_usage_error(repository, tmp_path_factory):
    outside = tmp_path_factory.mktemp("not-a-repository")
    run = cjm("diff", "HEAD", cwd=outside)
    assert run.code == 2 and run.stderr.startswith("cjm: error: not a git repository")
    run = cjm("diff", "no-such-branch", cwd=repository)
    assert run.code == 2
    assert run.stderr.startswith("cjm: error: unknown revision no-such-branch")
    run = cjm("diff", "HEAD", "maps/none.cjm", cwd=repository)
    assert run.code == 2 and "maps/none.cjm is neither in HEAD nor in the work tree" in run.stderr


def test_git_diff_shows_the_semantic_diff_with_the_documented_driver(repository):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert 'git config diff.cjm.command "cjm diff --git-driver"' in readme
    assert "echo '*.cjm diff=cjm' >> .gitattributes" in readme
    git("config", "diff.cjm.command", "cjm diff --git-driver", cwd=repository)
    (repository / ".gitattributes").write_text("*.cjm diff=cjm\n", encoding="utf-8")
    shop = repository / "maps" / "shop.cjm"
    shop.write_text(SHOP.replace("maya -2", "maya +1"), encoding="utf-8")
    bin_folder = str(Path(sys.executable).parent)
    env = {**os.environ, "NO_COLOR": "1",
           "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}
    shown = subprocess.run(["git", "diff"], cwd=repository, capture_output=True, text=True,
                           env=env, check=True).stdout
    assert "maps/shop.cjm: Shop" in shown
    assert "↑ Maya feels 3 points better at Checkout: -2 → +1 (gap -3 → 0)" in shown
    assert "emotion maya" not in shown  # not the text diff


def git_diff(repository: Path, *arguments: str) -> str:
    """`git diff` as a user runs it, with this cjm on PATH."""
    bin_folder = str(Path(sys.executable).parent)
    env = {**os.environ, "NO_COLOR": "1",
           "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}
    return subprocess.run(["git", "diff", *arguments], cwd=repository, capture_output=True,
                          text=True, env=env, check=True).stdout


def test_git_diff_with_the_documented_textconv_shows_one_fact_per_line(repository):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert 'git config diff.cjm.textconv "cjm diff --textconv"' in readme
    git("config", "diff.cjm.textconv", "cjm diff --textconv", cwd=repository)
    (repository / ".gitattributes").write_text("*.cjm diff=cjm\n", encoding="utf-8")
    shop = repository / "maps" / "shop.cjm"
    shop.write_text(SHOP.replace("maya -2", "maya +1"), encoding="utf-8")
    shown = git_diff(repository)
    changed = [line for line in shown.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-    Checkout: Maya feels -2 “confused”, expected +1 (gap -3)",
                       "+    Checkout: Maya feels +1 “confused”, expected +1 (gap 0)"]
    assert "@@" in shown and "emotion maya" not in shown  # git's hunks, of the facts


def test_textconv_prints_a_map_with_errors_as_it_is_so_git_diff_still_shows_the_edit(repository):
    git("config", "diff.cjm.textconv", "cjm diff --textconv", cwd=repository)
    (repository / ".gitattributes").write_text("*.cjm diff=cjm\n", encoding="utf-8")
    shop = repository / "maps" / "shop.cjm"
    shop.write_text(SHOP.replace("maya -2", "mya -2"), encoding="utf-8")
    run = cjm("diff", "--textconv", "maps/shop.cjm", cwd=repository)
    assert run.code == 0 and run.stdout.decode() == shop.read_text(encoding="utf-8")
    assert "maps/shop.cjm:9:15: error[E012]" in run.stderr
    assert "+      emotion mya -2" in git_diff(repository)
    run = cjm("diff", "--textconv", "a.cjm", "b.cjm", cwd=repository)
    assert run.code == 2 and "--textconv takes the one file git passes (got 2)" in run.stderr


# ── the drawing of a diff ───────────────────────────────────────────────────
def test_svg_marks_new_and_changed_touchpoints_and_ghosts_the_old_curve(tmp_path):
    import xml.etree.ElementTree as ET

    (tmp_path / "old.cjm").write_text(SHOP, encoding="utf-8")
    new = SHOP.replace('maya -2 "confused"', 'maya +1 "confused"').replace(
        '    touchpoint checkout', '    touchpoint mail "Gets a receipt" { channel email '
        'emotion maya 2 }\n    touchpoint checkout')
    (tmp_path / "new.cjm").write_text(new, encoding="utf-8")
    run = cjm("diff", "old.cjm", "new.cjm", "--svg", "out.svg", "--html", "out.html",
              cwd=tmp_path)
    assert (run.code, run.stderr) == (0, "") and b"Maya feels 3 points better" in run.stdout
    svg = ET.parse(tmp_path / "out.svg").getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    marks = {g.get("data-touchpoint"): g.get("data-change")
             for g in svg.iterfind(".//s:g[@data-change]", ns)}
    assert marks == {"mail": "new", "checkout": "changed"}  # the ad is as it was
    (ghost,) = svg.iterfind(".//s:g[@class='cjm-diff-before']", ns)
    assert ghost.find("s:title", ns).text == "Dashed: the emotions before the change"
    assert not list(svg.iter("{http://www.w3.org/2000/svg}script"))
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert page.count('data-change="changed"') == 1  # one drawing serves both schemes


def test_the_old_curve_is_laid_out_on_the_new_maps_grid():
    from cjmdsl.layout.map import layout
    from cjmdsl.layout.changes import change_overlay
    from cjmdsl.themes import load_theme

    old = parse(SHOP)
    new = parse(SHOP.replace('maya -2 "confused"', 'maya +1 "confused"'))
    theme = load_theme("default")
    geometry = layout(new, theme, 880)
    overlay = change_overlay(old, new, geometry, theme, 880)
    (row,) = overlay.ghosts
    (curve,) = row
    now = {p.touchpoint_id: p for p in geometry.rows[0].emotion.curves[0].points}
    was = {p.touchpoint_id: p for p in curve.points}
    assert (was["checkout"].value, now["checkout"].value) == (-2, 1)
    assert was["checkout"].marker.x == now["checkout"].marker.x  # the same column
    assert was["ad"].marker == now["ad"].marker  # unchanged: under the new point


def test_drawing_a_diff_of_several_maps_or_a_deleted_one_is_a_usage_error(repository):
    (repository / "maps" / "shop.cjm").write_text(SHOP.replace("maya -2", "maya +1"),
                                                  encoding="utf-8")
    support = repository / "maps" / "support.cjm"
    support.write_text(support.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run = cjm("diff", "HEAD", "--svg", "out.svg", cwd=repository)
    assert run.code == 2 and "--svg and --html draw one map; 2 maps changed" in run.stderr
    (repository / "maps" / "shop.cjm").unlink()
    run = cjm("diff", "HEAD", "maps/shop.cjm", "--svg", "out.svg", cwd=repository)
    assert run.code == 2 and "no new version to draw" in run.stderr
    assert not (repository / "out.svg").exists()


# ── the Markdown as a pull-request comment ──────────────────────────────────
COMMENT_STYLE = """body { font: 14px/1.5 -apple-system, 'Liberation Sans', sans-serif; color: #1f2328;
  max-width: 860px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px; }
table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 4px 10px; }
summary { cursor: pointer; font-weight: 600; }"""


def comment_html(markdown_text: str) -> str:
    """The Markdown as GitHub shows it, with python-markdown: tables, and Markdown inside
    `<details>` (GitHub's CommonMark reads it after a blank line; python-markdown needs
    md_in_html and `markdown="1"` to do the same)."""
    import markdown

    body = markdown.markdown(markdown_text.replace("<details>", '<details markdown="1">'),
                             extensions=["tables", "md_in_html"])
    return f"<!doctype html><meta charset=utf-8><style>{COMMENT_STYLE}</style>{body}"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_markdown_reads_as_a_comment_summary_first_details_folded(example, page):
    from conftest import ARTIFACTS

    html = comment_html((DIFF_GOLDEN / f"{example.stem}.md").read_text(encoding="utf-8"))
    page.set_content(html)
    visible = page.inner_text("body")
    assert "Journey map changes" in visible
    assert page.locator("details").count() == 1 and not page.locator("details").get_attribute(
        "open")
    assert page.locator("body > ul > li").count() >= 1  # the highlights, outside the fold
    assert "\\" not in visible  # no escape shows
    page.locator("summary").click()
    opened = page.inner_text("body")
    assert "\\" not in opened and page.locator("details h4").count() >= 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 900, "height": 1000})
    page.screenshot(path=str(ARTIFACTS / f"diff-{example.stem}.md.png"), full_page=True)


@pytest.mark.parametrize("kind", ITEM_KINDS, ids=lambda kind: kind.keyword)
def test_an_edited_item_of_every_lane_of_the_lane_table_is_a_change(kind):
    """A lane added to the table is compared by `cjm diff` without being named there."""
    def version(text: str) -> str:
        return (f'map "Lanes" {{\n  persona ann "Ann"\n  stage s "S" {{\n'
                f'    touchpoint t "T" {{\n      channel web\n      action "Keeps"\n'
                f'      {kind.keyword} "{text}"\n    }}\n  }}\n}}\n')

    found = diff(parse(version("Before the edit")), parse(version("After the edit")))
    assert found.changes, f"a changed `{kind.keyword}` is not reported"
