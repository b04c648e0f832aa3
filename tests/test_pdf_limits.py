"""A PDF opens everywhere: no page side over Acrobat's 14,400 pt (issue 14). A one-page PDF
of a long map goes onto pages of the map's width instead, each with the title and legend."""
from __future__ import annotations

import io
import re

import pytest
from big_maps import generated

from cjmdsl.api import render

pytest.importorskip("cairosvg")
pytest.importorskip("pdfminer")
LIMIT = 14_400  # pt


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    from pdfminer.pdfpage import PDFPage

    return [(box[2] - box[0], box[3] - box[1])
            for box in (page.mediabox for page in PDFPage.get_pages(io.BytesIO(pdf)))]


def page_texts(pdf: bytes) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return ["".join(item.get_text() for item in page if isinstance(item, LTTextContainer))
            for page in extract_pages(io.BytesIO(pdf))]


def test_a_long_map_goes_onto_pages_no_taller_than_a_viewer_opens():
    pdf = render(generated(200), "pdf")  # about 19,800 pt tall on one page
    sizes = page_sizes(pdf)
    assert len(sizes) == 2
    assert all(width == 660 and height <= LIMIT for width, height in sizes)
    texts = page_texts(pdf)
    assert all("Generated journey, 200 touchpoints" in text for text in texts)  # the title
    assert "Touchpoint 1 of" in texts[0].replace("\n", " ")
    assert "Touchpoint 200 of" in texts[-1].replace("\n", " ")


def test_a_map_that_fits_stays_one_page_its_own_size():
    svg_height = float(re.search(r'<svg [^>]*?height="([0-9.]+)"',
                                 render(generated(10), "svg")).group(1))
    assert page_sizes(render(generated(10), "pdf")) == [
        (660, pytest.approx(svg_height * 0.75, abs=1))]
    assert page_sizes(render(generated(10), "pdf", scale=2)) == [
        (1320, pytest.approx(svg_height * 1.5, abs=1))]
