"""What the composite GitHub Action (`action.yml`) runs:
`python -m cjmdsl.integrations.github_action`.

It lints the maps (annotations in the log, a SARIF file for code scanning, the coverage in
the job summary), and writes the body of a pull-request comment for the action's next step to
post: the lint summary, then the semantic diff (`cjm diff`) of the maps the pull request
changes. It reads only the event payload and the local git repository; the
network is the posting step's (`gh pr comment`), so everything here runs offline in tests.

Settings come from the environment, as the action passes its inputs: CJM_PATHS (maps and
folders, separated by spaces; default `.`), CJM_MIN_COVERAGE, CJM_STRICT (`true`),
CJM_SARIF (the SARIF file to write; empty: none), CJM_COMMENT (the comment body's file;
empty: none), and GitHub's GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY.
"""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

COMMENT_MARKER = "<!-- cjm-action -->"  # lets the posting step find and edit its comment


def main(environ: dict[str, str] | None = None) -> int:
    """Run the action's work; the exit code is `cjm lint`'s."""
    env = dict(os.environ if environ is None else environ)
    paths = shlex.split(env.get("CJM_PATHS", "")) or ["."]
    options = []
    if env.get("CJM_MIN_COVERAGE"):
        options += ["--min-coverage", env["CJM_MIN_COVERAGE"]]
    if env.get("CJM_STRICT", "").lower() == "true":
        options.append("--strict")
    annotated = cjm("lint", "--format", "github", *options, "--", *paths)
    sys.stdout.write(annotated.stdout)
    sys.stderr.write(annotated.stderr)
    if env.get("CJM_SARIF"):
        sarif = cjm("lint", "--format", "sarif", *options, "--", *paths)
        Path(env["CJM_SARIF"]).write_text(sarif.stdout, encoding="utf-8")
    summary = lint_summary(annotated.stdout, annotated.returncode)
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary + "\n")
    event = read_event(env)
    base = base_revision(env.get("GITHUB_EVENT_NAME", ""), event)
    if env.get("CJM_COMMENT") and env.get("GITHUB_EVENT_NAME") == "pull_request":
        changed = changed_maps(base) if base else []
        body = comment_body(summary, changed, diff_markdown(base, changed) if changed else None)
        Path(env["CJM_COMMENT"]).write_text(body, encoding="utf-8")
        number = (event.get("pull_request") or {}).get("number")
        set_outputs(env, {"comment-file": env["CJM_COMMENT"], "pull-request": number or ""})
    return annotated.returncode


def cjm(*args: str) -> subprocess.CompletedProcess:
    """`cjm` of the interpreter that runs this (the one the action installed cjm into)."""
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          capture_output=True, text=True, check=False)


def read_event(env: dict[str, str]) -> dict:
    path = env.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    return json.loads(Path(path).read_text(encoding="utf-8"))


def base_revision(event_name: str, event: dict) -> str | None:
    """What the maps are compared with: a pull request's base commit, a push's previous one
    (None for a new branch, whose `before` is all zeros)."""
    if event_name in ("pull_request", "pull_request_target"):
        return ((event.get("pull_request") or {}).get("base") or {}).get("sha")
    before = event.get("before")
    return None if not before or set(before) == {"0"} else before


def changed_maps(base: str) -> list[str]:
    """The .cjm files that differ between `base` and the checked-out commit (added, copied,
    modified, renamed), as git lists them."""
    done = subprocess.run(["git", "diff", "--name-only", "--diff-filter=ACMR", base, "HEAD",
                           "--", "*.cjm"], capture_output=True, text=True, check=False)
    return sorted(line for line in done.stdout.splitlines() if line) if done.returncode == 0 else []


def diff_markdown(base: str, files: list[str]) -> str | None:
    """`cjm diff BASE FILE… --format markdown` for the changed maps, or None when it fails
    (a map that does not compile at one of the revisions; the lint summary says why)."""
    done = cjm("diff", base, *files, "--format", "markdown")
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def lint_summary(annotations: str, code: int) -> str:
    """The lint result in Markdown: a verdict, the annotations counted, each map's coverage."""
    lines = annotations.splitlines()
    errors = sum(line.startswith("::error") for line in lines)
    warnings = sum(line.startswith("::warning") for line in lines)
    verdict = "passed" if code == 0 else "failed"
    out = [f"### cjm lint {verdict}", "",
           f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}."]
    coverage = [line for line in lines if line.startswith("coverage of ")]
    if coverage:
        out += ["", *(f"- {_md_code(line)}" for line in coverage)]
    return "\n".join(out)


def _md_code(text: str) -> str:
    """A line of cjm's output as Markdown inline code, whatever backticks it holds."""
    fence = "`"
    while fence in text:
        fence += "`"
    return f"{fence} {text} {fence}"


def comment_body(summary: str, changed: list[str], diff: str | None) -> str:
    out = [COMMENT_MARKER, summary, ""]
    if not changed:
        out.append("No journey map changed in this pull request.")
    elif diff is None:
        out.append("Changed maps: " + ", ".join(_md_code(name) for name in changed) + ".")
    else:
        out.append(diff)
    return "\n".join(out) + "\n"


def set_outputs(env: dict[str, str], outputs: dict[str, object]) -> None:
    """Step outputs, as GitHub reads them from the file GITHUB_OUTPUT names."""
    if not env.get("GITHUB_OUTPUT"):
        return
    with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
        for name, value in outputs.items():
            out.write(f"{name}={str(value).replace(chr(10), ' ')}\n")


if __name__ == "__main__":
    sys.exit(main())
