"""A command that needs an extra the user has not installed says how to install it, with the
command that works from the checkout (cjmdsl is not on PyPI), and so does its --help."""
from __future__ import annotations

import subprocess
import sys

import pytest

from cjmdsl.runtime import extras
from conftest import ROOT

MAP = str(ROOT / "examples" / "support-ticket.cjm")
# Runs `cjm ARGS…` with the modules of an extra made unimportable, as on a machine without it.
WITHOUT = ("import sys\n"
           "for name in sys.argv[1].split(','):\n"
           "    sys.modules[name] = None\n"
           "sys.argv[:2] = ['cjm']\n"
           "from cjmdsl.cli import main\n"
           "main()\n")


def cjm_without(modules: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT, ",".join(modules), *args],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("extra, modules, args", [
    ("lsp", ["pygls"], ["lsp"]),
    ("live", ["watchfiles"], ["watch", MAP, "-o", "{tmp}/m.svg"]),
    ("live", ["watchfiles"], ["serve", MAP]),
    ("png", ["resvg_py"], ["render", MAP, "-f", "png", "-o", "{tmp}/m.png"]),
    ("pdf", ["cairosvg", "cairocffi"], ["render", MAP, "-f", "pdf", "-o", "{tmp}/m.pdf"]),
    ("xlsx", ["openpyxl"], ["render", MAP, "-f", "xlsx", "-o", "{tmp}/m.xlsx"]),
    ("xlsx", ["openpyxl"], ["import", "xlsx", MAP]),
], ids=["lsp", "watch", "serve", "png", "pdf", "xlsx", "import-xlsx"])
def test_missing_extra_names_the_install_command_from_the_checkout(tmp_path, extra, modules,
                                                                   args):
    run = cjm_without(modules, *(arg.format(tmp=tmp_path) for arg in args))
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    assert f'pip install ".[{extra}]" in the cjmdsl checkout' in run.stderr, run.stderr
    assert "cjmdsl[" not in run.stderr
    assert not list(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize("command, extra", [("lsp", "lsp"), ("watch", "live"), ("serve", "live")])
def test_help_of_a_command_that_needs_an_extra_names_the_install_command(command, extra):
    run = subprocess.run(["cjm", command, "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    help_text = " ".join(run.stdout.split())  # click wraps long lines
    assert f'Needs the `{extra}` extra: pip install ".[{extra}]" in the cjmdsl checkout.' \
        in help_text


def test_once_published_the_hint_names_the_package(monkeypatch):
    monkeypatch.setattr(extras, "PUBLISHED", True)
    assert extras.install_hint("sphinx") == 'pip install "cjmdsl[sphinx]"'


def test_an_extra_that_does_not_exist_has_no_install_command():
    with pytest.raises(KeyError):
        extras.install_command("gif")
