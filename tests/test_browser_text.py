"""A real browser draws every line of every example inside the box the layout gave it.

The layout wraps text with Liberation Sans metrics from a JSON table; this is the check that
Chromium, with the real font, agrees. Each text block of the layout is drawn on its own with
the block's font size, weight and style, and Chromium's measured width of each line must not
exceed the block's box. The rendered map itself is measured too, line by line, against the
boxes of the blocks that hold that line at that size and weight. Screenshots of the examples
land in test-artifacts/ for people to look at.
"""
from __future__ import annotations

import math
import struct
import xml.etree.ElementTree as ET

import pytest
from conftest import ARTIFACTS, EXAMPLES

from cjmdsl.api import parse, render
from cjmdsl.language.format import quote as cjm_string
from cjmdsl.layout.map import DEFAULT_WIDTH, layout
from cjmdsl.layout.textmetrics import text_width
from cjmdsl.themes import load_theme
from cjmdsl.words.escape import xml_chars

pytestmark = pytest.mark.browser

SVG_NS = "http://www.w3.org/2000/svg"
TOLERANCE = 0.5
FONT_PROBE = "The quick brown fox jumps over the lazy dog, 1234567890 times."

MEASURE_LINES = """() => Array.from(document.querySelectorAll("tspan[data-block]"), t => ({
    block: Number(t.dataset.block), line: Number(t.dataset.line),
    width: t.getComputedTextLength()}))"""

MEASURE_MAP = """() => Array.from(document.querySelectorAll("svg text tspan"), t => {
    const style = getComputedStyle(t);
    return {text: t.textContent, size: parseFloat(style.fontSize),
            bold: Number(style.fontWeight) >= 600, width: t.getComputedTextLength()};
})"""


def geometry_of(example):
    """The example laid out as `cjm render` draws it: for the default width."""
    journey = parse(example.read_text(encoding="utf-8"), example.name)
    theme = load_theme(journey.theme or "default")
    return journey, theme, layout(journey, theme, DEFAULT_WIDTH)


def specimen(blocks, font_family: str) -> str:
    """One page drawing every block's lines with the block's own font settings."""
    svg = ET.Element("svg", xmlns=SVG_NS, width="2000", height=str(20 + 40 * len(blocks)))
    svg.set("font-family", font_family)
    for index, block in enumerate(blocks):
        text = ET.SubElement(svg, "text", x="10", y=str(30 + 40 * index))
        text.set("font-size", f"{block.size:g}")
        if block.bold:
            text.set("font-weight", "bold")
        if block.italic:
            text.set("font-style", "italic")
        for number, line in enumerate(block.lines):
            tspan = ET.SubElement(text, "tspan", x="10")
            tspan.set("data-block", str(index))
            tspan.set("data-line", str(number))
            tspan.text = line
    return ("<!doctype html><html><body style='margin:0'>"
            + ET.tostring(svg, encoding="unicode") + "</body></html>")


def png_size(path) -> tuple[int, int]:
    with open(path, "rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_chromium_draws_with_liberation_sans_metrics(page):
    """Without the real font the other checks would measure some fallback font instead."""
    family = load_theme("default").font["family"]
    page.set_content(f"<svg xmlns='{SVG_NS}' width='900' height='60'><text x='0' y='30' "
                     f"font-family='{family}' font-size='12'>{FONT_PROBE}</text></svg>")
    measured = page.evaluate("() => document.querySelector('text').getComputedTextLength()")
    estimated = text_width(FONT_PROBE, 12)
    assert estimated * 0.98 <= measured <= estimated + TOLERANCE, (
        f"Chromium measured {measured:.2f}px where Liberation Sans gives {estimated:.2f}px; "
        "is fonts-liberation installed?")


CLUSTERS = {
    "marks-one-release-lacks": "Z\u0335\u0321\u0327a\u0336l\u0334g\u0337o W\u0335t\u0335f\u0335",
    "marks-no-font-has": "a\u1ab5\u1ab5 b\u0489 m\u0f71",
    "decomposed-accents": "e\u0301 a\u0308 n\u0303 x\u0308 q\u0323\u0302",
    "newer-release-letters": "Vi\u1ec7t Nam \u01a1\u01b0 \u0180\u0181\u0253",
    "invisible-joiners": "e\u200d\ufe0f \u2764\ufe0f a\u034fb \u202eabc\u202c",
}


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("case", list(CLUSTERS))
def test_clusters_the_font_lacks_are_measured_wide_enough(case, bold, page):
    """Marks and letters Liberation may lack are drawn from a fallback font, or as boxes."""
    text = CLUSTERS[case]
    weight = " font-weight='bold'" if bold else ""
    page.set_content(f"<svg xmlns='{SVG_NS}' width='2000' height='60'><text x='0' y='30' "
                     f"font-family='{load_theme('default').font['family']}' font-size='20'{weight}>"
                     f"{xml_chars(text)}</text></svg>")
    measured = page.evaluate("() => document.querySelector('text').getComputedTextLength()")
    assert measured <= text_width(text, 20, bold) + TOLERANCE


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_line_fits_its_box_in_chromium(example, page):
    _, _, geometry = geometry_of(example)
    blocks = list(geometry.text_blocks())
    page.set_content(specimen(blocks, geometry.font_family))
    measured = page.evaluate(MEASURE_LINES)
    assert len(measured) == sum(len(b.lines) for b in blocks)
    too_wide = []
    for m in measured:
        block = blocks[m["block"]]
        if m["width"] > block.box.width + TOLERANCE:
            line = block.lines[m["line"]]
            too_wide.append(f"{line!r} at {block.size:g}px{' bold' if block.bold else ''}: "
                            f"Chromium {m['width']:.2f}px, estimate "
                            f"{text_width(line, block.size, block.bold):.2f}px, "
                            f"box {block.box.width:.2f}px")
    assert too_wide == []


def lines_not_fitting_in_chromium(page, journey, theme, geometry, svg_file) -> list[str]:
    """Load the rendered map and compare each drawn line with the boxes of the blocks holding it.

    A line is looked up by the text the SVG draws (after XML escaping), its font size and its
    weight, so the check does not depend on the order the template draws blocks in.
    """
    narrowest: dict[tuple[str, float, bool], float] = {}
    for block in geometry.text_blocks():
        for line in block.lines:
            key = (xml_chars(line), round(block.size, 2), block.bold)
            narrowest[key] = min(narrowest.get(key, math.inf), block.box.width)
    svg_file.write_text(render(journey, "svg", theme.name), encoding="utf-8")
    size = {"width": math.ceil(geometry.width), "height": math.ceil(geometry.height)}
    page.set_viewport_size(size)
    page.goto(svg_file.as_uri())
    problems = []
    for m in page.evaluate(MEASURE_MAP):
        key = (m["text"], round(m["size"], 2), m["bold"])
        if key not in narrowest:
            problems.append(f"{key} is drawn, but the layout measured no such line")
        elif m["width"] > narrowest[key] + TOLERANCE:
            problems.append(f"{m['text']!r} at {m['size']:g}px: Chromium {m['width']:.2f}px in a "
                            f"{narrowest[key]:.2f}px box")
    return problems


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_map_lines_fit_and_screenshot(example, page, tmp_path):
    journey, theme, geometry = geometry_of(example)
    svg_file = tmp_path / f"{example.stem}.svg"
    assert lines_not_fitting_in_chromium(page, journey, theme, geometry, svg_file) == []

    ARTIFACTS.mkdir(exist_ok=True)
    picture = ARTIFACTS / f"{example.stem}.png"
    page.screenshot(path=str(picture))  # not full_page: it hangs on SVG documents
    assert png_size(picture) == (math.ceil(geometry.width), math.ceil(geometry.height))


HOSTILE = {
    "long-word": "W" * 90,
    "markup": "<script>alert('x')</script> & \"quotes\" <b>bold</b> " * 3,
    "combining-marks": "Z\u0335\u0321\u0327a\u0336l\u0334g\u0337o e\u0301e\u0301 " * 6,
    "right-to-left": "שלום עולם مرحبا بالعالم \u202eevil\u202c " * 4,
    "no-break-spaces": "one\u00a0two\u00a0three\u00a0four\u00a0five\u00a0six\u00a0seven " * 4,
    "emoji": "\U0001F600" * 40,
    "control-characters": "\x07" * 40,
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_text_fits_its_box_in_chromium(case, page, tmp_path):
    text = cjm_string(HOSTILE[case])
    journey = parse(f"map {text} {{ description {text} stage s {text} {{ touchpoint t {text} "
                    f"{{ channel web action {text} pain {text} owner {text} }} }} }}")
    theme = load_theme("default")
    geometry = layout(journey, theme, DEFAULT_WIDTH)
    assert lines_not_fitting_in_chromium(page, journey, theme, geometry,
                                         tmp_path / "hostile.svg") == []
