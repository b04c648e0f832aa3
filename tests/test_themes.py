"""Themes: the built-ins, user files that extend them, `cjm themes`, and the README's key table."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

import cjmdsl
from cjmdsl.themes.colors import blend, mix
from cjmdsl.layout.map import layout
from cjmdsl.themes import (SCHEMA, TOP_KEYS, Theme, ThemeError, builtin_names, load_theme,
                           to_toml)

BUILTINS = {"default", "dark", "high-contrast", "high-contrast-dark", "colorblind",
            "colorblind-dark", "print", "corporate"}
MAP = """map "Tiny" {
  persona maya "Maya" { role "Parent" }
  stage buy "Buy" {
    goal "Order"
    touchpoint pay "Pay" { channel web  emotion maya -2 "cross"  expect maya 1 }
    touchpoint done "Done" { channel email  emotion maya 1.5 }
  }
}
"""


def cjm(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ── the built-ins ────────────────────────────────────────────────────────────
def test_the_issue_s_built_in_themes_ship():
    assert set(builtin_names()) == BUILTINS


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_every_built_in_is_complete_named_and_described(name):
    theme = load_theme(name)
    assert theme.name == name
    assert 10 < len(theme.description) < 100
    for section, keys in SCHEMA.items():
        assert sorted(getattr(theme, section)) == sorted(keys)


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_dark_partners_exist_and_are_darker(name):
    from colorscience import luminance

    theme = load_theme(name)
    if theme.dark is None:
        return
    partner = load_theme(theme.dark)
    assert luminance(partner.colors["background"]) < luminance(theme.colors["background"])
    assert partner.dark is None, "a dark partner stays as it is in dark mode"


def test_light_themes_name_a_dark_partner_except_print():
    partners = {name: load_theme(name).dark for name in BUILTINS}
    assert partners == {"default": "dark", "dark": None, "high-contrast": "high-contrast-dark",
                        "high-contrast-dark": None, "colorblind": "colorblind-dark",
                        "colorblind-dark": None, "print": None, "corporate": "dark"}


def test_every_built_in_renders_a_map():
    for name in BUILTINS:
        svg = cjmdsl.render(MAP, theme=name)
        assert load_theme(name).colors["background"] in svg


# ── the emotion scale ────────────────────────────────────────────────────────
@pytest.mark.parametrize("low, high", [(-2, 2), (1, 5), (-3, 3), (0, 1), (-10, 10), (1, 7)])
def test_emotion_scale_runs_negative_to_neutral_to_positive_for_any_range(low, high):
    theme = load_theme("default")
    emotion = theme.emotion
    assert theme.emotion_color(low, low, high) == emotion["negative"]
    assert theme.emotion_color((low + high) / 2, low, high) == emotion["neutral"]
    assert theme.emotion_color(high, low, high) == emotion["positive"]
    colors = [theme.emotion_color(v, low, high) for v in range(low, high + 1)]
    assert len(set(colors)) == len(colors)


def test_blend_is_perceptual_and_mix_is_linear_srgb():
    assert blend("#000000", "#ffffff", 0) == "#000000"
    assert blend("#000000", "#ffffff", 1) == "#ffffff"
    assert blend("#000000", "#ffffff", 0.5) == "#636363"  # Oklab's mid grey, not #808080
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#d64545", "#d64545", 0.3) == "#d64545"


def test_print_theme_is_greyscale_and_keeps_the_order_of_emotions_in_lightness():
    from colorscience import lab

    theme = load_theme("print")
    colours = [v for section in ("colors", "stages", "personas", "emotion")
               for value in getattr(theme, section).values()
               for v in (value if isinstance(value, list) else [value])
               if isinstance(v, str) and v.startswith("#")]
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours), "print uses greys only"
    lightness = [lab(theme.emotion_color(v, -2, 2))[0] for v in range(-2, 3)]
    assert all(b - a > 5 for a, b in zip(lightness, lightness[1:])), lightness
    assert theme.emotion["value_labels"] is True


def test_print_theme_writes_values_beside_emotion_words():
    journey = cjmdsl.parse(MAP)
    words = [p.word.lines for c in layout(journey, load_theme("print")).emotion.curves
             for p in c.points]
    assert words == [("cross (-2)",), ("+1.5",)]
    plain = [p for c in layout(journey, load_theme("default")).emotion.curves
             for p in c.points]
    assert plain[0].word.lines == ("cross",)
    # a point without a word is written only as the persona's badged highest moment
    assert plain[1].word.lines == ("+1.5",) and plain[1].badge.kind == "highest"


# ── user files ───────────────────────────────────────────────────────────────
def test_a_user_file_extends_default_and_merges_deeply(tmp_path):
    path = write(tmp_path, "brand.toml", '[colors]\ntext = "#123"\n[personas]\npalette = ["#ABCDEF"]\n')
    theme = load_theme(str(path))
    default = load_theme("default")
    assert theme.name == "brand" and theme.description == "" and theme.dark is None
    assert theme.colors["text"] == "#112233"  # normalised: lowercase #rrggbb
    assert theme.colors["muted"] == default.colors["muted"]
    assert theme.personas["palette"] == ["#abcdef"]  # lists are replaced whole
    assert theme.font == default.font


def test_extends_a_built_in_or_a_file_relative_to_the_extending_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "cjm.toml").write_text("")  # the project: files above sub/ are in it
    write(tmp_path, "base.toml", 'extends = "dark"\n[colors]\nmuted = "#aaaaaa"\n')
    child = write(tmp_path / "sub", "child.toml", 'extends = "../base.toml"\nname = "Child"\n'
                                                  '[spacing]\nradius = 0\n')
    theme = load_theme(str(child))
    assert theme.name == "Child"
    assert theme.colors["muted"] == "#aaaaaa"
    assert theme.colors["background"] == load_theme("dark").colors["background"]
    assert theme.spacing["radius"] == 0
    assert 'rx="-' not in cjmdsl.render(MAP, theme=str(child))


def test_a_dark_partner_file_is_found_from_any_folder(tmp_path):
    write(tmp_path, "night.toml", 'extends = "dark"\n')
    day = write(tmp_path, "day.toml", 'dark = "night.toml"\n')
    assert load_theme(str(day)).dark == str((tmp_path / "night.toml").resolve())
    assert load_theme(load_theme(str(day)).dark).name == "night"


def test_name_description_and_dark_are_not_inherited(tmp_path):
    path = write(tmp_path, "mine.toml", 'extends = "colorblind"\n')
    theme = load_theme(str(path))
    assert (theme.name, theme.description, theme.dark) == ("mine", "", None)
    assert theme.personas == load_theme("colorblind").personas


def test_theme_files_are_read_afresh(tmp_path):
    path = write(tmp_path, "t.toml", '[colors]\ntext = "#111111"\n')
    assert load_theme(str(path)).colors["text"] == "#111111"
    write(tmp_path, "t.toml", '[colors]\ntext = "#222222"\n')
    assert load_theme(str(path)).colors["text"] == "#222222"


def test_unknown_name_is_a_message_with_did_you_mean():
    with pytest.raises(ThemeError) as failure:
        load_theme("drak")
    assert str(failure.value).startswith("unknown theme `drak` (did you mean `dark`?)")
    assert failure.value.diagnostics == []


def test_theme_errors_are_cjm_errors_for_api_users(tmp_path):
    path = write(tmp_path, "bad.toml", '[colors]\ntext = "red"\n')
    with pytest.raises(cjmdsl.CjmError) as failure:
        cjmdsl.render(MAP, theme=str(path))
    assert "bad.toml:2:8: error[E018]: invalid colour `red` for `colors.text`" in str(failure.value)


# ── printing a theme ─────────────────────────────────────────────────────────
@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_shown_toml_loads_back_as_the_same_theme(name, tmp_path):
    theme = load_theme(name)
    text = to_toml(theme)
    data = tomllib.loads(text)
    assert "extends" not in data
    path = write(tmp_path, f"{name}.toml", text)
    assert load_theme(str(path)) == theme


def test_shown_toml_escapes_what_toml_strings_cannot_hold(tmp_path):
    theme = Theme(**{**load_theme("default").__dict__,
                     "description": 'quote " backslash \\ tab \t del \x7f é'})
    path = write(tmp_path, "odd.toml", to_toml(theme))
    assert load_theme(str(path)).description == theme.description


# ── the command line ─────────────────────────────────────────────────────────
def test_cjm_themes_lists_every_built_in_with_its_description():
    run = cjm("themes")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(BUILTINS)
    for line in lines:
        theme = load_theme(line.split()[0])
        assert theme.description in line
    assert "(dark mode: colorblind-dark)" in run.stdout


def test_cjm_themes_show_prints_the_resolved_theme():
    run = cjm("themes", "show", "corporate")
    assert run.returncode == 0, run.stderr
    assert run.stdout == to_toml(load_theme("corporate"))


@pytest.mark.parametrize("args, code, message", [
    (["themes", "show", "drak"], 2, "cjm: error: unknown theme `drak` (did you mean `dark`?)"),
    (["themes", "show", "missing.toml"], 2, "cjm: error: cannot read theme missing.toml"),
    (["render", "m.cjm", "--theme", "nope"], 2, "cjm: error: unknown theme `nope`"),
    (["render", "m.cjm", "--theme", "bad.toml"], 1,
     "bad.toml:2:1: error[E051]: unknown key `txt` in [colors]\n"
     " 2 | txt = \"#000000\"\n"
     "   | ^^^ did you mean `text`?"),
    (["themes", "show", "bad.toml"], 1, "bad.toml:2:1: error[E051]"),
])
def test_theme_mistakes_on_the_command_line(tmp_path, args, code, message):
    write(tmp_path, "m.cjm", MAP)
    write(tmp_path, "bad.toml", '[colors]\ntxt = "#000000"\n')
    run = cjm(*args, cwd=tmp_path)
    assert run.returncode == code
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "m.svg").exists()


def test_map_chooses_its_theme_and_the_option_overrides_it(tmp_path):
    write(tmp_path, "m.cjm", MAP.replace('map "Tiny" {', 'map "Tiny" {\n  theme "dark"'))
    write(tmp_path, "brand.toml", '[colors]\nbackground = "#fafafa"\n')
    backgrounds = {}
    for option in ([], ["--theme", "print"], ["--theme", "brand.toml"]):
        run = cjm("render", "m.cjm", "-o", "-", *option, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        backgrounds[" ".join(option)] = re.search(r'fill="(#\w+)" class="cjm-background',
                                                  run.stdout).group(1)
    assert backgrounds == {"": "#111827", "--theme print": "#ffffff",
                           "--theme brand.toml": "#fafafa"}


# ── the documentation ────────────────────────────────────────────────────────
def readme_themes_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Themes\n", 1)[1].split("\n## ", 1)[0]


def readme_subsection(title: str) -> str:
    return readme_themes_section().split(f"\n### {title}\n", 1)[1].split("\n### ", 1)[0]


def test_readme_documents_every_key_with_its_default():
    section = readme_subsection("Keys")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([\w.]+)` \| ([^|]+) \|", section,
                                                         re.M)}
    default = load_theme("default")
    expected = {f"{s}.{k}" for s, keys in SCHEMA.items() for k in keys} | set(TOP_KEYS)
    assert set(rows) == expected
    for dotted, shown in rows.items():
        section_name, _, key = dotted.rpartition(".")
        if not section_name:
            continue
        value = getattr(default, section_name)[key]
        if isinstance(value, list):
            assert all(f"`{v}`" in shown for v in value[:1]), dotted
        else:
            assert f"`{to_toml_value(value)}`" in shown, f"{dotted}: README says {shown}"


def to_toml_value(value) -> str:
    from cjmdsl.themes import _toml_value

    return _toml_value(value).strip('"')


def test_readme_lists_every_built_in_and_shows_it_in_the_gallery():
    section = readme_themes_section()
    for name in BUILTINS:
        assert f"`{name}`" in section
        assert f"docs/gallery/{name}.png" in section
        assert (ROOT / "docs" / "gallery" / f"{name}.png").is_file()


def test_theme_sections_are_typed_objects_of_the_schemas_keys(tmp_path):
    from dataclasses import FrozenInstanceError

    from cjmdsl.themes.schema import SCHEMA

    (tmp_path / "brand.toml").write_text('[colors]\npain_border = "#AA0000"\n'
                                         '[spacing]\nradius = 0\n', encoding="utf-8")
    theme = load_theme(str(tmp_path / "brand.toml"))
    assert theme.colors.pain_border == "#aa0000" and theme.spacing.radius == 0
    assert theme.colors.text == load_theme("default").colors.text  # inherited
    for section, keys in SCHEMA.items():
        values = getattr(theme, section)
        assert type(values).__name__ == section.title()
        assert list(values) == list(keys)  # every key, in the schema's order
        assert all(getattr(values, key) == values[key] for key in keys)
    with pytest.raises(FrozenInstanceError):
        theme.colors.text = "#000000"
