"""The map (the SVG view) as a PNG, for places that take only images.

Rasterised with resvg (the `resvg-py` package: a compiled wheel, no browser and no
system library), at `scale` pixels per SVG unit. Fonts come from the system, as for
the SVG: install Liberation Sans (or have Arial) for the text to fit its boxes, and DejaVu
Sans (or Noto Sans) for Hebrew and Arabic.
"""
from __future__ import annotations

import math
import re
import warnings

from cjmdsl.backends import BackendWarning, svg
from cjmdsl.backends._raster import for_resvg, unavailable
from cjmdsl.layout.geometry import DEFAULT_WIDTH
from cjmdsl.model import Journey
from cjmdsl.themes import Theme
from cjmdsl.themes.roles import FIXED

BINARY = True
OPTIONS = ("scale", "width", "view", "time_axis", "emotions", "persona_cards")
DEFAULT_SCALE = 2.0
# What image viewers and tools open: many stop at 32,767 px a side (browsers' canvases,
# GIMP's default, Windows' viewer), and Pillow calls a picture of more than 89.5 million
# pixels a decompression bomb. A larger scale is lowered to fit, never below 1 (the SVG's
# own size, whose text is legible at the width it was laid out for).
MOST_PIXELS_A_SIDE = 32_767
MOST_PIXELS = 89_478_485
_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


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
    return resvg_py.svg_to_bytes(svg_string=for_resvg(drawn), zoom=fitting_scale(drawn, scale))


def fitting_scale(drawn: str, scale: float) -> float:
    """`scale`, lowered (with a warning) so that the picture stays within MOST_PIXELS_A_SIDE
    and MOST_PIXELS, but never below 1."""
    found = _SIZE.search(drawn)
    if not found:
        return float(scale)
    width, height = float(found.group(1)), float(found.group(2))
    fits = min(MOST_PIXELS_A_SIDE / max(width, height), math.sqrt(MOST_PIXELS / (width * height)))
    if scale <= fits:
        return float(scale)
    chosen = max(1.0, math.floor(fits * 100) / 100)
    size = f"{round(width * chosen):,} × {round(height * chosen):,} px"
    if chosen > 1.0 or fits >= 1.0:
        warnings.warn(BackendWarning(
            f"resvg draws the PNG at scale {chosen:g} instead of {scale:g} ({size}), so that image "
            f"viewers open it (at most {MOST_PIXELS_A_SIDE:,} px a side); for a sharper "
            "picture of a map this long, use -f pdf --page A4 or --view stages"), stacklevel=2)
    else:
        warnings.warn(BackendWarning(
            f"the PNG is {size}, more than many image viewers open (at most "
            f"{MOST_PIXELS_A_SIDE:,} px a side); use -f pdf --page A4 or --view stages for a "
            "map this long"), stacklevel=2)
    return chosen
