"""Issue 14 in a real browser: each map embedded in a column of the target width (as GitHub
shows an image: `max-width: 100%`), every text is at least 9 px on screen (its font size times
the scale the page draws the SVG at), no two texts overlap, and every line fits its box.
Screenshots at 880 px land in test-artifacts/rows/ for people to look at."""
from __future__ import annotations

import pytest
from conftest import ARTIFACTS
from test_browser_text import lines_not_fitting_in_chromium
from test_rows import MAPS, SMALLEST_TEXT, journey_of

import cjmdsl
from cjmdsl.layout.map import layout
from cjmdsl.themes import load_theme

pytestmark = pytest.mark.browser

OVERLAP = 0.5  # px of slack: neighbouring lines touch, they do not overlap
SCREENSHOT_HEIGHT = 8000  # the top of a very tall map is enough to look at

MEASURE_TEXTS = """() => {
    const svg = document.querySelector("svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return {scale, width: svg.getBoundingClientRect().width,
            texts: Array.from(svg.querySelectorAll("text"), t => {
        const box = t.getBoundingClientRect();
        return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
                left: box.left, top: box.top, right: box.right, bottom: box.bottom};
    })};
}"""


def embedded(svg: str, width: int) -> str:
    return (f"<!doctype html><html><body style='margin:0'><div style='width:{width}px'>"
            f"<style>svg{{max-width:100%;height:auto;display:block}}</style>{svg}</div>"
            "</body></html>")


def overlaps(texts: list[dict]) -> list[str]:
    """Pairs of texts whose boxes overlap, found by a sweep from top to bottom."""
    found = []
    ordered = sorted(texts, key=lambda t: t["top"])
    active: list[dict] = []
    for text in ordered:
        active = [a for a in active if a["bottom"] - OVERLAP > text["top"]]
        for other in active:
            if (other["left"] < text["right"] - OVERLAP and text["left"] < other["right"] - OVERLAP
                    and other["top"] < text["bottom"] - OVERLAP):
                found.append(f"{other['text'][:30]!r} overlaps {text['text'][:30]!r}")
        active.append(text)
    return found


@pytest.mark.parametrize("width", [880, 1000])
@pytest.mark.parametrize("name", list(MAPS))
def test_every_text_is_9_px_or_more_where_it_is_embedded_and_none_overlaps(name, width, page,
                                                                        tmp_path):
    journey = journey_of(name)
    svg = cjmdsl.render(journey, width=width)
    height = layout(journey, load_theme(journey.theme or "default"), width).height
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(embedded(svg, width))
    measured = page.evaluate(MEASURE_TEXTS)
    assert measured["width"] == width and measured["scale"] == 1
    small = sorted({(round(t["size"], 2), t["text"][:30]) for t in measured["texts"]
                    if t["size"] < SMALLEST_TEXT})
    assert small == []
    assert overlaps(measured["texts"]) == []
    if width == 880:
        shot = ARTIFACTS / "rows" / f"{name}-880.png"  # portfolio/… in a folder of its own
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot), clip={
            "x": 0, "y": 0, "width": width, "height": min(height, SCREENSHOT_HEIGHT)},
            full_page=True)


@pytest.mark.parametrize("name", ["german-bank", "generated-40"])
def test_every_line_of_a_map_in_rows_fits_its_box_in_chromium(name, page, tmp_path):
    journey = journey_of(name)
    theme = load_theme("default")
    geometry = layout(journey, theme, 880)
    assert lines_not_fitting_in_chromium(page, journey, theme, geometry,
                                         tmp_path / "map.svg") == []
