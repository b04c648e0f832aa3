"""The stages view and the HTML page in a real browser (issue 14 part 2), at a README's 880 px
and a phone's 390 px: every text of the stages view is at least 9 px and none overlaps; the
page never scrolls sideways, its stage cards read at 9 px or more, and a card takes the reader
to the map at that stage. Screenshots land in test-artifacts/stages/."""
from __future__ import annotations

import pytest
from conftest import ARTIFACTS, EXAMPLES
from test_rows import MAPS, SMALLEST_TEXT
from test_rows_browser import MEASURE_TEXTS, embedded, overlaps

import cjmdsl

pytestmark = pytest.mark.browser

WIDTHS = [880, 390]
FOLDER = ARTIFACTS / "stages"

MEASURE_CARDS = """() => Array.from(document.querySelectorAll(".cjm-stage-cards text"), t => {
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const box = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
            left: box.left, top: box.top, right: box.right, bottom: box.bottom};
})"""

SIDEWAYS = """() => ({page: document.documentElement.scrollWidth, window: innerWidth})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["grocery-shop", "generated-200", "german-bank"])
def test_stages_view_texts_are_9_px_or_more_and_none_overlaps(name, width, page):
    svg = cjmdsl.render(MAPS[name], width=width, view="stages")
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(embedded(svg, width))
    measured = page.evaluate(MEASURE_TEXTS)
    assert measured["width"] == width and measured["scale"] == 1
    assert sorted({(round(t["size"], 2), t["text"][:30]) for t in measured["texts"]
                   if t["size"] < SMALLEST_TEXT}) == []
    assert overlaps(measured["texts"]) == []
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / f"{name}-stages-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*(e.stem for e in EXAMPLES), "generated-200"])
def test_html_page_never_scrolls_sideways(name, width, page, tmp_path):
    path = tmp_path / f"{name}.html"
    path.write_text(cjmdsl.render(MAPS[name], "html"), encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    sizes = page.evaluate(SIDEWAYS)
    assert sizes["page"] <= sizes["window"]


@pytest.mark.parametrize("width", WIDTHS)
def test_html_page_of_a_big_map_opens_on_stage_cards_that_fit_the_window(width, page, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(cjmdsl.render(MAPS["generated-200"], "html"), encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    texts = page.evaluate(MEASURE_CARDS)
    assert len({t["text"] for t in texts if t["text"].startswith("Stage ")}) == 40
    assert [t["text"] for t in texts if t["size"] < SMALLEST_TEXT] == []
    assert [t["text"] for t in texts if t["right"] > width] == []
    assert overlaps(texts) == []
    FOLDER.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(FOLDER / f"generated-200-html-{width}.png"))


def test_the_stage_cards_follow_the_pages_dark_scheme(page, tmp_path):
    from cjmdsl.themes import load_theme

    path = tmp_path / "big.html"
    path.write_text(cjmdsl.render(MAPS["generated-200"], "html"), encoding="utf-8")
    page.goto(path.as_uri())
    panel = ("() => getComputedStyle(document.querySelector("
             "'.cjm-stage-cards .cjm-stage-summary rect')).fill")
    light, dark = (load_theme(name).colors["panel"] for name in ("default", "dark"))
    assert page.evaluate(panel) == css_rgb(light)
    page.click("#cjm-scheme")  # the page's own switch
    assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    assert page.evaluate(panel) == css_rgb(dark)


def css_rgb(color: str) -> str:
    return "rgb({}, {}, {})".format(*(int(color[i:i + 2], 16) for i in (1, 3, 5)))


def test_a_stage_card_scrolls_the_map_to_that_stage(page, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(cjmdsl.render(MAPS["generated-200"], "html"), encoding="utf-8")
    page.set_viewport_size({"width": 880, "height": 900})
    page.goto(path.as_uri())
    page.click(".cjm-stage-cards a[data-stage=s7]")
    frame = page.locator(".cjm-scroll").bounding_box()
    header = page.locator(".cjm-canvas > svg:not(.cjm-rail) .cjm-stages [data-stage=s7] rect").bounding_box()
    assert frame["x"] < header["x"] < frame["x"] + frame["width"] / 2


def test_fit_to_window_shows_the_whole_map_in_the_frame(page, tmp_path):
    path = tmp_path / "shop.html"
    path.write_text(cjmdsl.render(MAPS["grocery-shop"], "html"), encoding="utf-8")
    page.set_viewport_size({"width": 880, "height": 900})
    page.goto(path.as_uri())
    frame = ".cjm-scroll"
    assert page.evaluate(f"document.querySelector('{frame}').scrollWidth") > 880
    page.click("#cjm-fit")
    widths = page.evaluate(f"[document.querySelector('{frame}').scrollWidth, "
                           f"document.querySelector('{frame}').clientWidth]")
    assert widths[0] <= widths[1]
    assert page.get_attribute("#cjm-fit", "aria-pressed") == "true"
