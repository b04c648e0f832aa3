"""`cjm serve` in Debian's Chromium: the page follows edits; an error shows the diagnostics
over the last good map; Ctrl-C stops the server cleanly."""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request

import pytest
from conftest import interrupt_and_wait, long_running

pytest.importorskip("watchfiles", reason='cjm serve needs the live extra: pip install ".[live]"')

MAP = """map "Served map" {
  persona maya "Maya"
  stage s "Stage" { touchpoint t "First touchpoint" { channel web emotion maya 1 } }
}
"""


@pytest.fixture
def served(tmp_path):
    """A `cjm serve` subprocess on a map in tmp_path: (the map's path, the URL)."""
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    process = long_running(["cjm", "serve", str(source)])
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert found, line + process.stderr.read()
    yield source, found.group(0)
    assert interrupt_and_wait(process) in (0, 130)
    errors = process.stderr.read()
    assert "Traceback" not in errors and "stopped serving" in errors


def edit(path, text: str) -> None:
    time.sleep(0.3)
    path.write_text(text, encoding="utf-8")


@pytest.mark.browser
def test_page_follows_edits_and_keeps_the_map_on_errors(served, page):
    source, url = served
    page.goto(url)
    frame = page.frame_locator("#map")
    frame.locator("h1").filter(has_text="Served map").wait_for(timeout=10_000)
    assert page.locator("#problems").is_hidden()

    edit(source, MAP.replace("First touchpoint", "Renamed touchpoint").replace(
        "Served map", "Edited map"))
    frame.locator("h1").filter(has_text="Edited map").wait_for(timeout=15_000)
    assert "Renamed touchpoint" in frame.locator("body").inner_text()

    edit(source, MAP.replace("Served map", "Broken map").replace("emotion maya", "emotion mya"))
    problems = page.locator("#problems")
    problems.wait_for(state="visible", timeout=15_000)
    assert "error[E012]: unknown persona `mya`" in problems.inner_text()
    assert "did you mean `maya`?" in problems.inner_text()
    assert frame.locator("h1").inner_text() == "Edited map"  # the last good map stays

    edit(source, MAP.replace("Served map", "Fixed map"))
    frame.locator("h1").filter(has_text="Fixed map").wait_for(timeout=15_000)
    problems.wait_for(state="hidden", timeout=5_000)


def test_serve_answers_only_its_own_host(served):
    _, url = served
    request = urllib.request.Request(url, headers={"Host": "evil.example:80"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403
    with urllib.request.urlopen(url + "map", timeout=5) as answer:
        assert b"Served map" in answer.read()
    assert url.startswith("http://127.0.0.1:")


def test_serve_starts_on_a_broken_file_and_says_why(tmp_path):
    source = tmp_path / "broken.cjm"
    source.write_text('map "Broken" {\n  stage s "S" {\n', encoding="utf-8")
    process = long_running(["cjm", "serve", str(source)])
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        with urllib.request.urlopen(url + "state", timeout=5) as answer:
            state = json.loads(answer.read())
        assert "error[E003]" in state["problems"] and state["map_version"] == 0
        with urllib.request.urlopen(url + "map", timeout=5) as answer:
            assert b"No map yet" in answer.read()
    finally:
        assert interrupt_and_wait(process) in (0, 130)
        assert "Traceback" not in process.stderr.read()


def test_serve_draws_with_the_project_configs_theme(tmp_path):
    (tmp_path / "cjm.toml").write_text('theme = "high-contrast"\n', encoding="utf-8")
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    process = long_running(["cjm", "serve", str(source)])
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        with urllib.request.urlopen(url + "map", timeout=5) as answer:
            assert b"#0039a6" in answer.read()  # a colour of high-contrast alone
    finally:
        assert interrupt_and_wait(process) in (0, 130)
