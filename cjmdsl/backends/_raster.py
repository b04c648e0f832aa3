"""What the png and pdf exporters share: the SVG they convert, and the
message when the converting library is missing."""
from __future__ import annotations

import re

from cjmdsl.backends import BackendUnavailable
from cjmdsl.extras import install_hint

_HALO = re.compile(r'<text([^>]*?) paint-order="stroke"([^>]*)>(.*?)</text>', re.S)


def unavailable(format_name: str, module: str, extra: str, why: str = "") -> BackendUnavailable:
    return BackendUnavailable(
        f"-f {format_name} needs the Python package `{module}`{why}; install it with "
        f"{install_hint(extra)}")


def without_paint_order(svg: str) -> str:
    """The same picture for renderers that ignore `paint-order` (cairo): each haloed
    text becomes its outline drawn first and its fill drawn over it."""
    def split(match: re.Match) -> str:
        before, after, body = match.group(1), match.group(2), match.group(3)
        attributes = before + after
        outline = re.sub(r' fill="[^"]*"', ' fill="none"', attributes)
        fill = re.sub(r' stroke="[^"]*"', ' stroke="none"', attributes)
        return f"<text{outline}>{body}</text><text{fill}>{body}</text>"

    return _HALO.sub(split, svg)


_ISOLATES = re.compile("[\u2066-\u2069]")


def without_isolates(svg: str) -> str:
    """The same picture for CairoSVG, which draws text through cairo's simple text API: no
    bidirectional ordering, and a box for each invisible isolate mark that right-to-left
    lines carry (`cjmdsl.bidi`), so the marks are dropped."""
    return _ISOLATES.sub("", svg)
