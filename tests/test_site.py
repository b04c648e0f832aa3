"""`cjm site`: a static site of every map in a folder, built as a team builds it.

Real subprocesses on a scratch folder of generated maps (`big_maps.generated`), each run with
its own cache folder; what is checked is what a reader of the site finds (every map on the
index with its worst moment and evidence coverage, a persona's every journey on its page, the
pains counted by stage) and what a second build does (only what changed is drawn again, pages
of deleted maps are gone). The browser tests open the site from file:// in Chromium: the
search finds a pain point, links work, and no request leaves the site.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from big_maps import generated
from conftest import ROOT

from cjmdsl.api import parse
from cjmdsl.words.numbers import signed_number
from cjmdsl.words.sentences import say

SUMMARY = re.compile(r"cjm: (\d+) rendered, (\d+) unchanged, (\d+) failed")
SOLO = """\
map "Returning a parcel" {
  persona zoe "Zoë, weekend seller"
  stage start "Start" {
    touchpoint label "Prints the label" { channel web emotion zoe -1 "annoyed" }
  }
  stage drop "Drop off" {
    touchpoint shop "Hands it in at the kiosk" {
      channel store
      emotion zoe +1
      pain "The kiosk closes at six"
    }
  }
}
"""


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_COLOR": "1", "CJM_CACHE_DIR": str(cwd / "cache")})
    assert "Traceback" not in result.stderr
    return result


def counts(stderr: str) -> tuple[int, int, int]:
    found = SUMMARY.search(stderr)
    assert found, stderr
    return tuple(int(n) for n in found.groups())


class Page(HTMLParser):
    """The links, pictures and table rows of a page, as a reader finds them."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[tuple[str, str]] = []  # href, text
        self.images: list[str] = []
        self.rows: list[list[str]] = []
        self.titles: list[str] = []  # h1–h3
        self.details: list[str] = []  # what each <dd> says, its links' text included
        self._href: str | None = None
        self._text: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self._detail: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self._href, self._text = attrs.get("href"), []
        elif tag == "img":
            self.images.append(attrs["src"])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in ("h1", "h2", "h3"):
            self._heading = []
        elif tag == "dd":
            self._detail = []

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.titles.append("".join(self._heading).strip())
            self._heading = None
        elif tag == "dd" and self._detail is not None:
            self.details.append("".join(self._detail).strip())
            self._detail = None

    def handle_data(self, data):
        for part in (self._text if self._href is not None else None, self._cell,
                     self._heading, self._detail):
            if part is not None:
                part.append(data)


def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """maps/ with three generated journeys (one in a team folder) and Zoë's own map."""
    maps = tmp_path / "maps"
    (maps / "team").mkdir(parents=True)
    (maps / "small.cjm").write_text(generated(8, 4), encoding="utf-8")
    (maps / "long.cjm").write_text(generated(30), encoding="utf-8")
    (maps / "team" / "mid.cjm").write_text(generated(14, 7), encoding="utf-8")
    (maps / "parcel.cjm").write_text(SOLO, encoding="utf-8")
    return tmp_path


def built(project: Path, *args: str) -> subprocess.CompletedProcess:
    run = cjm("site", "maps", "-o", "site", "-j", "2", *args, cwd=project)
    assert run.returncode == 0, run.stderr
    return run


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_every_map_has_its_page_its_thumbnail_and_a_card_on_the_index(project):
    run = built(project)
    assert counts(run.stderr) == (4, 0, 0)
    site = project / "site"
    stems = ["long", "parcel", "small", "team/mid"]
    assert {f"{stem}.{kind}" for stem in stems for kind in ("html", "svg")} <= files(site)
    index = read_page(site / "index.html")
    titles = {parse((project / "maps" / f"{stem}.cjm").read_text(encoding="utf-8")).title: stem
              for stem in stems}
    for title, stem in titles.items():
        assert (f"{stem}.html", title) in index.links
    assert sorted(index.images) == [f"{stem}.svg" for stem in stems]
    # the thumbnail is the map without its persona cards; the page is the interactive map
    assert (site / "long.svg").read_text(encoding="utf-8").startswith("<svg")
    assert "<script" in (site / "long.html").read_text(encoding="utf-8")


# Two personas at their lowest at one touchpoint, and one pain point in three without evidence.
REPAIR = """\
map "Booking a repair" {
  persona ivo "Ivo, landlord"
  persona una "Una, tenant"
  source visits interview "Tenant visits" { n 12 collected 2026-05 }
  stage report "Report" {
    touchpoint form "Fills in the form" {
      channel web
      emotion una -1 "unsure"
      emotion ivo +1
      pain "The form asks for the meter number" source visits
    }
  }
  stage wait "Wait" {
    touchpoint call "Calls to ask when" {
      channel phone
      emotion una -2
      emotion ivo -2 "fed up"
      pain "Nobody knows the date" source survey "Panel"
      pain "The line is busy"
    }
  }
}
"""


def map_cards(index: str) -> dict[str, Page]:
    """Each map's card on the index, by the page it links to."""
    cards = index.split('<li class="site-map">')[1:]
    return {Page(card).links[0][0]: Page(card) for card in cards}


def worst_moment(journey) -> tuple:
    """The lowest feeling of any persona (value, persona, touchpoint, stage): on a tie, the
    first touchpoint in map order, and there the first persona the map declares."""
    order = {persona.id: index for index, persona in enumerate(journey.personas)}
    felt = [(emotion.value, number, order[emotion.persona], emotion.persona, tp, stage)
            for number, (stage, tp) in enumerate((stage, tp) for stage in journey.stages
                                                  for tp in stage.touchpoints)
            for emotion in tp.emotions]
    value, _, _, persona, tp, stage = min(felt, key=lambda feeling: feeling[:3])
    return value, journey.persona(persona), tp, stage


def evidence_coverage(journey) -> str:
    """What the card says of the pain points with evidence (the claims `cjm lint` counts)."""
    pains = [pain for tp in journey.touchpoints for pain in tp.pains]
    backed = sum(pain.source is not None for pain in pains)
    if not pains:
        return say("site_evidence_none")
    return say("site_evidence", share=f"{round(100 * backed / len(pains))}%",
               covered=str(backed), total=str(len(pains)))


def test_each_map_card_shows_the_maps_worst_moment_and_evidence_coverage(project):
    (project / "maps" / "repair.cjm").write_text(REPAIR, encoding="utf-8")
    built(project)
    site = project / "site"
    cards = map_cards((site / "index.html").read_text(encoding="utf-8"))
    stems = ["long", "parcel", "repair", "small", "team/mid"]
    assert sorted(cards) == [f"{stem}.html" for stem in stems]
    for stem in stems:
        journey = parse((project / "maps" / f"{stem}.cjm").read_text(encoding="utf-8"))
        value, persona, tp, stage = worst_moment(journey)
        card = cards[f"{stem}.html"]
        worst = say("site_worst_at", persona=persona.name, value=signed_number(value),
                    touchpoint=tp.name, stage=stage.name)
        assert (f"{stem}.html#cjm-tp-{tp.id}", worst) in card.links, stem
        assert f'id="cjm-tp-{tp.id}"' in (site / f"{stem}.html").read_text(encoding="utf-8")
        assert evidence_coverage(journey) in card.details, stem


def test_a_persona_page_shows_its_curve_in_every_journey_it_appears_in(project):
    built(project)
    site = project / "site"
    ana = read_page(site / "personas" / "ana.html")
    assert sorted(ana.titles[1:]) == sorted(
        parse((project / "maps" / f"{stem}.cjm").read_text(encoding="utf-8")).title
        for stem in ("long", "small", "team/mid"))
    text = (site / "personas" / "ana.html").read_text(encoding="utf-8")
    assert text.count('class="chart-curve"') == 3
    assert ("../team/mid.html" in {href for href, _ in ana.links})
    zoe = read_page(site / "personas" / "zoe.html")
    assert zoe.titles == ["Zoë, weekend seller", "Returning a parcel"]
    index = read_page(site / "index.html")
    assert ("personas/zoe.html", "Zoë, weekend seller") in index.links


def test_the_heat_map_counts_each_maps_pains_by_stage(project):
    built(project)
    header, *body = read_page(project / "site" / "index.html").rows
    assert header[0] == "Map"
    columns, rows = header[1:], {row[0]: row[1:] for row in body}
    totals = dict.fromkeys(columns, 0)
    for stem in ("long", "small", "team/mid", "parcel"):
        journey = parse((project / "maps" / f"{stem}.cjm").read_text(encoding="utf-8"))
        expected = dict.fromkeys(columns, "")
        for stage in journey.stages:
            pains = sum(len(tp.pains) for tp in stage.touchpoints)
            expected[stage.name] = str(pains)
            totals[stage.name] += pains
        assert dict(zip(columns, rows[journey.title])) == expected, stem
    assert rows["All maps"] == [str(totals[name]) for name in columns]
    assert int(rows["All maps"][columns.index("Stage 1")]) > 0  # the test can see a pain


def test_a_second_build_draws_only_what_changed_and_removes_what_is_gone(project):
    built(project)
    site = project / "site"
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    kept = {name: (site / name).stat().st_mtime_ns for name in ("long.html", "small.svg")}
    assert counts(built(project).stderr) == (0, 4, 0)
    assert {name: (site / name).stat().st_mtime_ns for name in kept} == kept

    small = project / "maps" / "small.cjm"
    small.write_text(small.read_text(encoding="utf-8").replace(
        "Generated journey, 8 touchpoints", "Renamed journey"), encoding="utf-8")
    assert counts(built(project).stderr) == (1, 3, 0)
    assert ("small.html", "Renamed journey") in read_page(site / "index.html").links
    assert (site / "long.html").stat().st_mtime_ns == kept["long.html"]

    (project / "maps" / "parcel.cjm").unlink()
    assert counts(built(project).stderr) == (0, 3, 0)
    assert not (site / "parcel.html").exists() and not (site / "parcel.svg").exists()
    assert not (site / "personas" / "zoe.html").exists()  # she was only in that map
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"  # not the site's
    assert "Returning a parcel" not in (site / "index.html").read_text(encoding="utf-8")


def test_an_edited_persona_library_draws_the_maps_that_use_it_again(tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "people.cjm").write_text('library "People" {\n  persona ann "Ann"\n}\n',
                                     encoding="utf-8")
    for name in ("one", "two"):
        (maps / f"{name}.cjm").write_text(
            f'map "{name}" {{\n  use "people.cjm"\n  stage s "S" {{\n'
            '    touchpoint t "T" { channel web emotion ann +1 }\n  }\n}\n', encoding="utf-8")
    (maps / "alone.cjm").write_text(SOLO, encoding="utf-8")
    assert counts(built(tmp_path).stderr) == (3, 0, 0)
    (maps / "people.cjm").write_text('library "People" {\n  persona ann "Ann, new in town"\n}\n',
                                     encoding="utf-8")
    assert counts(built(tmp_path).stderr) == (2, 1, 0)
    assert read_page(tmp_path / "site" / "personas" / "ann.html").titles[0] == "Ann, new in town"


def test_the_examples_portfolio_builds_and_a_linked_map_opens_its_page_on_the_site(tmp_path):
    shutil.copytree(ROOT / "examples", tmp_path / "maps")
    built(tmp_path)
    site = tmp_path / "site"
    master = read_page(site / "portfolio" / "first-order.html")
    linked = {href for href, _ in master.links if href.endswith(".html")}
    assert "checkout-detail.html" in linked
    assert all((site / "portfolio" / href).is_file() for href in linked)
    persona_pages = {href for href, _ in read_page(site / "index.html").links
                     if href.startswith("personas/")}
    assert "personas/maya.html" in persona_pages  # the portfolio library's persona


def test_a_broken_map_is_reported_at_its_line_and_the_rest_of_the_site_is_built(project):
    (project / "maps" / "broken.cjm").write_text(
        'map "Broken" {\n  stage s "S" {\n    touchpoint t "T" { channel web emotion nobody 1 }'
        "\n  }\n}\n", encoding="utf-8")
    run = cjm("site", "maps", "-o", "site", cwd=project)
    assert run.returncode == 1
    assert counts(run.stderr) == (4, 0, 1)
    assert re.search(r"maps/broken\.cjm:3:\d+", run.stderr), run.stderr
    assert run.stderr.count("error[") == 1
    assert not (project / "site" / "broken.html").exists()
    assert "Broken" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_usage_mistakes_are_one_line_each(project):
    for args, words in ((("-", "-o", "site"), "not standard input"),
                        (("maps", "-o", "site", "--lang", "xx"), "unknown language")):
        run = cjm("site", *args, cwd=project)
        assert run.returncode == 2 and words in run.stderr, run.stderr
    run = cjm("site", "maps", cwd=project)
    assert run.returncode == 2 and "-o" in run.stderr


def test_the_site_speaks_the_language_asked_for(project):
    built(project, "--lang", "de")
    index = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in index and "Alle Maps durchsuchen" in index


def test_text_from_a_map_cannot_break_out_of_the_index_or_its_search_data(tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    (maps / "evil.cjm").write_text(SOLO.replace("Returning a parcel", hostile)
                                   .replace("The kiosk closes at six", hostile),
                                   encoding="utf-8")
    built(tmp_path)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in index and "<img src=x" not in index
    data = re.search(r'<script type="application/json" id="site-data">(.*?)</script>', index,
                     re.S).group(1)
    assert hostile in json.dumps(json.loads(data), ensure_ascii=False)


# ── in a browser ────────────────────────────────────────────────────────────
@pytest.mark.browser
def test_the_site_works_from_file_with_nothing_fetched_from_elsewhere(project, page):
    built(project)
    site = project / "site"
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "index.html").as_uri())
    page.fill("#site-search", "forgets everything")
    results = page.locator("#site-results li")
    written = sum(path.read_text(encoding="utf-8").lower().count("forgets everything")
                  for path in (project / "maps").rglob("*.cjm"))  # each a text of its own
    assert written and results.count() == written
    assert page.locator("#site-search-count").text_content() == f"{written} results"
    first = results.first
    assert first.locator("mark").text_content().lower() == "forgets everything"
    first.locator("a").click()
    page.wait_for_load_state()
    assert page.url.startswith(site.as_uri()) and page.url.split("#")[0].endswith(".html")
    assert page.locator(".cjm-canvas svg").count() > 0  # the map's interactive page

    page.goto((site / "index.html").as_uri())
    page.fill("#site-search", "zoe")  # folded: finds Zoë
    assert "Zoë" in page.locator("#site-results").text_content()
    page.fill("#site-search", "")
    assert page.locator("#site-results").is_hidden()
    page.click("text=Zoë, weekend seller")
    page.wait_for_load_state()
    assert page.url.endswith("personas/zoe.html")
    assert page.locator(".site-chart svg .chart-curve").count() == 1
    page.click(".site-chart h2 a")
    page.wait_for_load_state()
    assert page.url.endswith("/parcel.html")
    page.goto((site / "index.html").as_uri())
    for thumbnail in ("long.svg", "team/mid.svg"):
        image = page.locator(f'img[src="{thumbnail}"]')
        image.scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests
