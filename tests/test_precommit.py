"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit through `try-repo`.

pre-commit installs a hook repository from a git commit, so the test copies the working
tree into a temporary git repository and commits it there; the user's project is a
second temporary repository. pre-commit builds the hook's environment with pip, once
per test session (PRE_COMMIT_HOME is shared by the tests of this module).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, require_tool

GOOD = 'map "Shop" {\n  persona maya "Maya"\n  stage s "Browse" {\n' \
       '    touchpoint t "Sees an ad" { channel web emotion maya 1 }\n  }\n}\n'
BAD = GOOD.replace("emotion maya", "emotion mya")
IGNORE = shutil.ignore_patterns(".git", ".venv", "test-artifacts", "__pycache__", ".hypothesis",
                                ".pytest_cache", "*.egg-info", "build", "dist", ".benchmarks")
GIT_ENV = {"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}

pytestmark = pytest.mark.slow


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, Path]:
    """A committed copy of this working tree, and the PRE_COMMIT_HOME to install it into."""
    try:
        import pre_commit  # noqa: F401
        found = True
    except ImportError:
        found = False
    require_tool("pre-commit", found, "pip install -e '.[test]'")
    require_tool("git", shutil.which("git") is not None, "apt-get install git")
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "cjmdsl"
    shutil.copytree(ROOT, repo, ignore=IGNORE)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "hooks under test", cwd=repo)
    return repo, base / "home"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    git("init", "-q", "-b", "main", cwd=tmp_path)
    (tmp_path / "good.cjm").write_text(GOOD)
    (tmp_path / "bad.cjm").write_text(BAD)
    git("add", "-A", cwd=tmp_path)
    return tmp_path


def try_repo(hook_repo, hook: str, *files: str, cwd: Path) -> subprocess.CompletedProcess:
    repo, home = hook_repo
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--files", *files],
        cwd=cwd, capture_output=True, text=True, timeout=900,
        env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1",
             "CJM_CACHE_DIR": str(cwd / ".cjm-cache")})


def test_cjm_check_passes_good_maps_and_fails_a_bad_one(hook_repo, project):
    good = try_repo(hook_repo, "cjm-check", "good.cjm", cwd=project)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "cjm check" in good.stdout and "Passed" in good.stdout

    bad = try_repo(hook_repo, "cjm-check", "good.cjm", "bad.cjm", cwd=project)
    assert bad.returncode == 1
    assert "Failed" in bad.stdout
    assert "bad.cjm:4:53: error[E012]: unknown persona `mya`" in bad.stdout


def test_cjm_render_rewrites_a_stale_svg_then_passes(hook_repo, project):
    (project / "good.svg").write_text("<svg>stale</svg>")
    git("add", "-A", cwd=project)
    stale = try_repo(hook_repo, "cjm-render", "good.cjm", cwd=project)
    assert stale.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in stale.stdout
    assert "Shop" in (project / "good.svg").read_text()

    git("add", "-A", cwd=project)
    current = try_repo(hook_repo, "cjm-render", "good.cjm", cwd=project)
    assert current.returncode == 0, current.stdout + current.stderr
