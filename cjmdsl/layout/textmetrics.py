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
from pathlib import Path

from cjmdsl.words.locales import language

LINE_HEIGHT = 1.25
"""Line advance in ems: the font's own hhea line (1.15 em) plus a little air."""

EMOJI_EM = 1.25
"""Width guessed for emoji: Noto Color Emoji advances 1.245 em, other emoji fonts less."""

FALLBACK_EM = 0.8
"""Width guessed for a letter the font lacks (Devanagari, Thai, …), or its missing-glyph box."""

ELLIPSIS = "…"
TAB_SPACES = 4
WRAPPED_KEPT = 4096  # texts whose lines `wrap` keeps: every text of a large example, several times
_ZERO_WIDTH_CATEGORIES = frozenset({"Cc", "Mn", "Me", "Cf"})
_WIDE = frozenset({"W", "F"})
_ZWJ = "\u200d"
# Marks that are default-ignorable (variation selectors, the grapheme joiner, Mongolian free
# variation selectors): browsers never draw a box for them.
_INVISIBLE_MARKS = ((0x034F, 0x034F), (0x17B4, 0x17B5), (0x180B, 0x180D), (0xFE00, 0xFE0F),
                    (0xE0100, 0xE01EF))
# The font's metrics, beside the package (a path, not importlib.resources: see
# cjmdsl.words.locales).
_FONTS = Path(__file__).resolve().parent.parent / "fonts"
# Whitespace separates words, except the no-break spaces, which glue them.
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


@functools.cache
def _font() -> dict:
    data = (_FONTS / "liberation-sans.json").read_text(encoding="utf-8")
    return json.loads(data)


@functools.cache
def _advances(bold: bool) -> dict[int, int]:
    runs = _font()["advances"]["bold" if bold else "regular"]
    return _by_code_point(runs)


def _by_code_point(runs: list[list]) -> dict[int, int]:
    """Widths by code point, from the file's runs `[first code point, "width width …"]`."""
    return {first + i: int(width) for first, widths in runs
            for i, width in enumerate(widths.split())}


@functools.cache
def _shared(bold: bool) -> frozenset[int]:
    """Code points every Liberation release draws itself, whichever one fontconfig picks."""
    ranges = _font()["shared"]["bold" if bold else "regular"]
    return frozenset(cp for first, last in ranges for cp in range(first, last + 1))


@functools.cache
def _fallback_advances(bold: bool) -> dict[int, int]:
    """Advances of code points the fallback font draws wider than Liberation does."""
    runs = _font()["fallback"]["wider_advances"]["bold" if bold else "regular"]
    return _by_code_point(runs)


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


def lacks(text: str) -> str:
    """The characters of `text` that neither Liberation Sans nor the fallback font we
    measure draws (emoji, CJK, scripts such as Devanagari), each once, in order: measured
    as a guess, and drawn from whatever fonts the reader's machine has, or as boxes."""
    if text.isascii():
        return ""
    advances, missing = _advances(False), {}
    for char in text:
        if ord(char) not in advances and not _draws_nothing(char) and char != "\t":
            missing[char] = None
    return "".join(missing)


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


def letters_width(count: int, size: float) -> float:
    """Width in px of `count` average lowercase letters at font-size `size`: the measure of
    a label sized in characters (the flow graph's cards), for `wrap`."""
    return count * _average_lowercase(False) * size / _font()["units_per_em"]


def line_height(size: float) -> float:
    """Distance in px between the baselines of consecutive lines at font-size `size`."""
    return LINE_HEIGHT * size


def ascent(size: float) -> float:
    """Height in px of the ascender (hhea) above the baseline, to place a first baseline."""
    return _font()["ascent"] * size / _font()["units_per_em"]


def wrap(text: str, max_width: float, size: float, bold: bool = False,
         max_lines: int | None = None, lang: str | None = None) -> list[str]:
    """Break `text` into lines no wider than `max_width` px; [] when there is no text.

    Words are filled greedily; runs of whitespace collapse to one space; line breaks ("\\n",
    "\\r\\n", U+2028, ...) are hard breaks, and blank lines between paragraphs are kept.
    Inside a word a line may end after a hyphen, or at a soft hyphen (drawn as `-` there and
    dropped elsewhere). A part wider than a whole line is hyphenated by the rules of `lang`
    (default: the language being written) with a visible `-`, else broken between characters
    (never inside a character and its marks), at least one per line. With `max_lines`, text
    beyond it is cut and the last line ends in an ellipsis. Work is linear in the length of
    `text`: each piece is measured once. Every backend wraps with this, so a word breaks in
    the same place on the map, the page and the flow graph.
    """
    if max_lines is not None and max_lines < 1:
        raise ValueError(f"max_lines must be at least 1, got {max_lines}")
    return list(_wrapped(text, max_width, size, bold, max_lines, lang or language()))


@functools.lru_cache(maxsize=WRAPPED_KEPT)
def _wrapped(text: str, max_width: float, size: float, bold: bool, max_lines: int | None,
             lang: str) -> tuple[str, ...]:
    """`wrap`'s lines, kept for the texts last wrapped: `cjm serve`, `watch` and the language
    server lay out the same texts again after every edit, and a map repeats a few (its lane
    names in every row, a stage's name on its header and in its plan)."""
    measure = _Measure(max_width, size, bold, lang)
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        words = [word for word in _BREAKABLE_SPACE.split(paragraph) if word.strip(_NOT_DRAWN)]
        lines.extend(_fill(words, measure) if words else [""])
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], measure)
    return tuple(lines)


class _Measure:
    """Whether text fits a line, in integer font units, so wrap() and text_width() agree."""

    def __init__(self, max_width: float, size: float, bold: bool, lang: str | None):
        self.bold, self.size, self.max_width, self.lang = bold, size, max_width, lang
        self.units_per_em = _font()["units_per_em"]

    def fits(self, units: int) -> bool:
        return units * self.size / self.units_per_em <= self.max_width

    def units(self, text: str, previous: str = "") -> tuple[int, str]:
        return _units(text, self.bold, previous)


class _Line:
    """A line being filled: its pieces, its width in font units, its last cluster's base, and
    the `-` it ends with if it is broken at the soft hyphen after its last piece."""

    def __init__(self, measure: _Measure):
        self.measure, self.pieces, self.width, self.last, self.tail = measure, [], 0, "", ""

    def try_add(self, piece: str, tail: str = "") -> bool:
        """Add `piece` if the line still fits with it (and with `tail`, were it broken after
        it); an empty line takes any piece."""
        width, last = self.measure.units(piece, self.last)
        if self.pieces and not self.measure.fits(self.width + width + self.measure.units(tail, last)[0]):
            return False
        self.pieces.append(piece)
        self.width, self.last, self.tail = self.width + width, last, tail
        return True

    def text(self, broken: bool = False) -> str:
        """The line; `broken` inside a word, it ends with its soft hyphen's `-` where that
        fits (a line too narrow for one letter has no room for it)."""
        shows_tail = broken and self.measure.fits(self.width + self.measure.units(self.tail, self.last)[0])
        return "".join(self.pieces) + (self.tail if shows_tail else "")


def _fill(words: list[str], measure: _Measure) -> list[str]:
    lines: list[str] = []
    line = _Line(measure)
    for word in words:
        for index, (part, tail) in enumerate(_word_parts(word)):
            if line.pieces and line.try_add((" " if index == 0 else "") + part, tail):
                continue
            if line.pieces:
                lines.append(line.text(broken=index > 0))
            full, line = _break_part(part, tail, measure)
            lines.extend(full)
    lines.append(line.text())
    return lines


_HYPHENS = frozenset("-\u2010")
_SOFT_HYPHEN = "\u00ad"
_NOT_DRAWN = _SOFT_HYPHEN + " \t"
_HYPHENATED_LENGTH = 64
"""Longer runs of letters are no word of any language: they are broken between characters."""


def _word_parts(word: str) -> list[tuple[str, str]]:
    """`word` split where a line may end inside it: after a hyphen between letters, and at a
    soft hyphen (which is dropped). Each part comes with what the line shows if it ends
    there: `-` at a soft hyphen, else nothing."""
    parts: list[tuple[str, str]] = []
    start = 0
    for index, char in enumerate(word):
        if char == _SOFT_HYPHEN:
            if index > start:
                parts.append((word[start:index], "-"))
            start = index + 1
        elif (char in _HYPHENS and start < index < len(word) - 1
              and word[index - 1].isalnum() and word[index + 1].isalnum()):
            parts.append((word[start:index + 1], ""))
            start = index + 1
    if start < len(word):
        parts.append((word[start:], ""))
    elif parts:
        parts[-1] = (parts[-1][0], "")
    return parts


def _break_part(part: str, tail: str, measure: _Measure) -> tuple[list[str], _Line]:
    """`part` of a word started on a new line: the full lines it takes, and the line it
    leaves to fill on. Where it is wider than a line it is hyphenated, else broken between
    characters."""
    lines: list[str] = []
    points: tuple[int, ...] | None = None
    start = 0
    while True:
        rest = _Line(measure)
        rest.try_add(part[start:], tail)
        if measure.fits(rest.width + measure.units(tail, rest.last)[0]):
            return lines, rest
        if points is None:
            points = _hyphenation_points(part, measure) if len(part) <= _HYPHENATED_LENGTH else ()
        point = next((p for p in reversed(points) if p > start
                      and measure.fits(measure.units(part[start:p] + "-")[0])), None)
        if point is None:
            *full, rest = _break_between_characters(part[start:], tail, measure)
            if points and full:  # the rest may hyphenate again
                lines.extend(line.text() for line in full[:1])
                start += len(full[0].text())
                continue
            return [*lines, *(line.text() for line in full)], rest
        lines.append(part[start:point] + "-")
        start = point


def _hyphenation_points(part: str, measure: _Measure) -> tuple[int, ...]:
    """Where `part` may be hyphenated in the language of its text (none without rules)."""
    dictionary = _hyphenator(measure.lang)
    if dictionary is None:
        return ()
    letters = re.search(r"\w+", part)  # punctuation around a word is no syllable
    if letters is None:
        return ()
    return tuple(letters.start() + p for p in dictionary.positions(letters.group()))


@functools.cache
def _hyphenator(lang: str):
    """The hyphenation dictionary of `lang` (pyphen, imported only when a word is too long
    for its line), or None for a language without one."""
    import pyphen

    found = pyphen.language_fallback(lang.replace("-", "_"))
    return pyphen.Pyphen(lang=found) if found else None


def _break_between_characters(word: str, tail: str, measure: _Measure) -> list[_Line]:
    """`word` as lines that each fit, except a single character too wide for any line; the
    last keeps `tail` (what it shows if broken at a soft hyphen after it)."""
    lines = [_Line(measure)]
    for cluster in _clusters(word):
        if not lines[-1].try_add(cluster):
            lines.append(_Line(measure))
            lines[-1].try_add(cluster)
    lines[-1].tail = tail
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
