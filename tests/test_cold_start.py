"""What a one-off `cjm render` loads: only what drawing the map needs.

A pre-commit hook or a Makefile rule starts `cjm` once per map, so every module imported for
nothing is paid on every map. These tests list the modules a fresh process has loaded after
rendering and name those a default render must leave alone (the figures are in bench/).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Runs `cjm ARGS…` in this process, then prints the names of the loaded modules as JSON.
LOADED_AFTER = """\
import json, sys
from cjmdsl.cli import main
sys.argv = ["cjm", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}), file=sys.__stdout__)
"""

# Not needed to draw one English map as SVG or HTML: other languages' numbers (babel),
# hyphenation (pyphen), the flow graph (graphviz), the editor and lint commands, a process
# pool for one map, importlib.resources (which brings tempfile, shutil and random), and a
# TOML reader when there is no theme or config file of the user's (the built-in themes and
# the catalogues ship parsed).
NOT_FOR_A_RENDER = ("babel", "pyphen", "graphviz", "pygls", "lsprotocol",
                    "cjmdsl.integrations.lsp", "cjmdsl.review.lint", "cjmdsl.cli.commands",
                    "cjmdsl.review.diff", "cjmdsl.language.format", "multiprocessing",
                    "importlib.resources", "tomllib")


def loaded_by(*args: str, cwd: Path) -> set[str]:
    result = subprocess.run([sys.executable, "-c", LOADED_AFTER, *args], cwd=cwd,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(cwd)})
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["exit"] == 0, result.stderr
    return set(report["modules"])


def unneeded(modules: set[str]) -> list[str]:
    return sorted(name for name in modules
                  if any(name == banned or name.startswith(banned + ".")
                         for banned in NOT_FOR_A_RENDER))


@pytest.mark.parametrize("output", ["map.svg", "map.html", "map.json"])
def test_rendering_one_map_loads_nothing_it_does_not_draw_with(tmp_path, output):
    source = tmp_path / "map.cjm"
    source.write_text((REPO / "examples" / "support-ticket.cjm").read_text(encoding="utf-8"),
                      encoding="utf-8")
    modules = loaded_by("render", "map.cjm", "--no-cache", "-o", output, cwd=tmp_path)
    assert (tmp_path / output).stat().st_size > 0
    assert unneeded(modules) == []


def test_checking_a_map_loads_no_template_engine(tmp_path):
    (tmp_path / "map.cjm").write_text(
        (REPO / "examples" / "support-ticket.cjm").read_text(encoding="utf-8"), encoding="utf-8")
    modules = loaded_by("check", "map.cjm", cwd=tmp_path)
    assert unneeded(modules) == []
    assert "jinja2" not in modules


def test_a_theme_file_of_the_user_s_is_read_with_the_toml_reader(tmp_path):
    """The other side of the above: the parsed built-ins do not stand in for a user's file."""
    (tmp_path / "map.cjm").write_text(
        (REPO / "examples" / "support-ticket.cjm").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "brand.toml").write_text('extends = "default"\n[colors]\npain = "#123456"\n',
                                         encoding="utf-8")
    modules = loaded_by("render", "map.cjm", "--no-cache", "--theme", "brand.toml", "-o",
                        "map.svg", cwd=tmp_path)
    assert "tomllib" in modules
    assert "#123456" in (tmp_path / "map.svg").read_text(encoding="utf-8")


# Runs `cjm ARGS…` in this process and prints how many garbage collections ran from the start
# of `main` to its end.
COLLECTIONS_DURING = """\
import gc, sys
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))
from cjmdsl.cli import main
sys.argv = ["cjm", *sys.argv[1:]]
collections.clear()  # those while Python and click started
try:
    main()
except SystemExit:
    pass
print(len(collections), file=sys.__stdout__)
"""


def test_a_one_off_render_runs_no_garbage_collection(tmp_path):
    """The process exits after the map: collections would only walk the heap for nothing
    (the old code ran 45, and one more as it turned the collector back on on its way out)."""
    (tmp_path / "map.cjm").write_text(
        (REPO / "examples" / "grocery-shop.cjm").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", COLLECTIONS_DURING, "render", "map.cjm",
                             "--no-cache", "-o", "map.svg"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "CJM_CACHE_DIR": str(tmp_path)})
    assert (tmp_path / "map.svg").stat().st_size > 0, result.stderr
    assert int(result.stdout) == 0


@pytest.mark.parametrize("command", ["lsp", "serve", "watch"])
def test_commands_that_run_until_stopped_collect_garbage(command):
    import gc

    import click

    from cjmdsl.cli import cli

    was_enabled = gc.isenabled()
    gc.disable()  # as `main` leaves it for every command
    try:
        cli.get_command(click.Context(cli), command)
        assert gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
