"""The map (the SVG view) as a vector PDF, for print and LaTeX.

Drawn by CairoSVG (the `cairosvg` package, which needs the cairo library: on Debian
and Ubuntu `libcairo2`, on macOS `brew install cairo`). Text stays text. Without `page`
the PDF is one page the size of the map (for LaTeX's \\includegraphics), or pages of its width
when it is taller than a viewer opens (14,400 pt); with `page` (A4, A3,
letter, in `orientation` landscape or portrait) the rows of stages go onto pages of that
size, each with the title and the legend, laid out for the paper's width unless `width`
says otherwise. The PDF's dates come from SOURCE_DATE_EPOCH (1980-01-01 when unset), so
the same map gives the same bytes.
"""
from __future__ import annotations

import io
import os
import re
from datetime import datetime, timezone

from cjmdsl.backends import svg
from cjmdsl.backends._band import band
from cjmdsl.backends._raster import for_cairo, unavailable
from cjmdsl.layout.geometry import DEFAULT_WIDTH
from cjmdsl.backends._templates import number
from cjmdsl.layout.map import page_windows, pages
from cjmdsl.words.locales import in_its_language
from cjmdsl.model import Journey
from cjmdsl.themes.roles import FIXED
from cjmdsl.themes import Theme
from cjmdsl.words.sentences import summary

BINARY = True
OPTIONS = ("scale", "width", "page", "orientation", "view", "time_axis", "emotions",
           "persona_cards")
DEFAULT_SCALE = 1.0
# Paper sizes in points (1/72 inch), portrait: ISO 216 and US letter.
PAGES = {"a4": (595.28, 841.89), "a3": (841.89, 1190.55), "letter": (612.0, 792.0)}
ORIENTATIONS = ("landscape", "portrait")
POINTS_PER_PIXEL = 0.75  # CSS pixels at 96 per inch
LONGEST_PAGE = 14_400.0  # points: Acrobat's (and the PDF 1.x spec's) largest page side
_SIZE = re.compile(r'<svg [^>]*?width="([0-9.]+)" height="([0-9.]+)"')
STAGES_ON_PAGES = "the stages view is one page; drop --page, or draw the map (--view map)"


@in_its_language
def render(journey: Journey, theme: Theme, scale: float = DEFAULT_SCALE,
           width: float | None = None, page: str | None = None,
           orientation: str = "landscape", view: str = "map",
           time_axis: bool = False, emotions: str = "overlay",
           persona_cards: bool = True) -> bytes:
    """`width`: the pixels the map is laid out for (0: one row); None: 880, or with `page`
    the paper's width. `scale` sizes a one-page PDF; a paginated one fills its paper. A map
    taller than LONGEST_PAGE goes onto pages of its width and that height, as with `page`.
    The stages `view` is one page (it is short: a row per few stages)."""
    if view == "stages" and page is not None:
        raise ValueError(STAGES_ON_PAGES)
    try:
        import arabic_reshaper  # noqa: F401  (for_cairo: right-to-left lines, Arabic)
        import bidi  # noqa: F401
        import cairocffi
        from cairosvg.parser import Tree
        from cairosvg.surface import PDFSurface
    except ImportError as exc:
        raise unavailable("pdf", exc.name or "cairosvg", "pdf") from None
    except OSError as exc:  # cairocffi found, the cairo library not
        raise unavailable("pdf", "cairosvg", "pdf",
                          f" and the cairo library ({exc}); on Debian: apt-get install "
                          "libcairo2") from None

    def stamped(surface):
        stamp = _build_date()
        surface.set_metadata(cairocffi.PDF_METADATA_CREATE_DATE, stamp)
        surface.set_metadata(cairocffi.PDF_METADATA_MOD_DATE, stamp)
        surface.set_metadata(cairocffi.PDF_METADATA_TITLE, journey.title)
        return surface

    if page is None:
        class ReproduciblePDF(PDFSurface):
            def _create_surface(self, width, height):
                surface, width, height = super()._create_surface(width, height)
                return stamped(surface), width, height

        layout_width = DEFAULT_WIDTH if width is None else width
        drawn = svg.render(journey, theme, layout_width, view, FIXED, time_axis=time_axis,
                           emotions=emotions, persona_cards=persona_cards)
        drawn_width, drawn_height = (float(size) * POINTS_PER_PIXEL * float(scale)
                                     for size in _SIZE.search(drawn).groups())
        if drawn_height <= LONGEST_PAGE or view == "stages":
            return ReproduciblePDF.convert(for_cairo(drawn).encode("utf-8"), scale=float(scale))
        # Taller than a viewer opens: pages of the map's width, as tall as they may be.
        paper_width, paper_height = drawn_width, LONGEST_PAGE
    else:
        paper_width, paper_height = paper(page, orientation)
        layout_width = round(paper_width / POINTS_PER_PIXEL) if width is None else width
    output = io.BytesIO()
    shared = stamped(cairocffi.PDFSurface(output, paper_width, paper_height))

    class OnePage(PDFSurface):
        """Draws onto the shared PDF's current page instead of a PDF of its own."""

        def _create_surface(self, width, height):
            return shared, width, height

    described = summary(journey)  # once, not once a page
    for geometry in pages(journey, theme, layout_width, paper_height / paper_width,
                          time_axis=time_axis, emotions=emotions,
                          persona_cards=persona_cards):
        drawn = for_cairo(svg.draw(journey, geometry, theme, described))
        sheet = geometry.width * paper_height / paper_width
        for top, bottom in page_windows(geometry, sheet):
            OnePage(Tree(bytestring=_window(drawn, geometry, top, bottom, sheet).encode("utf-8")),
                    None, 96, output_width=paper_width / POINTS_PER_PIXEL,
                    output_height=paper_height / POINTS_PER_PIXEL)
            shared.show_page()
    shared.finish()
    return output.getvalue()


def _window(drawn: str, geometry, top: float, bottom: float, sheet: float) -> str:
    """The part of the drawing from `top` to `bottom` at the top of a sheet `sheet` tall, at
    full size: the drawing nested in a sheet-sized SVG, its viewport cut to the window (a
    nested SVG clips what lies outside it)."""
    if top == 0 and bottom >= geometry.height:
        return drawn
    width = number(geometry.width)
    cut = band(drawn, geometry.width, top, bottom)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{number(sheet)}" '
            f'viewBox="0 0 {width} {number(sheet)}"><rect width="100%" height="100%" '
            f'fill="{geometry.background}"/>{cut}</svg>')


def paper(page: str, orientation: str) -> tuple[float, float]:
    """Width and height in points of a paper size (`A4`, `a3`, `letter`) in `orientation`."""
    short, long = PAGES[page.lower()]
    return (long, short) if orientation == "landscape" else (short, long)


def _build_date() -> str:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
