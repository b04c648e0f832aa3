"""A PNG opens in image viewers (issue 14): no side over 32,767 px, no more pixels than
Pillow accepts without calling it a bomb. A long map is drawn at a lower scale than asked,
never below 1, and the command says so as W120."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest
from big_maps import generated

pytest.importorskip("resvg_py")
Image = pytest.importorskip("PIL.Image")


def cjm(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


def test_a_long_map_is_drawn_at_a_scale_viewers_open_and_says_so(tmp_path):
    (tmp_path / "long.cjm").write_text(generated(200), encoding="utf-8")  # 26,341 px at 1
    run = cjm("render", "long.cjm", "-f", "png", "-o", "long.png", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    with Image.open(tmp_path / "long.png") as picture:
        width, height = picture.size
    assert max(width, height) <= 32_767 and width * height <= 89_478_485
    assert height > 26_341  # lowered only as far as needed, not to 1
    assert "warning[W120]: resvg draws the PNG at scale 1.24 instead of 2" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_map_that_fits_keeps_the_scale_asked_for_without_a_word(tmp_path):
    (tmp_path / "short.cjm").write_text(generated(10), encoding="utf-8")
    run = cjm("render", "short.cjm", "-f", "png", "--scale", "3", "-o", "short.png",
              cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, "")
    with Image.open(tmp_path / "short.png") as picture:
        assert picture.size[0] == 880 * 3
