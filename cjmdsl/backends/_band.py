"""A band of a drawn map: what the PDF puts on one sheet, and the HTML page's map without the
title its own header shows."""
from __future__ import annotations

import re

from cjmdsl.backends._templates import number

_ROOT_SIZE = re.compile(r'(<svg xmlns="http://www.w3.org/2000/svg") width="[^"]*" height="[^"]*" '
                        r'viewBox="[^"]*"')


def band(drawn: str, width: float, top: float, bottom: float) -> str:
    """A drawing of `svg.draw` (`width` wide) showing only its band from `top` to `bottom`: its
    root `<svg>` sized and its viewBox cut to the band (an `<svg>` clips what lies outside)."""
    height = number(bottom - top)
    cut, found = _ROOT_SIZE.subn(f'\\1 width="{number(width)}" height="{height}" '
                                 f'viewBox="0 {number(top)} {number(width)} {height}"', drawn,
                                 count=1)
    if not found:  # the template's root element changed: this must change with it
        raise RuntimeError("the map's <svg> element has no width, height and viewBox to cut")
    return cut
