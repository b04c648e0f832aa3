"""Right-to-left text (Hebrew, Arabic) is drawn in its own direction, inside its box.

A text runs right to left when its first strong character does (`cjmdsl.layout.bidi`); each of its
lines is then a right-to-left isolate anchored at the right edge of the block's box. The
browser checks load the rendered map in Chromium and measure each drawn line.
"""
from __future__ import annotations

import io
import math
import re
import unicodedata
import zlib
from pathlib import Path

import pytest
from conftest import ARTIFACTS
from test_golden import GOLDEN, check_golden

from cjmdsl.api import parse, render
from cjmdsl.backends.pdf import POINTS_PER_PIXEL
from cjmdsl.layout.bidi import PDI, RLI, direction, in_visual_order
from cjmdsl.layout.map import DEFAULT_WIDTH, layout
from cjmdsl.themes import load_theme

MAP = Path(__file__).resolve().parent / "fixtures" / "right-to-left.cjm"
TOLERANCE = 0.5
INK = 2  # px a glyph's cell may reach past its advance; a card's padding is wider


@pytest.mark.parametrize("text, expected", [
    ("שלום עולם", "rtl"),
    ("مرحبا بالعالم", "rtl"),
    ("Pay with محفظة today", "ltr"),  # a Latin label with an Arabic word
    ("محفظة for Apple Pay", "rtl"),  # an Arabic label with Latin words
    ("123 שלום", "rtl"),  # digits are weak: the Hebrew word decides
    ("“שלום”, 3 ימים", "rtl"),
    ("2026-09 · 45%", "ltr"),  # no strong character at all
    ("", "ltr"),
    ("\u2066abc\u2069 שלום", "rtl"),  # what an isolate holds does not decide
    ("Checkout", "ltr"),
])
def test_direction_follows_the_first_strong_character(text, expected):
    assert direction(text) == expected


def rtl_map(width=DEFAULT_WIDTH):
    journey = parse(MAP.read_text(encoding="utf-8"), MAP.name)
    theme = load_theme("default")
    return journey, theme, layout(journey, theme, width)


def test_right_to_left_lines_are_isolates_anchored_at_the_right_edge():
    _, _, geometry = rtl_map(width=420)  # narrow columns, so a card's text wraps
    blocks = {block.lines[0]: block for block in geometry.text_blocks()}
    name = blocks[f"{RLI}רואה מודעה באינסטגרם{PDI}"]
    assert (name.anchor, name.x) == ("end", name.box.right)
    wrapped = next(b for b in blocks.values() if b.lines[0].startswith(f"{RLI}לוחצת"))
    assert len(wrapped.lines) > 1 and all(line.startswith(RLI) and line.endswith(PDI)
                                         for line in wrapped.lines)
    latin = blocks["Pays with محفظة in the app"]  # mixed, Latin first: left to right
    assert (latin.anchor, latin.x) == ("start", latin.box.x)
    stage = blocks[f"{RLI}גילוי{PDI}"]  # a centred text stays centred
    assert stage.anchor == "middle"


def test_right_to_left_map_matches_its_golden(regen_golden):
    text = MAP.read_text(encoding="utf-8")
    check_golden(GOLDEN / "right-to-left.svg", render(text, "svg", filename=MAP.name),
                 regen_golden)


MEASURE = """() => Array.from(document.querySelectorAll("svg text tspan"), t => {
    const box = t.getBBox(), n = t.getNumberOfChars();
    const first = n > 2 ? t.getExtentOfChar(1) : box;  // the first letter after the isolate
    return {text: t.textContent, x: Number(t.getAttribute("x")),
            y: Number(t.getAttribute("y")), left: box.x, right: box.x + box.width,
            top: box.y, bottom: box.y + box.height,
            first_left: first.x, first_right: first.x + first.width};
})"""


@pytest.mark.browser
def test_right_to_left_labels_stay_inside_their_cards_in_chromium(page, tmp_path):
    journey, theme, geometry = rtl_map()
    svg_file = tmp_path / "rtl.svg"
    svg_file.write_text(render(MAP.read_text(encoding="utf-8"), "svg", filename=MAP.name),
                        encoding="utf-8")
    page.set_viewport_size({"width": math.ceil(geometry.width),
                            "height": math.ceil(geometry.height)})
    page.goto(svg_file.as_uri())
    drawn = page.evaluate(MEASURE)
    blocks = {(round(b.x, 2), round(y, 2)): b for b in geometry.text_blocks()
              for y in b.baselines}
    right_to_left = [line for line in drawn if line["text"].startswith(RLI)]
    assert len(right_to_left) >= 15
    problems = []
    for line in right_to_left:
        block = blocks[(round(line["x"], 2), round(line["y"], 2))]
        box = block.box
        # The glyphs' cells may lean past their advance (italic) by less than a card's padding.
        if line["left"] < box.x - INK or line["right"] > box.right + INK:
            problems.append(f"{line['text']!r} drawn {line['left']:.1f}..{line['right']:.1f}, "
                            f"outside its box {box.x:.1f}..{box.right:.1f}")
        if block.anchor == "end" and abs(line["right"] - box.right) > INK:
            problems.append(f"{line['text']!r} ends at {line['right']:.1f}, not at the box's "
                            f"right edge {box.right:.1f}")
        if line["first_right"] < line["right"] - 1 - (line["right"] - line["left"]) / 2:
            problems.append(f"{line['text']!r} starts on the left: drawn left to right")
        for other in drawn:
            if blocks.get((round(other["x"], 2), round(other["y"], 2))) is block:
                continue  # the lines of one block touch: their cells are taller than a line
            if (line["left"] < other["right"] - TOLERANCE
                    and other["left"] < line["right"] - TOLERANCE
                    and line["top"] < other["bottom"] - TOLERANCE
                    and other["top"] < line["bottom"] - TOLERANCE):
                problems.append(f"{line['text']!r} overlaps {other['text']!r}")
    assert problems == [], "\n".join(problems)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "right-to-left.png"))  # for people to look at


def test_flow_view_draws_right_to_left_labels_as_isolates():
    dot = render(MAP.read_text(encoding="utf-8"), "dot", filename=MAP.name)
    assert f"{RLI}רואה מודעה באינסטגרם{PDI}" in dot
    assert f"{RLI}Ads and comparison" not in dot  # an English pain stays left to right


@pytest.mark.browser
def test_html_page_aligns_right_to_left_cells_right(page, tmp_path):
    html_file = tmp_path / "rtl.html"
    html_file.write_text(render(MAP.read_text(encoding="utf-8"), "html", filename=MAP.name),
                         encoding="utf-8")
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(html_file.as_uri())
    margins = page.evaluate("""() => Array.from(document.querySelectorAll("td"))
        .filter(cell => cell.offsetParent && !cell.querySelector("svg"))
        .map(cell => { const range = document.createRange(); range.selectNodeContents(cell);
            const text = range.getBoundingClientRect(), box = cell.getBoundingClientRect();
            return {text: cell.textContent, left: text.left - box.left,
                    right: box.right - text.right}; })""")
    hebrew = next(m for m in margins if m["text"] == "רואה מודעה באינסטגרם")
    english = next(m for m in margins if m["text"].startswith("Ads and comparison"))
    assert hebrew["right"] < hebrew["left"]
    assert english["left"] < english["right"]



def pdf_texts(pdf: bytes) -> bytes:
    """The PDF's streams, inflated: the fonts' ToUnicode maps name each character drawn."""
    texts = []
    for found in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            texts.append(zlib.decompress(found.group(1)))
        except zlib.error:
            texts.append(found.group(1))
    return b"\n".join(texts).upper()


def test_pdf_draws_no_glyph_for_the_invisible_isolate_marks():
    """CairoSVG draws a box for each U+2067 / U+2069 it is given."""
    pytest.importorskip("cairosvg")
    drawn = pdf_texts(render(MAP.read_text(encoding="utf-8"), "pdf", filename=MAP.name))
    assert b"05E9" in drawn  # the Hebrew letters are drawn (ש)
    assert b"2067" not in drawn and b"2069" not in drawn


@pytest.mark.parametrize("line, expected", [
    (f"{RLI}(שלום) abc{PDI}", "abc (םולש)"),  # runs reordered, the brackets mirrored
    (f"{RLI}123 שלום{PDI}", "םולש 123"),  # digits keep their order, on the right
    ("Pays with محفظة", "Pays with ﺔﻈﻔﺤﻣ"),  # left to right; Arabic joined and reversed
    ("Checkout", "Checkout"),
])
def test_lines_in_visual_order_for_renderers_that_draw_left_to_right(line, expected):
    pytest.importorskip("bidi")
    assert in_visual_order(line) == expected


def glyphs(item):
    """The glyphs pdfminer found in a page (or any part of one)."""
    from pdfminer.layout import LTChar

    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from glyphs(child)


def pdf_lines(pdf: bytes) -> list[str]:
    """Each run of glyphs on one baseline, left to right as drawn (pdfminer): no spaces,
    which CairoSVG does not draw, and Arabic's joined forms as the letters they are."""
    from pdfminer.high_level import extract_pages

    rows = {}
    for number, page in enumerate(extract_pages(io.BytesIO(pdf))):
        for glyph in glyphs(page):
            rows.setdefault((number, round(glyph.matrix[5], 1)), []).append(glyph)
    lines = []
    for row in rows.values():
        row.sort(key=lambda glyph: glyph.x0)
        line = [row[0]]
        for glyph in row[1:]:
            if glyph.x0 - line[-1].x1 > 2 * glyph.size:  # another card
                lines.append(line)
                line = []
            line.append(glyph)
        lines.append(line)
    return ["".join(unicodedata.normalize("NFKC", glyph.get_text()) for glyph in line)
            for line in lines]


def reading_right_to_left(text: str) -> str:
    """`text` without spaces, as a left-to-right reading of its drawing finds it: its letters
    reversed, each of Arabic's ligatures (lam-alef) one glyph that reads in its own order."""
    import arabic_reshaper

    return "".join(unicodedata.normalize("NFKC", char) for char in reversed(
        arabic_reshaper.reshape(text)) if not char.isspace())


@pytest.mark.parametrize("options", [{}, {"page": "A4"}], ids=["one page", "A4 pages"])
def test_pdf_draws_right_to_left_text_in_reading_order(options):
    """CairoSVG draws letter after letter, left to right, in the first font of the list:
    the PDF backend gives it each line in visual order, Arabic joined, from a font that has
    the letters (a missing glyph reads back as another letter, so this fails too)."""
    for module in ("cairosvg", "bidi", "arabic_reshaper", "pdfminer"):
        pytest.importorskip(module)
    drawn = pdf_lines(render(MAP.read_text(encoding="utf-8"), "pdf", filename=MAP.name,
                             **options))
    for label in ("רואה מודעה באינסטגרם", "דנה, אם עובדת", "גילוי", "عمر، طالب",
                  "يدفع عبر التطبيق", "الدفع", "أرخص سلة للأسبوع"):
        assert reading_right_to_left(label) in drawn, label
    # A Latin line with an Arabic word: left to right, the word right to left inside it.
    assert "Payswith" + reading_right_to_left("محفظة") + "intheapp" in drawn
    # A Hebrew line that starts with digits: they stand on the right, in their own order.
    thought = next(line for line in drawn if line.endswith("123"))
    assert thought == reading_right_to_left("שלום, האם זה באמת זול יותר?") + "123"


def test_png_draws_hebrew_and_arabic_from_the_fallback_fonts_not_resvgs_first_find(
        monkeypatch, capfd):
    """resvg's own fallback takes the first font it finds with the letter (DejaVu Sans Mono
    here) and redraws the rest of the line in it; it logs each time it falls back."""
    resvg_py = pytest.importorskip("resvg_py")
    convert = resvg_py.svg_to_bytes
    monkeypatch.setattr(resvg_py, "svg_to_bytes",
                        lambda **options: convert(**options, log_information=True))
    capfd.readouterr()
    picture = render(MAP.read_text(encoding="utf-8"), "png", filename=MAP.name)
    assert picture.startswith(b"\x89PNG")
    logged = capfd.readouterr().out
    assert "Fallback" not in logged, logged


def test_pdf_right_to_left_lines_end_at_their_anchor_inside_their_box():
    """The PDF backend places each run of a reordered line itself (CairoSVG would anchor
    each run on its own): the line's right edge is the anchor, its left edge in the box."""
    for module in ("cairosvg", "bidi", "arabic_reshaper", "pdfminer"):
        pytest.importorskip(module)
    from pdfminer.high_level import extract_pages

    _, _, geometry = rtl_map()
    page = next(iter(extract_pages(io.BytesIO(
        render(MAP.read_text(encoding="utf-8"), "pdf", filename=MAP.name)))))
    baselines = {}
    for glyph in glyphs(page):
        baseline = round((page.height - glyph.matrix[5]) / POINTS_PER_PIXEL, 1)
        baselines.setdefault(baseline, []).append(glyph)
    checked = 0
    for block in geometry.text_blocks():
        if block.anchor != "end" or not block.lines[0].startswith(RLI):
            continue
        for baseline in block.baselines:
            drawn = [glyph for glyph in baselines.get(round(baseline, 1), [])
                     if block.box.x - INK <= glyph.x0 / POINTS_PER_PIXEL <= block.box.right + INK]
            assert drawn, block.lines
            right = max(glyph.x1 for glyph in drawn) / POINTS_PER_PIXEL
            left = min(glyph.x0 for glyph in drawn) / POINTS_PER_PIXEL
            assert abs(right - block.x) < 1 and left >= block.box.x - INK, block.lines
            checked += 1
    assert checked >= 12
