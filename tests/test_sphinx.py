"""The Sphinx extension, in real `sphinx-build` runs on a project made in a temp folder."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, require_tool

try:
    import sphinx  # noqa: F401
    HAVE_SPHINX = True
except ImportError:
    HAVE_SPHINX = False

INLINE = """\
Inline
======

.. cjm::
   :theme: dark
   :width: 80%

   map "Inline map" {
     persona maya "Maya"
     stage s "Browse" {
       touchpoint t "Sees an ad" { channel web emotion maya 1 }
     }
   }
"""
BROKEN = """\
Broken
======

Text before the map.

.. cjm::

   map "Broken" {
     stage s "Browse" {
       touchpoint t "Sees an ad" { channel web emotion mya 1 }
     }
   }

Text after the map.
"""
BROKEN_FILE = ('map "Broken file" {\n  stage s "S" {\n'
               '    touchpoint t "T" { channel web emotion tom 1 }\n  }\n}\n')


@pytest.fixture
def project(tmp_path: Path) -> Path:
    require_tool("sphinx", HAVE_SPHINX, "pip install -e '.[test]'")
    src = tmp_path / "src"
    (src / "maps").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "grocery-shop.cjm", src / "maps" / "grocery.cjm")
    (src / "conf.py").write_text('extensions = ["cjmdsl.sphinx"]\nproject = "Maps"\n'
                                 "numfig = True\n")
    (src / "index.rst").write_text("""\
Maps
====

.. cjm:: maps/grocery.cjm
   :alt: The grocery journey
   :caption: Grocery, Q3 research
   :name: grocery-map

See :numref:`grocery-map`.

.. toctree::

   inline
""")
    (src / "inline.rst").write_text(INLINE)
    return tmp_path


def build(project: Path, *options: str, builder: str = "html") -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", builder, *options,
                             str(project / "src"), str(project / "out" / builder)],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def images(html: str) -> list[str]:
    return re.findall(r'<img class="cjm-map" src="([^"]+)" alt="([^"]*)"', html)


def test_file_map_becomes_an_image_with_alt_caption_and_reference_target(project):
    run = build(project, "-W")
    assert run.returncode == 0, run.stderr
    page = (project / "out" / "html" / "index.html").read_text()
    [(src, alt)] = images(page)
    assert alt == "The grocery journey"
    svg = (project / "out" / "html" / src).read_text()
    assert "First online grocery order" in svg and "<script" not in svg
    assert re.search(r"<figcaption>.*Grocery, Q3 research", page, re.S)
    assert 'id="grocery-map"' in page
    assert re.search(r'href="#grocery-map".*Fig\. 1', page, re.S)


def test_inline_map_with_theme_and_width(project):
    assert build(project, "-W").returncode == 0
    page = (project / "out" / "html" / "inline.html").read_text()
    assert 'style="width:80%;height:auto"' in page
    [(src, alt)] = images(page)
    assert alt.startswith("Inline map. Customer journey map with 1 stage (Browse) and 1 touchpoint.")
    assert 'fill="#111827"' in (project / "out" / "html" / src).read_text()  # dark background


def test_dirhtml_links_the_image_from_a_sub_folder(project):
    assert build(project, "-W", builder="dirhtml").returncode == 0
    page = (project / "out" / "dirhtml" / "inline" / "index.html").read_text()
    [(src, _)] = images(page)
    assert src.startswith("../_images/cjm-")
    assert (project / "out" / "dirhtml" / "inline" / src).resolve().is_file()


def test_broken_inline_map_warns_once_at_its_rst_line_and_fails_under_W(project):
    (project / "src" / "broken.rst").write_text(BROKEN)
    (project / "src" / "index.rst").write_text(
        (project / "src" / "index.rst").read_text() + "   broken\n")
    strict = build(project, "-W")
    assert strict.returncode != 0
    # one place, Sphinx's: line 10 of broken.rst, where the `mya` of the directive's body is,
    # and the caret under column 56
    assert re.search(r"^\S*src/broken\.rst:10: WARNING: error\[E012\]: unknown persona `mya`$",
                     strict.stderr, re.M), strict.stderr
    assert re.search(r"^ +\| {56}\^\^\^ ", strict.stderr, re.M), strict.stderr

    lenient = build(project)
    assert lenient.returncode == 0
    page = (project / "out" / "html" / "broken.html").read_text()
    assert "Text after the map." in page  # the rest of the page still builds
    assert "This journey map has errors" in page


def test_broken_map_file_names_the_cjm_file_line_and_column(project):
    (project / "src" / "maps" / "broken.cjm").write_text(BROKEN_FILE)
    (project / "src" / "inline.rst").write_text(INLINE + "\n.. cjm:: maps/broken.cjm\n")
    run = build(project, "-W")
    assert run.returncode != 0
    assert re.search(r"inline\.rst:\d+: WARNING: src/maps/broken\.cjm:3:44: error\[E012\]: "
                     r"unknown persona `tom`", run.stderr)


def test_editing_the_cjm_file_rebuilds_its_page(project):
    assert build(project).returncode == 0
    page = project / "out" / "html" / "index.html"
    [(first, _)] = images(page.read_text())

    unchanged = build(project)
    assert "0 added, 0 changed, 0 removed" in unchanged.stdout
    time.sleep(0.01)
    source = project / "src" / "maps" / "grocery.cjm"
    source.write_text(source.read_text().replace("Basketful", "Basketful, edited"))
    rebuilt = build(project)
    assert "0 added, 1 changed, 0 removed" in rebuilt.stdout
    assert "reading sources... [100%] index" in rebuilt.stdout
    [(second, _)] = images(page.read_text())
    assert second != first
    assert "Basketful, edited" in (project / "out" / "html" / second).read_text()


def test_latex_build_includes_the_map_as_a_pdf(project):
    pytest.importorskip("cairosvg", reason="pdf needs the pdf extra")
    run = build(project, "-W", builder="latex")
    assert run.returncode == 0, run.stderr
    tex = (project / "out" / "latex" / "maps.tex").read_text()
    [name] = re.findall(r"\\sphinxincludegraphics\[width=\\linewidth\]\{\{(cjm-\w+\.pdf)\}\}", tex)
    assert (project / "out" / "latex" / name).read_bytes().startswith(b"%PDF-")
    assert "Grocery, Q3 research" in tex


def test_parallel_build_gives_the_same_pages(project):
    assert build(project, "-W", "-j", "2").returncode == 0
    page = (project / "out" / "html" / "index.html").read_text()
    assert len(images(page)) == 1


def test_extension_declares_parallel_safety():
    pytest.importorskip("sphinx")
    from cjmdsl.integrations import sphinx as extension

    class App:
        def add_node(self, *args, **kwargs):
            pass

        def add_directive(self, *args):
            pass

        def connect(self, *args):
            pass

    metadata = extension.setup(App())
    assert metadata["parallel_read_safe"] and metadata["parallel_write_safe"]


def test_format_html_embeds_the_interactive_page(project):
    (project / "src" / "inline.rst").write_text(
        INLINE + "\n.. cjm:: maps/grocery.cjm\n   :format: html\n   :alt: Interactive\n")
    assert build(project, "-W").returncode == 0
    page = (project / "out" / "html" / "inline.html").read_text()
    [src] = re.findall(r'<iframe class="cjm-map" src="([^"]+\.html)" title="Interactive"', page)
    embedded = (project / "out" / "html" / src).read_text()
    assert embedded.lstrip().lower().startswith("<!doctype html>")
    assert "First online grocery order" in embedded


# ── the project config (cjm.toml) ────────────────────────────────────────────
OWN_THEME = """\
Own theme
=========

.. cjm::

   map "Own theme" {
     theme "default"
     persona maya "Maya"
     stage s "Browse" {
       touchpoint t "Sees an ad" { channel web emotion maya 1 }
     }
   }
"""
DARK_BACKGROUND = 'fill="#111827"'
LIGHT_BACKGROUND = 'fill="#ffffff"'


def add_page(project: Path, name: str, text: str) -> None:
    (project / "src" / f"{name}.rst").write_text(text)
    index = project / "src" / "index.rst"
    index.write_text(index.read_text() + f"   {name}\n")


def picture(project: Path, page: str) -> str:
    [(src, _)] = images((project / "out" / "html" / f"{page}.html").read_text())
    return (project / "out" / "html" / src).read_text()


def test_config_theme_draws_maps_that_name_none_and_a_maps_own_theme_wins(project):
    (project / "src" / "cjm.toml").write_text('theme = "dark"\n')
    add_page(project, "own", OWN_THEME)
    run = build(project, "-W")
    assert run.returncode == 0, run.stderr
    assert DARK_BACKGROUND in picture(project, "index")  # grocery.cjm names no theme
    assert LIGHT_BACKGROUND in picture(project, "own")  # `theme "default"` beats the config


def test_config_in_pyproject_above_the_docs_is_found(project):
    (project / "pyproject.toml").write_text('[project]\nname = "maps"\n\n[tool.cjm]\n'
                                            'theme = "dark"\n')
    assert build(project, "-W").returncode == 0
    assert DARK_BACKGROUND in picture(project, "index")


@pytest.mark.parametrize("options", [("-W",), ("-W", "-j", "2")], ids=["serial", "parallel"])
def test_broken_config_fails_W_once_with_its_line_and_column_and_maps_get_defaults(project,
                                                                                   options):
    (project / "src" / "cjm.toml").write_text('# docs defaults\ntheme = "drak"\n')
    strict = build(project, *options)
    assert strict.returncode != 0
    # reported once for the build, though two pages hold maps
    assert strict.stderr.count("error[E019]") == 1, strict.stderr
    assert re.search(r"WARNING: src/cjm\.toml:2:9: error\[E019\]: unknown theme `drak` for "
                     r"`theme`$", strict.stderr, re.M), strict.stderr
    assert "did you mean `dark`?" in strict.stderr

    lenient = build(project)
    assert lenient.returncode == 0
    assert LIGHT_BACKGROUND in picture(project, "index")


def test_config_limits_apply_to_maps(project):
    (project / "src" / "cjm.toml").write_text("[limits]\nmax_touchpoints = 1\n")
    run = build(project, "-W")
    assert run.returncode != 0
    assert re.search(r"index\.rst:\d+: WARNING: src/maps/grocery\.cjm:\d+:\d+: error\[E032\]: "
                     r"the map has \d+ touchpoints, more than the limit of 1", run.stderr), \
        run.stderr
    assert run.stderr.count("error[E032]") == 1  # inline.rst's map of one touchpoint is fine


def test_a_map_file_gets_the_config_of_its_own_folder_an_inline_map_that_of_its_page(project):
    (project / "src" / "maps" / "cjm.toml").write_text('theme = "dark"\n')
    add_page(project, "plain", OWN_THEME.replace('  theme "default"\n', ""))
    assert build(project, "-W").returncode == 0
    assert DARK_BACKGROUND in picture(project, "index")  # maps/grocery.cjm, beside the config
    assert LIGHT_BACKGROUND in picture(project, "plain")  # src/plain.rst, above it


def test_editing_the_config_rebuilds_the_pages_with_maps(project):
    (project / "src" / "cjm.toml").write_text('theme = "default"\n')
    (project / "src" / "plain.rst").write_text("Plain\n=====\n\nNo map here.\n")
    index = project / "src" / "index.rst"
    index.write_text(index.read_text() + "   plain\n")
    assert build(project, "-W").returncode == 0
    assert "0 added, 0 changed, 0 removed" in build(project).stdout
    time.sleep(0.01)
    (project / "src" / "cjm.toml").write_text('theme = "dark"\n')
    rebuilt = build(project, "-W")
    assert "0 added, 2 changed, 0 removed" in rebuilt.stdout  # index and inline, not plain
    assert DARK_BACKGROUND in picture(project, "index")


def test_config_dark_theme_is_the_dark_mode_of_the_interactive_page(project):
    (project / "src" / "cjm.toml").write_text('dark_theme = "high-contrast-dark"\n')
    (project / "src" / "inline.rst").write_text(
        INLINE + "\n.. cjm:: maps/grocery.cjm\n   :format: html\n   :alt: Interactive\n")
    assert build(project, "-W").returncode == 0
    page = (project / "out" / "html" / "inline.html").read_text()
    [src] = re.findall(r'<iframe class="cjm-map" src="([^"]+\.html)"', page)
    assert "#000000" in (project / "out" / "html" / src).read_text()  # high-contrast-dark


HOSTILE_TITLES = """\
Hostile
=======

.. cjm::

   map "J\\n.so /etc/passwd\\n.SH X\\n'br\\n\\\\fB" {
     stage s "S" { touchpoint t "T" { channel web } }
   }

.. cjm::

   map "K\\n@verbatiminclude /etc/passwd\\n@bye" {
     stage s "S" { touchpoint t "T" { channel web } }
   }
"""


def hostile(project: Path) -> None:
    (project / "src" / "inline.rst").write_text(HOSTILE_TITLES)


def test_man_page_prints_a_hostile_map_title_as_text(project):
    hostile(project)
    assert build(project, builder="man").returncode == 0
    [page] = (project / "out" / "man").glob("*.1")
    roff = page.read_text()
    assert not re.search(r"^[.'](so|SH X|br)", roff, re.M), roff
    assert r"J .so /etc/passwd .SH X 'br \efB" in roff
    if shutil.which("groff"):
        shown = subprocess.run(["groff", "-man", "-Tutf8", str(page)], capture_output=True,
                               text=True, timeout=60).stdout
        assert "root:x:0:0" not in shown
        assert ".so /etc/passwd .SH X 'br \\fB" in shown


def test_texinfo_prints_a_hostile_map_title_as_text(project):
    hostile(project)
    assert build(project, builder="texinfo").returncode == 0
    [page] = (project / "out" / "texinfo").glob("*.texi")
    texi = page.read_text()
    assert not re.search(r"^@verbatiminclude", texi, re.M) and texi.count("\n@bye") == 1
    assert "K @@verbatiminclude /etc/passwd @@bye" in texi


def test_a_map_is_laid_out_for_its_pixel_width_else_the_config_width(project):
    def inline_svg_width() -> str:
        page = (project / "out" / "html" / "inline.html").read_text()
        [(src, _)] = images(page)
        svg = (project / "out" / "html" / src).read_text()
        return re.search(r'<svg [^>]*width="([0-9.]+)"', svg).group(1)

    assert build(project, "-W").returncode == 0
    assert inline_svg_width() == "880"  # `:width: 80%` says nothing of pixels: the default
    (project / "cjm.toml").write_text("width = 1000\n")
    assert build(project, "-W", "-E").returncode == 0
    assert inline_svg_width() == "1000"
    inline = project / "src" / "inline.rst"
    inline.write_text(inline.read_text().replace(":width: 80%", ":width: 700px"))
    assert build(project, "-W", "-E").returncode == 0
    assert inline_svg_width() == "700"


def test_time_axis_flag_and_config_draw_the_ruler_of_elapsed_time(project):
    def inline_svg() -> str:
        page = (project / "out" / "html" / "inline.html").read_text()
        [(src, _)] = images(page)
        return (project / "out" / "html" / src).read_text()

    assert build(project, "-W").returncode == 0
    assert "cjm-time-axis" not in inline_svg()
    inline = project / "src" / "inline.rst"
    inline.write_text(inline.read_text().replace("   :width: 80%\n", "   :width: 80%\n   :time-axis:\n"))
    assert build(project, "-W", "-E").returncode == 0
    assert "cjm-time-axis" in inline_svg()
    inline.write_text(inline.read_text().replace("   :time-axis:\n", ""))
    (project / "cjm.toml").write_text("time_axis = true\n")
    assert build(project, "-W", "-E").returncode == 0
    assert "cjm-time-axis" in inline_svg()


PLANNED = """\
Planned
=======

.. cjm::
{options}
   map "Planned" {{
     persona maya "Maya"
     persona tom "Tom"
     stage s "Browse" {{
       touchpoint t "Sees an ad" {{ channel web emotion maya 1 emotion tom -1 future maya 2 }}
       touchpoint u "Clicks" {{ channel web emotion maya -1 emotion tom 2 }}
     }}
   }}
"""


def drawn(svg: str) -> dict[str, bool]:
    """What a picture of the PLANNED map shows, of what the render options choose."""
    return {"split": "cjm-panel-title" in svg, "cards": "cjm-persona-card" in svg,
            "to-be curve": "cjm-to-be" in svg, "stages view": "cjm-stages-view" in svg}


def test_render_options_of_the_directive_and_the_config_choose_what_is_drawn(project):
    inline = project / "src" / "inline.rst"

    def picture(*options: str) -> dict[str, bool]:
        inline.write_text(PLANNED.format(options="".join(f"   {o}\n" for o in options)))
        run = build(project, "-W", "-E")
        assert run.returncode == 0, run.stderr
        [(src, _)] = images((project / "out" / "html" / "inline.html").read_text())
        return drawn((project / "out" / "html" / src).read_text())

    default = {"split": False, "cards": True, "to-be curve": True, "stages view": False}
    assert picture() == default
    assert picture(":emotions: split") == {**default, "split": True}
    assert picture(":persona-cards: off") == {**default, "cards": False}
    assert picture(":state: to_be") == {**default, "to-be curve": False}
    assert picture(":state: as_is") == {**default, "to-be curve": False}
    # the stages view draws the to-be beside the as-is too, unless the state leaves it out
    stages = {"split": False, "cards": False, "to-be curve": True, "stages view": True}
    assert picture(":view: stages") == stages
    assert picture(":view: stages", ":state: as_is") == {**stages, "to-be curve": False}
    (project / "cjm.toml").write_text('emotions = "split"\nstate = "as_is"\n'
                                      "persona_cards = false\n")
    assert picture() == {**default, "split": True, "cards": False, "to-be curve": False}
    assert picture(":emotions: overlay", ":persona-cards: on", ":state: both") == default


@pytest.mark.parametrize(("option", "named"), [
    (":emotions: splt", 'option: "emotions"'),
    (":state: tobe", 'option: "state"'),
    (":persona-cards: no", 'option: "persona-cards"'),
    (":view: flow", 'option: "view"'),
])
def test_a_render_option_that_cannot_be_used_fails_W_at_the_directives_line(project, option,
                                                                             named):
    inline = project / "src" / "inline.rst"
    inline.write_text(PLANNED.format(options=f"   {option}\n"))
    run = build(project, "-W")
    assert run.returncode != 0
    assert "inline.rst:4:" in run.stderr and named in run.stderr
    assert "choose from" in run.stderr  # the values it takes


def test_stages_view_with_the_interactive_page_says_which_it_draws(project):
    inline = project / "src" / "inline.rst"
    inline.write_text(PLANNED.format(options="   :view: stages\n   :format: html\n"))
    run = build(project, "-W")
    assert run.returncode != 0 and "`:view: stages` is a picture of its own" in run.stderr
