"""Text from a map never reaches a terminal or a CI log raw (issue 22, reproduction 4).

Every text field of a map carries control sequences (OSC 52 clipboard, OSC 8 link, clear
screen, a carriage return, a newline that starts a GitHub Actions `::error` line); `cjm show`
and `cjm check` print them escaped, as rustc does, and carets still point at the right text.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cjmdsl.words.escape import terminal_text

# As .cjm string escapes, so the map itself stays printable text.
PAYLOAD = (r"\u{1b}]52;c;aGk=\u{7}\u{1b}]8;;http://e.vil\u{1b}\\x\u{1b}[2J\r"
           r"\n::error file=README.md,line=1::Security check passed")
SHOWN = (r"\u{1b}]52;c;aGk=\u{7}\u{1b}]8;;http://e.vil\u{1b}\x\u{1b}[2J\r"
         r"\n::error file=README.md,line=1::Security check passed")
MAP = """\
map "T{p}" {{
  description "D{p}"
  scale -2 .. 2 {{
    -2 "Low{p}"
    2 "High{p}"
  }}
  persona maya "Maya{p}" {{
    role "R{p}"
    goal "G{p}"
    need "N{p}"
    pain "P{p}"
    quote "Q{p}"
  }}
  stage s "Stage{p}" {{
    goal "SG{p}"
    touchpoint t "Touch{p}" {{
      channel web
      action "A{p}"
      thought "Th{p}"
      question "Qu{p}"
      emotion maya +1 "word{p}"
      expect maya +2
      pain "Pain{p}" source interview "src{p}"
      opportunity "Opp{p}" owner "own{p}"
      moment_of_truth "M{p}"
    }}
    action_item "Do{p}" outcome "out{p}" owner "who{p}"
  }}
  kpi k "Kpi{p}" value 11% higher target 15%
}}
"""
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(cwd)})


def assert_nothing_raw(text: str) -> None:
    assert not CONTROL.search(text), repr(CONTROL.search(text).group())
    assert not [line for line in text.splitlines() if line.lstrip().startswith("::")]


def test_show_prints_every_text_field_escaped(tmp_path):
    (tmp_path / "m.cjm").write_text(MAP.format(p=PAYLOAD))
    result = cjm("show", "m.cjm", "--width", "400", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_nothing_raw(result.stdout + result.stderr)
    for field in ("T", "D", "Stage", "SG", "Touch", "Maya", "word", "Pain", "Opp", "Do", "Kpi"):
        assert field + SHOWN in result.stdout, field


def test_check_prints_messages_hints_and_source_lines_escaped(tmp_path):
    raw = "\x1b]52;c;aGk=\x07\x1b]8;;http://e.vil\x1b\\x\x1b[2J\r"
    text = MAP.format(p="").replace('map "T" {\n', 'map "T" {\n  theme "x' + PAYLOAD + '"\n')
    text = text.replace("emotion maya +1", f"emotion mya +1 // {raw}")
    (tmp_path / "m.cjm").write_text(text)
    result = cjm("check", "m.cjm", cwd=tmp_path)
    assert result.returncode == 1
    assert_nothing_raw(result.stdout + result.stderr)
    assert f"unknown theme `x{SHOWN}`" in result.stderr
    assert terminal_text(raw) in result.stderr


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path):
    name = "m\x1b[2J\n::error::x.cjm"
    (tmp_path / name).write_text('map "T" {\n  stage s "S" { touchpoint t "T" { emotion mya 1 } }\n}\n')
    result = cjm("check", name, cwd=tmp_path)
    assert_nothing_raw(result.stderr)
    assert result.stderr.startswith(r"m\u{1b}[2J\n::error::x.cjm:2:")


@pytest.mark.parametrize("before", ["\x1b[2J", "\x07\x07", "\u202e"])
def test_the_caret_points_at_the_text_after_escaped_characters(tmp_path, before):
    (tmp_path / "m.cjm").write_text(
        f'map "T" {{\n  stage s "S{before}" {{ touchpoint t "T" {{ emotion mya 1 }} }}\n}}\n')
    result = cjm("check", "m.cjm", cwd=tmp_path)
    source, caret = result.stderr.splitlines()[1:3]
    column = caret.index("^")
    assert f'"S{terminal_text(before)}"' in source
    assert source[column:column + 3] == "mya" and caret.count("^") == 3, result.stderr


def test_terminal_text_escapes_as_rustc_does():
    assert terminal_text("a\nb\tc\x1b[0m\x9b\u202e é") == r"a\nb\tc\u{1b}[0m\u{9b}\u{202e} é"


def test_the_progress_bar_prints_a_file_name_escaped():
    import io

    from cjmdsl.batch import Progress

    stream = io.StringIO()
    Progress(2, stream).advance("m\x1b]52;c;aGk=\x07.cjm")
    assert stream.getvalue().endswith(r"1/2 m\u{1b}]52;c;aGk=\u{7}.cjm")


@pytest.mark.parametrize("args", [
    ["render", "missing\x1b]52;c;aGk=\x07\n::error::x.cjm"],
    ["render", "m.cjm", "-o", "out\x1b[2J\n::error::x.png", "-f", "svg"],
    ["explain", "E\x1b[2J\n::error::1"],
], ids=["unreadable-input", "contradicting-output", "unknown-code"])
def test_usage_errors_print_file_names_and_words_escaped(tmp_path, args):
    (tmp_path / "m.cjm").write_text(MAP.format(p=""))
    result = cjm(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert_nothing_raw(result.stderr)
    assert result.stderr.startswith("cjm: error: ")


# ── the docs builds' logs, and the other lines that name a file ──────────────
ESC_NAME = "m\x1b]52;c;aGk=\x07\x1b[2J"  # a file name that sets the clipboard, clears the screen
FORGED = "x\n::error file=README.md,line=1::Security check passed"
BROKEN = 'map "T" {\n  stage s "S" { touchpoint t "T" { emotion mya 1 } }\n}\n'


def docs_build(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True,
                         text=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in run.stderr, run.stderr
    return run


def test_sphinx_warnings_show_page_names_paths_and_options_escaped(tmp_path):
    pytest.importorskip("sphinx")
    page = f"p{ESC_NAME}"
    (tmp_path / "conf.py").write_text('extensions = ["cjmdsl.sphinx"]\nproject = "M"\n')
    (tmp_path / "index.rst").write_text(f"M\n=\n\n.. toctree::\n\n   {page}\n")
    (tmp_path / f"{ESC_NAME}.cjm").write_text(BROKEN)
    (tmp_path / f"{page}.rst").write_text(f"""\
P
=

.. cjm:: {ESC_NAME}.cjm

.. cjm:: missing{ESC_NAME}.cjm

.. cjm:: ../{ESC_NAME}.cjm

.. cjm:: good.cjm
   :theme: {FORGED.replace(chr(10), chr(10) + "      ")}
""")
    (tmp_path / "good.cjm").write_text(MAP.format(p=""))
    run = docs_build(["sphinx", "-q", "-b", "html", ".", "_out"], tmp_path)
    assert_nothing_raw(run.stderr)
    shown, page_shown = terminal_text(ESC_NAME), terminal_text(page)
    assert f"{page_shown}.rst:4: WARNING: {shown}.cjm:2:" in run.stderr, run.stderr
    assert f"{page_shown}.rst:6: WARNING: cjm: cannot read missing{shown}.cjm" in run.stderr
    assert f"{page_shown}.rst:8: WARNING: cjm: `{tmp_path.parent}/{shown}.cjm` leads outside " \
           "the project" in run.stderr
    assert r"WARNING: cjm: unknown theme `x\n::error file=README.md" in run.stderr


def test_mkdocs_errors_show_page_names_links_and_options_escaped(tmp_path):
    pytest.importorskip("mkdocs")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: M\nplugins:\n  - cjm\n")
    (tmp_path / "docs" / f"{ESC_NAME}.cjm").write_text(BROKEN)
    (tmp_path / "docs" / f"p{ESC_NAME}.md").write_text(f"""\
# P

![broken]({ESC_NAME}.cjm)

![missing](missing{ESC_NAME}.cjm)

![outside](../../{ESC_NAME}.cjm)

```cjm theme="no{ESC_NAME}"
map "x" {{ stage s "S" {{ touchpoint t "T" {{ channel web }} }} }}
```
""")
    run = docs_build(["mkdocs", "build", "-q"], tmp_path)
    assert_nothing_raw(run.stderr)
    shown = terminal_text(ESC_NAME)
    assert f"docs/{shown}.cjm:2:" in run.stderr, run.stderr
    assert f"p{shown}.md: the map missing{shown}.cjm does not exist" in run.stderr
    assert f"p{shown}.md: the map `../../{shown}.cjm` leads outside the project" in run.stderr
    assert f"docs/p{shown}.md: unknown theme `no{shown}`" in run.stderr


def test_fmt_lists_and_reports_file_names_escaped(tmp_path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / f"{ESC_NAME}.cjm").write_text('map "T" {\n}\n')
    listed = cjm("fmt", "--check", "maps", cwd=tmp_path)
    assert listed.returncode == 1
    assert listed.stdout == f"maps/{terminal_text(ESC_NAME)}.cjm\n"
    written = cjm("fmt", "maps", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"reformatted maps/{terminal_text(ESC_NAME)}.cjm\n"


def test_config_prints_the_config_file_name_escaped(tmp_path):
    folder = tmp_path / ESC_NAME
    folder.mkdir()
    (folder / "cjm.toml").write_text('theme = "dark"\n')
    result = cjm("config", ESC_NAME, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_nothing_raw(result.stdout)
    assert result.stdout.startswith(f"config: {terminal_text(ESC_NAME)}/cjm.toml\n")


def test_an_output_that_cannot_be_written_is_named_escaped(tmp_path):
    (tmp_path / "m.cjm").write_text(MAP.format(p=""))
    (tmp_path / ESC_NAME / "m.svg").mkdir(parents=True)  # a folder where the output goes
    result = cjm("render", "m.cjm", "-o", f"{ESC_NAME}/", cwd=tmp_path)
    assert result.returncode == 1
    assert_nothing_raw(result.stderr)
    assert f"cjm: error: cannot write {terminal_text(ESC_NAME)}/m.svg" in result.stderr
