#!/usr/bin/env python3
"""Write an SVG contact sheet of the built-in channel icons, optionally as PNG too.

    python tools/icon_sheet.py /tmp/icons.svg
    python tools/icon_sheet.py /tmp/icons.svg --png /tmp/icons.png
    python tools/icon_sheet.py /tmp/big.svg --sizes 16,24,48,96 --guides --png /tmp/big.png

Each channel gets one cell: its icon at every requested size (16, 24 and 48 px by
default), its canonical name and its label.  ``--guides`` outlines the 24-unit box
and the 2-unit margin behind the largest rendering, to check centring.  ``--png``
screenshots the sheet with headless Chromium (``--chromium`` to point elsewhere).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cjmdsl.channels import CHANNELS  # noqa: E402

INK = "#1f2937"
MUTED = "#6b7280"
GUIDE = "#f97316"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def icon_group(icon: str, x: float, y: float, size: float, colour: str = INK) -> str:
    """The icon fragment wrapped the way the renderer wraps it."""
    s = size / 24
    return (
        f'<g fill="none" stroke="{colour}" stroke-width="1.8" stroke-linecap="round"'
        f' stroke-linejoin="round" transform="translate({x:g} {y:g}) scale({s:g})">'
        f"{icon}</g>"
    )


def guides(x: float, y: float, size: float) -> str:
    s = size / 24
    return (
        f'<rect x="{x:g}" y="{y:g}" width="{size:g}" height="{size:g}" fill="#fff7ed"'
        f' stroke="{GUIDE}" stroke-width="0.5"/>'
        f'<rect x="{x + 2 * s:g}" y="{y + 2 * s:g}" width="{20 * s:g}" height="{20 * s:g}"'
        f' fill="none" stroke="{GUIDE}" stroke-width="0.5" stroke-dasharray="2 2"/>'
        f'<path d="M{x + 12 * s:g} {y:g} V{y + size:g} M{x:g} {y + 12 * s:g} H{x + size:g}"'
        f' stroke="{GUIDE}" stroke-width="0.3" stroke-dasharray="1 2"/>'
    )


def sheet(sizes: list[int], columns: int = 3, show_guides: bool = False) -> str:
    gap = 12
    biggest = max(sizes)
    icons_w = sum(sizes) + gap * (len(sizes) - 1)
    cell_w = max(icons_w + 24, 150) + 40
    cell_h = biggest + 52
    margin = 20
    header = 40
    rows = -(-len(CHANNELS) // columns)
    width = margin * 2 + cell_w * columns
    height = header + margin + cell_h * rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Liberation Sans, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{margin}" y="28" font-size="16" fill="{INK}">cjmdsl channel icons'
        f' ({len(CHANNELS)}; sizes {", ".join(map(str, sizes))} px)</text>',
    ]
    for i, channel in enumerate(CHANNELS.values()):
        col, row = i % columns, i // columns
        x0 = margin + col * cell_w
        y0 = header + row * cell_h
        parts.append(
            f'<rect x="{x0 + 2}" y="{y0 + 2}" width="{cell_w - 4}" height="{cell_h - 4}"'
            f' rx="6" fill="none" stroke="#e5e7eb"/>'
        )
        x = x0 + 12
        base = y0 + 10 + biggest  # icons sit on a common baseline
        for size in sizes:
            if show_guides and size == biggest:
                parts.append(guides(x, base - size, size))
            parts.append(icon_group(channel.icon, x, base - size, size))
            x += size + gap
        parts.append(
            f'<text x="{x0 + 12}" y="{base + 24}" font-size="13" fill="{INK}">'
            f'{escape(channel.name)} <tspan fill="{MUTED}">— {escape(channel.label)}</tspan></text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def screenshot(svg_path: Path, png_path: Path, chromium: str, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_ARGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png_path}",
                f"--window-size={width},{height}",
                svg_path.resolve().as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="where to write the SVG sheet")
    parser.add_argument("--sizes", default="16,24,48", help="comma-separated pixel sizes")
    parser.add_argument("--columns", type=int, default=3)
    parser.add_argument("--guides", action="store_true", help="outline the 24 box and margin")
    parser.add_argument("--png", type=Path, help="also screenshot the sheet to this PNG")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    svg = sheet(sizes, args.columns, args.guides)
    args.output.write_text(svg, encoding="utf-8")
    print(f"wrote {args.output}")
    if args.png:
        head = svg.split(">", 1)[0]
        width = int(head.split('width="', 1)[1].split('"', 1)[0])
        height = int(head.split('height="', 1)[1].split('"', 1)[0])
        screenshot(args.output, args.png, args.chromium, width, height)
        print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
