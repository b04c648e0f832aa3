"""The built wheel works on its own: installed in a fresh venv, run outside the repository.

The grammar and themes live at the top of the repository and are copied into the package by
the build (`cjmdsl/_data/`); this is the test that they really ship, and that nothing reads
from the source checkout once installed. The venv installs the dependencies from PyPI.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from cjmdsl.api import render

pytestmark = pytest.mark.slow

SHIPPED = (
    "cjmdsl/_data/grammar/cjm.lark",
    "cjmdsl/_data/themes/default.toml",
    "cjmdsl/fonts/liberation-sans.json",
    "cjmdsl/schemas/journey.v4.schema.json",
    "cjmdsl/backends/templates/map.svg.j2",
    "cjmdsl/language/codes/E012.md",
)

WHERE_FROM = """
import json, sys
from importlib.resources import files
import cjmdsl
from cjmdsl.runtime.resources import data_file
text = open(sys.argv[1], encoding="utf-8").read()
svg = cjmdsl.render(text, filename=sys.argv[1])
print(json.dumps({
    "package": cjmdsl.__file__,
    "grammar": str(data_file("grammar", "cjm.lark")),
    "theme": str(data_file("themes", "default.toml")),
    "schema": str(files("cjmdsl.schemas").joinpath("journey.v4.schema.json")),
    "svg_start": svg[:4],
}))
"""


def run(command, cwd, env=None, timeout=300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT], cwd=ROOT, timeout=600)
    (built,) = out.glob("cjmdsl-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv, without system site-packages, with only the wheel and its dependencies."""
    home = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", home], cwd=home.parent)
    run([home / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         wheel], cwd=home.parent, env=clean_env(), timeout=600)
    return home


def clean_env() -> dict[str, str]:
    """The environment minus anything that could lead Python back to the repository."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


@pytest.fixture
def outside(tmp_path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert not folder.resolve().is_relative_to(ROOT)
    return folder


def test_wheel_contains_grammar_themes_fonts_schema_and_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in SHIPPED if name not in names] == []
    assert not [name for name in names if "__pycache__" in name or name.startswith("tests/")]


def test_installed_cli_renders_every_example(venv, outside):
    for example in EXAMPLES:
        target = outside / f"{example.stem}.svg"
        run([venv / "bin" / "cjm", "render", example, "-o", target], cwd=outside, env=clean_env())
        svg = target.read_text(encoding="utf-8")
        assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
        source_checkout = render(example.read_text(encoding="utf-8"), filename=str(example))
        assert svg == source_checkout, f"{example.name}: the wheel draws a different map"

        data = run([venv / "bin" / "cjm", "render", example, "-f", "json", "-o", "-"],
                   cwd=outside, env=clean_env()).stdout
        assert json.loads(data)["journey"]["stages"]


def test_installed_package_reads_its_data_from_inside_itself(venv, outside):
    done = run([venv / "bin" / "python", "-c", WHERE_FROM, EXAMPLES[0]], cwd=outside,
               env=clean_env())
    found = json.loads(done.stdout)
    package = Path(found["package"]).parent
    assert package.is_relative_to(venv), f"imported cjmdsl from {package}, not the venv"
    assert Path(found["grammar"]) == package / "_data" / "grammar" / "cjm.lark"
    assert Path(found["theme"]) == package / "_data" / "themes" / "default.toml"
    assert Path(found["schema"]).is_relative_to(package)
    assert found["svg_start"] == "<svg"
