"""The `cjm` command as a user runs it: a real subprocess in a scratch folder.

Every run also checks that no Python traceback reaches the user.
"""
from __future__ import annotations

import importlib.util
import json
import os
import pty
import select
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import require_tool

from cjmdsl import __version__
from cjmdsl.runtime.files import write_atomically

GOOD = """\
map "Shop" {
  persona maya "Maya"
  stage s "Browse" {
    touchpoint t "Sees an ad" {
      channel web
      emotion maya 1
    }
  }
}
"""
BAD = """\
map "Broken" {
  stage s "Browse" {
    touchpoint t "Sees an ad" { channel web emotion mya 1 }
  }
}
"""
WARNS = """\
map "Quiet" {
  stage s "Browse" {
    touchpoint t "Sees an ad" { }
  }
}
"""


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str


def cjm(*args: str, cwd: Path, stdin: bytes = b"", without: tuple[str, ...] = (),
        path: str | None = None) -> Run:
    """Run the installed entry point, `cjm ARGS`, in `cwd`; as if the Python packages
    `without` were not installed, and with `path` as PATH when given."""
    hide = "".join(f"sys.modules[{name!r}] = None; " for name in without)
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; {hide}from cjmdsl.cli import main; main()", *args],
        cwd=cwd, input=stdin, capture_output=True, timeout=60,
        env={**os.environ, "NO_COLOR": "1", **({"PATH": path} if path else {})},
    )
    run = Run(result.returncode, result.stdout, result.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in run.stderr
    assert b"Traceback" not in run.stdout
    return run


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder with a good map, a second good map, a broken one and one with a warning."""
    (tmp_path / "a.cjm").write_text(GOOD)
    (tmp_path / "b.cjm").write_text(GOOD.replace('"Shop"', '"Shop B"'))
    (tmp_path / "bad.cjm").write_text(BAD)
    (tmp_path / "warns.cjm").write_text(WARNS)
    return tmp_path


def is_svg(data: bytes) -> bool:
    return data.startswith(b"<svg") and data.rstrip().endswith(b"</svg>")


# ── where output goes ──────────────────────────────────────────────────────
def test_render_writes_svg_beside_the_map(maps):
    run = cjm("render", "a.cjm", cwd=maps)
    assert (run.code, run.stdout, run.stderr) == (0, b"", "")
    assert is_svg((maps / "a.svg").read_bytes())


def test_render_writes_to_the_file_named_by_o(maps):
    run = cjm("render", "a.cjm", "-o", "build/shop.svg", cwd=maps)
    assert run.code == 0
    assert is_svg((maps / "build" / "shop.svg").read_bytes())
    assert not (maps / "a.svg").exists()


def test_render_with_o_dash_writes_to_stdout_only(maps):
    before = set(maps.iterdir())
    run = cjm("render", "a.cjm", "-o", "-", cwd=maps)
    assert run.code == 0
    assert is_svg(run.stdout)
    assert set(maps.iterdir()) == before


def test_render_reads_the_map_from_stdin(maps):
    run = cjm("render", "-", cwd=maps, stdin=GOOD.encode())
    assert run.code == 0
    assert is_svg(run.stdout)


def test_render_from_stdin_to_a_file(maps):
    run = cjm("render", "-", "-o", "out.svg", cwd=maps, stdin=GOOD.encode())
    assert (run.code, run.stdout) == (0, b"")
    assert is_svg((maps / "out.svg").read_bytes())


def test_render_many_maps_into_a_folder_mirrors_their_names(maps):
    run = cjm("render", "a.cjm", "b.cjm", "-o", "out/", cwd=maps)
    assert run.code == 0
    assert sorted(p.name for p in (maps / "out").iterdir()) == ["a.svg", "b.svg"]
    assert b"Shop B" in (maps / "out" / "b.svg").read_bytes()


def test_render_json_is_valid_json(maps):
    run = cjm("render", "a.cjm", "-f", "json", "-o", "-", cwd=maps)
    assert run.code == 0
    assert json.loads(run.stdout)["journey"]["title"] == "Shop"


def test_maps_with_the_same_name_never_silently_overwrite_each_other(maps):
    for folder in ("x", "y"):
        (maps / folder).mkdir()
        (maps / folder / "m.cjm").write_text(GOOD.replace('"Shop"', f'"Shop {folder}"'))
    run = cjm("render", "x/m.cjm", "y/m.cjm", "-o", "out/", cwd=maps)
    assert run.code == 2 or len(list((maps / "out").iterdir())) == 2


# ── the format follows the output file ─────────────────────────────────────
NEEDS = {"png": ("resvg_py", "png"), "pdf": ("cairosvg", "pdf")}


def require_format(format_name: str) -> None:
    """Skip (fail in CI) when this machine cannot write `format_name`."""
    if format_name.startswith("flow-"):
        require_tool("dot", shutil.which("dot") is not None, "apt-get install graphviz")
    elif format_name in NEEDS:
        module, extra = NEEDS[format_name]
        require_tool(module, importlib.util.find_spec(module) is not None,
                     f'pip install ".[{extra}]"')


@pytest.mark.parametrize("file_name, format_name", [
    ("out.png", "png"), ("out.pdf", "pdf"), ("out.html", "html"), ("out.json", "json"),
    ("out.md", "md"), ("out.dot", "dot"), ("out.flow.svg", "flow-svg"),
    ("out.flow.png", "flow-png"), ("out.flow.pdf", "flow-pdf"), ("OUT.PNG", "png"),
])
def test_render_writes_the_format_the_output_name_asks_for(maps, file_name, format_name):
    require_format(format_name)
    run = cjm("render", "a.cjm", "-o", file_name, cwd=maps)
    assert (run.code, run.stderr) == (0, "")
    written = (maps / file_name).read_bytes()
    assert written == cjm("render", "a.cjm", "-f", format_name, "-o", "-", cwd=maps).stdout
    assert written != cjm("render", "a.cjm", "-o", "-", cwd=maps).stdout  # not the SVG


@pytest.mark.parametrize("format_name, file_name, renamed", [
    ("png", "out.svg", "out.png"), ("svg", "out.png", "out.svg"),
    ("flow-svg", "out.html", "out.flow.svg"),
])
def test_f_that_contradicts_the_output_name_is_a_usage_error_naming_both(
        maps, format_name, file_name, renamed):
    run = cjm("render", "a.cjm", "-f", format_name, "-o", file_name, cwd=maps)
    assert run.code == 2
    assert f"-f {format_name} contradicts -o {file_name}" in run.stderr
    assert f"name the output {renamed}" in run.stderr
    assert not (maps / file_name).exists()


@pytest.mark.parametrize("format_name, file_name", [
    ("svg", "out.flow.svg"), ("flow-svg", "out.svg"), ("dot", "out.gv"), ("md", "README"),
])
def test_f_is_obeyed_where_the_output_name_agrees_or_names_no_format(maps, format_name, file_name):
    run = cjm("render", "a.cjm", "-f", format_name, "-o", file_name, cwd=maps)
    assert (run.code, run.stderr) == (0, "")
    expected = cjm("render", "a.cjm", "-f", format_name, "-o", "-", cwd=maps).stdout
    assert (maps / file_name).read_bytes() == expected


def test_an_output_name_that_asks_for_no_format_needs_f(maps):
    run = cjm("render", "a.cjm", "-o", "out.txt", cwd=maps)
    assert run.code == 2
    assert "cannot tell the format from the name out.txt" in run.stderr
    assert ".png" in run.stderr and ".flow.svg" in run.stderr and "-f FORMAT" in run.stderr
    assert not (maps / "out.txt").exists()


@pytest.mark.parametrize("inputs", [["a.cjm", "b.cjm"], ["maps/"]], ids=["two-maps", "a-folder"])
def test_several_maps_need_o_to_be_a_folder(maps, inputs):
    (maps / "maps").mkdir()
    (maps / "maps" / "m.cjm").write_text(GOOD)
    before = sorted(p.name for p in maps.iterdir())
    run = cjm("render", *inputs, "-o", "single.svg", cwd=maps)
    assert run.code == 2
    assert "-o single.svg names a file" in run.stderr and "-o single.svg/" in run.stderr
    assert sorted(p.name for p in maps.iterdir()) == before


def test_an_output_given_as_second_argument_is_named_and_o_suggested(maps):
    run = cjm("render", "a.cjm", "out3.svg", cwd=maps)
    assert run.code == 2
    assert "out3.svg does not exist, and it is not a map" in run.stderr
    assert "cjm render a.cjm -o out3.svg" in run.stderr
    assert "refusing to write over" not in run.stderr
    assert not (maps / "out3.svg").exists() and not (maps / "a.svg").exists()


def test_binary_output_to_a_terminal_is_refused_and_text_is_not(maps):
    def to_terminal(*args: str) -> tuple[int, bytes, str]:
        terminal, shown_on = pty.openpty()
        try:
            done = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                                   *args], cwd=maps, input=GOOD.encode(), stdout=shown_on,
                                  stderr=subprocess.PIPE, timeout=60)
        finally:
            os.close(shown_on)
        shown = b""
        while select.select([terminal], [], [], 0.5)[0]:
            try:
                chunk = os.read(terminal, 65536)
            except OSError:  # Linux: the other end is closed and everything was read
                break
            if not chunk:
                break
            shown += chunk
        os.close(terminal)
        return done.returncode, shown, done.stderr.decode()

    code, shown, errors = to_terminal("render", "-", "-f", "png")
    assert (code, shown) == (2, b"")
    assert "-f png is binary and standard output is a terminal" in errors
    assert "-o map.png" in errors and "> map.png" in errors
    code, shown, errors = to_terminal("render", "-", "-f", "json")
    assert (code, errors) == (0, "")
    assert b'"title": "Shop"' in shown


# ── every command takes folders ────────────────────────────────────────────
@pytest.mark.parametrize("command", ["check", "show", "render"])  # fmt: tests/test_fmt.py
def test_every_command_that_reads_maps_takes_a_folder(tmp_path, command):
    (tmp_path / "maps" / "team").mkdir(parents=True)
    (tmp_path / "maps" / "a.cjm").write_text(GOOD)
    (tmp_path / "maps" / "team" / "bad.cjm").write_text(BAD)
    run = cjm(command, "maps", cwd=tmp_path)
    assert run.code == 1
    assert "maps/team/bad.cjm:3:53: error[E012]" in run.stderr
    if command == "show":
        assert b"Shop" in run.stdout


@pytest.mark.parametrize("command", ["check", "show", "render", "fmt"])
def test_every_command_refuses_stdin_mixed_with_files(maps, command):
    run = cjm(command, "-", "a.cjm", cwd=maps, stdin=GOOD.encode())
    assert run.code == 2
    assert "`-` (standard input) cannot be mixed with other inputs" in run.stderr


# ── a missing tool or extra ────────────────────────────────────────────────
@pytest.mark.parametrize("args, without, install", [
    (["render", "a.cjm", "-f", "png"], ("resvg_py",), 'pip install ".[png]"'),
    (["render", "a.cjm", "-f", "pdf"], ("cairosvg", "cairocffi"), 'pip install ".[pdf]"'),
    (["watch", "a.cjm"], ("watchfiles",), 'pip install ".[live]"'),
    (["serve", "a.cjm"], ("watchfiles",), 'pip install ".[live]"'),
    (["lsp"], ("pygls",), 'pip install ".[lsp]"'),
], ids=["png", "pdf", "watch", "serve", "lsp"])
def test_a_missing_extra_exits_4_with_the_install_command(maps, args, without, install):
    before = sorted(p.name for p in maps.iterdir())
    run = cjm(*args, cwd=maps, without=without)
    assert run.code == 4
    [line] = run.stderr.splitlines()
    assert line.startswith("cjm: error: ") and install in line
    assert sorted(p.name for p in maps.iterdir()) == before


def test_a_missing_graphviz_exits_4_like_a_missing_extra(maps):
    (maps / "no-tools").mkdir()
    run = cjm("render", "a.cjm", "-f", "flow-svg", cwd=maps, path=str(maps / "no-tools"))
    assert run.code == 4
    assert "apt-get install graphviz" in run.stderr
    assert not (maps / "a.flow.svg").exists()


# ── exit codes ─────────────────────────────────────────────────────────────
def test_map_errors_exit_1_with_diagnostics_on_stderr(maps):
    run = cjm("render", "bad.cjm", cwd=maps)
    assert run.code == 1
    assert "bad.cjm:3:53: error[E012]: unknown persona `mya`" in run.stderr
    assert not (maps / "bad.svg").exists()


@pytest.mark.parametrize("command", ["render", "check"])
def test_warnings_fail_only_under_strict(maps, command):
    lenient = cjm(command, "warns.cjm", cwd=maps)
    strict = cjm(command, "--strict", "warns.cjm", cwd=maps)
    assert (lenient.code, strict.code) == (0, 1)
    assert "warning[W102]" in lenient.stderr
    assert "warning[W102]" in strict.stderr


@pytest.mark.parametrize("args, message", [
    pytest.param(["render", "-f", "tiff", "a.cjm"], "'tiff' is not one of", id="unknown-format"),
    pytest.param(["render", "missing.cjm"], "cannot read missing.cjm", id="missing-file"),
    pytest.param(["check", "missing.cjm"], "cannot read missing.cjm", id="check-missing-file"),
    pytest.param(["render", "-", "a.cjm"], "cannot be mixed", id="stdin-with-files"),
    pytest.param(["render", "a.cjm", "-o", "a.cjm"], "refusing to write over the input a.cjm",
                 id="output-over-input"),
    pytest.param(["render", "a.cjm", "b.cjm", "-o", "-"], "cannot all go to standard output",
                 id="many-to-stdout"),
])
def test_usage_errors_exit_2_with_a_message(maps, args, message):
    original = (maps / "a.cjm").read_bytes()
    run = cjm(*args, cwd=maps)
    assert run.code == 2
    assert message in run.stderr
    assert (maps / "a.cjm").read_bytes() == original


def test_one_bad_map_does_not_stop_the_others(maps):
    (maps / "bad2.cjm").write_text(BAD.replace("mya", "tomm"))
    run = cjm("render", "a.cjm", "bad.cjm", "b.cjm", "bad2.cjm", "-o", "out/", cwd=maps)
    assert run.code == 1
    assert sorted(p.name for p in (maps / "out").iterdir()) == ["a.svg", "b.svg"]
    assert "bad.cjm:3:53: error[E012]" in run.stderr
    assert "bad2.cjm:3:53: error[E012]: unknown persona `tomm`" in run.stderr


def test_existing_output_is_untouched_when_the_map_has_errors(maps):
    (maps / "out.svg").write_bytes(b"<svg>old</svg>")
    before = sorted(p.name for p in maps.iterdir())
    run = cjm("render", "bad.cjm", "-o", "out.svg", cwd=maps)
    assert run.code == 1
    assert (maps / "out.svg").read_bytes() == b"<svg>old</svg>"
    assert sorted(p.name for p in maps.iterdir()) == before


# ── check ──────────────────────────────────────────────────────────────────
def test_check_json_lists_file_line_column_and_code(maps):
    run = cjm("check", "--format", "json", "bad.cjm", "a.cjm", cwd=maps)
    assert run.code == 1
    [entry] = json.loads(run.stdout)
    assert {k: entry[k] for k in ("file", "line", "column", "code", "severity")} == {
        "file": "bad.cjm", "line": 3, "column": 53, "code": "E012", "severity": "error"}
    assert entry["hint"] == 'declare it first: persona mya "Name"'


def test_check_writes_nothing(maps):
    before = sorted(p.name for p in maps.iterdir())
    assert cjm("check", "a.cjm", cwd=maps).code == 0
    assert sorted(p.name for p in maps.iterdir()) == before


# ── help and version ───────────────────────────────────────────────────────
def test_version(tmp_path):
    run = cjm("--version", cwd=tmp_path)
    assert run.code == 0
    assert run.stdout.decode().strip() == f"cjm, version {__version__}"


@pytest.mark.parametrize("args, example", [
    (["--help"], "cjm render shop.cjm"),
    (["render", "--help"], "cjm render maps/*.cjm -o build/maps/"),
    (["check", "--help"], "cjm check --format json shop.cjm"),
], ids=["cjm", "render", "check"])
def test_help_shows_examples(tmp_path, args, example):
    run = cjm(*args, cwd=tmp_path)
    assert run.code == 0
    assert "Examples:" in run.stdout.decode()
    assert example in run.stdout.decode()


# ── bytes on the way in ────────────────────────────────────────────────────
def test_invalid_utf8_is_E006_and_exit_1(tmp_path):
    (tmp_path / "latin1.cjm").write_bytes(GOOD.replace("Maya", "Ma\xefa").encode("latin-1"))
    run = cjm("render", "latin1.cjm", cwd=tmp_path)
    assert run.code == 1
    assert "latin1.cjm:2:19: error[E006]: invalid UTF-8 byte 0xef at byte offset 31" in run.stderr
    assert not (tmp_path / "latin1.svg").exists()


def test_byte_order_mark_and_crlf_line_endings_are_accepted(tmp_path):
    (tmp_path / "win.cjm").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    run = cjm("render", "win.cjm", "-f", "json", "-o", "-", cwd=tmp_path)
    assert (run.code, run.stderr) == (0, "")
    assert json.loads(run.stdout)["journey"]["title"] == "Shop"


def test_crlf_line_endings_keep_diagnostic_positions(tmp_path):
    (tmp_path / "win.cjm").write_bytes(b"\xef\xbb\xbf" + BAD.replace("\n", "\r\n").encode())
    run = cjm("check", "win.cjm", cwd=tmp_path)
    assert run.code == 1
    assert "win.cjm:3:53: error[E012]" in run.stderr
    assert "\r" not in run.stderr


# ── write_atomically ───────────────────────────────────────────────────────
def test_write_atomically_replaces_the_file(tmp_path):
    target = tmp_path / "map.svg"
    target.write_text("old")
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_write_atomically_keeps_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "map.svg"
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]
