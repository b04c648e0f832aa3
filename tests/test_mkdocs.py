"""The MkDocs plugin, in real `mkdocs build` (and `mkdocs serve`) runs on a site made in a
temp folder: plain MkDocs and mkdocs-material with a dark palette."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, require_tool

try:
    import mkdocs  # noqa: F401
    HAVE_MKDOCS = True
except ImportError:
    HAVE_MKDOCS = False

INDEX = """\
# Maps

![Grocery journey](maps/grocery.cjm)

```cjm
map "Inline map" {
  persona maya "Maya"
  stage s "Browse" {
    touchpoint t "Sees an ad" { channel web emotion maya 1 }
  }
}
```

```text
![left alone](inside/a/code/block.cjm)
```
"""
BROKEN = """\
---
title: Broken
---
# Broken

```cjm
map "Broken" {
  stage s "Browse" {
    touchpoint t "Sees an ad" { channel web emotion mya 1 }
  }
}
```

Text after the map.
"""
MATERIAL = """\
theme:
  name: material
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Dark}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Light}
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    require_tool("mkdocs", HAVE_MKDOCS, "pip install -e '.[test]'")
    docs = tmp_path / "docs"
    (docs / "maps").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "grocery-shop.cjm", docs / "maps" / "grocery.cjm")
    (docs / "index.md").write_text(INDEX)
    (tmp_path / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm\n")
    return tmp_path


def build(site: Path, *options: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *options], cwd=site,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def images(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<img class="(cjm-[a-z]+)" src="([^"]+)" alt="([^"]*)"', html)


def test_image_link_and_fenced_block_become_maps(site):
    run = build(site, "--strict")
    assert run.returncode == 0, run.stderr
    page = (site / "site" / "index.html").read_text()
    (_, linked, alt), (_, inline, inline_alt) = images(page)
    assert alt == "Grocery journey"
    assert inline_alt.startswith("Inline map. Customer journey map")
    assert "First online grocery order" in (site / "site" / linked).read_text()
    assert "Inline map" in (site / "site" / inline).read_text()
    assert "inside/a/code/block.cjm" in page  # code blocks are left as they are


def test_pages_in_sub_folders_link_the_maps_with_directory_urls(site):
    (site / "docs" / "guide").mkdir()
    (site / "docs" / "guide" / "tour.md").write_text("# Tour\n\n![Map](../maps/grocery.cjm)\n")
    assert build(site, "--strict").returncode == 0
    page = (site / "site" / "guide" / "tour" / "index.html").read_text()
    [(_, src, _)] = images(page)
    assert (site / "site" / "guide" / "tour" / src).resolve().is_file()


# -q drops warnings before MkDocs counts them for --strict; a broken map must fail both.
STRICT = pytest.mark.parametrize("options", [("--strict",), ("--strict", "-q")],
                                 ids=["strict", "strict-quiet"])


@STRICT
def test_broken_fenced_map_reports_md_line_and_column_and_fails_strict(site, options):
    (site / "docs" / "broken.md").write_text(BROKEN)
    strict = build(site, *options)
    assert strict.returncode != 0
    # an error (line 9 of broken.md, after the front matter: the `mya` in the fenced block)
    assert re.search(r"^ERROR +- +cjmdsl: docs/broken\.md:9:53: error\[E012\]: unknown persona "
                     r"`mya`$", strict.stderr, re.M), strict.stderr

    lenient = build(site)
    assert lenient.returncode == 0
    page = (site / "site" / "broken" / "index.html").read_text()
    assert "This journey map has errors" in page and "Text after the map." in page


@STRICT
def test_broken_map_file_and_missing_file_fail_strict(site, options):
    (site / "docs" / "maps" / "broken.cjm").write_text(
        'map "B" {\n  stage s "S" {\n    touchpoint t "T" { channel web emotion tom 1 }\n  }\n}\n')
    (site / "docs" / "more.md").write_text(
        "# More\n\n![b](maps/broken.cjm)\n\n![m](maps/none.cjm)\n")
    run = build(site, *options)
    assert run.returncode != 0
    assert "docs/maps/broken.cjm:3:44: error[E012]: unknown persona `tom`" in run.stderr
    assert "the map maps/none.cjm does not exist" in run.stderr


def test_map_with_only_warnings_is_drawn_and_warns(site):
    (site / "docs" / "warned.md").write_text(
        '# Warned\n\n```cjm\nmap "W" {\n  stage s "S" {\n    touchpoint t "T" {}\n  }\n}\n```\n')
    strict = build(site, "--strict")
    assert strict.returncode != 0
    assert re.search(r"^WARNING +- +cjmdsl: docs/warned\.md:6:16: warning\[W102\]", strict.stderr,
                     re.M), strict.stderr
    quiet = build(site, "--strict", "-q")  # what -q is for: warnings are not counted
    assert quiet.returncode == 0, quiet.stderr
    assert images((site / "site" / "warned" / "index.html").read_text())


def test_material_dark_palette_gets_a_dark_picture_too(site):
    (site / "mkdocs.yml").write_text("site_name: Maps\n" + MATERIAL + "plugins:\n  - cjm\n")
    assert build(site, "--strict").returncode == 0
    page = (site / "site" / "index.html").read_text()
    found = images(page)
    assert [kind for kind, _, _ in found] == ["cjm-light", "cjm-dark"] * 2
    light = (site / "site" / found[0][1]).read_text()
    dark = (site / "site" / found[1][1]).read_text()
    assert 'fill="#ffffff"' in light and 'fill="#111827"' in dark
    assert "cjm/cjm.css" in page
    # The site's switch picks the picture: each keeps its scheme whatever the system's is.
    assert "<style" not in light and "<style" not in dark
    strip = lambda svg: re.sub(r' (fill|stroke|fill-opacity|stroke-opacity)="[^"]*"', "", svg)  # noqa: E731
    assert strip(light) == strip(dark), "the two pictures are one layout"


@pytest.mark.browser
def test_material_shows_the_picture_of_the_readers_scheme(site, page):
    (site / "mkdocs.yml").write_text("site_name: Maps\n" + MATERIAL + "plugins:\n  - cjm\n")
    assert build(site, "--strict").returncode == 0
    page.goto((site / "site" / "index.html").as_uri())
    visible = "els => els.map(e => getComputedStyle(e).display !== 'none')"
    for scheme, expected in (("default", [True, False]), ("slate", [False, True])):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        assert page.eval_on_selector_all("img.cjm-light, img.cjm-dark", visible)[:2] == expected


# ── the project config (cjm.toml) ────────────────────────────────────────────
OWN_THEME = """\
# Own theme

```cjm
map "Own theme" {
  theme "default"
  persona maya "Maya"
  stage s "Browse" {
    touchpoint t "Sees an ad" { channel web emotion maya 1 }
  }
}
```
"""
DARK_BACKGROUND = 'fill="#111827"'
LIGHT_BACKGROUND = 'fill="#ffffff"'


def pictures(site: Path, page: str = "") -> list[str]:
    html = (site / "site" / page / "index.html").read_text()
    return [(site / "site" / page / src).read_text() for _, src, _ in images(html)]


def test_config_theme_draws_maps_that_name_none_and_a_maps_own_theme_wins(site):
    (site / "cjm.toml").write_text('theme = "dark"\n')  # beside mkdocs.yml, above docs/
    (site / "docs" / "own.md").write_text(OWN_THEME)
    run = build(site, "--strict")
    assert run.returncode == 0, run.stderr
    linked, fenced = pictures(site)
    assert DARK_BACKGROUND in linked and DARK_BACKGROUND in fenced
    [own] = pictures(site, "own")
    assert LIGHT_BACKGROUND in own  # `theme "default"` beats the config


def test_plugin_theme_beats_the_config(site):
    (site / "cjm.toml").write_text('theme = "dark"\n')
    (site / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm:\n"
                                     "      theme: high-contrast\n")
    assert build(site, "--strict").returncode == 0
    assert all(DARK_BACKGROUND not in svg for svg in pictures(site))


def test_config_dark_theme_draws_the_dark_picture(site):
    (site / "pyproject.toml").write_text('[tool.cjm]\ndark_theme = "high-contrast-dark"\n')
    (site / "mkdocs.yml").write_text("site_name: Maps\n" + MATERIAL + "plugins:\n  - cjm\n")
    assert build(site, "--strict").returncode == 0
    light, dark, _, _ = pictures(site)
    assert LIGHT_BACKGROUND in light
    assert 'fill="#000000"' in dark and DARK_BACKGROUND not in dark


@STRICT
def test_broken_config_fails_strict_once_with_its_line_and_column(site, options):
    (site / "cjm.toml").write_text('# docs defaults\ntheme = "drak"\n')
    (site / "docs" / "own.md").write_text(OWN_THEME)
    strict = build(site, *options)
    assert strict.returncode != 0
    assert strict.stderr.count("error[E019]") == 1, strict.stderr  # once, for three maps
    assert re.search(r"^ERROR +- +cjmdsl: cjm\.toml:2:9: error\[E019\]: unknown theme `drak` "
                     r"for `theme`$", strict.stderr, re.M), strict.stderr
    assert "did you mean `dark`?" in strict.stderr

    lenient = build(site)
    assert lenient.returncode == 0
    assert all(LIGHT_BACKGROUND in svg for svg in pictures(site))  # the defaults


def test_config_limits_apply_to_maps(site):
    (site / "cjm.toml").write_text("[limits]\nmax_touchpoints = 1\n")
    run = build(site, "--strict", "-q")
    assert run.returncode != 0
    assert re.search(r"^ERROR +- +cjmdsl: docs/maps/grocery\.cjm:\d+:\d+: error\[E032\]: the map "
                     r"has \d+ touchpoints, more than the limit of 1$", run.stderr, re.M), run.stderr
    assert run.stderr.count("error[E032]") == 1  # the fenced map has one touchpoint


def test_a_linked_map_gets_the_config_of_its_own_folder_a_fenced_map_that_of_its_page(site):
    (site / "docs" / "maps" / "cjm.toml").write_text('theme = "dark"\n')
    assert build(site, "--strict").returncode == 0
    linked, fenced = pictures(site)
    assert DARK_BACKGROUND in linked and LIGHT_BACKGROUND in fenced


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


@contextlib.contextmanager
def serving(site: Path):
    """`mkdocs serve` on a free port, answering: yields its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(base), 60) is not None, "mkdocs serve did not answer"
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def first_picture(url: str) -> str | None:
    page = fetch(url)
    found = images(page) if page else []
    return found[0][1] if found else None


def new_first_picture(url: str, before: str | None) -> str | None:
    """The first map picture of the page at `url` once it is no longer `before`."""
    def changed():
        current = first_picture(url)
        return current if current not in (None, before) else None

    return wait_for(changed, 60)


@pytest.mark.slow
def test_mkdocs_serve_re_renders_when_the_cjm_file_changes(site):
    with serving(site) as base:
        before = first_picture(base)
        source = site / "docs" / "maps" / "grocery.cjm"
        source.write_text(source.read_text().replace("Basketful", "Basketful, edited"))
        after = new_first_picture(base, before)
        assert after, "the page still shows the old map"
        assert "Basketful, edited" in fetch(base + after)


@pytest.mark.slow
def test_mkdocs_serve_re_renders_when_the_config_outside_docs_changes(site):
    (site / "cjm.toml").write_text('theme = "default"\n')
    with serving(site) as base:
        before = first_picture(base)
        (site / "cjm.toml").write_text('theme = "dark"\n')
        after = new_first_picture(base, before)
        assert after, "the page still shows the map in the old theme"
        assert DARK_BACKGROUND in fetch(base + after)


def svg_widths(site: Path) -> list[str]:
    return [re.search(r'<svg [^>]*width="([0-9.]+)"', svg).group(1) for svg in pictures(site)]


def test_maps_are_laid_out_for_the_config_width_the_plugin_width_and_the_fence_width(site):
    assert build(site, "--strict").returncode == 0
    assert svg_widths(site) == ["880", "880"]  # the default: GitHub's content column
    (site / "cjm.toml").write_text("width = 1000\n")
    assert build(site, "--strict").returncode == 0
    assert svg_widths(site) == ["1000", "1000"]
    (site / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm:\n      width: 720\n")
    (site / "docs" / "index.md").write_text(INDEX.replace("```cjm\n", "```cjm width=none\n", 1))
    assert build(site, "--strict").returncode == 0
    assert svg_widths(site) == ["720", "760"]  # the fence's one row: as wide as its journey


def test_a_fence_width_that_cannot_be_laid_out_fails_strict(site):
    (site / "docs" / "index.md").write_text(INDEX.replace("```cjm\n", "```cjm width=100\n", 1))
    run = build(site, "--strict")
    assert run.returncode != 0
    assert "width=100 is not a width to lay a map out for" in run.stderr


def test_time_axis_comes_from_the_fence_the_plugin_or_the_config(site):
    def rulers() -> list[bool]:
        return ["cjm-time-axis" in svg for svg in pictures(site)]

    assert build(site, "--strict").returncode == 0
    assert rulers() == [False, False]
    (site / "docs" / "index.md").write_text(INDEX.replace("```cjm\n", "```cjm time_axis=true\n", 1))
    assert build(site, "--strict").returncode == 0
    assert rulers() == [False, True]
    (site / "cjm.toml").write_text("time_axis = true\n")
    (site / "docs" / "index.md").write_text(INDEX.replace("```cjm\n", "```cjm time_axis=false\n", 1))
    assert build(site, "--strict").returncode == 0
    assert rulers() == [True, False]
    (site / "docs" / "index.md").write_text(INDEX.replace("```cjm\n", "```cjm time_axis=maybe\n", 1))
    run = build(site, "--strict")
    assert run.returncode != 0 and "time_axis=maybe is neither true nor false" in run.stderr


PLANNED = """\
# Planned

Text before the map.

```cjm{options}
map "Planned" {{
  persona maya "Maya"
  persona tom "Tom"
  stage s "Browse" {{
    touchpoint t "Sees an ad" {{ channel web emotion maya 1 emotion tom -1 future maya 2 }}
    touchpoint u "Clicks" {{ channel web emotion maya -1 emotion tom 2 }}
  }}
}}
```
"""


def drawn(svg: str) -> dict[str, bool]:
    """What a picture of the PLANNED map shows, of what the render options choose."""
    return {"split": "cjm-panel-title" in svg, "cards": "cjm-persona-card" in svg,
            "to-be curve": "cjm-to-be" in svg, "stages view": "cjm-stages-view" in svg}


def test_render_options_come_from_the_fence_the_plugin_or_the_config(site):
    def picture(options: str = "", plugin: str = "") -> dict[str, bool]:
        (site / "docs" / "index.md").write_text(PLANNED.format(options=options))
        (site / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm"
                                         + (f":\n      {plugin}\n" if plugin else "\n"))
        run = build(site, "--strict")
        assert run.returncode == 0, run.stderr
        [svg] = pictures(site)
        return drawn(svg)

    default = {"split": False, "cards": True, "to-be curve": True, "stages view": False}
    assert picture() == default
    assert picture(" emotions=split") == {**default, "split": True}
    assert picture(" persona_cards=false") == {**default, "cards": False}
    assert picture(" state=to_be") == {**default, "to-be curve": False}
    # the stages view draws the to-be beside the as-is too, unless the state leaves it out
    stages = {"split": False, "cards": False, "to-be curve": True, "stages view": True}
    assert picture(" view=stages") == stages
    assert picture(" view=stages state=as_is") == {**stages, "to-be curve": False}
    assert picture(plugin="emotions: split") == {**default, "split": True}
    assert picture(plugin="state: as_is") == {**default, "to-be curve": False}
    (site / "cjm.toml").write_text('emotions = "split"\nstate = "as_is"\n'
                                   "persona_cards = false\n")
    assert picture() == {**default, "split": True, "cards": False, "to-be curve": False}
    assert picture(plugin="persona_cards: true") == {**default, "split": True,
                                                     "to-be curve": False}
    assert picture(" emotions=overlay state=both persona_cards=true") == default


def test_the_plugins_view_draws_linked_maps_as_the_stages_view(site):
    (site / "mkdocs.yml").write_text("site_name: Maps\nplugins:\n  - cjm:\n      view: stages\n")
    assert build(site, "--strict").returncode == 0
    assert [drawn(svg)["stages view"] for svg in pictures(site)] == [True, True]


@pytest.mark.parametrize(("options", "report"), [
    (" emotions=splt", "docs/index.md:5:8: error[E063]: emotions=splt is not one of overlay, "
                       "split"),
    (' alt="A map" state=tobe', "docs/index.md:5:20: error[E063]: state=tobe is not one of "
                                "as_is, to_be, both"),
    (" persona_cards=no", "docs/index.md:5:8: error[E063]: persona_cards=no is neither true "
                          "nor false"),
    (" view=flow", "docs/index.md:5:8: error[E063]: view=flow is not one of map, stages"),
    (" emotion=split", "docs/index.md:5:8: error[E061]: unknown option `emotion` for a cjm "
                       "fence"),
])
def test_a_fence_option_that_cannot_be_used_fails_strict_at_its_line_and_column(site, options,
                                                                                 report):
    (site / "docs" / "index.md").write_text(PLANNED.format(options=options))
    run = build(site, "--strict")
    assert run.returncode != 0
    assert report in run.stderr
    assert run.stderr.count("error[") == 1  # one mistake, one message
