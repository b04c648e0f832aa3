"""Render one example in every built-in theme and screenshot each to docs/gallery/<theme>.png.

    python tools/gallery.py [EXAMPLE.cjm]

Needs Chromium (see tools/screenshot.py). Look at every picture before committing them.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import cjmdsl  # noqa: E402
from cjmdsl.themes import builtin_names  # noqa: E402
from screenshot import main as screenshot  # noqa: E402

GALLERY = ROOT / "docs" / "gallery"


def main(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for theme in builtin_names():
            svg = Path(folder) / f"{theme}.svg"
            svg.write_text(cjmdsl.render(text, "svg", theme=theme, filename=example.name),
                           encoding="utf-8")
            files.append(str(svg))
        screenshot(str(GALLERY), files)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "grocery-shop.cjm")
