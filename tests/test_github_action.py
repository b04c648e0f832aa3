"""The GitHub Action (`action.yml`): its script, `python -m cjmdsl.integrations.github_action`, run as the
action runs it, with a fake event payload in a local git repository (no network)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from test_lint import CLEAN, NO_OPPORTUNITY, changed


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}).stdout


@pytest.fixture
def repo(tmp_path):
    """A repository whose pull request changes maps/shop.cjm (a pain loses its opportunity)
    and leaves maps/other.cjm alone."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "shop.cjm").write_text(CLEAN)
    (tmp_path / "maps" / "other.cjm").write_text(CLEAN)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "maps")
    base = git(tmp_path, "rev-parse", "HEAD").strip()
    (tmp_path / "maps" / "shop.cjm").write_text(changed(NO_OPPORTUNITY))
    git(tmp_path, "commit", "-qam", "drop the opportunity")
    (tmp_path / "event.json").write_text(json.dumps(
        {"pull_request": {"number": 7, "base": {"sha": base}, "head": {"sha": "HEAD"}}}))
    return tmp_path


def run_action(repo: Path, event: str = "pull_request", **inputs: str):
    env = {**os.environ, "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(repo / "event.json"),
           "GITHUB_OUTPUT": str(repo / "output.txt"), "GITHUB_STEP_SUMMARY": str(repo / "summary.md"),
           "CJM_PATHS": "maps", "CJM_SARIF": "cjm.sarif", "CJM_COMMENT": str(repo / "comment.md"),
           "SOURCE_DATE_EPOCH": "1764547200", **inputs}
    return subprocess.run([sys.executable, "-m", "cjmdsl.integrations.github_action"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_action_annotates_writes_sarif_and_the_summary(repo):
    done = run_action(repo)
    assert done.returncode == 0, done.stderr
    assert re.findall(r"^::(\w+) file=([^,]+)", done.stdout, re.M) == [("warning", "maps/shop.cjm")]
    sarif = json.loads((repo / "cjm.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["L201"]
    summary = (repo / "summary.md").read_text()
    assert summary.startswith("### cjm lint passed\n\n0 errors, 1 warning.\n")
    assert "- ` coverage of maps/shop.cjm: pains 0/1 (0%), evidence 1/1 (100%), owners 1/1 " \
           "(100%) `" in summary


def test_the_comment_carries_the_semantic_diff_of_the_maps_the_pull_request_changed(repo):
    run_action(repo)
    body = (repo / "comment.md").read_text()
    assert body.startswith("<!-- cjm-action -->\n### cjm lint passed\n")
    assert "### Journey map changes" in body
    changes = body.split("### Journey map changes")[1]  # after the lint summary
    assert "**maps/shop.cjm**" in changes and "opportunit" in changes.lower()
    assert "other.cjm" not in changes
    outputs = (repo / "output.txt").read_text().splitlines()
    assert outputs == [f"comment-file={repo / 'comment.md'}", "pull-request=7"]


def test_the_bar_and_strict_fail_the_step(repo):
    assert run_action(repo, CJM_MIN_COVERAGE="pains=1").returncode == 1
    assert run_action(repo, CJM_STRICT="true").returncode == 1
    assert (repo / "summary.md").read_text().count("### cjm lint failed") == 2


def test_a_push_writes_no_comment(repo):
    (repo / "event.json").write_text(json.dumps({"before": "0" * 40}))
    done = run_action(repo, event="push")
    assert done.returncode == 0
    assert not (repo / "comment.md").exists()


def test_action_yml_runs_the_script_with_the_inputs_it_reads():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    lint = next(step for step in action["runs"]["steps"] if step.get("id") == "lint")
    assert lint["run"] == "python3 -m cjmdsl.integrations.github_action"
    script = (ROOT / "cjmdsl" / "integrations" / "github_action.py").read_text(encoding="utf-8")
    assert sorted(lint["env"]) == sorted(set(re.findall(r'env(?:\.get\()?\[?"(CJM_\w+)"', script)))
