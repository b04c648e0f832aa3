"""Every file cjm reads for a map is read no further than its limit + 1 bytes, and only when
it is a regular file (issue 23's bounded reads; issue 22, reproduction 7).

Each path a map, theme or config can arrive by (`--theme`, a theme's `extends` and `dark`,
the project config and its `theme`, the Sphinx directive and `:theme:`, MkDocs links and fence
options) is given a FIFO, which would block a reader forever, and a 2 GB sparse file, which
would exhaust the 1 GB the process may map if it were read whole. Each run ends quickly with
a message naming the file, never its content.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import GOOD

HUGE = 2 * 2**30


def under_one_gigabyte():  # the child may not map more: reading a 2 GB file whole fails
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def run(command: list[str], cwd: Path, memory_limit: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(cwd / "c")},
                            preexec_fn=under_one_gigabyte if memory_limit else None)
    assert "Traceback" not in result.stderr, result.stderr
    assert "MemoryError" not in result.stderr, result.stderr
    return result


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args], cwd)


def make(folder: Path, name: str, kind: str) -> Path:
    """A FIFO or a huge sparse file called `name` in `folder`."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        with path.open("wb") as handle:
            handle.truncate(HUGE)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "cjm.toml").write_text("")
    (tmp_path / "map.cjm").write_text(GOOD)
    return tmp_path


FIFO_REFUSED = "is not a regular file (a device, FIFO or socket)"
HUGE_REFUSED = "error[E056]: the file is 2,147,483,648 bytes, more than the limit of 1,000,000"


# ── the command line ─────────────────────────────────────────────────────────
@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_theme_option_that_is_a_fifo_or_huge_is_refused_unread(project, kind):
    make(project, "t.toml", kind)
    result = cjm("render", "map.cjm", "--theme", "t.toml", "-o", "-", cwd=project)
    if kind == "fifo":
        assert result.returncode == 2
        assert result.stderr.startswith(f"cjm: error: theme `t.toml` {FIFO_REFUSED}")
    else:
        assert result.returncode == 1
        assert result.stderr.startswith(f"t.toml:1:1: {HUGE_REFUSED}")


@pytest.mark.parametrize("target", ["/dev/zero", "zero.toml"])
def test_a_theme_option_that_is_dev_zero_is_refused_unread(project, target):
    (project / "zero.toml").symlink_to("/dev/zero")
    result = cjm("render", "map.cjm", "--theme", target, "-o", "-", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith(f"cjm: error: theme `{target}` leads into /dev")


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_theme_that_extends_a_fifo_or_a_huge_file_is_refused_unread(project, kind):
    make(project, "base.toml", kind)
    (project / "brand.toml").write_text('extends = "base.toml"\n')
    result = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "-", cwd=project)
    assert result.returncode == 1
    if kind == "fifo":
        assert result.stderr.startswith(f"brand.toml:1:11: error[E064]: `extends` {FIFO_REFUSED}")
    else:
        assert result.stderr.startswith(f"base.toml:1:1: {HUGE_REFUSED}")


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_dark_partner_that_is_a_fifo_or_a_huge_file_is_not_read(project, kind):
    make(project, "night.toml", kind)
    (project / "brand.toml").write_text('dark = "night.toml"\n')
    result = cjm("render", "map.cjm", "--theme", "brand.toml", "-f", "html", "-o", "-",
                 cwd=project)
    assert result.returncode == 1
    if kind == "fifo":
        assert result.stderr.startswith(f"brand.toml:1:8: error[E064]: `dark` {FIFO_REFUSED}")
    else:  # a partner's file is checked with the theme that names it: its colours are drawn
        assert result.stderr.startswith(f"night.toml:1:1: {HUGE_REFUSED}")


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_project_config_that_is_a_fifo_or_huge_is_not_read(project, kind):
    (project / "cjm.toml").unlink()
    make(project, "cjm.toml", kind)
    result = cjm("check", "map.cjm", cwd=project)
    if kind == "fifo":  # not a file, so not a config: the map gets the defaults
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1
        assert result.stderr.startswith(f"cjm.toml:1:1: {HUGE_REFUSED}")


def test_a_huge_pyproject_toml_is_probed_for_its_table_within_the_limit(project):
    (project / "cjm.toml").unlink()
    make(project, "pyproject.toml", "huge")
    result = cjm("check", "map.cjm", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", ["fifo", "huge"])
def test_a_config_theme_that_is_a_fifo_or_huge_is_refused_unread(project, kind):
    make(project, "t.toml", kind)
    (project / "cjm.toml").write_text('theme = "t.toml"\n')
    result = cjm("render", "map.cjm", "-o", "-", cwd=project)
    assert result.returncode == 1
    if kind == "fifo":
        assert result.stderr.startswith(f"cjm.toml:1:9: error[E064]: `theme` {FIFO_REFUSED}")
    else:
        assert result.stderr.startswith(f"t.toml:1:1: {HUGE_REFUSED}")


# ── Sphinx ───────────────────────────────────────────────────────────────────
def test_sphinx_refuses_fifos_and_huge_maps_and_themes_unread(project):
    pytest.importorskip("sphinx")
    for kind in ("fifo", "huge"):
        make(project, f"{kind}.cjm", kind)
        make(project, f"{kind}.toml", kind)
    (project / "conf.py").write_text('extensions = ["cjmdsl.sphinx"]\nproject = "M"\n')
    (project / "index.rst").write_text("""\
M
=

.. cjm:: fifo.cjm

.. cjm:: huge.cjm

.. cjm:: map.cjm
   :theme: fifo.toml

.. cjm:: map.cjm
   :theme: huge.toml
""")
    result = run([sys.executable, "-m", "sphinx", "-q", "-b", "html", ".", "_out"], project)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert f"index.rst:4: WARNING: cjm: `{project}/fifo.cjm` {FIFO_REFUSED}" in err, err
    assert "index.rst:6: WARNING: huge.cjm:1:1: error[E030]: the file is 2,147,483,648 bytes" in err
    assert f"index.rst:8: WARNING: cjm: theme `{project}/fifo.toml` {FIFO_REFUSED}" in err
    assert f"index.rst:11: WARNING: cjm: {project}/huge.toml:1:1: {HUGE_REFUSED}" in err


# ── MkDocs ───────────────────────────────────────────────────────────────────
def test_mkdocs_refuses_fifos_and_huge_maps_and_themes_unread(project):
    pytest.importorskip("mkdocs")
    (project / "docs").mkdir()
    for kind in ("fifo", "huge"):  # beside docs/, which MkDocs itself would copy whole
        make(project / "maps", f"{kind}.cjm", kind)
        make(project / "maps", f"{kind}.toml", kind)
    (project / "mkdocs.yml").write_text("site_name: M\nplugins:\n  - cjm\n")
    (project / "docs" / "index.md").write_text(f"""\
# M

![fifo](../maps/fifo.cjm)

![huge](../maps/huge.cjm)

```cjm theme=maps/fifo.toml
{GOOD}```

```cjm theme=maps/huge.toml
{GOOD}```
""")
    result = run([sys.executable, "-m", "mkdocs", "build", "-q"], project)
    err = result.stderr
    assert f"index.md: the map `../maps/fifo.cjm` {FIFO_REFUSED}" in err, err
    assert "maps/huge.cjm:1:1: error[E030]: the file is 2,147,483,648 bytes" in err
    assert f"docs/index.md: theme `maps/fifo.toml` {FIFO_REFUSED}" in err
    assert f"maps/huge.toml:1:1: {HUGE_REFUSED}" in err
