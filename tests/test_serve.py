"""`cjm serve` in Debian's Chromium: the page follows edits; an error shows the diagnostics
over the last good map; Ctrl-C stops the server cleanly."""
from __future__ import annotations

import json
import re
import signal
import socket
import struct
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


# ── surviving its clients ───────────────────────────────────────────────────────
def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1].strip("/"))


def _get(url: str, path: str = "", timeout: float = 5) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url + path, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def _open_stream(port: int) -> tuple[socket.socket, int]:
    """An event stream and its HTTP status, read up to its first message when it is served."""
    stream = socket.create_connection(("127.0.0.1", port), timeout=5)
    stream.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    received = b""
    while not (b"\r\n\r\n" in received and (b" 200 " not in received or b"data:" in received)):
        chunk = stream.recv(4096)
        if not chunk:
            break
        received += chunk
    return stream, int(received.split(b" ", 2)[1]) if received else 0


def test_300_idle_connections_do_not_lock_out_the_page_and_are_closed(served):
    _, url = served
    idle = [socket.create_connection(("127.0.0.1", _port(url)), timeout=5) for _ in range(300)]
    try:
        status, body = _get(url)
        assert status == 200 and b"<iframe" in body
        for connection in idle:  # the server hangs up on a connection that says nothing
            connection.settimeout(9)
            assert connection.recv(1) == b""
    finally:
        for connection in idle:
            connection.close()


def test_clients_leaving_mid_answer_print_nothing(tmp_path):
    source = tmp_path / "journey.cjm"
    touchpoints = "\n".join(f'  touchpoint t{i} "Touchpoint {i}" {{ channel web emotion maya 1 }}'
                            for i in range(300))
    source.write_text(f'map "Big" {{\n  persona maya "Maya"\n  stage s "S" {{\n{touchpoints}\n  }}\n}}\n',
                      encoding="utf-8")
    process = long_running(["cjm", "serve", str(source)])
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        port = _port(url)
        for _ in range(50):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            client.sendall(f"GET /map HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            client.recv(100)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()  # a reset, with most of the page unsent
        assert _get(url, "map")[0] == 200
    finally:
        assert interrupt_and_wait(process) == 0
    errors = process.stderr.read()
    assert "Traceback" not in errors and "Error" not in errors, errors
    assert errors.strip() == "cjm: stopped serving"


def test_event_streams_beyond_the_cap_get_503_and_the_page_still_loads(served):
    _, url = served
    streams = [_open_stream(_port(url)) for _ in range(17)]
    try:
        assert [status for _, status in streams[:16]] == [200] * 16
        assert streams[16][1] == 503
        assert _get(url)[0] == 200
    finally:
        for stream, _ in streams:
            stream.close()


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM],
                         ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_serve_within_a_second_despite_open_streams(tmp_path, signal_number):
    source = tmp_path / "journey.cjm"
    source.write_text(MAP, encoding="utf-8")
    process = long_running(["cjm", "serve", str(source)])
    streams = []
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline()).group(0)
        streams = [stream for stream, _ in (_open_stream(_port(url)) for _ in range(3))]
        idle = socket.create_connection(("127.0.0.1", _port(url)), timeout=5)
        streams.append(idle)
        started = time.monotonic()
        process.send_signal(signal_number)
        code = process.wait(10)
        assert time.monotonic() - started < 1.5
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in streams:
            stream.close()
    assert code == 0
    errors = process.stderr.read()
    assert errors.strip() == "cjm: stopped serving", errors
