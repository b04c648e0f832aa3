"""`cjm render` on many maps: processes, the content cache, progress and the summary line.

Real subprocesses in a scratch folder, each with its own cache folder (CJM_CACHE_DIR).
"""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = """\
map "Shop {n}" {{
  persona maya "Maya"
  stage s "Browse" {{
    touchpoint t "Sees an ad" {{
      channel web
      emotion maya 1
    }}
  }}
}}
"""
BAD = ('map "Broken" {\n  stage s "Browse" {\n'
       '    touchpoint t "Ad" { channel web emotion mya 1 }\n  }\n}\n')
WARNS = 'map "Quiet" {\n  stage s "Browse" {\n    touchpoint t "Sees an ad" { }\n  }\n}\n'
SUMMARY = re.compile(r"cjm: (\d+) rendered, (\d+) unchanged, (\d+) failed in [\d.]+ s")


def cjm(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(cache)})
    assert "Traceback" not in result.stderr
    return result


def counts(stderr: str) -> tuple[int, int, int]:
    [line] = [line for line in stderr.splitlines() if SUMMARY.fullmatch(line)]
    return tuple(int(n) for n in SUMMARY.fullmatch(line).groups())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """maps/ with three good maps (one in a sub-folder) and a broken one."""
    maps = tmp_path / "maps"
    (maps / "sub").mkdir(parents=True)
    (maps / "a.cjm").write_text(GOOD.format(n="A"))
    (maps / "b.cjm").write_text(GOOD.format(n="B"))
    (maps / "sub" / "c.cjm").write_text(GOOD.format(n="C"))
    (maps / "bad.cjm").write_text(BAD)
    return tmp_path


def outputs(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_one_bad_map_fails_the_run_but_every_good_map_is_written(project):
    run = cjm("render", "maps/", "-o", "build/", "-j", "2", cwd=project, cache=project / "cache")
    assert run.returncode == 1
    assert outputs(project / "build") == ["a.svg", "b.svg", "sub/c.svg"]
    assert "maps/bad.cjm:3:45: error[E012]: unknown persona `mya`" in run.stderr
    assert counts(run.stderr) == (3, 0, 1)


def test_outputs_mirror_sub_folders_for_globbed_files_too(project):
    run = cjm("render", "maps/a.cjm", "maps/sub/c.cjm", "-o", "build/", cwd=project,
              cache=project / "cache")
    assert run.returncode == 0
    assert outputs(project / "build") == ["a.svg", "sub/c.svg"]


def test_second_run_skips_unchanged_maps_and_an_edit_renders_again(project):
    args = ("render", "maps/", "-o", "build/")
    cache = project / "cache"
    assert counts(cjm(*args, cwd=project, cache=cache).stderr) == (3, 0, 1)
    before = {name: (project / "build" / name).stat().st_mtime_ns for name in ("a.svg", "b.svg")}

    again = cjm(*args, cwd=project, cache=cache)
    assert counts(again.stderr) == (0, 3, 1)
    assert "unknown persona `mya`" in again.stderr  # a failed map is never skipped
    assert {name: (project / "build" / name).stat().st_mtime_ns for name in before} == before

    (project / "maps" / "a.cjm").write_text(GOOD.format(n="A, edited"))
    edited = cjm(*args, cwd=project, cache=cache)
    assert counts(edited.stderr) == (1, 2, 1)
    assert "A, edited" in (project / "build" / "a.svg").read_text()


def test_an_output_changed_or_deleted_behind_the_cache_is_rendered_again(project):
    args = ("render", "maps/", "-o", "build/")
    cache = project / "cache"
    cjm(*args, cwd=project, cache=cache)
    (project / "build" / "a.svg").unlink()
    (project / "build" / "b.svg").write_text("<svg>edited by hand</svg>")
    assert counts(cjm(*args, cwd=project, cache=cache).stderr) == (2, 1, 1)
    assert "Shop B" in (project / "build" / "b.svg").read_text()


@pytest.mark.parametrize("change", [["--no-cache"], ["--theme", "dark"], ["-f", "json"]],
                         ids=["no-cache", "other-theme", "other-format"])
def test_no_cache_theme_and_format_each_force_a_render(project, change):
    cache = project / "cache"
    cjm("render", "maps/", "-o", "build/", cwd=project, cache=cache)
    run = cjm("render", "maps/", "-o", "build/", *change, cwd=project, cache=cache)
    assert counts(run.stderr) == (3, 0, 1)


def test_maps_with_warnings_are_rendered_every_time_so_the_warning_shows(tmp_path):
    (tmp_path / "w.cjm").write_text(WARNS)
    (tmp_path / "a.cjm").write_text(GOOD.format(n="A"))
    cache = tmp_path / "cache"
    cjm("render", "w.cjm", "a.cjm", cwd=tmp_path, cache=cache)
    run = cjm("render", "w.cjm", "a.cjm", cwd=tmp_path, cache=cache)
    assert "warning[W102]" in run.stderr
    assert counts(run.stderr) == (1, 1, 0)


def test_the_cache_folder_is_safe_to_delete(project):
    import shutil

    cache = project / "cache"
    cjm("render", "maps/", "-o", "build/", cwd=project, cache=cache)
    assert any(cache.rglob("*"))
    shutil.rmtree(cache)
    again = cjm("render", "maps/", "-o", "build/", cwd=project, cache=cache)
    assert counts(again.stderr) == (3, 0, 1)


def test_several_processes_write_the_same_bytes_as_one(project):
    cjm("render", "maps/", "-o", "one/", "-j", "1", "--no-cache", cwd=project,
        cache=project / "cache")
    cjm("render", "maps/", "-o", "two/", "-j", "2", "--no-cache", cwd=project,
        cache=project / "cache")
    for name in outputs(project / "one"):
        assert (project / "one" / name).read_bytes() == (project / "two" / name).read_bytes()


def test_a_single_map_prints_no_summary(project):
    run = cjm("render", "maps/a.cjm", cwd=project, cache=project / "cache")
    assert (run.returncode, run.stderr) == (0, "")


def test_progress_bar_only_on_a_terminal(project):
    plain = cjm("render", "maps/", "-o", "build/", "--no-cache", cwd=project,
                cache=project / "cache")
    assert "\r" not in plain.stderr and "[#" not in plain.stderr

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from cjmdsl.cli import main; main()",
             "render", "maps/", "-o", "build/", "--no-cache"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=follower, timeout=120,
            env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(project / "cache")})
        os.close(follower)
        follower = None
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
        if follower is not None:
            os.close(follower)
    text = seen.decode("utf-8", "replace")
    assert done.returncode == 1
    assert "[####" in text and "4/4" in text
    assert counts(text.replace("\r\x1b[K", "\n").replace("\r", "\n")) == (3, 0, 1)


def test_scale_applies_to_raster_formats_only(project):
    run = cjm("render", "maps/a.cjm", "--scale", "3", cwd=project, cache=project / "cache")
    assert run.returncode == 2
    assert "--scale does not apply to -f svg" in run.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_output_that_cannot_be_written_fails_its_map_and_the_batch_goes_on(project, jobs):
    out = project / "out"
    (out / "b.svg").mkdir(parents=True)  # a folder where b's drawing belongs
    run = cjm("render", "maps/a.cjm", "maps/b.cjm", "maps/sub/c.cjm", "-o", "out/", "-j", jobs,
              "--no-cache", cwd=project, cache=project / "cache")
    assert run.returncode == 1
    assert counts(run.stderr) == (2, 0, 1)
    assert "cjm: error: cannot write out/b.svg: Is a directory" in run.stderr.splitlines()
    assert ".tmp" not in run.stderr
    assert outputs(out) == ["a.svg", "sub/c.svg"]


def test_a_streamed_svg_is_the_bytes_of_the_rendered_one_and_its_stamp_holds(tmp_path):
    """`cjm render -o` writes an SVG as it is drawn (through 64 KiB pieces of UTF-8): the
    file holds exactly what `api.render` returns, letters of several bytes across the pieces
    included, and the cache knows it as unchanged afterwards."""
    sys.path.insert(0, str(Path(__file__).parent))
    from big_maps import generated

    from cjmdsl.api import render
    from cjmdsl.batch import RENDERED, UNCHANGED, Cache, Job, Settings, render_many

    text = generated(60).replace("Touchpoint", "Étape — ünïcödé")
    cache = Cache(tmp_path / "cache", "svg")
    job = Job("big.cjm", text.encode(), tmp_path / "out" / "big.svg", key=cache.key(b"big"))
    [(_, first)] = render_many([job], Settings("svg"), cache)
    assert first.status == RENDERED
    assert job.target.read_bytes() == render(text).encode("utf-8")
    assert len(job.target.read_bytes()) > 3 * 65_536
    [(_, again)] = render_many([job], Settings("svg"), cache)
    assert again.status == UNCHANGED


@pytest.mark.parametrize("strict", [False, True])
def test_a_streamed_drawing_that_warns_is_not_written_under_strict(tmp_path, monkeypatch, strict):
    import warnings

    from cjmdsl.backends import BackendWarning, svg
    from cjmdsl.batch import FAILED, RENDERED, Job, Settings, render_many

    drawn = svg.write

    def warning_write(*args, **kwargs):
        warnings.warn(BackendWarning("the picture was scaled down"))
        drawn(*args, **kwargs)

    monkeypatch.setattr(svg, "write", warning_write)
    target = tmp_path / "map.svg"
    job = Job("map.cjm", GOOD.format(n=1).encode(), target)
    [(_, outcome)] = render_many([job], Settings("svg", strict=strict))
    assert "the picture was scaled down" in outcome.report
    assert outcome.status == (FAILED if strict else RENDERED)
    assert target.exists() is not strict
    assert [path.name for path in tmp_path.iterdir()] == ([] if strict else ["map.svg"])
