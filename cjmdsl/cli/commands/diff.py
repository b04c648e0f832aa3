"""`cjm diff`: what changed between two versions of a map, in words (cjmdsl.review.diff).

Two files, or a git revision against the work tree (the old text from `git show REV:path`),
or, as git's external diff driver (`--git-driver`), the seven arguments git passes.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

DIFF_HELP = """Show what changed between two versions of a map: stages and touchpoints
added, removed, renamed or moved, feelings that moved per persona, pains added and
resolved, opportunities and their owners, evidence, KPIs against their targets.

When the first argument is an existing file, two maps are compared; otherwise it is a
git revision, and each FILE (or, with none, every map that changed since REV) is compared
with its text at REV.

\b
Examples:
  cjm diff old.cjm new.cjm
  cjm diff HEAD                          every map changed since the last commit
  cjm diff main maps/shop.cjm            one map against the branch main
  cjm diff HEAD~3 --format markdown      for a pull-request comment
  cjm diff HEAD --exit-code              exit 1 when a map changed

\b
As git's diff driver, so that `git diff` shows the semantic diff of .cjm files:
  git config diff.cjm.command "cjm diff --git-driver"
  echo '*.cjm diff=cjm' >> .gitattributes
\b
Or as its textconv, so that git diffs one fact per line (git log -p, --word-diff):
  git config diff.cjm.textconv "cjm diff --textconv"
"""

NO_FILE = "/dev/null"  # what git passes for the missing side of an added or deleted file


@click.command(help=DIFF_HELP)
@click.argument("arguments", nargs=-1, metavar="OLD NEW | REV [FILE...]")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True, help="How to print the changes.")
@click.option("--exit-code", is_flag=True,
              help="Exit 1 when there are changes, 0 when there are none (as git diff).")
@click.option("--git-driver", is_flag=True,
              help="Take the seven arguments of git's external diff driver "
                   "(diff.cjm.command).")
@click.option("--textconv", is_flag=True,
              help="Print one map as one fact per line, for git's diff.cjm.textconv.")
@click.option("--svg", "svg_file", type=click.Path(dir_okay=False), default=None,
              help="Also draw the new map to this SVG file, what changed marked and the old "
                   "curves faint behind the new ones (one map).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None,
              help="The same drawing as an HTML page.")
def diff(arguments: tuple[str, ...], output_format: str, exit_code: bool,
         git_driver: bool, textconv: bool, svg_file: str | None,
         html_file: str | None) -> None:
    from cjmdsl.review import diff_format
    from cjmdsl.cli import EXIT_MAP_ERRORS, EXIT_OK, fail_usage, write_stdout

    if textconv:
        _textconv(arguments)
    if git_driver:
        pairs = [_driver_pair(arguments)]
    elif not arguments:
        fail_usage("give two maps (cjm diff OLD NEW) or a git revision (cjm diff HEAD)")
    elif Path(arguments[0]).is_file():
        if len(arguments) != 2:
            fail_usage(f"{arguments[0]} is a file: give the old and the new map "
                       f"(cjm diff OLD NEW), or a git revision first (cjm diff HEAD FILE...)")
        pairs = [(arguments[1], _from_file(arguments[0]), _from_file(arguments[1]))]
    else:
        pairs = _revision_pairs(arguments[0], arguments[1:])
    drawings = {"svg": svg_file, "html": html_file}
    if any(drawings.values()) and len(pairs) != 1:
        fail_usage(f"--svg and --html draw one map; {len(pairs)} maps changed: name one "
                   f"(cjm diff REV FILE --svg OUT.svg)")
    files, failed, versions = [], False, None
    for name, old, new in pairs:
        compared = _compare(name, old, new)
        if compared is None:
            failed = True
        else:
            files.append(compared[0])
            versions = compared[1:]
    render = {"text": lambda found: diff_format.text(found, _color()),
              "markdown": diff_format.markdown, "json": diff_format.as_json}[output_format]
    if files or not failed:
        write_stdout(render(files) + "\n")
    if versions is not None and any(drawings.values()):
        _draw(*versions, drawings, [name for name, _, _ in pairs])
    changed = any(file.map_diff.changes or file.map_diff.status != "unchanged" for file in files)
    if failed:
        sys.exit(EXIT_MAP_ERRORS)
    sys.exit(1 if exit_code and changed else EXIT_OK)


def _textconv(arguments: tuple[str, ...]) -> None:
    """git runs `diff.cjm.textconv` with the path of one version. A version that does not
    compile is printed as it is, its diagnostics on standard error, so `git diff` still shows
    the edit that broke it."""
    from cjmdsl.cli import (EXIT_OK, check_source, fail_usage, print_diagnostics, read_source,
                            write_stdout)
    from cjmdsl.review.textconv import facts

    if len(arguments) != 1:
        fail_usage(f"--textconv takes the one file git passes (got {len(arguments)}); set it "
                   f"with: git config diff.cjm.textconv \"cjm diff --textconv\"")
    source = read_source(arguments[0])
    if source is None:
        sys.exit(EXIT_MAP_ERRORS)
    result = check_source(source)
    if result.journey is None:
        print_diagnostics(result.diagnostics, source)
        write_stdout(source.text)
    else:
        write_stdout(facts(result.journey))
    sys.exit(EXIT_OK)


def _draw(old, new, drawings: dict[str, str | None], inputs: list[str]) -> None:
    """The new version drawn with what changed since the old one marked, to each file
    asked for; a map deleted has nothing to draw."""
    from cjmdsl.backends import html, svg
    from cjmdsl.cli import fail_usage, refuse_over_input, theme_or_exit
    from cjmdsl.runtime.files import write_atomically
    from cjmdsl.model import Journey

    if new is None:
        fail_usage("the map was deleted: there is no new version to draw")
    read = frozenset(Path(name).resolve() for name in inputs if Path(name).exists())
    before = old or Journey(title="")
    theme = theme_or_exit(new.theme or "default")
    for kind, target in drawings.items():
        if target is None:
            continue
        refuse_over_input(target, read)
        content = (svg.render_changes(new, before, theme) if kind == "svg"
                   else html.render(new, theme, before))
        try:
            write_atomically(Path(target), content)
        except OSError as exc:
            fail_usage(f"cannot write {target}: {exc.strerror or exc}")


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


# One version of a map: (name for messages, bytes), or None where there is no such version.
Version = tuple  # (str, bytes) | None


def _from_file(name: str) -> Version:
    from cjmdsl.cli import fail_usage

    if name == NO_FILE:
        return None
    if not Path(name).is_file():
        fail_usage(f"cannot read {name}: no such file")
    return name, None  # read through cjm's own reader (size limits, regular files only)


def _driver_pair(arguments: tuple[str, ...]) -> tuple[str, Version, Version]:
    """git calls `diff.cjm.command` with: path old-file old-hex old-mode new-file new-hex
    new-mode (old-file or new-file is /dev/null for an added or deleted file)."""
    from cjmdsl.cli import fail_usage

    if len(arguments) != 7:
        fail_usage("--git-driver takes the 7 arguments git passes to diff.cjm.command "
                   f"(got {len(arguments)}); set it with: git config diff.cjm.command "
                   "\"cjm diff --git-driver\"")
    path, old_file, new_file = arguments[0], arguments[1], arguments[4]
    old = None if old_file == NO_FILE else (f"a/{path}", Path(old_file).read_bytes())
    new = None if new_file == NO_FILE else (path, Path(new_file).read_bytes())
    return path, old, new


def _compare(name: str, old: Version, new: Version):
    """The FileDiff of two versions and their journeys (None for a missing version), or None
    when either has errors (printed as `cjm check` prints them)."""
    from cjmdsl.review.diff import diff
    from cjmdsl.review.diff_format import FileDiff

    journeys = []
    for version in (old, new):
        if version is None:
            journeys.append(None)
            continue
        journey = _compile(*version, Path(name))
        if journey is False:
            return None
        journeys.append(journey)
    old_name = old[0] if old else NO_FILE
    return FileDiff(name, old_name, diff(*journeys)), *journeys


def _compile(name: str, data: bytes | None, location: Path):
    """The journey of one version, or False with its diagnostics printed. A version from git
    (`data`) reads the libraries it `use`s beside `location`, the map in the work tree."""
    from cjmdsl.cli import Source, check_source, decoded_source, print_diagnostics, read_source

    if data is None:
        source = read_source(name)
    else:
        source = decoded_source(Source(name, "", location, data, len(data)))
    if source is None:
        return False
    result = check_source(source)
    print_diagnostics(result.diagnostics, source)
    return result.journey if result.journey is not None else False


# ── git ─────────────────────────────────────────────────────────────────────
def _revision_pairs(revision: str, files: tuple[str, ...]) -> list[tuple[str, Version, Version]]:
    """Each map (those named, else every .cjm that changed since `revision`) with its text at
    `revision` and in the work tree."""
    from cjmdsl.cli import fail_usage

    top = _toplevel()
    if revision.startswith("-") or _git(top, "rev-parse", "--verify", "--quiet",
                                        f"{revision}^{{commit}}").returncode:
        fail_usage(f"unknown revision {revision}: give a commit, branch or tag git knows "
                   f"(HEAD, main, HEAD~1), or two map files")
    if files:
        paths = [_in_repository(top, name) for name in files]
    else:
        listed = _git(top, "diff", "--name-only", "-z", "--no-renames", revision, "--")
        paths = sorted(p for p in listed.stdout.decode("utf-8", "surrogateescape").split("\0")
                       if p.lower().endswith(".cjm"))
    pairs = []
    for path in paths:
        shown = os.path.relpath(top / path)
        at_revision = _git(top, "show", f"{revision}:{path}")
        old = (f"{revision}:{path}", at_revision.stdout) if at_revision.returncode == 0 else None
        new = _from_file(shown) if (top / path).is_file() else None
        if old is None and new is None:
            fail_usage(f"{shown} is neither in {revision} nor in the work tree")
        pairs.append((shown, old, new))
    return pairs


def _toplevel() -> Path:
    from cjmdsl.cli import fail_unavailable, fail_usage

    try:
        found = _git(Path.cwd(), "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        fail_unavailable("git is not installed; compare two files instead: cjm diff OLD NEW")
    if found.returncode:
        fail_usage("not a git repository (or any parent folder); compare two files instead: "
                   "cjm diff OLD NEW")
    return Path(found.stdout.decode("utf-8", "surrogateescape").strip())


def _in_repository(top: Path, name: str) -> str:
    """`name` as a path inside the repository at `top`, in git's spelling."""
    from cjmdsl.cli import fail_usage

    try:
        return Path(name).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        fail_usage(f"{name} is outside the git repository {top}")


def _git(top: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(top), *arguments], capture_output=True, check=False)
