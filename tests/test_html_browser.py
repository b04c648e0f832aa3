"""The HTML page in a real browser: every example, opened from a file:// URL in Chromium.

What a reader would notice is checked as the reader would: by what the page shows (computed
styles, visibility, focus), not by reading the markup. Screenshots of every example page land
in test-artifacts/<name>.html.png for people to look at.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTIFACTS, EXAMPLES
from test_html import HOSTILE, hostile_map
from test_rows import MAPS

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.themes import builtin_names, dark_partner, load_theme

pytestmark = pytest.mark.browser

MAP = ".cjm-canvas > svg:not(.cjm-rail)"
# The fill the map's background has, in the scheme the reader sees.
MAP_BACKGROUND = f"() => getComputedStyle(document.querySelector('{MAP} .cjm-background')).fill"
TOUCHPOINTS = " .cjm-touchpoints > [data-touchpoint]"
PRINTED = ".cjm-print-page > svg"  # the map laid out for paper, a drawing per sheet
WIDTHS = [390, 880, 1600]  # a phone, a README column, a wide screen

# The examples with personas, thoughts and a page taller than the window (the outpatient
# blueprint has none of them: it is the organisation's lanes under the customer's actions).
JOURNEYS = [e.stem for e in EXAMPLES if "persona " in e.read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """Each example rendered to an HTML file, as `cjm render -f html` writes it."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for example in EXAMPLES:
        target = folder / f"{example.stem}.html"
        target.write_text(cjmdsl.render(example.read_text(encoding="utf-8"), "html",
                                        filename=example.name), encoding="utf-8")
        written[example.stem] = target
    return written


def journey_of(name: str):
    example = next(e for e in EXAMPLES if e.stem == name)
    return parse(example.read_text(encoding="utf-8"), example.name)


class Watched:
    """A page opened from disk, with every console error, page error, request and dialog kept."""

    def __init__(self, page, path: Path):
        self.page, self.url = page, path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.goto(self.url)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def opened(page, path: Path) -> Watched:
    return Watched(page, path)


def canvas(page) -> str:
    """The selector of the map the reader sees: one drawing for light and dark."""
    return ".cjm-canvas"


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_page_loads_clean_and_screenshot(name, pages, page):
    watched = opened(page, pages[name])
    page.wait_for_load_state("load")
    assert watched.errors == []
    assert watched.requests == [watched.url], "the page asked for something besides itself"
    assert page.locator(".cjm-controls").is_visible(), "the script did not run"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.html.png"), full_page=True)
    page.emulate_media(color_scheme="dark")
    page.reload()
    page.screenshot(path=str(ARTIFACTS / f"{name}.html.dark.png"))
    assert watched.errors == []


@pytest.mark.parametrize("name", JOURNEYS)
def test_persona_switcher_dims_the_other_curves(name, pages, page):
    page.emulate_media(reduced_motion="reduce")  # no fade: the final opacity at once
    opened(page, pages[name])
    journey = journey_of(name)
    opacity = """ids => ids.map(id => Number(getComputedStyle(document.querySelector(
        `.cjm-canvas .cjm-curve[data-persona="${id}"]`)).opacity))"""
    ids = [p.id for p in journey.personas]
    assert page.evaluate(opacity, ids) == [1] * len(ids)
    for chosen in journey.personas:
        page.get_by_role("radio", name=chosen.name, exact=True).check()
        seen = dict(zip(ids, page.evaluate(opacity, ids)))
        assert seen.pop(chosen.id) == 1
        assert all(value < 0.5 for value in seen.values()), seen
    page.get_by_role("radio", name="All personas").check()
    assert page.evaluate(opacity, ids) == [1] * len(ids)


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_tooltip_shows_the_touchpoints_text_on_hover_and_on_focus(name, pages, page):
    opened(page, pages[name])
    journey = journey_of(name)
    tooltip = page.locator("#cjm-tooltip")
    first, last = journey.touchpoints[0], journey.touchpoints[-1]
    page.locator(f"{canvas(page)}{TOUCHPOINTS}[data-touchpoint='{first.id}']").hover()
    assert tooltip.is_visible()
    assert first.name in tooltip.inner_text()
    assert first.actions[0].text in tooltip.inner_text()
    page.mouse.move(0, 0)
    assert tooltip.is_hidden()
    page.locator(f"{canvas(page)}{TOUCHPOINTS}[data-touchpoint='{last.id}']").focus()
    assert tooltip.is_visible()
    text = tooltip.inner_text()
    assert last.name in text
    for pain in last.pains:
        assert pain.text in text and (pain.source is None or pain.source.detail in text)
    for emotion in last.emotions:
        assert journey.persona(emotion.persona).name in text


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_click_pins_the_details_and_escape_closes_them(name, pages, page):
    opened(page, pages[name])
    tp = journey_of(name).touchpoints[1]
    header = page.locator(f"{canvas(page)}{TOUCHPOINTS}[data-touchpoint='{tp.id}']")
    header.click()
    panel = page.locator("#cjm-details")
    assert panel.is_visible() and tp.name in panel.inner_text()
    assert header.get_attribute("aria-expanded") == "true"
    page.mouse.move(0, 0)
    assert panel.is_visible(), "a pinned panel stays when the pointer leaves"
    page.keyboard.press("Escape")
    assert panel.is_hidden() and header.get_attribute("aria-expanded") == "false"
    header.focus()
    page.keyboard.press("Enter")
    assert panel.is_visible()
    panel.get_by_role("button", name="Close details").click()
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.dataset.touchpoint") == tp.id


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_dark_toggle_changes_the_background_and_the_map_and_names_what_it_does(name, pages,
                                                                               page):
    opened(page, pages[name])
    background = "() => getComputedStyle(document.documentElement).backgroundColor"
    light, light_map = page.evaluate(background), page.evaluate(MAP_BACKGROUND)
    assert page.locator(".cjm-canvas").count() == 1
    toggle = page.locator("#cjm-scheme")
    assert toggle.inner_text().endswith("Dark mode")  # in light mode it offers dark
    toggle.click()
    assert page.evaluate(background) != light
    assert page.evaluate(MAP_BACKGROUND) == "rgb(17, 24, 39)"  # dark's background
    assert light_map == "rgb(255, 255, 255)"
    assert toggle.inner_text().endswith("Light mode")
    assert page.get_by_role("button", name="Light mode").count() == 1
    toggle.click()
    assert page.evaluate(background) == light
    assert page.evaluate(MAP_BACKGROUND) == light_map
    assert toggle.inner_text().endswith("Dark mode")


def test_page_follows_the_systems_dark_preference(pages, page):
    page.emulate_media(color_scheme="dark")
    opened(page, pages[EXAMPLES[0].stem])
    assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    assert page.locator("#cjm-scheme").inner_text().endswith("Light mode")
    assert page.evaluate(MAP_BACKGROUND) == "rgb(17, 24, 39)"  # dark's background


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_print_shows_the_light_map_and_no_controls(name, pages, page):
    page.emulate_media(media="print", color_scheme="dark")
    opened(page, pages[name])
    for hidden in (".cjm-controls", ".cjm-header nav", "#cjm-scheme", ".cjm-hint",
                   ".cjm-rail-left", MAP):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} shows in print"
    assert page.locator(PRINTED).first.is_visible()
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    assert page.evaluate(MAP_BACKGROUND) == "rgb(255, 255, 255)"  # what the sheets show


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_tab_reaches_every_touchpoint_in_map_order(name, pages, page):
    opened(page, pages[name])
    expected = [tp.id for tp in journey_of(name).touchpoints]
    reached = []
    for _ in range(len(expected) + 60):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            return el && el.dataset ? [el.dataset.touchpoint || null,
                                       el.getAttribute('aria-label')] : [null, null]; }""")
        if focused[0]:
            assert focused[1], "a touchpoint without an accessible name"
            reached.append(focused[0])
        elif reached:
            break
    assert reached == expected


@pytest.mark.parametrize("name", JOURNEYS)
def test_hiding_a_lane_closes_up_the_map(name, pages, page):
    opened(page, pages[name])
    svg = page.locator(MAP)
    height = float(svg.get_attribute("height"))
    thoughts_top = page.locator(f"{MAP} .cjm-lane-thoughts").bounding_box()["y"]
    actions = page.locator(f"{MAP} .cjm-lane-actions")
    lane_height = actions.bounding_box()["height"]
    page.get_by_role("checkbox", name="Actions").uncheck()
    assert actions.is_hidden()
    assert float(svg.get_attribute("height")) < height - lane_height
    moved = page.locator(f"{MAP} .cjm-lane-thoughts").bounding_box()["y"]
    assert moved < thoughts_top - lane_height
    assert page.get_by_text("Actions", exact=True).first.is_visible()  # the checkbox label
    page.get_by_role("checkbox", name="Actions").check()
    assert actions.is_visible() and float(svg.get_attribute("height")) == height


@pytest.mark.parametrize("name", JOURNEYS)
def test_the_page_scrolls_down_and_the_stage_header_and_lane_labels_stay_in_view(name, pages,
                                                                                page):
    page.set_viewport_size({"width": 1200, "height": 700})  # every example overflows both ways
    opened(page, pages[name])
    frame = page.locator(".cjm-scroll")
    assert page.evaluate("""() => { const f = document.querySelector('.cjm-scroll');
        return f.scrollHeight <= f.clientHeight + 1; }"""), "the map scrolls down in a frame"
    top_of_map = frame.bounding_box()["y"] + page.evaluate("scrollY")
    page.evaluate(f"scrollTo(0, {top_of_map + 500})")
    page.evaluate("document.querySelector('.cjm-scroll').scrollTo(900, 0)")
    page.wait_for_timeout(50)
    box = frame.bounding_box()
    left = page.locator(".cjm-canvas .cjm-rail-left").bounding_box()
    top = page.locator(".cjm-canvas .cjm-rail-top").bounding_box()
    assert box["y"] < -400, "the page did not scroll down"
    assert abs(left["x"] - box["x"] - 1) < 2, "lane labels scrolled away sideways"
    assert abs(top["y"]) < 2, "stage header scrolled away"
    label = page.locator(".cjm-canvas .cjm-rail-left text").first
    assert label.is_visible()
    assert page.evaluate("""() => {
        const rail = document.querySelector('.cjm-canvas .cjm-rail-left').getBoundingClientRect();
        return [...document.querySelectorAll('.cjm-canvas .cjm-rail-top .cjm-stages text')]
            .map(t => t.getBoundingClientRect())
            .filter(b => b.left > rail.right && b.right < innerWidth)
            .some(b => document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)
                       .closest('.cjm-rail-top') !== null); }"""), \
        "the held stage header is covered"
    page.evaluate(f"scrollTo(0, {top_of_map - 200})")
    page.wait_for_timeout(50)
    top = page.locator(".cjm-canvas .cjm-rail-top").bounding_box()
    assert abs(top["y"] - page.locator(MAP + " .cjm-stages").bounding_box()["y"]) < 40, \
        "above the map the stage header stays in its place"


def test_the_page_shows_the_title_once(pages, page):
    opened(page, pages[EXAMPLES[0].stem])
    title = journey_of(EXAMPLES[0].stem).title
    shown = page.evaluate("""title => [...document.querySelectorAll('h1, svg text')].filter(el => {
        if (!el.textContent.includes(title)) return false;
        const box = el.getBoundingClientRect();
        const svg = el.closest('svg');
        const view = svg ? svg.getBoundingClientRect() : box;
        return box.width > 0 && getComputedStyle(el).visibility === 'visible'
            && el.closest('[hidden], .cjm-print') === null
            && box.bottom > view.top && box.top < view.bottom;
    }).length""", title)
    assert shown == 1


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_the_pinned_panel_leaves_the_touchpoint_and_the_controls_in_view(name, width, pages,
                                                                         page):
    page.set_viewport_size({"width": width, "height": 844 if width < 400 else 900})
    opened(page, pages[name])
    journey = journey_of(name)
    ids = [tp.id for tp in journey.touchpoints]
    for tp in [*ids[:3], ids[len(ids) // 2], *ids[-2:]]:
        page.locator(f"{canvas(page)}{TOUCHPOINTS}[data-touchpoint='{tp}']").click()
        seen = page.evaluate("""id => {
            const tp = document.querySelector(
                `.cjm-canvas .cjm-touchpoints > [data-touchpoint="${id}"]`);
            const box = tp.getBoundingClientRect();
            const panel = document.getElementById('cjm-details').getBoundingClientRect();
            const covers = b => panel.left < b.right && b.left < panel.right
                && panel.top < b.bottom && b.top < panel.bottom;
            const hit = document.elementFromPoint(box.left + box.width / 2,
                                                  box.top + box.height / 2);
            const inView = b => b.bottom > 0 && b.top < innerHeight;
            const controls = [...document.querySelectorAll('.cjm-controls, #cjm-map-hint')]
                .map(el => el.getBoundingClientRect());
            return {hit: hit !== null && tp.contains(hit), covers: covers(box),
                    controls: controls.some(b => inView(b) && covers(b)),
                    panel: panel.height > 100 && panel.bottom <= innerHeight + 1};
        }""", tp)
        assert seen == {"hit": True, "covers": False, "controls": False, "panel": True}, tp
        page.keyboard.press("Escape")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*(e.stem for e in EXAMPLES), "german-bank"])
def test_the_page_never_scrolls_sideways_with_the_details_pinned(name, width, page, tmp_path):
    path = tmp_path / f"{name}.html"
    path.write_text(cjmdsl.render(MAPS[name], "html"), encoding="utf-8")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    sideways = "document.scrollingElement.scrollWidth <= innerWidth"
    assert page.evaluate(sideways)
    page.locator(f"{canvas(page)}{TOUCHPOINTS}").first.click()
    assert page.locator("#cjm-details").is_visible()
    assert page.evaluate(sideways)
    tables = page.evaluate("[...document.querySelectorAll('table')].map(t => "
                           "t.closest('.cjm-table').getBoundingClientRect().right)")
    assert all(right <= width for right in tables)


PRINT_SHEET = {"width": 980, "height": 672}  # px: a landscape letter sheet inside its margins
# Each sheet shows (by <use>) parts of the page's one drawing, each at its own scale: the
# drawing's smallest text at the smallest scale of any part, times the sheet's.
MEASURE_PRINT = """() => [...document.querySelectorAll('.cjm-print-page > svg')].map(svg => {
    const sheet = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const parts = [...svg.querySelectorAll(':scope > svg')];
    const scale = Math.min(...parts.map(p => p.width.baseVal.value / p.viewBox.baseVal.width));
    const drawing = document.querySelector(parts[0].querySelector('use').getAttribute('href'));
    return {height: svg.getBoundingClientRect().height,
            smallest: Math.min(...[...drawing.querySelectorAll('text')].filter(t => t.textContent)
                .map(t => parseFloat(getComputedStyle(t).fontSize) * scale * sheet))};
})"""


@pytest.mark.parametrize("name", [e.stem for e in EXAMPLES])
def test_print_puts_rows_of_stages_on_pages_at_a_legible_size(name, pages, page):
    page.set_viewport_size(PRINT_SHEET)
    page.emulate_media(media="print")
    opened(page, pages[name])
    sheets = page.evaluate(MEASURE_PRINT)
    assert len(sheets) > 1
    assert [sheet["smallest"] for sheet in sheets if sheet["smallest"] < 9] == []
    assert all(sheet["height"] <= PRINT_SHEET["height"] for sheet in sheets)
    cards = page.evaluate("[...document.querySelectorAll('.cjm-persona')].map(c => "
                          "c.getBoundingClientRect().width)")
    assert all(width <= PRINT_SHEET["width"] / 3 for width in cards), "persona cards print huge"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.html.print.png"), full_page=True)
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, landscape=True, margin={side: "10mm" for side in
                                                               ("top", "right", "bottom", "left")})
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= len(sheets) + 1


def test_print_shows_every_lane_unhighlighted_whatever_the_screen_shows(pages, page):
    name = EXAMPLES[0].stem
    page.set_viewport_size(PRINT_SHEET)

    def printed() -> bytes:
        page.emulate_media(media="print")
        shot = page.locator(".cjm-print").screenshot()
        page.emulate_media(media="screen")
        return shot

    opened(page, pages[name])
    untouched = printed()
    # Back on screen, the sheets leave the page (their copies of the drawing with them).
    page.wait_for_function("() => document.querySelector('.cjm-print').childElementCount === 0",
                           timeout=5000)
    for box in page.locator(".cjm-rows input").all()[:3]:
        box.uncheck()
    page.locator("input[name=cjm-persona]").nth(1).check()
    page.locator(".cjm-canvas" + TOUCHPOINTS).first.click()
    assert page.locator(".cjm-canvas .cjm-dim").count() > 0
    assert printed() == untouched


def test_without_its_script_the_page_prints_the_whole_map_at_the_papers_width(browser, pages):
    context = browser.new_context(viewport=PRINT_SHEET, java_script_enabled=False)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(pages[EXAMPLES[0].stem].as_uri())
    box = page.locator(MAP).bounding_box()
    assert box and 0 < box["width"] <= PRINT_SHEET["width"]
    assert page.locator(".cjm-print-page").count() == 0
    context.close()

def test_injection_map_runs_nothing_and_shows_the_text(page, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(cjmdsl.render(hostile_map(), "html"), encoding="utf-8")
    watched = opened(page, path)
    assert page.locator("h1").inner_text() == HOSTILE
    for tp in page.locator(".cjm-canvas" + TOUCHPOINTS).all():
        tp.hover()
        assert HOSTILE in page.locator("#cjm-tooltip").inner_text()
        tp.focus()
        tp.click()
        assert HOSTILE in page.locator("#cjm-details").inner_text()
    page.locator("input[name=cjm-persona]").nth(1).check()
    page.locator(".cjm-persona").first.hover()
    page.wait_for_timeout(100)
    assert watched.dialogs == []
    assert watched.errors == []
    assert watched.requests == [watched.url]
    assert page.locator("img, iframe").count() == 0
    assert page.locator("script").count() == 2


def test_landmarks_controls_and_touchpoints_have_names(pages, page):
    opened(page, pages[EXAMPLES[0].stem])
    journey = journey_of(EXAMPLES[0].stem)
    for role, name in (("banner", None), ("navigation", "Sections"), ("main", None),
                       ("contentinfo", None), ("region", "Journey map, scrolls sideways"),
                       ("group", "Map controls")):
        found = page.get_by_role(role, name=name) if name else page.get_by_role(role)
        assert found.count() == 1, f"no single {role} {name or ''}"
    assert page.get_by_role("table").count() >= 3
    for tp in journey.touchpoints:
        button = page.get_by_role("button", name=tp.name, exact=False)
        assert button.count() >= 1, f"touchpoint {tp.name} has no button"
    first = page.locator(f".cjm-canvas{TOUCHPOINTS}").first
    described = first.get_attribute("aria-describedby")
    assert journey.touchpoints[0].actions[0].text in page.locator(f"#{described}").text_content()


@pytest.mark.parametrize("theme", builtin_names())
def test_every_builtin_theme_gives_a_working_page(theme, page, tmp_path):
    path = tmp_path / f"{theme}.html"
    path.write_text(cjmdsl.render(EXAMPLES[0].read_text(encoding="utf-8"), "html", theme),
                    encoding="utf-8")
    watched = opened(page, path)
    assert watched.errors == [] and watched.requests == [watched.url]
    shown = page.locator(".cjm-canvas").evaluate_all(
        "cs => cs.filter(c => getComputedStyle(c).visibility === 'visible').length")
    assert shown == 1, "exactly one drawing of the map is visible"
    if dark_partner(load_theme(theme)):
        before = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        page.get_by_role("button", name="Dark mode").click()
        assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") != before
