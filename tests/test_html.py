"""The HTML page without a browser: golden files, escaping, the CSP, and what the page holds.

The page's behaviour is checked in Chromium in test_html_browser.py; here are the properties
that can be read off the bytes: one self-contained file, no reference to anything outside it,
user text escaped everywhere (the JSON for the script included), a Content-Security-Policy
whose hashes match the page's one style and one script, and the same bytes every time.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from conftest import EXAMPLES
from hypothesis import given
from test_golden import GOLDEN, check_golden, rendered
from test_properties import LIGHT, journeys

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.backends import backend, extension, formats
from cjmdsl.backends.html import PRINT_SHAPE, PRINT_WIDTH, gap_rows, json_for_script
from cjmdsl.layout.map import layout
from cjmdsl.layout.printing import label_rail, print_sheets
from cjmdsl.themes import dark_partner, load_theme
from cjmdsl.language.format import quote as cjm_string

HOSTILE = ('</script><script>alert(1)</script> " onmouseover="alert(1)" '
           "<img src=x onerror=alert(1)> </style><!-- ]]> {{ 7*7 }} &amp;")


def hostile_map(label: str = HOSTILE) -> str:
    s = cjm_string(label)
    return f"""map {s} {{
  description {s}
  persona p {s} {{ role {s} goal {s} need {s} pain {s} motivation {s} quote {s} }}
  persona q {s}
  stage st {s} {{
    goal {s}
    touchpoint tp {s} {{
      channel web
      action {s}
      thought {s}
      emotion p -2 {s}
      expect p 1
      emotion q 1 {s}
      pain {s} source survey {s} owner {s}
      opportunity {s} source interview {s} owner {s}
      moment_of_truth {s}
    }}
    touchpoint tp2 {s} {{ channel chat emotion p 1 {s} }}
    action_item {s} outcome {s} owner {s}
  }}
  kpi k {s} value 3 target 4
}}
"""


class Page(HTMLParser):
    """The parts of a page the checks read: every start tag, and each element's text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data):
        if self._open:
            tag, attrs = self._open
            (self.scripts.append((attrs, data)) if tag == "script" else self.styles.append(data))
            self._open = None

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._open:  # an empty element
            tag, attrs = self._open
            (self.scripts.append((attrs, "")) if tag == "script" else self.styles.append(""))
            self._open = None

    def meta(self, name: str) -> str:
        return next(a["content"] for t, a in self.tags
                    if t == "meta" and (a.get("http-equiv") == name or a.get("name") == name))


def html_of(text: str, theme: str | None = None) -> str:
    return cjmdsl.render(text, "html", theme)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_html_is_a_format_the_cli_offers():
    assert "html" in formats()
    assert (extension("html"), backend("html").BINARY) == (".html", False)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_html_matches_golden(example, regen_golden):
    check_golden(GOLDEN / f"{example.stem}.html", rendered(example, "html"), regen_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_page_is_self_contained(example):
    """Nothing is loaded; the only links out are those to the web pages of declared sources,
    which the reader may follow."""
    html = rendered(example, "html")
    page = Page(html)
    journey = cjmdsl.parse(example.read_text(encoding="utf-8"))
    source_pages = {source.url for source in journey.sources if source.url}
    for tag, attrs in page.tags:
        # (`<use>` shows the print layout's drawings on the sheets: only "#…", checked below)
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "image")
        assert "src" not in attrs, f"<{tag} src=…>"
        href = attrs.get("href")
        assert href is None or href.startswith("#") or (tag == "a" and href in source_pages), \
            f"<{tag} href={href!r}>"
        assert not any(name.startswith("on") for name in attrs), f"event handler on <{tag}>"
        assert "style" not in attrs, f"inline style on <{tag}> (the CSP forbids it)"
    assert "url(" not in "".join(page.styles) and "@import" not in "".join(page.styles)
    urls = set(re.findall(r"[a-z]+://[^\s\"'<>)]*", html))
    assert urls <= {"http://www.w3.org/2000/svg", *source_pages}, \
        "a URL that is neither the SVG namespace nor a declared source's page"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_csp_allows_exactly_the_pages_style_and_script(example):
    page = Page(rendered(example, "html"))
    (style,) = page.styles
    data, code = page.scripts
    assert data[0] == {"type": "application/json", "id": "cjm-data"}
    assert code[0] == {}
    policy = dict(part.strip().split(" ", 1) for part in page.meta("Content-Security-Policy")
                  .split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["style-src"] == sha256(style)
    assert policy["script-src"] == sha256(code[1])


def screen_part(html: str) -> str:
    """The page without the map laid out for print (`.cjm-print`, shown only on paper)."""
    return html.split('<div class="cjm-print"')[0]


def test_one_drawing_serves_both_schemes_by_colour_roles():
    html = rendered(EXAMPLES[0], "html")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert screen_part(html).count("<svg xmlns=") == 1
    assert 'class="cjm-fill-pain' in html
    assert all("<style>" not in drawing for drawing in html.split("<svg xmlns=")[1:])
    style = html.split("<style>")[1].split("</style>")[0]
    dark = style.split(":root[data-scheme=dark]{")[1]
    assert "--cjm-background:#ffffff;" in style and "--cjm-background:#111827;" in dark


def test_a_theme_without_dark_partner_gets_one_map_and_no_toggle():
    theme = load_theme("dark")
    assert dark_partner(theme) is None
    html = html_of(EXAMPLES[0].read_text(encoding="utf-8"), "dark")
    assert screen_part(html).count("<svg xmlns=") == 1 and 'id="cjm-scheme"' not in html


def test_hostile_text_is_escaped_everywhere():
    html = html_of(hostile_map())
    page = Page(html)
    assert [tag for tag, _ in page.tags].count("script") == 2
    assert not any(t in ("img", "iframe") for t, _ in page.tags)
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html.replace("&#34;", '"')  # jinja syntax in text stays text
    data = json.loads(page.scripts[0][1])
    assert data["labels"]["tp"].startswith(HOSTILE)


def test_json_for_script_cannot_close_or_comment_the_script():
    text = json_for_script({"a": "</script><!-- <script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- <script> & \u2028"}


def test_gap_table_puts_the_worst_gap_first():
    journey = parse("""map "Gaps" {
      persona a "A" persona b "B"
      stage s "S" {
        touchpoint one "One" { emotion a 1 expect a 1 emotion b -1 expect b 0 }
        touchpoint two "Two" { emotion a -2 expect a 2 emotion b 2 }
        touchpoint three "Three" { emotion b 2 expect b -1 }
      }
    }""")
    rows = [(r["touchpoint"].id, r["persona"].id, r["gap"]) for r in gap_rows(journey)]
    assert rows == [("two", "a", -4), ("one", "b", -1), ("one", "a", 0), ("three", "b", 3)]


def test_page_holds_tables_cards_and_every_touchpoints_details():
    journey_text = EXAMPLES[0].read_text(encoding="utf-8")
    journey = parse(journey_text)
    html = html_of(journey_text)
    for section in ("cjm-map", "cjm-personas", "cjm-gaps", "cjm-pains", "cjm-kpis",
                    "cjm-moments"):
        assert f'<section id="{section}"' in html
    for tp in journey.touchpoints:
        assert f'<div id="cjm-tp-{tp.id}">' in html
    for persona in journey.personas:
        assert f'data-persona="{persona.id}" aria-labelledby="cjm-persona-{persona.id}"' in html


@LIGHT
@given(journeys())
def test_any_journey_gives_a_page_with_parseable_data_and_one_script(journey):
    html = cjmdsl.render(journey, "html")
    page = Page(html)
    data = json.loads(page.scripts[0][1])
    assert set(data["labels"]) == {tp.id for tp in journey.touchpoints}
    assert len(page.scripts) == 2
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert cjmdsl.render(journey, "html") == html


def test_sections_with_nothing_to_show_are_left_out():
    html = html_of("""map "Bare" {
      persona a "A"
      stage s "S" { touchpoint t "T" { action "Looks" emotion a 1 } }
    }""")
    for section, heading in (("gaps", "Expectation gaps"), ("pains", "Pain points"),
                             ("kpis", "KPIs"), ("moments", "Moments of truth")):
        assert f'id="cjm-{section}"' not in html and f'href="#cjm-{section}"' not in html
        assert f">{heading}<" not in html
    assert "No KPIs" not in html and "No pain points" not in html
    assert "No moments of truth" not in html and "No touchpoint has both" not in html
    assert '<section id="cjm-personas"' in html and '<section id="cjm-map"' in html


def table_rows(html: str, section: str) -> list[list[str]]:
    """The body rows of the table in section `section`, each as the text of its cells."""
    part = html.split(f'<section id="cjm-{section}"', 1)[1].split("</section>", 1)[0]
    body = part.split("<tbody>", 1)[1]
    cells = r"<t[hd][^>]*>(.*?)</t[hd]>"
    return [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(cells, row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_the_page_lists_the_maps_actors_with_their_kind_and_team():
    html = html_of("""map "Desk" {
      actor agent "Support agent" { team "Contact centre" }
      actor crm "CRM" { kind system }
      stage s "S" { touchpoint t "T" { frontstage "Answers" by agent backstage "Logs it" by crm } }
    }""")
    assert '<li><a href="#cjm-actors">Actors</a></li>' in html
    assert table_rows(html, "actors") == [["Support agent", "Person", "Contact centre"],
                                          ["CRM", "System", ""]]


def test_a_map_without_actors_has_no_actors_section():
    html = html_of('map "Bare" {\n  stage s "S" { touchpoint t "T" { frontstage "Answers" } }\n}')
    assert 'id="cjm-actors"' not in html and 'href="#cjm-actors"' not in html


ADDRESSED = """map "Shop" {
  stage buy "Buy" {
    touchpoint checkout "Checkout" {
      pain fee "Fee appears late"
      opportunity "Show fees early" addresses fee
    }
    touchpoint mail "Receipt" { opportunity "Refund the fee" addresses fee }
  }
}"""


def test_an_opportunity_links_to_the_pain_it_addresses_and_the_pain_names_its_answers():
    html = html_of(ADDRESSED)
    details = html.split('<div id="cjm-tp-mail">', 1)[1].split("</div>", 1)[0]
    assert '<a class="cjm-tag" href="#cjm-pain-fee">Addresses: #fee (Checkout)</a>' in details
    here = html.split('<div id="cjm-tp-checkout">', 1)[1].split("</div>", 1)[0]
    assert '<a class="cjm-tag" href="#cjm-pain-fee">Addresses: #fee</a>' in here
    [row] = re.findall(r'<tr id="cjm-pain-fee">.*?</tr>', html)
    assert re.findall(r'<span class="cjm-tag">([^<]*)</span>', row) == [
        "Addressed by: Show fees early", "Addressed by: Refund the fee (Receipt)"]


PART = re.compile(r'<svg x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" '
                  r'viewBox="(-?[0-9.]+) (-?[0-9.]+) ([0-9.]+) ([0-9.]+)"><use href="#([^"]+)"/></svg>')


def printed_sheets(html: str) -> list[tuple[float, float, list[tuple]]]:
    """Each sheet of the page's print: its width, height and parts (x, y, w, h on the sheet,
    then the rectangle of the drawing it shows and the id it uses)."""
    template = html.split('<template id="cjm-print-sheets">', 1)[1].split("</template>", 1)[0]
    sheets = re.findall(r'<div class="cjm-print-page"><svg [^>]* width="([0-9.]+)" '
                        r'height="([0-9.]+)"[^>]*>(.*?)</svg></div>', template)
    return [(float(w), float(h), [(*map(float, part[:8]), part[8]) for part in PART.findall(body)])
            for w, h, body in sheets]


def test_print_cuts_the_pages_one_drawing_onto_sheets():
    journey = parse(EXAMPLES[0].read_text(encoding="utf-8"))
    html = rendered(EXAMPLES[0], "html")
    # No second drawing: the sheets show parts of the screen's, by <use> of its group.
    [drawing] = re.findall(r'<g id="(cjm-[0-9a-f]{8}-drawing)">', html)
    sheets = printed_sheets(html)
    assert html.count("<svg xmlns") == 1 + len(sheets) + html.count('class="cjm-stage-cards"')
    assert len(sheets) > 1
    shown = set()
    for width, height, parts in sheets:
        assert width == PRINT_WIDTH and height <= PRINT_WIDTH * PRINT_SHAPE + 0.01
        assert parts
        for x, y, w, h, vx, vy, vw, vh, used in parts:
            assert used in {drawing, drawing + "-legend", drawing + "-rail"}
            assert x + w <= width + 0.01 and y + h <= height + 0.01
            assert w / vw == pytest.approx(h / vh, rel=1e-3) and w / vw <= 1  # never stretched
            shown.add((vx, vx + vw, vy, vy + vh))
        boxes = [(x, y, x + w, y + h) for x, y, w, h, *_ in parts]
        for i, a in enumerate(boxes):  # no part covers another
            for b in boxes[i + 1:]:
                assert (a[2] <= b[0] + 0.01 or b[2] <= a[0] + 0.01
                        or a[3] <= b[1] + 0.01 or b[3] <= a[1] + 0.01)
    # Every touchpoint's card prints, in one row's cut only.
    geometry = layout(journey, load_theme("default"), persona_cards=False)
    for tp in geometry.touchpoints:
        card = tp.card
        showing = {(left, right) for left, right, top, bottom in shown
                   if left <= card.x and card.right <= right and top <= card.y < bottom}
        assert len(showing) == 1, tp.touchpoint_id


def test_printed_rows_cut_a_long_stage_between_its_columns_and_leave_out_empty_lanes():
    touchpoints = "\n".join(f'touchpoint t{i} "Step {i}" {{ channel web\n action "Do {i}" }}'
                            for i in range(12))
    journey = parse(f'map "Long" {{\nstage long "A long stage" {{\n{touchpoints}\n}}\n'
                    'stage after "After" { touchpoint z "Last" { channel web\n'
                    'pain "It hurts" } }\n}')
    theme = load_theme("default")
    geometry = layout(journey, theme, persona_cards=False)
    sheets = print_sheets(geometry, theme, PRINT_WIDTH, PRINT_SHAPE)
    rail = label_rail(geometry, theme.spacing.column_gap)
    stage_parts = [part for sheet in sheets for part in sheet.parts
                   if not part.piece]
    columns = [tp.column for tp in geometry.touchpoints]
    for part in stage_parts:  # each cut falls between two columns, never through one
        for edge in (part.view.x, part.view.right):
            assert not any(column.x < edge < column.right for column in columns)
        assert part.at.right <= PRINT_WIDTH + 0.01
    assert len({part.view.x for part in stage_parts}) >= 3  # 13 columns of 176 px: three rows
    # The pain points lane has a card only in the last stage: the long stage's rows skip it.
    [pains] = [lane for lane in geometry.lanes if lane.kind == "pains"]
    after = geometry.stages[-1].box
    showing_pains = [part.view for part in stage_parts
                     if part.view.y <= pains.box.y and pains.box.bottom <= part.view.bottom]
    assert showing_pains and all(view.x <= after.x < view.right for view in showing_pains)


@given(journeys())
def test_any_journeys_print_fits_its_sheets_and_shows_each_touchpoint_once(journey):
    theme = load_theme("default")
    geometry = layout(journey, theme, persona_cards=False)
    sheets = print_sheets(geometry, theme, PRINT_WIDTH, PRINT_SHAPE)
    stage_views = []
    for sheet in sheets:
        assert sheet.height <= PRINT_WIDTH * PRINT_SHAPE + 0.01
        for part in sheet.parts:
            assert part.at.right <= PRINT_WIDTH + 0.01 and part.at.bottom <= sheet.height + 0.01
            assert part.at.width <= part.view.width + 0.01  # shrunk at most, never stretched
            if not part.piece:
                stage_views.append(part.view)
    for tp in geometry.touchpoints:
        showing = {(view.x, view.right) for view in stage_views
                   if view.x <= tp.card.x and tp.card.right <= view.right
                   and view.y <= tp.card.y < view.bottom}
        assert len(showing) == 1, tp.touchpoint_id
