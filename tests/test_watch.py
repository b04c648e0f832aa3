"""`cjm watch`: renders at start, again after each save, keeps the last good output on
errors, and stops cleanly on Ctrl-C. A real subprocess; bounded waits."""
from __future__ import annotations

import os
import subprocess
import time

import pytest
from conftest import interrupt_and_wait, long_running
from lsp_client import wait_until

pytest.importorskip("watchfiles", reason='cjm watch needs the live extra: pip install ".[live]"')

MAP = """map "Watched map" {
  persona maya "Maya"
  stage s "Stage" { touchpoint t "Touchpoint" { channel web emotion maya 1 } }
}
"""


def start(*args) -> subprocess.Popen:
    return long_running(["cjm", "watch", *map(str, args)])


def stop(process: subprocess.Popen) -> str:
    assert interrupt_and_wait(process) in (0, 130)
    errors = process.stderr.read()
    assert "Traceback" not in errors
    return errors


def edit(path, text: str) -> None:
    time.sleep(0.3)  # let the watcher settle; some file systems keep whole-second times
    path.write_text(text, encoding="utf-8")


def test_watch_renders_again_after_an_edit_and_keeps_the_last_good_output(tmp_path):
    source, output = tmp_path / "journey.cjm", tmp_path / "out" / "journey.svg"
    source.write_text(MAP, encoding="utf-8")
    process = start(source, "-o", output)
    try:
        assert wait_until(lambda: output.exists() and "Watched map" in output.read_text(), 15)
        edit(source, MAP.replace("Watched map", "Edited map"))
        assert wait_until(lambda: "Edited map" in output.read_text(), 15)
        edit(source, MAP.replace("emotion maya 1", "emotion mya 1"))
        time.sleep(1.5)
        assert "Edited map" in output.read_text()  # the error did not touch the output
    finally:
        errors = stop(process)
    assert "error[E012]: unknown persona `mya`" in errors
    assert "is unchanged" in errors and "stopped watching" in errors


def test_watch_picks_the_format_from_the_output_name(tmp_path):
    source, output = tmp_path / "journey.cjm", tmp_path / "journey.json"
    source.write_text(MAP, encoding="utf-8")
    process = start(source, "-o", output)
    try:
        assert wait_until(lambda: output.exists() and output.read_text().startswith("{"), 15)
    finally:
        stop(process)


def test_watch_refuses_to_write_over_its_input(tmp_path):
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    run = subprocess.run(["cjm", "watch", str(source), "-o", str(source), "-f", "svg"],
                         capture_output=True, text=True, timeout=20)
    assert run.returncode == 2 and "refusing to write over the input" in run.stderr


def test_watch_refuses_an_f_that_contradicts_the_output_name(tmp_path):
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    run = subprocess.run(["cjm", "watch", str(source), "-o", str(tmp_path / "out.png"),
                          "-f", "svg"], capture_output=True, text=True, timeout=20)
    assert run.returncode == 2
    assert f"-f svg contradicts -o {tmp_path / 'out.png'}" in run.stderr
    assert not (tmp_path / "out.png").exists()


def test_watch_draws_with_the_project_configs_theme(tmp_path):
    (tmp_path / "cjm.toml").write_text('theme = "dark"\n', encoding="utf-8")
    source, output = tmp_path / "journey.cjm", tmp_path / "journey.svg"
    source.write_text(MAP, encoding="utf-8")
    process = start(source)
    try:
        assert wait_until(lambda: output.exists() and "#111827" in output.read_text(), 15)
    finally:
        stop(process)


def test_watch_lays_the_map_out_for_the_project_configs_width(tmp_path):
    (tmp_path / "cjm.toml").write_text("width = 1000\n", encoding="utf-8")
    source, output = tmp_path / "journey.cjm", tmp_path / "journey.svg"
    source.write_text(MAP, encoding="utf-8")
    process = start(source)
    try:
        assert wait_until(lambda: output.exists() and '<svg xmlns="http://www.w3.org/2000/svg" '
                          'width="1000"' in output.read_text(), 15)
    finally:
        stop(process)


def test_watch_compiles_within_the_project_configs_limits(tmp_path):
    (tmp_path / "cjm.toml").write_text("[limits]\nmax_touchpoints = 1\n", encoding="utf-8")
    source, output = tmp_path / "journey.cjm", tmp_path / "journey.svg"
    source.write_text(MAP.replace("} }\n}", '} touchpoint u "Second" { channel web } }\n}'),
                      encoding="utf-8")
    process = start(source)
    try:
        time.sleep(5)  # the first render, which the limits refuse
    finally:
        errors = stop(process)
    assert "error[E032]" in errors and not output.exists()


def test_watch_stops_on_a_config_with_mistakes(tmp_path):
    (tmp_path / "cjm.toml").write_text('them = "dark"\n', encoding="utf-8")
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    run = subprocess.run(["cjm", "watch", str(source)], capture_output=True, text=True, timeout=20)
    assert run.returncode == 1
    assert "cjm.toml:1:1: error[E061]: unknown key `them`" in run.stderr
    assert not (tmp_path / "journey.svg").exists()


def test_watch_prints_dots_warnings_as_diagnostics(tmp_path, monkeypatch):
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho 'Warning: odd layout' >&2\necho '<svg/>'\n",
                    encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    source, output = tmp_path / "journey.cjm", tmp_path / "journey.flow.svg"
    source.write_text(MAP, encoding="utf-8")
    process = start(source, "-o", output)
    try:
        assert wait_until(output.exists, 15)
    finally:
        errors = stop(process)
    assert "warning[W120]: Graphviz's `dot` warns: odd layout" in errors
