"""A failed render never leaves a half-written or changed output file."""
from __future__ import annotations

import errno
import os

import pytest
from conftest import EXAMPLES

from cjmdsl import cli
from cjmdsl.backends import svg
from cjmdsl.runtime import files

OLD = b"<svg>the previous, good map</svg>"


def run_cli(monkeypatch, capsys, *args) -> tuple[int, str]:
    monkeypatch.setattr("sys.argv", ["cjm", *args])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    return stopped.value.code, capsys.readouterr().err


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "map.cjm").write_bytes(EXAMPLES[0].read_bytes())
    (tmp_path / "map.svg").write_bytes(OLD)
    return tmp_path


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in {"map.cjm", "map.svg"})


def test_a_crash_in_a_backend_keeps_the_old_output(workspace, monkeypatch, capsys):
    def explode(journey, theme, out, *options):
        out.write("<svg>half a map")
        raise RuntimeError("boom")

    monkeypatch.setattr(svg, "write", explode)
    code, err = run_cli(monkeypatch, capsys, "render", str(workspace / "map.cjm"))
    assert code == cli.EXIT_INTERNAL
    assert "internal error" in err and "Traceback" not in err
    assert (workspace / "map.svg").read_bytes() == OLD
    assert leftovers(workspace) == []


def test_a_full_disk_keeps_the_old_output(workspace, monkeypatch, capsys):
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle, mode):
            self.stream = real_fdopen(handle, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            self.stream.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", FullDisk)
    code, err = run_cli(monkeypatch, capsys, "render", str(workspace / "map.cjm"))
    assert code == cli.EXIT_MAP_ERRORS
    assert "No space left on device" in err
    assert (workspace / "map.svg").read_bytes() == OLD
    assert leftovers(workspace) == []


def test_a_new_output_gets_ordinary_permissions(workspace, monkeypatch, capsys):
    (workspace / "map.svg").unlink()
    code, _ = run_cli(monkeypatch, capsys, "render", str(workspace / "map.cjm"))
    assert code == 0
    mode = (workspace / "map.svg").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask
