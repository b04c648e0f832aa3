"""Same input, same bytes: across runs, hash seeds, locales, time zones and the working folder.

Maps are rebuilt on every docs build and diffed in review; output that changed with the
machine would show up as noise in every pull request.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES

from cjmdsl.api import render
from cjmdsl.backends import text_formats

TEXT_FORMATS = text_formats()
ENVIRONMENTS = {
    "C-locale-no-utf8-mode": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
    "C.UTF-8": {"LC_ALL": "C.UTF-8"},
    "missing-locale": {"LC_ALL": "de_DE.UTF-8", "LANG": "tr_TR.UTF-8"},
    "hash-seed-and-time-zone": {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Chatham"},
}


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_cli_output_is_byte_identical_in_every_environment(name, tmp_path):
    env = {**os.environ, **ENVIRONMENTS[name]}
    for example in EXAMPLES:
        for format_name in TEXT_FORMATS:
            target = tmp_path / f"{example.stem}.{format_name}"
            run = subprocess.run(
                [sys.executable, "-c", "from cjmdsl.cli import main; main()", "render",
                 str(example), "-f", format_name, "-o", str(target)],
                capture_output=True, env=env, cwd=tmp_path, timeout=120)
            assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
            expected = render(example.read_text(encoding="utf-8"), format_name,
                              filename=str(example))
            expected = expected.encode("utf-8") if isinstance(expected, str) else expected
            assert target.read_bytes() == expected, f"{example.name} -f {format_name} in {name}"


def test_rendering_twice_in_one_process_gives_the_same_bytes():
    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        for format_name in TEXT_FORMATS:
            assert render(text, format_name) == render(text, format_name)


def test_output_does_not_depend_on_the_file_name_or_folder(tmp_path):
    """The map's file name goes into diagnostics, never into the picture or the JSON."""
    text = EXAMPLES[0].read_text(encoding="utf-8")
    for format_name in TEXT_FORMATS:
        assert render(text, format_name, filename="a.cjm") == \
            render(text, format_name, filename=str(tmp_path / "deep" / "b.cjm"))
