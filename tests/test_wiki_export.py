"""The map as an image for places that take only images: -f png and -f pdf."""
from __future__ import annotations

import builtins
import math
import os
import re
import struct
import subprocess
import sys

import pytest

import cjmdsl
from cjmdsl.backends import BackendUnavailable, backend
from cjmdsl.backends._raster import without_paint_order
from cjmdsl.themes import load_theme
from conftest import EXAMPLES, require_tool

SUPPORT = next(e for e in EXAMPLES if e.stem == "support-ticket")


def journey():
    return cjmdsl.parse(SUPPORT.read_text(encoding="utf-8"), SUPPORT.name)


def svg_size() -> tuple[float, float]:
    svg = cjmdsl.render(journey())
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    return float(match.group(1)), float(match.group(2))


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def needs(module: str, extra: str) -> None:
    try:
        __import__(module)
        found = True
    except (ImportError, OSError):
        found = False
    require_tool(module, found, f'pip install ".[{extra}]"')


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_png_is_the_svg_at_the_chosen_scale(scale):
    needs("resvg_py", "png")
    width, height = svg_size()
    data = backend("png").render(journey(), load_theme("default"), scale=scale)
    got = png_size(data)
    # resvg rounds the SVG's size to whole pixels (2427.38 to 2427), then zooms
    assert all(math.floor(exact) * scale - 1 <= size <= math.ceil(exact) * scale + 1
               for size, exact in zip(got, (width, height)))


def test_png_bytes_are_the_same_every_time():
    needs("resvg_py", "png")
    module = backend("png")
    assert module.render(journey(), load_theme("default")) == \
        module.render(journey(), load_theme("default"))


def test_pdf_is_one_vector_page_of_the_map_size_and_reproducible():
    needs("cairosvg", "pdf")
    module = backend("pdf")
    first = module.render(journey(), load_theme("default"))
    second = module.render(journey(), load_theme("default"))
    assert first.startswith(b"%PDF-") and first == second
    width, height = svg_size()
    [box] = re.findall(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", first)
    assert math.isclose(float(box[0]), width * 0.75, abs_tol=1)  # 96 px = 72 pt
    assert math.isclose(float(box[1]), height * 0.75, abs_tol=1)
    assert re.search(rb"/Count 1\b", first)  # one page
    assert b"/Image" not in first  # drawn as vectors and text, not a picture


def test_pdf_date_comes_from_source_date_epoch(monkeypatch):
    needs("cairosvg", "pdf")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = backend("pdf").render(journey(), load_theme("default"))
    assert b"20231114221320" in data  # cairo 1.16 leaves out the "D:" prefix


def test_cairo_gets_haloed_text_as_outline_then_fill():
    svg = ('<text x="1" fill="#2563eb" stroke="#ffffff" stroke-width="3" '
           'paint-order="stroke"><tspan>curious</tspan></text>')
    assert without_paint_order(svg) == (
        '<text x="1" fill="none" stroke="#ffffff" stroke-width="3"><tspan>curious</tspan></text>'
        '<text x="1" fill="#2563eb" stroke="none" stroke-width="3"><tspan>curious</tspan></text>')


@pytest.mark.parametrize("format_name, module, extra", [("png", "resvg_py", "png"),
                                                        ("pdf", "cairosvg", "pdf")])
def test_missing_library_is_backend_unavailable_with_an_install_hint(monkeypatch, format_name,
                                                                      module, extra):
    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name.split(".")[0] in (module, "cairocffi"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(BackendUnavailable, match=re.escape(f'pip install ".[{extra}]" in the cjmdsl checkout')):
        backend(format_name).render(journey(), load_theme("default"))


def test_cli_writes_png_and_pdf_and_scale_reaches_the_png(tmp_path):
    needs("resvg_py", "png")
    needs("cairosvg", "pdf")
    env = {**os.environ, "CJM_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", "from cjmdsl.cli import main; main()", "render",
               str(SUPPORT)]
    subprocess.run([*command, "-f", "png", "--scale", "1.5", "-o", str(tmp_path / "m.png")],
                   check=True, env=env)
    subprocess.run([*command, "-f", "pdf", "-o", str(tmp_path / "m.pdf")], check=True, env=env)
    width, _ = svg_size()
    assert abs(png_size((tmp_path / "m.png").read_bytes())[0] - width * 1.5) <= 1
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF-")


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", data)]


@pytest.mark.parametrize("page, orientation, size", [
    ("a4", "landscape", (841.89, 595.28)), ("a4", "portrait", (595.28, 841.89)),
    ("a3", "landscape", (1190.55, 841.89)), ("letter", "portrait", (612, 792))])
def test_pdf_puts_the_rows_of_stages_on_pages_of_the_paper_size(page, orientation, size):
    needs("cairosvg", "pdf")
    grocery = next(e for e in EXAMPLES if e.stem == "grocery-shop")
    data = backend("pdf").render(cjmdsl.parse(grocery.read_text(encoding="utf-8")),
                                 load_theme("default"), page=page, orientation=orientation)
    pages = pdf_pages(data)
    assert len(pages) > 1
    assert all(math.isclose(w, size[0], abs_tol=1) and math.isclose(h, size[1], abs_tol=1)
               for w, h in pages)


def test_a_big_map_paginates_within_acrobats_page_limit(tmp_path):
    """200 touchpoints: one page would be 19,000 pt tall at 880 px (Acrobat stops at 14,400);
    on A4 every page is A4."""
    needs("cairosvg", "pdf")
    from big_maps import generated

    source = tmp_path / "big.cjm"
    source.write_text(generated(200), encoding="utf-8")
    run = subprocess.run(["cjm", "render", str(source), "-f", "pdf",
                          "--page", "A4", "-o", str(tmp_path / "big.pdf")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    pages = pdf_pages((tmp_path / "big.pdf").read_bytes())
    assert len(pages) > 10
    assert max(max(size) for size in pages) < 14_400


TALL = """map "Tall" {
  persona a "Ana"
  stage s "Apply" {
    touchpoint t "Long form" {
      channel web
%s
      emotion a -1
    }
    touchpoint u "Done" { channel web emotion a 1 }
  }
}
""" % "\n".join(f'      action "Step {i}: fills in one more field of the long form"'
                for i in range(60))


def test_a_row_taller_than_the_paper_goes_on_over_sheets_at_full_size():
    """A4 landscape is 794 px tall at the paper's 1,123 px: a row of 60 actions (about 4,000
    px) is cut between lines of text onto sheets of its own size, not shrunk onto one."""
    needs("cairosvg", "pdf")
    from cjmdsl.layout.map import page_windows, pages

    journey = cjmdsl.parse(TALL)
    theme = load_theme("default")
    printed = pages(journey, theme, round(841.89 / 0.75), 595.28 / 841.89)
    sheets = []
    for page in printed:
        height = page.width * 595.28 / 841.89  # the sheet, in the page's pixels
        windows = page_windows(page, height)
        assert windows[0][0] == 0 and windows[-1][1] == page.height
        assert all(a[1] == b[0] for a, b in zip(windows, windows[1:]))  # nothing left out
        assert all(bottom - top <= height + 0.01 for top, bottom in windows)
        for _, cut in windows[:-1]:
            for block in page.text_blocks():
                step = block.box.height / len(block.lines)
                assert not any(block.box.y + i * step < cut < block.box.y + (i + 1) * step
                               for i in range(len(block.lines))), f"{cut} cuts {block.lines}"
        sheets += windows
    assert len(sheets) >= 4
    data = backend("pdf").render(journey, theme, page="a4")
    assert len(pdf_pages(data)) == len(sheets)


def test_orientation_without_a_page_and_page_for_another_format_are_usage_errors(tmp_path):
    source = tmp_path / "m.cjm"
    source.write_text(SUPPORT.read_text(encoding="utf-8"), encoding="utf-8")
    for options, message in ((["-f", "pdf", "--orientation", "portrait"],
                              "cjm: error: --orientation needs --page (the paper it turns)"),
                             (["-f", "svg", "--page", "A4"],
                              "cjm: error: --page does not apply to -f svg")):
        run = subprocess.run(["cjm", "render", str(source), *options], capture_output=True,
                             text=True)
        assert run.returncode == 2 and run.stderr.strip() == message
