#!/usr/bin/env python3
"""Issue 14's table, measured again: how wide each map's SVG is and how small its smallest
text is where it is embedded, and what `-f png` and `-f pdf` of the 200-touchpoint map cost.

    python bench/widths.py                 # the table and the picture figures, as Markdown
    python bench/widths.py --no-pictures   # the table only

Each map is rendered by `cjm render` (the entry point beside `sys.executable`) as the default
(laid out for 880 px) and as one row (`--width 0`, the layout before issue 14), then embedded
in a column 880 px wide (1,000 for the Confluence row) as GitHub shows an image (`max-width:
100%`) and measured in Chromium as tests/test_rows_browser.py does: the smallest text is the
smallest computed font size times the scale the page draws the SVG at. The pictures are
timed with `/usr/bin/time -v` (wall time and peak resident memory of the whole `cjm`
process). Needs the `test` extra (Playwright, Pillow, pdfminer.six) and /usr/bin/chromium;
writes nothing into the repository.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from big_maps import generated, german_bank  # noqa: E402  (tests/big_maps.py)

CJM = str(Path(sys.executable).with_name("cjm"))
CHROMIUM = "/usr/bin/chromium"
PNG_LIMIT, PDF_LIMIT = 65_535, 14_400  # px a side (many viewers), pt a side (Acrobat)
# Chromium's own measurement, as in tests/test_rows_browser.py.
MEASURE = """() => {
    const svg = document.querySelector("svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = Array.from(svg.querySelectorAll("text"),
                             t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {scale, smallest: Math.min(...sizes), texts: sizes.length};
}"""


def maps() -> list[tuple[str, str, int]]:
    """(row label, .cjm text, column width) in the issue's order."""
    examples = ROOT / "examples"
    return [("`examples/grocery-shop.cjm`", (examples / "grocery-shop.cjm").read_text("utf-8"), 880),
            ("`examples/saas-onboarding.cjm` (at 1,000 px)",
             (examples / "saas-onboarding.cjm").read_text("utf-8"), 1000),
            ("a 19-touchpoint bank map with German labels", german_bank(), 880),
            ("generated, 40 touchpoints", generated(40), 880),
            ("generated, 200 touchpoints", generated(200), 880)]


def render(source: Path, out: Path, *options: str) -> None:
    subprocess.run([CJM, "render", str(source), "-o", str(out), "--no-cache", *options],
                   check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def svg_width(svg: str) -> float:
    return float(re.search(r'<svg [^>]*?width="([0-9.]+)"', svg).group(1))


def embedded(svg: str, width: int) -> str:
    return (f"<!doctype html><html><body style='margin:0'><div style='width:{width}px'>"
            f"<style>svg{{max-width:100%;height:auto;display:block}}</style>{svg}</div>"
            "</body></html>")


def table(folder: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    rows = ["| map | SVG width, one row (`--width 0`) | smallest text, one row | "
            "SVG width, default | smallest text, default | rows of stages |",
            "|---|--:|--:|--:|--:|--:|"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        for label, text, column in maps():
            source = folder / "map.cjm"
            source.write_text(text, encoding="utf-8")
            cells = []
            for options in (["--width", "0"], ["--width", str(column)] if column != 880 else []):
                out = folder / "map.svg"
                render(source, out, *options)
                svg = out.read_text(encoding="utf-8")
                page.set_viewport_size({"width": column, "height": 900})
                page.set_content(embedded(svg, column))
                measured = page.evaluate(MEASURE)
                cells += [f"{svg_width(svg):,.0f} px", f"{measured['smallest']:.1f} px"]
            rows_drawn = svg.count('<g class="cjm-row">') or 1
            rows.append(f"| {label} | {' | '.join(cells)} | {rows_drawn} |")
        browser.close()
    return rows


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one process, from `/usr/bin/time -v`."""
    report = subprocess.run(["/usr/bin/time", "-v", *argv], check=True, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL).stderr
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", report)
    hours, minutes, seconds = (float(part or 0) for part in wall.groups())
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    return hours * 3600 + minutes * 60 + seconds, peak / 1024


def pictures(folder: Path) -> list[str]:
    from PIL import Image
    from pdfminer.pdfpage import PDFPage

    source = folder / "generated-200.cjm"
    source.write_text(generated(200), encoding="utf-8")
    lines = ["| 200 touchpoints | time | peak memory | size | within the limit |",
             "|---|--:|--:|--:|---|"]
    runs = [("`-f png`", "png", []), ("`-f png --scale 1`", "png", ["--scale", "1"]),
            ("`-f pdf`", "pdf", []), ("`-f pdf --page A4`", "pdf", ["--page", "A4"])]
    for label, format_name, options in runs:
        out = folder / f"map.{format_name}"
        seconds, mib = timed([CJM, "render", str(source), "-f", format_name, "-o", str(out),
                              "--no-cache", *options])
        if format_name == "png":
            with Image.open(out) as picture:
                width, height = picture.size
            size, fits = f"{width:,} × {height:,} px", max(width, height) <= PNG_LIMIT
        else:
            with out.open("rb") as pdf:
                boxes = [page.mediabox for page in PDFPage.get_pages(pdf)]
            largest = max(max(box[2] - box[0], box[3] - box[1]) for box in boxes)
            width, height = boxes[0][2] - boxes[0][0], boxes[0][3] - boxes[0][1]
            size = f"{len(boxes)} page{'s' * (len(boxes) > 1)} of {width:,.0f} × {height:,.0f} pt"
            fits = largest <= PDF_LIMIT
        limit = f"{PNG_LIMIT:,} px" if format_name == "png" else f"{PDF_LIMIT:,} pt"
        lines.append(f"| {label} | {seconds:.1f} s | {mib:,.0f} MiB | {size} | "
                     f"{'yes' if fits else 'NO'} (≤ {limit}) |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pictures", action="store_true", help="the table only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print("\n".join(table(Path(folder))))
        if not args.no_pictures:
            print()
            print("\n".join(pictures(Path(folder))))


if __name__ == "__main__":
    main()
