"""`cjm lint`: each journey-quality rule fires where it should and nowhere else, `[lint]`
tunes it, `// cjm: allow` allows it on a line, the coverage figures and their bar, and the
outputs for CI (JSON, SARIF validated against the official 2.1.0 schema, GitHub annotations
that no message can forge)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT

from cjmdsl.config import ConfigError, load_config
from cjmdsl.language import codes
from cjmdsl.review.lint import lint_text
from cjmdsl.review.lint.report import github_annotation, github_data, github_property
from cjmdsl.review.lint.rules import LINT_CODES, RULES

DAY = date(2026, 12, 1)
SARIF_SCHEMA = ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json"

# A map no rule has anything to say about; each case below breaks it in one place.
CLEAN = '''map "Shop" {
  persona maya "Maya"
  stage buy "Buy" {
    goal "Pay quickly"
    touchpoint checkout "Checkout" {
      channel web
      emotion maya -2
      expect maya +1
      pain "Fees appear late" source survey "2026-09 survey, n=212"
      opportunity "Show fees in the basket" owner "Web team"
      moment_of_truth "Fees decide the first order"
    }
    action_item "Simplify checkout" owner "Checkout squad"
  }

  kpi conversion "Checkout conversion" value 34% higher target 40%
}
'''


def changed(*edits: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def found(text: str, **options) -> list[str]:
    """`code line:column` of each diagnostic `cjm lint` gives the map."""
    return [f"{d.code} {d.span.line}:{d.span.column}"
            for d in lint_text(text, "shop.cjm", on=DAY, **options).diagnostics]


def test_the_clean_map_gets_nothing():
    assert found(CLEAN) == []


NO_OPPORTUNITY = ('      opportunity "Show fees in the basket" owner "Web team"\n', "")


# A second stage whose opportunity addresses the pain `fee` of the first.
ADDRESSED_ELSEWHERE = ('  kpi', '  stage later "Later" {\n    goal "Return"\n'
                                '    touchpoint mail "Mail" {\n      channel email\n'
                                '      opportunity "Refund fees" owner "CRM" addresses fee\n'
                                '    }\n  }\n\n  kpi')


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple[tuple[str, str], ...]
    expected: list[str]


CASES = [
    Case("pain without an opportunity", (NO_OPPORTUNITY,), ["L201 9:7"]),
    Case("an opportunity at the same touchpoint answers every pain there",
         (('      pain "Fees', '      pain "Slow" source survey "2026-10"\n      pain "Fees'),), []),
    Case("an opportunity elsewhere answers no pain",
         (NO_OPPORTUNITY, ('  kpi', '  stage later "Later" {\n    goal "Return"\n'
                                    '    touchpoint mail "Mail" {\n      channel email\n'
                                    '      opportunity "Win back" owner "CRM"\n    }\n  }\n\n  kpi')),
         ["L201 9:7"]),
    Case("an opportunity elsewhere answers the pain it addresses, and its touchpoint's gap",
         (NO_OPPORTUNITY, ('pain "Fees', 'pain fee "Fees'), ADDRESSED_ELSEWHERE), []),
    Case("addressing another pain answers none here",
         (NO_OPPORTUNITY, ('pain "Fees', 'pain fee "Fees'), ADDRESSED_ELSEWHERE,
          ('    touchpoint mail "Mail" {\n', '    touchpoint mail "Mail" {\n      pain slow "Slow" '
                                           'source survey "2026-10"\n'),
          ("addresses fee", "addresses slow")), ["L201 9:7"]),
    Case("opportunity without an owner", ((' owner "Web team"', ""),), ["L202 10:7"]),
    Case("action item without an owner", ((' owner "Checkout squad"', ""),), ["L203 13:5"]),
    Case("moment of truth in a map without a KPI",
         (('  kpi conversion "Checkout conversion" value 34% higher target 40%\n', ""),),
         ["L204 11:7"]),
    Case("a KPI of its stage measures a moment of truth",
         (("target 40%\n", "target 40% at buy\n"),), []),
    Case("a KPI of another stage does not",
         (("target 40%\n", "target 40% at later\n"),
          ('  kpi', '  stage later "Later" {\n    goal "Return"\n    touchpoint mail "Mail" {\n'
                    '      channel email\n    }\n  }\n\n  kpi')),
         ["L204 11:7"]),
    Case("a KPI anywhere measures the moments of truth", (), []),
    Case("stage without a goal", (('    goal "Pay quickly"\n', ""),), ["L205 3:9"]),
    Case("gap at the threshold without an opportunity, and no pain there",
         (NO_OPPORTUNITY, ('      pain "Fees appear late" source survey "2026-09 survey, n=212"\n',
                           "")), ["L206 7:7"]),
    Case("gap above the threshold",
         (NO_OPPORTUNITY, ('      pain "Fees appear late" source survey "2026-09 survey, n=212"\n',
                           ""), ("expect maya +1", "expect maya -1")), []),
    Case("a gap where the pain is already reported is one message",
         (NO_OPPORTUNITY,), ["L201 9:7"]),
    Case("claim without evidence", ((' source survey "2026-09 survey, n=212"', ""),), ["L207 9:7"]),
    Case("evidence older than twelve months",
         (('"2026-09 survey, n=212"', '"2025-10 survey, n=212"'),), ["L208 9:31"]),
    Case("evidence twelve months old is not stale yet",
         (('"2026-09 survey, n=212"', '"2025-11 survey, n=212"'),), []),
    Case("a year ages from its end",
         (('"2026-09 survey, n=212"', '"Q3 2025 survey"'),), []),
    Case("a count after = is no year",
         (('"2026-09 survey, n=212"', '"survey, n=2019"'),), []),
    Case("evidence without a date is not judged",
         (('"2026-09 survey, n=212"', '"Q3 survey"'),), []),
    Case("touchpoint without a channel is the compiler's W102, once",
         (("      channel web\n", ""),), ["W102 5:16"]),
    Case("an allow comment for a problem that was fixed",
         (('n=212"\n      opportunity', 'n=212" // cjm: allow pain-without-opportunity\n'
                                          '      opportunity'),), ["L209 9:83"]),
    Case("persona without emotions is the compiler's W103, once",
         (("      emotion maya -2\n      expect maya +1\n", ""),), ["W103 2:11"]),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_rule_fires_where_it_should_and_nowhere_else(case):
    assert found(changed(*case.edits)) == case.expected


def test_every_rule_has_a_case_that_fires_it():
    fired = {entry.split()[0] for case in CASES for entry in case.expected}
    assert fired == {rule.code for rule in RULES}


def test_a_map_with_errors_gets_the_compilers_diagnostics_only():
    broken = changed(("emotion maya -2", "emotion mya -2"), (' owner "Web team"', ""))
    assert found(broken) == ["E012 7:15"]


def test_a_diagnostic_shows_the_line_a_caret_and_the_hint():
    text = changed(NO_OPPORTUNITY)
    result = lint_text(text, "shop.cjm", on=DAY)
    from cjmdsl.language.diagnostics import format_all

    assert format_all(result.diagnostics, text, "shop.cjm") == (
        "shop.cjm:9:7: warning[L201]: pain point at `checkout` has no opportunity\n"
        ' 9 |       pain "Fees appear late" source survey "2026-09 survey, n=212"\n'
        '   |       ^^^^ add an `opportunity "…"` to touchpoint `checkout` that answers it')


# ── // cjm: allow ────────────────────────────────────────────────────────────
PAIN = '      pain "Fees appear late" source survey "2026-09 survey, n=212"\n'


@pytest.mark.parametrize("name, edits, expected", [
    ("at the end of the line", (NO_OPPORTUNITY, (PAIN, PAIN[:-1] + " // cjm: allow pain-without-opportunity\n")), []),
    ("alone on the line before", (NO_OPPORTUNITY, (PAIN, "      // cjm: allow pain-without-opportunity\n" + PAIN)), []),
    ("with # and a reason", (NO_OPPORTUNITY, (PAIN, "      # cjm: allow pain-without-opportunity -- tracked\n" + PAIN)), []),
    ("several rules", (NO_OPPORTUNITY, (' source survey "2026-09 survey, n=212"', ""),
                       ("      pain", "      // cjm: allow claim-without-evidence, pain-without-opportunity\n      pain")), []),
    ("another rule allows nothing here", (NO_OPPORTUNITY, (PAIN, "      // cjm: allow stage-without-goal\n" + PAIN)), ["L209 9:21", "L201 10:7"]),
    ("two lines above is too far", (NO_OPPORTUNITY, (PAIN, "      // cjm: allow pain-without-opportunity\n\n" + PAIN)), ["L209 9:21", "L201 11:7"]),
    ("a trailing comment covers only its own line",
     (NO_OPPORTUNITY, ("      expect maya +1\n", "      expect maya +1 // cjm: allow pain-without-opportunity\n")), ["L209 8:36", "L201 9:7"]),
    ("`//` in a string is no comment",
     (NO_OPPORTUNITY, (PAIN, '      pain "see // cjm: allow pain-without-opportunity" source survey "2026-09"\n')), ["L201 9:7"]),
    ("a compiler warning that a rule wraps",
     (("      channel web\n", ""), ('    touchpoint checkout "Checkout" {', '    // cjm: allow touchpoint-without-channel\n    touchpoint checkout "Checkout" {')), []),
])
def test_allow_comments(name, edits, expected):
    assert found(changed(*edits)) == expected


@pytest.mark.parametrize("severities, expected", [
    ({}, ["L209 9:21"]),
    ({"unused-allow": "off"}, []),
    ({"stage-without-goal": "off"}, []),  # a rule that is off allows nothing by design
    ({"unused-allow": "error"}, ["L209 9:21"]),
])
def test_an_allow_comment_that_allows_nothing_is_reported_unless_off(severities, expected):
    from cjmdsl.review.lint.settings import LintSettings, Tuning

    text = changed((PAIN, "      // cjm: allow stage-without-goal\n" + PAIN))
    result = lint_text(text, "shop.cjm", LintSettings(Tuning(severities)), on=DAY)
    assert [f"{d.code} {d.span.line}:{d.span.column}" for d in result.diagnostics] == expected
    assert all(d.severity.value == severities.get("unused-allow", "warning")
               for d in result.diagnostics)


def test_an_unknown_rule_in_an_allow_comment_is_a_warning_with_did_you_mean():
    text = changed(NO_OPPORTUNITY, (PAIN, "      // cjm: allow pain-without-oportunity, L201\n" + PAIN))
    result = lint_text(text, "shop.cjm", on=DAY)
    assert [(d.code, d.span.column, d.hint) for d in result.diagnostics] == [
        ("L200", 21, "did you mean `pain-without-opportunity`?"),
        ("L200", 46, "name the rule, not its code: `pain-without-opportunity`"),
        ("L201", 7, 'add an `opportunity "…"` to touchpoint `checkout` that answers it')]


def test_an_unanswered_pain_with_an_id_is_told_it_can_be_addressed_from_elsewhere():
    text = changed(NO_OPPORTUNITY, ('pain "Fees', 'pain fee "Fees'))
    assert [d.hint for d in lint_text(text, "shop.cjm", on=DAY).diagnostics] == [
        'add an `opportunity "…"` to touchpoint `checkout` that answers it, '
        "or `addresses fee` to an opportunity elsewhere"]


def test_an_allow_comment_without_a_rule_is_a_warning():
    text = changed(("    goal", "    // cjm: allow\n    goal"))
    assert [(d.code, d.message, d.span.line, d.span.column)
            for d in lint_text(text, on=DAY).diagnostics] == [
        ("L200", "`cjm: allow` names no rule", 4, 13)]


def test_an_unknown_cjm_comment_is_a_warning_with_did_you_mean():
    text = changed(("    goal", "    // cjm: alow stage-without-goal\n    goal"))
    assert [(d.code, d.message, d.hint) for d in lint_text(text, on=DAY).diagnostics] == [
        ("L200", "unknown `cjm:` comment `alow`", "did you mean `allow`?")]


# ── configuration ────────────────────────────────────────────────────────────
@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps" / "drafts").mkdir(parents=True)
    return tmp_path


def cjm(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=60, cwd=cwd, input=stdin,
                          env={**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1764547200"})


def codes_in(stderr: str) -> list[str]:
    return re.findall(r"^\S+?:\d+:\d+: (\w+\[\w+\])", stderr, re.M)


def test_config_sets_severities_and_thresholds(project):
    (project / "cjm.toml").write_text('[lint]\nstage-without-goal = "error"\n'
                                      'claim-without-evidence = "off"\ngap-threshold = -4\n')
    (project / "maps" / "shop.cjm").write_text(changed(
        ('    goal "Pay quickly"\n', ""), (' source survey "2026-09 survey, n=212"', ""),
        NO_OPPORTUNITY, (PAIN.replace(' source survey "2026-09 survey, n=212"', ""), "")))
    run = cjm("lint", "maps/shop.cjm", cwd=project)
    assert codes_in(run.stderr) == ["error[L205]"]  # the gap of -3 is above -4
    assert run.returncode == 1


def test_an_override_tunes_the_maps_its_patterns_match(project):
    (project / "cjm.toml").write_text('[lint]\nstage-without-goal = "error"\n\n'
                                      '[[lint.overrides]]\nfiles = ["maps/drafts/*"]\n'
                                      'stage-without-goal = "off"\n')
    text = changed(('    goal "Pay quickly"\n', ""))
    (project / "maps" / "shop.cjm").write_text(text)
    (project / "maps" / "drafts" / "idea.cjm").write_text(text)
    run = cjm("lint", "maps", cwd=project)
    assert codes_in(run.stderr) == ["error[L205]"]
    assert "maps/shop.cjm:3:9" in run.stderr and "idea.cjm:" not in run.stderr
    assert cjm("lint", "maps/drafts", cwd=project).returncode == 0


def test_a_pattern_without_a_slash_matches_the_file_name_in_any_folder(project):
    (project / "pyproject.toml").write_text('[tool.cjm.lint]\n\n[[tool.cjm.lint.overrides]]\n'
                                            'files = ["*.draft.cjm"]\nstage-without-goal = "off"\n')
    (project / "maps" / "drafts" / "a.draft.cjm").write_text(changed(('    goal "Pay quickly"\n', "")))
    run = cjm("lint", "maps", cwd=project)
    assert (run.returncode, codes_in(run.stderr)) == (0, [])


@pytest.mark.parametrize("text, where, message, hint", [
    ('[lint]\npain-without-oportunity = "off"\n', "2:1",
     "error[E061]: unknown key `pain-without-oportunity` in [lint]",
     "did you mean `pain-without-opportunity`?"),
    ('[lint]\nL201 = "off"\n', "2:1", "error[E061]: unknown key `L201` in [lint]",
     "name the rule: `pain-without-opportunity`"),
    ('[lint]\nstage-without-goal = "eror"\n', "2:22",
     "error[E063]: unknown severity `eror` for `stage-without-goal`", "did you mean `error`?"),
    ('[lint]\nstage-without-goal = false\n', "2:22",
     "error[E062]: `stage-without-goal` must be text in quotes (error, warning or off), not true "
     "or false", 'for example: stage-without-goal = "off"'),
    ('[lint]\ngap-threshold = 2\n', "2:17", "error[E063]: `gap-threshold` must be below 0, not 2",
     "a gap is felt minus expected: -2 means two points worse than expected"),
    ('[lint]\nmax-evidence-age = "1 year"\n', "2:20",
     'error[E063]: `max-evidence-age` must be a number of months or years such as "12mo" or '
     '"2y", not "1 year"', None),
    ('[lint.min-coverage]\npains = 80\n', "2:9",
     "error[E063]: `pains` must be a share from 0 to 1, not 80", "for example: pains = 0.8 (80 %)"),
    ('[lint.min-coverage]\npain = 0.8\n', "2:1",
     "error[E061]: unknown coverage figure `pain` in [lint.min-coverage]", "did you mean `pains`?"),
    ('[lint]\n\n[[lint.overrides]]\nfiles = ["a"]\n\n[[lint.overrides]]\nfiles = ["b"]\n'
     'min-coverage = 1\n', "8:1", "error[E061]: unknown key `min-coverage` in [[lint.overrides]]",
     "`min-coverage` applies to the whole run: set it in [lint]"),
    ('[lint]\n\n[[lint.overrides]]\nstage-without-goal = "off"\n', "3:3",
     'error[E062]: an override needs `files`, a list of patterns such as ["drafts/*"]',
     "patterns are relative to the folder of the config file"),
    ('stage-without-goal = "off"\n', "1:1", "error[E061]: unknown key `stage-without-goal`",
     "`stage-without-goal` belongs in [lint]"),
])
def test_a_mistake_in_lint_is_a_config_diagnostic(project, text, where, message, hint):
    (project / "cjm.toml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_config(project / "cjm.toml")
    shown = str(raised.value)
    assert shown.splitlines()[0] == f"cjm.toml:{where}: {message}"
    if hint:
        assert shown.splitlines()[2].endswith(hint)
    assert len(raised.value.diagnostics) == 1


def test_a_mistake_in_a_pyproject_override_is_shown_at_its_line(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "maps"\n\n[tool.cjm.lint]\ngap-threshold = -3\n\n'
        '[[tool.cjm.lint.overrides]]\nfiles = ["a"]\nstage-without-goal = "off"\n\n'
        '[[tool.cjm.lint.overrides]]\nfiles = ["b"]\nstage-without-gol = "off"\n')
    with pytest.raises(ConfigError) as raised:
        load_config(project / "pyproject.toml")
    assert str(raised.value).splitlines() == [
        "pyproject.toml:13:1: error[E061]: unknown key `stage-without-gol` in "
        "[[tool.cjm.lint.overrides]]",
        ' 13 | stage-without-gol = "off"',
        "    | ^^^^^^^^^^^^^^^^^ did you mean `stage-without-goal`?"]


def test_a_mistake_in_lint_stops_lint_with_exit_1(project):
    (project / "cjm.toml").write_text('[lint]\nstage-without-goal = "eror"\n')
    (project / "maps" / "shop.cjm").write_text(CLEAN)
    run = cjm("lint", "maps/shop.cjm", cwd=project)
    assert run.returncode == 1
    assert run.stderr.startswith("cjm.toml:2:22: error[E063]")


# ── coverage ─────────────────────────────────────────────────────────────────
HALF = changed(NO_OPPORTUNITY, (PAIN, PAIN + '      opportunity "Refund" owner "Web team"\n'),
               ("  stage buy", '  stage look "Look" {\n    goal "Browse"\n    touchpoint ad "Ad" {\n'
                               '      channel social\n      pain "Too loud"\n    }\n  }\n\n  stage buy'))


def test_coverage_is_printed_for_each_map(project):
    (project / "maps" / "shop.cjm").write_text(HALF)
    run = cjm("lint", "maps/shop.cjm", cwd=project)
    assert run.stdout == ("coverage of maps/shop.cjm: pains 1/2 (50%), evidence 1/2 (50%), "
                          "owners 2/2 (100%)\n")
    assert run.returncode == 0


def test_a_pain_addressed_from_another_touchpoint_counts_as_answered():
    text = HALF.replace('pain "Too loud"', 'pain loud "Too loud"').replace(
        'opportunity "Refund" owner "Web team"', 'opportunity "Refund" owner "Web team" addresses loud')
    covered = lint_text(text, "shop.cjm", on=DAY).coverage["pains"]
    assert (covered.covered, covered.total) == (2, 2)


@pytest.mark.parametrize("bar, code", [("pains=0.5", 0), ("pains=0.6,owners=1", 1),
                                       ("evidence=51%", 1), ("owners=1", 0)])
def test_min_coverage_fails_below_the_bar(project, bar, code):
    (project / "maps" / "shop.cjm").write_text(HALF)
    run = cjm("lint", "--min-coverage", bar, "maps/shop.cjm", cwd=project)
    assert run.returncode == code
    assert ("below the minimum" in run.stderr) == bool(code)


def test_the_bar_can_live_in_the_config_and_the_command_line_raises_it(project):
    (project / "cjm.toml").write_text('[lint.min-coverage]\npains = 0.9\n')
    (project / "maps" / "shop.cjm").write_text(HALF)
    run = cjm("lint", "maps/shop.cjm", cwd=project)
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == ("cjm: error: maps/shop.cjm: pains with an "
                                           "opportunity is 50% (1 of 2), below the minimum of 90%")
    assert cjm("lint", "--min-coverage", "pains=0.5", "maps/shop.cjm", cwd=project).returncode == 0


@pytest.mark.parametrize("bar, message", [
    ("pain=0.8", "cjm: error: --min-coverage: unknown figure `pain`; did you mean `pains`?"),
    ("pains", "cjm: error: --min-coverage pains: write FIGURE=SHARE, such as pains=0.8"),
    ("pains=2", "cjm: error: --min-coverage pains=2: the share must be from 0 to 1 (0.8) or a "
                "percentage (80%)"),
])
def test_a_wrong_min_coverage_is_a_usage_error(project, bar, message):
    (project / "maps" / "shop.cjm").write_text(CLEAN)
    run = cjm("lint", "--min-coverage", bar, "maps/shop.cjm", cwd=project)
    assert (run.returncode, run.stderr.strip()) == (2, message)


def test_a_map_with_nothing_to_count_meets_any_bar(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY, (PAIN, "")))
    run = cjm("lint", "--min-coverage", "pains=1,evidence=1", "maps/shop.cjm", cwd=project)
    assert "pains none to count" in run.stdout
    assert run.returncode == 0


# ── exit codes and inputs ────────────────────────────────────────────────────
def test_warnings_exit_0_and_strict_makes_them_fail(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY))
    assert cjm("lint", "maps/shop.cjm", cwd=project).returncode == 0
    assert cjm("lint", "--strict", "maps/shop.cjm", cwd=project).returncode == 1


def test_every_example_is_lint_clean():
    """The examples show the tool at its best: no rule finds anything in them, even as
    errors; the evidence they cite carries no date, so they do not go stale."""
    run = cjm("lint", "--strict", "--min-coverage", "pains=1,evidence=1,owners=1", "examples",
              cwd=ROOT)
    assert (run.returncode, run.stderr) == (0, "")
    # a coverage line per file: the examples, and the portfolio's maps and library
    assert len(run.stdout.splitlines()) == len(sorted((ROOT / "examples").rglob("*.cjm")))


def test_a_map_with_errors_exits_1_without_coverage(project):
    (project / "maps" / "shop.cjm").write_text(changed(("emotion maya", "emotion mya")))
    run = cjm("lint", "maps/shop.cjm", cwd=project)
    assert (run.returncode, codes_in(run.stderr), run.stdout) == (1, ["error[E012]"], "")


def test_standard_input_is_linted(project):
    run = cjm("lint", "-", cwd=project, stdin=changed(NO_OPPORTUNITY))
    assert codes_in(run.stderr) == ["warning[L201]"]
    assert run.stdout.startswith("coverage of <stdin>: pains 0/1 (0%)")


def test_help_lists_every_rule():
    run = cjm("lint", "--help", cwd=ROOT)
    for rule in RULES:
        assert re.search(rf"{rule.code}\s+{rule.name}\s+{rule.severity}", run.stdout)


# ── JSON, SARIF, GitHub ──────────────────────────────────────────────────────
def test_json_lists_diagnostics_with_their_rule_and_the_coverage(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY))
    (project / "maps" / "bad.cjm").write_bytes(b"\xff")
    run = cjm("lint", "--format", "json", "maps", cwd=project)
    out = json.loads(run.stdout)
    assert [(d["file"], d["code"], d["rule"]) for d in out["diagnostics"]] == [
        ("maps/bad.cjm", "E006", None), ("maps/shop.cjm", "L201", "pain-without-opportunity")]
    assert out["coverage"] == [{"file": "maps/shop.cjm",
                                "pains": {"covered": 0, "total": 1, "share": 0.0},
                                "evidence": {"covered": 1, "total": 1, "share": 1.0},
                                "owners": {"covered": 1, "total": 1, "share": 1.0}}]
    assert (run.returncode, run.stderr) == (1, "")


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY, ("channel web", "channel fax")))
    (project / "maps" / "bad.cjm").write_bytes(b"\xff")
    (project / "maps" / "with space.cjm").write_text(changed(("emotion maya", "emotion mya")))
    run = cjm("lint", "--format", "sarif", "maps", cwd=project)
    log = json.loads(run.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in jsonschema.Draft4Validator(schema).iter_errors(log)]
    assert errors == []
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"])
            for r in results] == [
        ("E006", "error", {"uri": "maps/bad.cjm"}),
        ("W104", "warning", {"uri": "maps/shop.cjm"}),
        ("L201", "warning", {"uri": "maps/shop.cjm"}),
        ("E012", "error", {"uri": "maps/with%20space.cjm"})]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]
    assert results[2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 9, "startColumn": 7, "endLine": 9, "endColumn": 11}
    assert {"id": "L201", "name": "pain-without-opportunity"}.items() <= rules[
        [r["id"] for r in rules].index("L201")].items()


def test_sarif_output_is_the_same_bytes_every_run(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY))
    runs = {cjm("lint", "--format", "sarif", "maps", cwd=project).stdout for _ in range(2)}
    assert len(runs) == 1


def test_github_annotations_name_file_line_and_rule(project):
    (project / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY))
    run = cjm("lint", "--format", "github", "--min-coverage", "pains=1", "maps/shop.cjm",
              cwd=project)
    assert run.stdout.splitlines() == [
        "::warning file=maps/shop.cjm,line=9,col=7,endLine=9,endColumn=11,"
        "title=cjm L201 pain-without-opportunity::pain point at `checkout` has no opportunity"
        '%0Aadd an `opportunity "…"` to touchpoint `checkout` that answers it',
        "coverage of maps/shop.cjm: pains 0/1 (0%), evidence 1/1 (100%), owners 1/1 (100%)",
        "::error file=maps/shop.cjm,title=cjm coverage::maps/shop.cjm: pains with an opportunity "
        "is 0%25 (0 of 1), below the minimum of 100%25"]
    assert run.returncode == 1


def test_github_escaping_follows_the_toolkit():
    assert github_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_a_message_cannot_forge_a_second_annotation():
    record = {"file": "evil,line=1::x\n::error file=a.cjm::forged.cjm", "code": "L201",
              "rule": "pain-without-opportunity", "severity": "warning",
              "message": "fee %0A\n::error::forged", "hint": "50%\r\n::warning::x",
              "line": 3, "column": 1, "end_line": 3, "end_column": 5}
    line = github_annotation(record)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::warning file=evil%2Cline=1%3A%3Ax")
    assert "%250A" in line  # a written `%0A` stays text, not a line break
    properties = line.split("::")[1]  # up to the first `::`: the command's own
    keys = [part.split("=")[0] for part in properties.removeprefix("warning ").split(",")]
    assert keys == ["file", "line", "col", "endLine", "endColumn", "title"]


# ── the README and the pages ─────────────────────────────────────────────────
def readme_rules() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Journey-quality rules: `cjm lint`\n", 1)[1].split("\n## ", 1)[0]
    return [[cell.strip().strip("`") for cell in line.strip().strip("|").split(" | ")]
            for line in section.splitlines() if re.match(r"\| [LW]\d{3} \|", line)]


def test_readme_table_of_rules_is_the_rules_and_their_pages():
    rows = readme_rules()
    assert [row[0] for row in rows] == sorted(LINT_CODES) + ["W102", "W103"]
    by_code = {rule.code: rule for rule in RULES}
    for code, name, severity, meaning in rows:
        rule = by_code.get(code)
        assert (name, severity) == ((rule.name, rule.severity) if rule else ("—", "warning")), code
        assert meaning == codes.summary(code), code


def test_every_lint_code_has_a_page_and_a_severity():
    for code in LINT_CODES:
        assert codes.page(code), code
        assert codes.severity(code) == "warning"
