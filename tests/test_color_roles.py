"""Colours are roles: one SVG carries the light and the dark scheme, or fixed colours.

`--colors adaptive` (the default) writes each colour as an attribute (the light theme's,
what any renderer or a wiki that strips `<style>` shows) plus a class naming its role,
which the SVG's one `<style>` recolours with the dark partner's colours under
`prefers-color-scheme: dark`. `--colors fixed` writes the attributes only. Chromium shows an
SVG in an `<img>` (as GitHub and GitLab embed README pictures) in the reader's scheme.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ARTIFACTS, EXAMPLES

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.backends import svg
from cjmdsl.layout.map import DEFAULT_WIDTH, layout
from cjmdsl.themes import load_theme
from cjmdsl.themes.roles import key_paint

GROCERY = next(example for example in EXAMPLES if example.stem == "grocery-shop")
ROLE = re.compile(r"cjm-(?:fill|stroke|fill-opacity)-[a-z0-9_-]+")
PERSONA_COLOR_MAP = """map "Own colours" {
  persona maya "Maya" { color "#123456" }
  persona tom "Tom"
  stage s "Start" {
    touchpoint t "Visits" { emotion maya +1 "glad"  emotion tom -1 "cross"  pain "Slow" }
  }
}
"""


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["cjm", *args], cwd=cwd, capture_output=True, text=True)


def without_roles(adaptive: str) -> str:
    """The adaptive SVG with its `<style>`, the root's id and the role classes taken out."""
    text = re.sub(r"<style>.*?</style>\n", "", adaptive, flags=re.S)
    text = re.sub(r'(<svg [^>]*?) id="cjm-[0-9a-f]{8}"', r"\1", text, count=1)
    def kept(found: re.Match) -> str:
        names = [name for name in found.group(1).split() if not ROLE.fullmatch(name)]
        return f' class="{" ".join(names)}"' if names else ""

    return re.sub(r' class="([^"]*)"', kept, text)


def test_adaptive_svg_gives_each_colour_a_role_and_the_dark_partners_colour():
    drawn = cjmdsl.render(GROCERY.read_text(encoding="utf-8"))
    light, dark = load_theme("default"), load_theme("dark")
    pain_card = re.search(r'<g class="cjm-lane cjm-lane-pains">.*?<rect [^>]*>', drawn, re.S)
    assert f'fill="{light.colors["pain"]}"' in pain_card.group(0)
    assert "cjm-fill-pain " in pain_card.group(0) + " "
    uid = re.search(r'<svg [^>]*id="(cjm-[0-9a-f]{8})"', drawn).group(1)
    style = drawn.split("<style>")[1].split("</style>")[0]
    assert style.startswith("\n@media (prefers-color-scheme:dark){")
    assert f"#{uid} .cjm-fill-pain{{fill:{dark.colors['pain']}}}" in style
    assert f"#{uid} .cjm-fill-background{{fill:{dark.colors['background']}}}" in style


def test_fixed_colors_write_the_same_picture_without_style_or_roles(tmp_path):
    (tmp_path / "m.cjm").write_bytes(GROCERY.read_bytes())
    fixed = cjm("render", "m.cjm", "--colors", "fixed", "-o", "-", cwd=tmp_path)
    adaptive = cjm("render", "m.cjm", "-o", "-", cwd=tmp_path)
    assert fixed.returncode == 0 and adaptive.returncode == 0, fixed.stderr + adaptive.stderr
    assert "<style" not in fixed.stdout and "cjm-fill-" not in fixed.stdout
    assert "<style>" in adaptive.stdout
    assert without_roles(adaptive.stdout) == fixed.stdout


def test_the_configs_colors_fixes_the_svgs_colours_and_the_command_line_beats_it(tmp_path):
    (tmp_path / "m.cjm").write_bytes(GROCERY.read_bytes())
    (tmp_path / "cjm.toml").write_text('colors = "fixed"\nformats = ["svg", "html"]\n')
    assert cjm("render", "m.cjm", cwd=tmp_path).returncode == 0
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<style" not in svg and "cjm-fill-" not in svg
    assert "cjm-fill-" in (tmp_path / "m.html").read_text(encoding="utf-8")  # the page's own
    adaptive = cjm("render", "m.cjm", "-f", "svg", "--colors", "adaptive", "-o", "-",
                   cwd=tmp_path)
    assert "<style>" in adaptive.stdout


def test_colors_option_is_a_usage_error_for_other_formats(tmp_path):
    (tmp_path / "m.cjm").write_bytes(GROCERY.read_bytes())
    run = cjm("render", "m.cjm", "-f", "html", "--colors", "fixed", "-o", "-", cwd=tmp_path)
    assert run.returncode == 2
    assert "cjm: error: --colors does not apply to -f html" in run.stderr


def test_a_theme_without_dark_partner_is_drawn_in_fixed_colours():
    assert "<style" not in cjmdsl.render(GROCERY.read_text(encoding="utf-8"), theme="print")


def test_a_colour_the_map_gives_stays_the_same_in_the_dark_scheme():
    drawn = cjmdsl.render(PERSONA_COLOR_MAP)
    maya = re.search(r'<g class="cjm-curve" data-persona="maya"[^>]*>.*?</g>\n</g>', drawn, re.S)
    tom = re.search(r'<g class="cjm-curve" data-persona="tom"[^>]*>.*?</g>\n</g>', drawn, re.S)
    assert 'stroke="#123456"' in maya.group(0) and "cjm-stroke-persona" not in maya.group(0)
    assert "cjm-stroke-persona-1" in tom.group(0)


def test_a_colour_that_is_no_colour_never_reaches_the_style():
    """A theme built in code skips the checks of theme files: its text still stays out."""
    journey = parse(GROCERY.read_text(encoding="utf-8"))
    light, dark = load_theme("default"), load_theme("dark")
    hostile = "red;}</style><script>alert(1)</script><style>*{background:url(//x.test)}"
    evil = replace(dark, colors={**dark.colors, "pain": key_paint("colors", "pain", hostile)})
    drawn = svg.draw(journey, layout(journey, light), light, dark=evil)
    style = drawn.split("<style>")[1].split("</style>")[0]
    # the only url() is a gap's hatching, a pattern inside the SVG itself
    hatch = re.compile(rf"#{svg._uid(journey)}-hatch-\d")
    assert all(hatch.fullmatch(target) for target in re.findall(r"url\(([^)]*)\)", drawn))
    assert "x.test" not in drawn and "<script" not in drawn and "alert" not in drawn
    assert ".cjm-fill-pain{fill:initial}" in style


# ── in a browser, as an <img> ────────────────────────────────────────────────
def picture(browser, svg_text: str, scheme: str, path: Path):
    """Chromium's screenshot of `svg_text` shown by an `<img>`, in the emulated `scheme`."""
    from PIL import Image

    image = path.with_suffix(".svg")
    image.write_text(svg_text, encoding="utf-8")
    page_file = path.with_suffix(".html")
    page_file.write_text(f'<!doctype html><body style="margin:0"><img src="{image.name}">',
                         encoding="utf-8")
    context = browser.new_context(viewport={"width": 900, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
    return Image.open(path).convert("RGB")


def rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


@pytest.mark.browser
@pytest.mark.parametrize("scheme, theme", [("light", "default"), ("dark", "dark")])
def test_an_img_of_the_svg_shows_the_readers_scheme(browser, tmp_path, scheme, theme):
    text = GROCERY.read_text(encoding="utf-8")
    journey = parse(text)
    card = next(lane for lane in layout(journey, load_theme("default"), DEFAULT_WIDTH).lanes
                if lane.kind == "pains").cards[0].box  # laid out as cjmdsl.render draws it
    shown = picture(browser, cjmdsl.render(text), scheme, tmp_path / f"{scheme}.png")
    ARTIFACTS.mkdir(exist_ok=True)
    shown.save(ARTIFACTS / f"adaptive-{scheme}.png")
    colors = load_theme(theme).colors
    assert shown.getpixel((5, 5)) == rgb(colors["background"])
    assert shown.getpixel((int(card.x) + 3, int(card.y + card.height / 2))) == rgb(colors["pain"])


@pytest.mark.browser
@pytest.mark.parametrize("view", ["map", "stages"])
def test_the_svg_in_dark_mode_is_the_dark_partners_own_map(browser, tmp_path, view):
    from PIL import ImageChops, ImageStat

    text = GROCERY.read_text(encoding="utf-8")
    adaptive = picture(browser, cjmdsl.render(text, view=view), "dark", tmp_path / "adaptive.png")
    own = picture(browser, cjmdsl.render(text, theme="dark", view=view), "light",
                  tmp_path / "own.png")
    assert adaptive.size == own.size
    difference = ImageChops.difference(adaptive, own).convert("L")
    assert ImageStat.Stat(difference).mean[0] < 0.05


def test_two_theme_files_that_name_each_other_as_dark_partner_still_render(tmp_path):
    (tmp_path / "m.cjm").write_bytes(GROCERY.read_bytes())
    (tmp_path / "day.toml").write_text('dark = "night.toml"\n', encoding="utf-8")
    (tmp_path / "night.toml").write_text('extends = "dark"\ndark = "day.toml"\n',
                                         encoding="utf-8")
    run = cjm("render", "m.cjm", "--theme", "day.toml", "-o", "-", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert f".cjm-fill-background{{fill:{load_theme('dark').colors['background']}}}" in run.stdout
