"""Issue 22, reproductions 1 and 2 and the theme file of 7: paths that maps, themes and docs
pages name keep one rule (cjmdsl.language.paths). Each test is a reproduction as the issue states it,
and asserts that the secret the path leads to never reaches the output, the log or the page."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_cli import GOOD, cjm

ENVIRON_SECRET = "sekrit123"
PASSWD_SECRET = "root:x:0:0"
OUTSIDE_SECRET = "TOP-SECRET-LINE"
UP = "../" * 12  # far enough up from any temp folder to reach /


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project (with cjm.toml) holding a map, and a secret file beside it, outside."""
    monkeypatch.setenv("FAKE_TOKEN", ENVIRON_SECRET)
    monkeypatch.delenv("CJM_ALLOW_PATHS", raising=False)
    root = tmp_path / "project"
    root.mkdir()
    (root / "cjm.toml").write_text("")
    (root / "map.cjm").write_text(GOOD)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_text(f'"{OUTSIDE_SECRET}" = oops\n')
    (outside / "secret.cjm").write_text(f"{OUTSIDE_SECRET}\n")
    return root


def assert_nothing_leaked(*texts) -> None:
    for text in texts:
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        for secret in (ENVIRON_SECRET, PASSWD_SECRET, OUTSIDE_SECRET):
            assert secret not in text


# ── theme files: extends, dark, --theme ──────────────────────────────────────
@pytest.mark.parametrize("key", ["extends", "dark"])
@pytest.mark.parametrize("target, rule", [
    ("/proc/self/environ", "leads into /proc"),
    (f"{UP}etc/passwd", "leads outside the project"),
    ("../outside/secret.toml", "leads outside the project"),
])
def test_a_theme_naming_a_file_outside_the_project_is_refused_unread(project, key, target,
                                                                      rule):
    (project / "brand.toml").write_text(f'{key} = "{target}"\n')
    run = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "-", cwd=project)
    assert run.code == 1
    assert run.stderr.startswith(f"brand.toml:1:{len(key) + 4}: error[E064]: `{key}` {rule}")
    assert run.stderr.count("error[") == 1
    assert_nothing_leaked(run.stdout, run.stderr)


@pytest.mark.parametrize("target", ["/proc/self/environ", f"{UP}etc/passwd",
                                    "../outside/secret.toml", "/etc/passwd"])
def test_theme_option_outside_the_project_is_a_usage_error_that_reads_nothing(project, target):
    run = cjm("render", "map.cjm", "--theme", target, "-o", "-", cwd=project)
    assert run.code == 2
    assert run.stderr.startswith(f"cjm: error: theme `{target}` leads ")
    assert "CJM_ALLOW_PATHS" in run.stderr or "/proc" in run.stderr
    assert_nothing_leaked(run.stdout, run.stderr)


@pytest.mark.parametrize("command", ["watch", "serve"])
@pytest.mark.parametrize("target", ["/proc/self/environ", "../outside/secret.toml"])
def test_watch_and_serve_refuse_a_theme_outside_the_project_before_they_start(project, command,
                                                                              target):
    run = cjm(command, "map.cjm", "--theme", target, cwd=project)
    assert run.code == 2
    assert run.stderr.startswith(f"cjm: error: theme `{target}` leads ")
    assert_nothing_leaked(run.stdout, run.stderr)


def test_cjm_allow_paths_widens_the_project_for_themes(project, monkeypatch):
    outside = project.parent / "outside"
    (outside / "brand.toml").write_text('extends = "dark"\n')
    (project / "local.toml").write_text('extends = "../outside/brand.toml"\n')
    assert cjm("render", "map.cjm", "--theme", "local.toml", "-o", "-", cwd=project).code == 1
    monkeypatch.setenv("CJM_ALLOW_PATHS", str(outside))
    run = cjm("render", "map.cjm", "--theme", "local.toml", "-o", "-", cwd=project)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(b"<svg")


def test_cjm_allow_paths_never_opens_proc(project, monkeypatch):
    monkeypatch.setenv("CJM_ALLOW_PATHS", "/")
    (project / "brand.toml").write_text('extends = "/proc/self/environ"\n')
    run = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "-", cwd=project)
    assert run.code == 1 and "error[E064]" in run.stderr
    assert_nothing_leaked(run.stdout, run.stderr)


def test_a_theme_file_that_is_no_toml_is_reported_without_its_lines(project):
    (project / ".env").write_text(f"FAKE_TOKEN={ENVIRON_SECRET}\n")
    (project / "brand.toml").write_text('extends = "./.env"\n')
    run = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "-", cwd=project)
    assert run.code == 1
    assert run.stderr.startswith(".env:1:")
    assert "error[E050]" in run.stderr
    assert_nothing_leaked(run.stdout, run.stderr)


def test_a_theme_file_that_is_not_utf8_is_reported_without_its_lines(project):
    (project / "brand.toml").write_bytes(f'name = "caf\xe9 {OUTSIDE_SECRET}"\n'.encode("latin-1"))
    run = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "-", cwd=project)
    assert run.code == 1
    assert run.stderr.startswith("brand.toml:1:12: error[E006]: invalid UTF-8 byte 0xe9")
    assert_nothing_leaked(run.stdout, run.stderr)


def test_output_never_writes_over_the_theme_file(project):
    (project / "brand.toml").write_text('extends = "dark"\n')
    run = cjm("render", "map.cjm", "-f", "svg", "-o", "brand.toml", "--theme", "brand.toml",
              cwd=project)
    assert run.code == 2
    assert run.stderr == "cjm: error: refusing to write over the input brand.toml\n"
    assert (project / "brand.toml").read_text() == 'extends = "dark"\n'


THEME_CHAIN = {"brand.toml": 'extends = "base.toml"\ndark = "brand-dark.toml"\n',
               "base.toml": 'extends = "dark"\n',
               "brand-dark.toml": 'extends = "base-dark.toml"\n',
               "base-dark.toml": 'extends = "dark"\n'}


@pytest.fixture
def theme_chain(project) -> Path:
    """brand.toml extends base.toml and names brand-dark.toml, which extends base-dark.toml."""
    for name, text in THEME_CHAIN.items():
        (project / name).write_text(text)
    return project


@pytest.mark.parametrize("target", [*THEME_CHAIN, "cjm.toml", "map.cjm", "sub/../base.toml"])
@pytest.mark.parametrize("chosen", ["--theme", "config"])
def test_output_never_writes_over_a_file_the_theme_chain_or_config_reads(theme_chain, target,
                                                                         chosen):
    project = theme_chain
    options = ["--theme", "brand.toml"] if chosen == "--theme" else []
    if chosen == "config":
        (project / "cjm.toml").write_text('theme = "brand.toml"\n')
    (project / "sub").mkdir()
    before = {path.name: path.read_bytes() for path in project.iterdir() if path.is_file()}
    run = cjm("render", "map.cjm", *options, "-f", "svg", "-o", target, cwd=project)
    assert run.code == 2
    assert run.stderr == f"cjm: error: refusing to write over the input {target}\n"
    assert {path.name: path.read_bytes() for path in project.iterdir()
            if path.is_file()} == before


def test_output_never_writes_over_a_theme_file_through_a_link(theme_chain):
    (theme_chain / "out.svg").symlink_to("base-dark.toml")
    run = cjm("render", "map.cjm", "--theme", "brand.toml", "-o", "out.svg", cwd=theme_chain)
    assert run.code == 2
    assert run.stderr == "cjm: error: refusing to write over the input out.svg\n"
    assert (theme_chain / "base-dark.toml").read_text() == THEME_CHAIN["base-dark.toml"]


@pytest.mark.parametrize("target", ["base.toml", "base-dark.toml", "cjm.toml"])
def test_watch_never_writes_over_a_file_the_theme_chain_or_config_reads(theme_chain, target):
    pytest.importorskip("watchfiles")
    run = subprocess.run(["cjm", "watch", "map.cjm", "--theme", "brand.toml", "-f", "svg",
                          "-o", target], cwd=theme_chain, capture_output=True, text=True,
                         timeout=20)
    assert run.returncode == 2
    assert run.stderr == f"cjm: error: refusing to write over the input {target}\n"
    assert (theme_chain / target).read_text() == THEME_CHAIN.get(target, "")


# ── folders given to the command line ────────────────────────────────────────
@pytest.mark.parametrize("target, rule", [("/proc/self/environ", "leads into /proc"),
                                          ("../../outside/secret.cjm",
                                           "leads outside the project")])
@pytest.mark.parametrize("command", ["render", "check"])
def test_a_map_in_a_folder_that_links_out_of_the_project_is_refused(project, target, rule,
                                                                    command):
    (project / "maps").mkdir()
    (project / "maps" / "good.cjm").write_text(GOOD)
    (project / "maps" / "evil.cjm").symlink_to(target)
    run = cjm(command, "maps/", cwd=project)
    assert run.code == 2
    assert run.stderr.startswith(f"cjm: error: `maps/evil.cjm` {rule}")
    assert_nothing_leaked(run.stdout, run.stderr)
    assert not (project / "maps" / "good.svg").exists()


@pytest.mark.parametrize("target, rule", [("/proc/self/environ", "leads into /proc"),
                                          ("../../outside/secret.cjm",
                                           "leads outside the project")])
@pytest.mark.parametrize("command", [["check"], ["render", "-o", "-"], ["show"],
                                     ["fmt", "--check"], ["watch"]])
def test_a_map_named_as_a_glob_names_it_that_links_out_of_the_project_is_refused(
        project, target, rule, command):
    """`cjm check maps/*.cjm`, as CI runs it: the shell names every file, links included."""
    (project / "maps").mkdir()
    (project / "maps" / "good.cjm").write_text(GOOD)
    (project / "maps" / "evil.cjm").symlink_to(target)
    run = cjm(command[0], "maps/evil.cjm", "maps/good.cjm", *command[1:], cwd=project) \
        if command[0] != "watch" else cjm("watch", "maps/evil.cjm", cwd=project)
    assert run.code == 2
    assert run.stderr.startswith(f"cjm: error: `maps/evil.cjm` {rule}")
    assert_nothing_leaked(run.stdout, run.stderr)


# ── Sphinx ───────────────────────────────────────────────────────────────────
SPHINX_PAGES = {
    "absolute": ".. cjm:: /etc/passwd\n",
    "above": f".. cjm:: {UP}etc/passwd\n",
    "outside": ".. cjm:: ../outside/secret.cjm\n",
    "environ": ".. cjm:: /proc/self/environ\n",
    "theme": ".. cjm::\n   :theme: /proc/self/environ\n\n" + "".join(
        f"   {line}\n" for line in GOOD.splitlines()),
    "passwd-theme": f".. cjm:: map.cjm\n   :theme: {UP}etc/passwd\n",
}


def test_a_sphinx_page_naming_files_outside_the_source_folder_builds_without_them(project):
    pytest.importorskip("sphinx")
    src = project
    (src / "conf.py").write_text('extensions = ["cjmdsl.sphinx"]\nproject = "Maps"\n')
    (src / "index.rst").write_text("Maps\n====\n\n.. toctree::\n\n"
                                   + "".join(f"   {name}\n" for name in SPHINX_PAGES))
    for name, body in SPHINX_PAGES.items():
        (src / f"{name}.rst").write_text(f"{name}\n{'=' * len(name)}\n\n{body}")
    out = project.parent / "html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", str(src), str(out)],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    for name in ("absolute", "above", "outside", "environ", "theme", "passwd-theme"):
        assert f"{name}.rst:4: WARNING: cjm: " in run.stderr, run.stderr
    assert_nothing_leaked(run.stdout, run.stderr,
                          *(page.read_text() for page in out.glob("*.html")))


# ── MkDocs ───────────────────────────────────────────────────────────────────
MKDOCS_PAGE = f"""\
# Maps

![outside](../../outside/secret.cjm)

![absolute](/etc/passwd.cjm)

```cjm theme=/proc/self/environ
{GOOD}```

```cjm theme={UP}etc/passwd
{GOOD}```
"""


def test_a_mkdocs_page_naming_files_outside_the_project_builds_without_them(project):
    pytest.importorskip("mkdocs")
    site = project
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text(MKDOCS_PAGE)
    (site / "docs" / "passwd.cjm").symlink_to("/etc/passwd")
    (site / "docs" / "link.md").write_text("# Link\n\n![p](passwd.cjm)\n")
    (site / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm:\n"
                                     "      dark_theme: /proc/self/environ\n")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site,
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in run.stderr
    assert run.stderr.count("leads outside the project") >= 3, run.stderr
    assert "leads into /proc" in run.stderr
    pages = [page.read_text(errors="replace") for page in (site / "site").rglob("*.html")]
    assert_nothing_leaked(run.stdout, run.stderr, *pages)


@pytest.mark.parametrize("command", [["check"], ["render", "-o", "-"], ["fmt", "--check"],
                                     ["show"]])
def test_a_map_that_is_not_utf8_is_reported_without_its_lines(project, command):
    (project / "bad.cjm").write_bytes(f"map \"x\" {{\n {OUTSIDE_SECRET} \xff\xfe }}\n"
                                      .encode("latin-1"))
    run = cjm(*command[:1], "bad.cjm", *command[1:], cwd=project)
    assert run.code == 1
    assert "error[E006]" in run.stderr
    assert_nothing_leaked(run.stdout, run.stderr)
