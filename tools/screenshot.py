"""Screenshot SVG or HTML files to PNG in headless Chromium, to look at what we make.

    python tools/screenshot.py OUT_DIR FILE.svg [FILE.html ...]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def svg_size(text: str) -> tuple[int, int]:
    width = re.search(r'width="([\d.]+)"', text)
    height = re.search(r'height="([\d.]+)"', text)
    return int(float(width.group(1))) + 1, int(float(height.group(1))) + 1


def main(out_dir: str, files: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name in files:
            path = Path(name).resolve()
            width, height = (svg_size(path.read_text(encoding="utf-8"))
                             if path.suffix == ".svg" else (1440, 900))
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(path.as_uri())
            target = out / (path.stem + ".png")
            page.screenshot(path=str(target), full_page=path.suffix != ".svg")
            page.close()
            print(target)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
