"""Measure and wrap text with Liberation Sans metrics, so SVG text never overflows its box.

The themes set font-family "Liberation Sans, Arial, Helvetica, sans-serif"; the three are
metric-compatible, so the sum of Liberation Sans advance widths predicts a browser's line
width. Browsers also kern: we add the few pairs that kerning pushes apart and ignore those it
pulls together, so our estimates err wide, never narrow. Widths are summed in integer font
units and scaled once, so wrap() and text_width() agree exactly on whether a line fits.

Fonts differ by machine: Debian's two Liberation releases map different code points, and a
browser draws a letter whose marks its font lacks, with the marks, from a fallback font. Such
a cluster is measured at the wider of Liberation's and the fallback's (DejaVu Sans) advance,
and a mark that no font we know has is counted as a missing-glyph box, which is what a reader
without it sees.

The metrics come from fonts/liberation-sans.json (see tools/gen_font_metrics.py), loaded on
first use.
"""
from __future__ import annotations

import functools
import json
import math
import re
import string
import unicodedata
from collections.abc import Callable
from importlib.resources import files

LINE_HEIGHT = 1.25
"""Line advance in ems: the font's own hhea line (1.15 em) plus a little air."""

EMOJI_EM = 1.25
"""Width guessed for emoji: Noto Color Emoji advances 1.245 em, other emoji fonts less."""

FALLBACK_EM = 0.8
"""Width guessed for a letter the font lacks (Devanagari, Thai, …), or its missing-glyph box."""

ELLIPSIS = "…"
TAB_SPACES = 4
_ZERO_WIDTH_CATEGORIES = frozenset({"Cc", "Mn", "Me", "Cf"})
_WIDE = frozenset({"W", "F"})
_ZWJ = "\u200d"
# Marks that are default-ignorable (variation selectors, the grapheme joiner, Mongolian free
# variation selectors): browsers never draw a box for them.
_INVISIBLE_MARKS = ((0x034F, 0x034F), (0x17B4, 0x17B5), (0x180B, 0x180D), (0xFE00, 0xFE0F),
                    (0xE0100, 0xE01EF))
# Whitespace separates words, except the no-break spaces, which glue them.
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


@functools.cache
def _font() -> dict:
    data = files("cjmdsl.fonts").joinpath("liberation-sans.json").read_text(encoding="utf-8")
    return json.loads(data)


@functools.cache
def _advances(bold: bool) -> dict[int, int]:
    runs = _font()["advances"]["bold" if bold else "regular"]
    return {first + i: width for first, *widths in runs for i, width in enumerate(widths)}


@functools.cache
def _shared(bold: bool) -> frozenset[int]:
    """Code points every Liberation release draws itself, whichever one fontconfig picks."""
    ranges = _font()["shared"]["bold" if bold else "regular"]
    return frozenset(cp for first, last in ranges for cp in range(first, last + 1))


@functools.cache
def _fallback_advances(bold: bool) -> dict[int, int]:
    """Advances of code points the fallback font draws wider than Liberation does."""
    runs = _font()["fallback"]["wider_advances"]["bold" if bold else "regular"]
    return {first + i: width for first, *widths in runs for i, width in enumerate(widths)}


@functools.cache
def _positive_kerning(bold: bool) -> dict[str, int]:
    return _font()["positive_kerning"]["bold" if bold else "regular"]


@functools.cache
def _average_lowercase(bold: bool) -> int:
    """The average lowercase advance: the least we guess for a character the font lacks."""
    advances = _advances(bold)
    return math.ceil(sum(advances[ord(c)] for c in string.ascii_lowercase) / 26)


def _is_zero_width(char: str) -> bool:
    """Controls, combining marks, joiners and variation selectors take no room of their own."""
    return unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES or bool(unicodedata.combining(char))


def _char_units(char: str, bold: bool) -> int:
    """Width of `char` where the browser may draw it from Liberation or from a fallback font."""
    advances = _advances(bold)
    if char == "\t":
        return TAB_SPACES * advances[ord(" ")]
    width = advances.get(ord(char))
    if width is not None:
        return max(width, _fallback_advances(bold).get(ord(char), 0))
    if _is_zero_width(char):
        # Controls and joiners draw nothing; a mark no font we know has is a missing-glyph box.
        return _font()["notdef"]["bold" if bold else "regular"] if _is_mark(char) else 0
    em = _font()["units_per_em"]
    if unicodedata.category(char) == "So":  # emoji and pictographs: colour emoji run ~1.25 em
        return math.ceil(em * EMOJI_EM)
    if unicodedata.east_asian_width(char) in _WIDE:
        return em
    # A script the font lacks is drawn from another font: guess wide, so text still fits.
    return max(_average_lowercase(bold), math.ceil(em * FALLBACK_EM))


def _draws_nothing(char: str) -> bool:
    """Controls, joiners, bidi marks and variation selectors: no glyph, so no fallback font."""
    if char == "\t":
        return False
    return unicodedata.category(char) in ("Cc", "Cf") or (_is_zero_width(char) and not _is_mark(char))


def _is_mark(char: str) -> bool:
    """A combining mark that is drawn; variation selectors and the like never are."""
    return (unicodedata.category(char) in ("Mn", "Me")
            and not any(first <= ord(char) <= last for first, last in _INVISIBLE_MARKS))


@functools.cache
def _plain_advances(bold: bool) -> dict[str, int]:
    """Characters measured by their advance alone: not marks, never kerned apart from the previous."""
    kerned_apart = {pair[1] for pair in _positive_kerning(bold)}
    shared = _shared(bold)
    return {chr(cp): width for cp, width in _advances(bold).items()
            if cp in shared and chr(cp) not in kerned_apart and not _is_zero_width(chr(cp))}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of `text` drawn on one line at font-size `size`."""
    return _units(text, bold, "")[0] * size / _font()["units_per_em"]


def _units(text: str, bold: bool, previous: str) -> tuple[int, str]:
    """Width in font units of `text` drawn right after a cluster whose base is `previous`
    ("" at the start of a line), and the base of its own last cluster: a line measured
    piece by piece sums to the width of the whole, so wrapping stays linear."""
    try:  # the common case, several times faster; such characters are never kerned apart
        return sum(map(_plain_advances(bold).__getitem__, text)), text[-1:] or previous
    except KeyError:
        return _shaped_units(text, bold, previous)


def _shaped_units(text: str, bold: bool, previous: str = "") -> tuple[int, str]:
    advances, kerning, shared = _advances(bold), _positive_kerning(bold), _shared(bold)
    total = 0
    for cluster in _clusters(text):
        if len(cluster) > 1:
            # Like the browser's shaper, draw a letter and its marks as one glyph when the font
            # has it: "i" + U+0308 is drawn as the wider "ï".
            composed = unicodedata.normalize("NFC", cluster)
            if ord(composed[0]) in advances:
                cluster = composed
        if all(ord(char) in shared or _draws_nothing(char) for char in cluster):
            # Liberation draws it, whichever release: its own advances and kerning.
            total += sum(advances.get(ord(char), 0) for char in cluster) + kerning.get(previous + cluster[0], 0)
        else:
            total += sum(_char_units(char, bold) for char in cluster)
        previous = cluster[0]
    return total, previous


def line_height(size: float) -> float:
    """Distance in px between the baselines of consecutive lines at font-size `size`."""
    return LINE_HEIGHT * size


def ascent(size: float) -> float:
    """Height in px of the ascender (hhea) above the baseline, to place a first baseline."""
    return _font()["ascent"] * size / _font()["units_per_em"]


def wrap(text: str, max_width: float, size: float, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """Break `text` into lines no wider than `max_width` px; [] when there is no text.

    Words are filled greedily; runs of whitespace collapse to one space; line breaks ("\\n",
    "\\r\\n", U+2028, ...) are hard breaks, and blank lines between paragraphs are kept. A word
    wider than a line is broken between characters (never inside a character and its marks),
    at least one character per line. With `max_lines`, text beyond it is cut and the last line
    ends in an ellipsis. Work is linear in the length of `text`: each piece is measured once.
    """
    if max_lines is not None and max_lines < 1:
        raise ValueError(f"max_lines must be at least 1, got {max_lines}")
    measure = _Measure(max_width, size, bold)
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        words = [word for word in _BREAKABLE_SPACE.split(paragraph) if word.strip()]
        lines.extend(_fill(words, measure) if words else [""])
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], measure)
    return lines


class _Measure:
    """Whether text fits a line, in integer font units, so wrap() and text_width() agree."""

    def __init__(self, max_width: float, size: float, bold: bool):
        self.bold, self.size, self.max_width = bold, size, max_width
        self.units_per_em = _font()["units_per_em"]

    def fits(self, units: int) -> bool:
        return units * self.size / self.units_per_em <= self.max_width

    def units(self, text: str, previous: str = "") -> tuple[int, str]:
        return _units(text, self.bold, previous)


class _Line:
    """A line being filled: its pieces, its width in font units and its last cluster's base."""

    def __init__(self, measure: _Measure):
        self.measure, self.pieces, self.width, self.last = measure, [], 0, ""

    def try_add(self, piece: str) -> bool:
        """Add `piece` if the line still fits with it; an empty line takes any piece."""
        width, last = self.measure.units(piece, self.last)
        if self.pieces and not self.measure.fits(self.width + width):
            return False
        self.pieces.append(piece)
        self.width, self.last = self.width + width, last
        return True

    def text(self) -> str:
        return "".join(self.pieces)


def _fill(words: list[str], measure: _Measure) -> list[str]:
    lines: list[str] = []
    line = _Line(measure)
    for word in words:
        if line.pieces and line.try_add(" " + word):
            continue
        if line.pieces:
            lines.append(line.text())
            line = _Line(measure)
        *full, line = _break_word(word, measure)
        lines.extend(full.text() for full in full)
    lines.append(line.text())
    return lines


def _break_word(word: str, measure: _Measure) -> list[_Line]:
    """`word` as lines that each fit, except a single character too wide for any line."""
    lines = [_Line(measure)]
    for cluster in _clusters(word):
        if not lines[-1].try_add(cluster):
            lines.append(_Line(measure))
            lines[-1].try_add(cluster)
    return lines


def _ellipsize(line: str, measure: _Measure) -> str:
    """The longest start of `line` that fits with an ellipsis after it."""
    clusters = _clusters(line)
    kept, width, last = 0, 0, ""
    for count, cluster in enumerate(clusters, 1):
        added, last = measure.units(cluster, last)
        width += added
        if not cluster.isspace() and measure.fits(width + measure.units(ELLIPSIS, last)[0]):
            kept = count
    return "".join(clusters[:kept]) + ELLIPSIS


def _clusters(text: str) -> list[str]:
    """Split `text` into characters with their marks and joined emoji, which a break must keep.
    A joiner before a space joins nothing: the space starts a cluster of its own."""
    clusters: list[str] = []
    for char in text:
        if clusters and (_is_zero_width(char) or (clusters[-1].endswith(_ZWJ) and not char.isspace())):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters
