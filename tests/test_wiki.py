"""Maps that every wiki accepts: the SVG is self-contained, and non-browser renderers draw
it as Chromium does.

GitHub, GitLab, Confluence and Notion show an SVG as an image; image pipelines and some
wikis rasterise it with librsvg (`rsvg-convert`) or resvg, which is also what `-f png`
uses. For every example, in the default and the dark theme, the picture from each
renderer is compared with Chromium's, element by element: Chromium gives the box of every
text and shape; inside each box (after a 1 px blur that evens out anti-aliasing) the mean
difference must stay under ELEMENT_LIMIT, and an element with ink must not differ by more
than INK_RATIO of its ink (a missing element differs by all of it). The controls at the
end prove those limits catch a missing text, a missing emotion word and a text moved by
3 px. Pictures and difference maps land in test-artifacts/wiki/.
"""
from __future__ import annotations

import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

import cjmdsl
from conftest import ARTIFACTS, EXAMPLES, require_tool

SVG_NS = "{http://www.w3.org/2000/svg}"
SAFE_FONTS = "Liberation Sans, Arial, Helvetica, sans-serif"
THEMES = ("default", "dark")
OUT = ARTIFACTS / "wiki"

ELEMENT_LIMIT = 20.0  # mean |difference| (0..255) inside one element's box; seen: librsvg
#                      ≤\u00a011, resvg ≤\u00a016.2 (it kerns the 22 px bold "11%" a pixel tighter)
INK_RATIO = 0.75  # difference / ink inside a box; a missing element scores about 1.0
PAGE_LIMIT = 2.0  # mean |difference| over the whole picture; seen: ≤\u00a01.25
BIG_BOX = 200 * 200  # larger boxes (bands, backgrounds, whole curves) count in PAGE_LIMIT only


# All the one `<style>` of an adaptive SVG may say: a colour for each role, under dark.
DARK_SCHEME_ONLY = re.compile(r"\n@media \(prefers-color-scheme:dark\)\{\n(#cjm-[0-9a-f]{8} "
                              r"\.cjm-(fill|stroke|fill-opacity|stroke-opacity)-[a-z0-9_-]+\{"
                              r"(fill|stroke|fill-opacity|stroke-opacity):(#[0-9a-f]{6}|[0-9.]+)"
                              r"\}\n)+\}\n")


def svg_of(example: Path, theme: str) -> str:
    return cjmdsl.render(example.read_text(encoding="utf-8"), theme=theme)


def ids(params):
    return [f"{p[0].stem}-{p[1]}" for p in params]


CASES = [(example, theme) for example in EXAMPLES for theme in THEMES]


# ── the SVG itself ───────────────────────────────────────────────────────────
@pytest.mark.parametrize("example, theme", CASES, ids=ids(CASES))
def test_svg_has_no_script_no_external_reference_and_no_foreign_object(example, theme):
    svg = svg_of(example, theme)
    root = ET.fromstring(svg)
    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "iframe", "object", "embed",
                       "a", "use", "feImage"}
    styles = [element.text for element in root.iter(f"{SVG_NS}style")]
    assert len(styles) <= 1 and all(DARK_SCHEME_ONLY.fullmatch(text) for text in styles), \
        "the one <style> may hold only the dark scheme's colours of the roles"
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name}"
            assert not name.endswith("href"), f"reference {name}={value}"
            assert "url(" not in value or re.fullmatch(r"url\(#[\w-]+\)", value), value
    assert "@import" not in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("example, theme", CASES, ids=ids(CASES))
def test_svg_scales_and_has_its_own_background_and_a_safe_font_stack(example, theme):
    from cjmdsl.themes import load_theme

    root = ET.fromstring(svg_of(example, theme))
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-family") == SAFE_FONTS
    first_shape = next(e for e in root
                       if e.tag.removeprefix(SVG_NS) not in ("title", "desc", "defs"))
    assert first_shape.tag == f"{SVG_NS}rect"
    assert first_shape.get("x", "0") == first_shape.get("y", "0") == "0"
    assert first_shape.get("width") in ("100%", root.get("width"))
    assert first_shape.get("height") in ("100%", root.get("height"))
    assert first_shape.get("fill") == load_theme(theme).colors["background"]


def _font_characters() -> set[str]:
    from cjmdsl.layout.textmetrics import _advances

    return {chr(code) for code in {*_advances(False), *_advances(True)}}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_character_of_the_examples_is_in_the_measured_font(example):
    """A glyph the font lacks makes resvg draw its whole line in a fallback font."""
    root = ET.fromstring(svg_of(example, "default"))
    text = "".join("".join(e.itertext()) for e in root.iter(f"{SVG_NS}text"))
    assert set(text) - _font_characters() - {"\n"} == set()


# ── pictures ─────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class Element:
    tag: str
    text: str
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class Score:
    element: Element
    difference: float
    ink: float

    def fails(self) -> bool:
        return (self.difference > ELEMENT_LIMIT
                or (self.ink >= 8 and self.difference / self.ink > INK_RATIO))


BOXES_JS = """() => [...document.querySelectorAll(
    'text, circle, ellipse, polygon, polyline, path, line, rect')].map(e => {
  const r = e.getBoundingClientRect();
  return [e.tagName, e.tagName === 'text' ? e.textContent : '', r.x, r.y, r.width, r.height];
})"""


def pixel_size(svg: str) -> tuple[int, int]:
    root = ET.fromstring(svg)
    return math.ceil(float(root.get("width"))), math.ceil(float(root.get("height")))


def chromium_picture(page, svg: str, path: Path):
    """Chromium's screenshot of the SVG at 1 px per unit, and the box of every element."""
    from PIL import Image

    width, height = pixel_size(svg)
    source = path.with_suffix(".svg")
    source.write_text(svg, encoding="utf-8")
    page.set_viewport_size({"width": width, "height": height})
    page.goto(source.resolve().as_uri())
    page.screenshot(path=str(path))
    elements = []
    for tag, text, x, y, w, h in page.evaluate(BOXES_JS):
        if w < 1 or h < 1 or w * h > BIG_BOX:
            continue
        elements.append(Element(tag, text, (int(x) - 1, int(y) - 1,
                                            math.ceil(x + w) + 1, math.ceil(y + h) + 1)))
    return Image.open(path).convert("RGB"), elements


def rsvg_picture(svg: str, path: Path):
    require_tool("rsvg-convert", shutil.which("rsvg-convert") is not None,
                 "apt-get install librsvg2-bin")
    subprocess.run(["rsvg-convert", "-o", str(path)], input=svg.encode("utf-8"), check=True)
    return path


def resvg_picture(svg: str, path: Path):
    """What `-f png --scale 1` writes."""
    try:
        import resvg_py
    except ImportError:
        require_tool("resvg-py", False, "pip install -e '.[test]'")
    path.write_bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=1.0))
    return path


RENDERERS = {"rsvg": rsvg_picture, "resvg": resvg_picture}


def opaque(path: Path, size: tuple[int, int]):
    """The picture on white, cut or padded to `size` (renderers round the height apart)."""
    from PIL import Image

    image = Image.open(path).convert("RGBA")
    canvas = Image.new("RGB", size, "white")
    canvas.paste(image, mask=image.split()[3])
    return canvas


def compare(picture, chromium, elements: list[Element]) -> tuple[float, list[Score]]:
    from PIL import ImageChops, ImageFilter, ImageStat

    ours = picture.filter(ImageFilter.GaussianBlur(1))
    theirs = chromium.filter(ImageFilter.GaussianBlur(1))
    difference = ImageChops.difference(ours, theirs).convert("L")
    scores = []
    for element in elements:
        crop = chromium.crop(element.box)
        background = max(crop.getcolors(1 << 20))[1]  # the most common colour in the box
        from PIL import Image

        ink = ImageStat.Stat(ImageChops.difference(
            theirs.crop(element.box), Image.new("RGB", crop.size, background)).convert("L")).mean[0]
        scores.append(Score(element, ImageStat.Stat(difference.crop(element.box)).mean[0], ink))
    return ImageStat.Stat(difference).mean[0], scores


def save_difference(picture, chromium, path: Path) -> None:
    from PIL import ImageChops, ImageOps

    ImageOps.autocontrast(ImageChops.difference(picture, chromium).convert("L")).save(path)


PICTURE_CASES = [pytest.param(example, theme, renderer, id=f"{example.stem}-{theme}-{renderer}",
                              marks=pytest.mark.browser)
                 for example in EXAMPLES for theme in THEMES for renderer in RENDERERS]


@pytest.mark.parametrize("example, theme, renderer", PICTURE_CASES)
def test_non_browser_renderer_draws_every_element_where_chromium_does(page, example, theme,
                                                                       renderer):
    OUT.mkdir(parents=True, exist_ok=True)
    stem = f"{example.stem}-{theme}"
    svg = svg_of(example, theme)
    chromium, elements = chromium_picture(page, svg, OUT / f"{stem}-chromium.png")
    picture = opaque(RENDERERS[renderer](svg, OUT / f"{stem}-{renderer}.png"), chromium.size)
    save_difference(picture, chromium, OUT / f"{stem}-{renderer}-diff.png")
    page_difference, scores = compare(picture, chromium, elements)
    assert len(elements) > 100
    assert page_difference < PAGE_LIMIT
    failing = [(s.element.tag, s.element.text[:40], s.element.box, round(s.difference, 1),
                round(s.ink, 1)) for s in scores if s.fails()]
    assert failing == []


# ── the comparison can see what it must see ─────────────────────────────────
SUPPORT = next(e for e in EXAMPLES if e.stem == "support-ticket")


def _drop_text(svg: str, words: str) -> str:
    element = next(m.group(0) for m in re.finditer(r"<text[^>]*>.*?</text>", svg, re.S)
                   if words in m.group(0))
    return svg.replace(element, "", 1)


def _move_text(svg: str, words: str, dx: float) -> str:
    def shift(match: re.Match) -> str:
        return f'<tspan x="{float(match.group(1)) + dx:g}"{match.group(2)}>{words}'

    return re.sub(r'<tspan x="([\d.]+)"([^>]*)>' + re.escape(words), shift, svg, count=1)


@pytest.mark.browser
@pytest.mark.parametrize("damage, words", [
    (lambda svg: _drop_text(svg, "Service restored"), "Service restored"),
    (lambda svg: _drop_text(svg, ">stuck<"), "stuck"),
    (lambda svg: _move_text(svg, "Service restored", 3), "Service restored"),
], ids=["missing-touchpoint-name", "missing-emotion-word", "text-moved-3px"])
def test_the_comparison_catches_a_missing_or_moved_element(page, tmp_path, damage, words):
    svg = svg_of(SUPPORT, "default")
    chromium, elements = chromium_picture(page, svg, tmp_path / "chromium.png")
    damaged = damage(svg)
    assert damaged != svg
    picture = opaque(rsvg_picture(damaged, tmp_path / "rsvg.png"), chromium.size)
    _, scores = compare(picture, chromium, elements)
    # The texts that fail (the card round a dropped text may fail with it).
    caught = {s.element.text for s in scores if s.fails() and s.element.tag == "text"}
    assert caught == {words}
