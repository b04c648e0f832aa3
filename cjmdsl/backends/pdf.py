"""The map (the SVG view) as a one-page vector PDF, for print and LaTeX.

Drawn by CairoSVG (the `cairosvg` package, which needs the cairo library: on Debian
and Ubuntu `libcairo2`, on macOS `brew install cairo`). Text stays text. The PDF's
dates come from SOURCE_DATE_EPOCH (1980-01-01 when unset), so the same map gives
the same bytes.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

from cjmdsl.backends import svg
from cjmdsl.backends._raster import unavailable, without_paint_order
from cjmdsl.geometry import DEFAULT_WIDTH
from cjmdsl.model import Journey
from cjmdsl.themes import Theme

BINARY = True
OPTIONS = ("scale", "width")
DEFAULT_SCALE = 1.0


def render(journey: Journey, theme: Theme, scale: float = DEFAULT_SCALE,
           width: float | None = DEFAULT_WIDTH) -> bytes:
    """The map laid out for `width` pixels (0 or None: one row), at `scale`."""
    try:
        import cairocffi
        from cairosvg.surface import PDFSurface
    except ImportError:
        raise unavailable("pdf", "cairosvg", "pdf") from None
    except OSError as exc:  # cairocffi found, the cairo library not
        raise unavailable("pdf", "cairosvg", "pdf",
                          f" and the cairo library ({exc}); on Debian: apt-get install "
                          "libcairo2") from None

    class ReproduciblePDF(PDFSurface):
        def _create_surface(self, width, height):
            surface, width, height = super()._create_surface(width, height)
            stamp = _build_date()
            surface.set_metadata(cairocffi.PDF_METADATA_CREATE_DATE, stamp)
            surface.set_metadata(cairocffi.PDF_METADATA_MOD_DATE, stamp)
            surface.set_metadata(cairocffi.PDF_METADATA_TITLE, journey.title)
            return surface, width, height

    markup = without_paint_order(svg.render(journey, theme, width))
    return ReproduciblePDF.convert(markup.encode("utf-8"), scale=float(scale))


def _build_date() -> str:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
