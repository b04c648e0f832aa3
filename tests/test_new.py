"""`cjm new`: a commented starting map per template that compiles cleanly and renders at once."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import cjm

import cjmdsl
from cjmdsl.api import check
from cjmdsl.cli.commands.new import STARTERS, TEMPLATES, starter, title_from
from cjmdsl.language.format import format_text


def test_every_template_has_a_starter_file_and_back():
    assert set(TEMPLATES) == {"b2c", "b2b", "support", "blank", "blueprint"}
    assert {p.stem for p in STARTERS.glob("*.cjm")} == set(TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES)
def test_starter_compiles_without_errors_or_warnings_and_renders(template):
    text = starter(template)
    result = check(text, f"{template}.cjm")
    assert result.diagnostics == []
    svg = cjmdsl.render(result.journey, "svg")
    assert svg.startswith("<svg") and "</svg>" in svg


@pytest.mark.parametrize("template", TEMPLATES)
def test_starter_is_commented_and_formatted(template):
    text = starter(template)
    assert text.startswith("// ")
    assert format_text(text) == text


@pytest.mark.parametrize("title", ["Onboarding", 'Say "hi" \\ there', "Café 😀"])
def test_title_goes_in_quoted(title):
    journey = cjmdsl.parse(starter("b2b", title))
    assert journey.title == title


@pytest.mark.parametrize("name, title", [
    ("onboarding.cjm", "Onboarding"),
    ("customer-onboarding.cjm", "Customer onboarding"),
    ("q3_support_case.cjm", "Q3 support case"),
])
def test_title_from_file_name(name, title):
    assert title_from(Path(name)) == title


def test_new_writes_the_template_with_a_title_from_the_file_name(tmp_path):
    run = cjm("new", "onboarding.cjm", "--template", "b2b", cwd=tmp_path)
    assert run.code == 0
    assert "created onboarding.cjm from the b2b template" in run.stderr
    text = (tmp_path / "onboarding.cjm").read_text(encoding="utf-8")
    assert 'map "Onboarding" {' in text
    assert cjm("check", "--strict", "onboarding.cjm", cwd=tmp_path).code == 0
    assert cjm("render", "onboarding.cjm", cwd=tmp_path).code == 0
    assert (tmp_path / "onboarding.svg").read_bytes().startswith(b"<svg")


def test_new_defaults_to_blank_and_adds_the_extension(tmp_path):
    run = cjm("new", "journey", "--title", "My journey", cwd=tmp_path)
    assert run.code == 0
    text = (tmp_path / "journey.cjm").read_text(encoding="utf-8")
    assert text == starter("blank", "My journey")


def test_new_refuses_to_overwrite_an_existing_file(tmp_path):
    (tmp_path / "mine.cjm").write_text("precious", encoding="utf-8")
    run = cjm("new", "mine.cjm", "--template", "b2c", cwd=tmp_path)
    assert run.code == 2
    assert "mine.cjm already exists" in run.stderr
    assert (tmp_path / "mine.cjm").read_text(encoding="utf-8") == "precious"


def test_new_list_shows_every_template(tmp_path):
    run = cjm("new", "--list", cwd=tmp_path)
    assert run.code == 0
    listed = [line.split()[0] for line in run.stdout.decode().splitlines()]
    assert listed == list(TEMPLATES)
    assert list(tmp_path.iterdir()) == []


def test_new_dash_prints_the_map(tmp_path):
    run = cjm("new", "-", "--template", "support", cwd=tmp_path)
    assert (run.code, run.stdout.decode()) == (0, starter("support"))


@pytest.mark.parametrize("args, message", [
    ([], "give the file to create"),
    (["x.cjm", "--template", "b2x"], "'b2x' is not one of"),
])
def test_new_usage_errors(tmp_path, args, message):
    run = cjm("new", *args, cwd=tmp_path)
    assert run.code == 2
    assert message in run.stderr
