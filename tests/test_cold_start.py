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
