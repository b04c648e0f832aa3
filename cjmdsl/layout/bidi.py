"""Which way a text runs: right to left (Arabic, Hebrew) or left to right.

Each text element is drawn in the direction of its first strong character, as the Unicode
bidirectional algorithm decides a paragraph's direction (rules P2 and P3) and as HTML's
`dir="auto"` does: `123 שלום` and `שלום, Maya` run right to left, `Pay with محفظة` left to
right. Within a line the renderer orders mixed runs itself; it only needs the base direction.

That direction travels in the text, not in SVG's `direction` attribute: each line of
right-to-left text is a right-to-left isolate (U+2067 … U+2069), anchored by its right
edge (`text-anchor="end"`). resvg, which draws our PNGs, ignores `direction` when it
anchors text, while Chromium and librsvg read `end` under `direction="rtl"` as the left
edge; the isolate reads the same in all of them, in Graphviz and in an HTML page.

CairoSVG (our PDFs) orders and shapes nothing: it draws letter after letter, left to right.
`in_visual_order` gives it each line as it is to be seen.
"""
from __future__ import annotations

import unicodedata

RTL, LTR = "rtl", "ltr"
_RIGHT_TO_LEFT = frozenset({"R", "AL"})
# Isolates and embeddings: the text between them does not decide the paragraph (rule P2).
_OPENERS = frozenset({"LRI", "RLI", "FSI"})


def direction(text: str) -> str:
    """`rtl` when the first strong character of `text` is right-to-left, else `ltr` (also
    for a text without any strong character, such as `123`)."""
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _OPENERS:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind == "L":
            return LTR
        elif depth == 0 and kind in _RIGHT_TO_LEFT:
            return RTL
    return LTR


RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate, pop directional isolate


def right_to_left(lines) -> tuple[str, ...]:
    """Each line as a right-to-left isolate, so any renderer gives it that base direction
    (the marks are invisible and take no room)."""
    return tuple(f"{RLI}{line}{PDI}" if line else line for line in lines)


_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")


def in_visual_order(line: str) -> str:
    """`line` as a renderer that draws letter after letter, left to right, must be given it:
    Arabic letters in their joined forms (arabic-reshaper), then the runs of the line
    reordered for its direction (right to left when it is a right-to-left isolate) with
    brackets mirrored (python-bidi, rules L1 to L4 of the bidirectional algorithm), without
    the isolate marks. Needs the `pdf` extra."""
    import arabic_reshaper
    # The Python implementation mirrors brackets (rule L4); the Rust one leaves that to the
    # renderer, which CairoSVG does not do.
    from bidi.algorithm import get_display

    base = "R" if line.startswith(RLI) else "L"
    plain = "".join(char for char in line if char not in _ISOLATES)
    return get_display(arabic_reshaper.reshape(plain), base_dir=base)
