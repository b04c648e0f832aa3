"""The map (the SVG view) as a PNG, for places that take only images.

Rasterised with resvg (the `resvg-py` package: a compiled wheel, no browser and no
system library), at `scale` pixels per SVG unit. Fonts come from the system, as for
the SVG: install Liberation Sans (or have Arial) for the text to fit its boxes, and DejaVu
Sans (or Noto Sans) for Hebrew and Arabic.
"""
from __future__ import annotations

from cjmdsl.backends import svg
from cjmdsl.backends._raster import for_resvg, unavailable
from cjmdsl.geometry import DEFAULT_WIDTH
from cjmdsl.model import Journey
from cjmdsl.roles import FIXED
from cjmdsl.themes import Theme

BINARY = True
OPTIONS = ("scale", "width", "view", "time_axis", "emotions", "persona_cards")
DEFAULT_SCALE = 2.0


def render(journey: Journey, theme: Theme, scale: float = DEFAULT_SCALE,
           width: float | None = DEFAULT_WIDTH, view: str = "map",
           time_axis: bool = False, emotions: str = "overlay",
           persona_cards: bool = True) -> bytes:
    """The map (or its stages `view`) laid out for `width` pixels (0 or None: one row), at
    `scale`, in the theme's fixed colours (a picture has one scheme; resvg reads CSS only in
    part)."""
    try:
        import resvg_py
    except ImportError:
        raise unavailable("png", "resvg-py", "png") from None
    drawn = svg.render(journey, theme, width, view, FIXED, time_axis=time_axis,
                       emotions=emotions, persona_cards=persona_cards)
    return resvg_py.svg_to_bytes(svg_string=for_resvg(drawn), zoom=float(scale))
