"""What the png and pdf exporters share: the SVG they convert, and the
message when the converting library is missing."""
from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import escape

from cjmdsl.backends import BackendUnavailable
from cjmdsl.layout.bidi import in_visual_order
from cjmdsl.runtime.extras import install_hint

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




FALLBACK_FAMILIES = ("DejaVu Sans", "Noto Sans", "Noto Sans Hebrew", "Noto Sans Arabic",
                     "Arial Unicode MS", "Arial")
"""Proportional fonts that draw what the map's font lacks (Hebrew and Arabic, which
Liberation Sans 1.x has not), first found first: DejaVu Sans is the fallback the text was
measured with (`cjmdsl.layout.textmetrics`)."""

_HEBREW_ARABIC = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LINE_TEXT = re.compile(r"(<tspan [^>]*)>([^<]*)(</tspan>)")


def for_resvg(svg: str) -> str:
    """The same picture for resvg, which draws a letter its font lacks, and then the rest of
    its line, from the first font it finds that has it (DejaVu Sans Mono, or a bold face in
    a plain text): each line with Hebrew or Arabic is drawn in the first of FALLBACK_FAMILIES
    the machine has, as a browser falls back and as the line was measured (at the wider of
    Liberation's and DejaVu's advances). A line with Arabic is upright, italic or not: DejaVu
    Sans Oblique has no Arabic (and Arabic no italics), and a line with a letter its face
    lacks goes wrong as above."""
    if not _HEBREW_ARABIC.search(svg):
        return svg
    families = escape(", ".join((*FALLBACK_FAMILIES, "sans-serif")))

    def line(found: re.Match) -> str:
        start, text, end = found.groups()
        if not _HEBREW_ARABIC.search(text):
            return found.group(0)
        upright = ' font-style="normal"' if _ARABIC.search(text) else ""
        return f'{start} font-family="{families}"{upright}>{text}{end}'

    return _LINE_TEXT.sub(line, svg)


_TEXT = re.compile(r"<text([^>]*)>(.*?)</text>", re.S)
_LINE = re.compile(r'<tspan x="([^"]*)" y="([^"]*)">([^<]*)</tspan>')
_ATTRIBUTE = re.compile(r' ([a-z-]+)="([^"]*)"')
_ROOT_FAMILY = re.compile(r'<svg [^>]*?font-family="([^"]*)"')
_NEEDS_ORDER = frozenset({"R", "AL", "AN", "RLI", "LRI", "FSI", "PDI"})


def for_cairo(svg: str) -> str:
    """The same picture for CairoSVG, which draws each text in the first font of its list
    through cairo's simple text API, letter after letter, left to right: no bidirectional
    ordering, no Arabic shaping, no fallback font for a letter the font lacks (a box), and a
    box for each invisible isolate mark of a right-to-left line (`cjmdsl.layout.bidi`). Each line
    that needs it is given in visual order (`in_visual_order`), cut into runs of one font
    each (the map's font, or the first of FALLBACK_FAMILIES that has the letters), the runs
    placed one after the other from where the line's anchor puts the whole line."""
    import cairocffi

    root = _ROOT_FAMILY.search(svg)
    fonts = _CairoFonts(cairocffi, _first_family(root.group(1) if root else "sans-serif"))
    return _TEXT.sub(fonts.text, without_paint_order(svg))


def _first_family(family: str) -> str:
    """The font CairoSVG draws with: the first of the list, unquoted."""
    return html.unescape(family).split(",")[0].strip("\"' ")


class _CairoFonts:
    """Cairo's fonts as CairoSVG picks them (family, bold from weight 550, slant), measured
    as CairoSVG advances: letter by letter, without hinting, as on a PDF page."""

    def __init__(self, cairo, family: str):
        self.cairo, self.family = cairo, family
        self.context = cairo.Context(cairo.ImageSurface(cairo.FORMAT_A8, 1, 1))
        options = cairo.FontOptions()
        options.set_hint_metrics(cairo.HINT_METRICS_OFF)
        options.set_hint_style(cairo.HINT_STYLE_NONE)
        self.context.set_font_options(options)
        self.glyphs, self.advances = {}, {}

    def text(self, match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        weight = attributes.get("font-weight", "normal")
        bold = weight == "bold" or (weight.isdigit() and int(weight) >= 550)
        style = (bold, attributes.get("font-style") in ("italic", "oblique"),
                 float(attributes.get("font-size", "12")))
        family = _first_family(attributes.get("font-family", self.family))
        anchor = attributes.get("text-anchor", "start")

        def line(found: re.Match) -> str:
            text = html.unescape(found.group(3))
            if not any(unicodedata.bidirectional(char) in _NEEDS_ORDER for char in text) and all(
                    self._draws(family, style, char) for char in text):
                return found.group(0)
            return self._runs(in_visual_order(text), float(found.group(1)), found.group(2),
                              anchor, family, style)

        return f"<text{match.group(1)}>{_LINE.sub(line, match.group(2))}</text>"

    def _runs(self, text, x, y, anchor, family, style) -> str:
        runs = []  # [(family, style), letters]
        for char in text:
            font = self._font_for(char, family, style)
            if runs and (font == runs[-1][0] or not _has_ink(char)):
                runs[-1][1] += char
            else:
                runs.append([font, char])
        widths = [sum(self._advance(*font, char) for char in letters) for font, letters in runs]
        left = x - {"middle": sum(widths) / 2, "end": sum(widths)}.get(anchor, 0)
        drawn = []
        for ((font, font_style), letters), width in zip(runs, widths):
            upright = ' font-style="normal"' if font_style[1] != style[1] else ""
            drawn.append(f'<tspan x="{left:.2f}" y="{y}" text-anchor="start" '
                         f'font-family="{escape(font)}"{upright}>{escape(letters)}</tspan>')
            left += width
        return "".join(drawn)

    def _font_for(self, char, family, style):
        """The map's font when it has `char`, else the first fallback that has it, in the
        text's style or else upright (DejaVu Sans Oblique has no Arabic)."""
        upright = (style[0], False, style[2])
        for font in ((family, style), *((other, style) for other in FALLBACK_FAMILIES),
                     *((other, upright) for other in FALLBACK_FAMILIES if style[1])):
            if self._draws(*font, char):
                return font
        return family, style

    def _select(self, family, style):
        bold, italic, size = style
        cairo = self.cairo
        self.context.select_font_face(
            family, cairo.FONT_SLANT_ITALIC if italic else cairo.FONT_SLANT_NORMAL,
            cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
        self.context.set_font_size(size)

    def _draws(self, family, style, char) -> bool:
        """Whether cairo's font for `family` has a glyph for `char` (glyph 0 is the box)."""
        key = (family, style[:2], char)
        if key not in self.glyphs:
            self._select(family, style)
            glyphs = self.context.get_scaled_font().text_to_glyphs(0, 0, char, False)
            self.glyphs[key] = not _has_ink(char) or all(glyph[0] for glyph in glyphs)
        return self.glyphs[key]

    def _advance(self, family, style, char) -> float:
        key = (family, style, char)
        if key not in self.advances:
            self._select(family, style)
            self.advances[key] = self.context.text_extents(char)[4]
        return self.advances[key]


def _has_ink(char: str) -> bool:
    """Spaces, marks and controls go with the run they are in: they need no font of their own."""
    return not (char.isspace() or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"))
