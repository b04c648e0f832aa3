"""Write cjmdsl/fonts/liberation-sans.json, the font metrics cjmdsl.layout.textmetrics measures with.

The SVG themes ask for "Liberation Sans, Arial, Helvetica, sans-serif" (metric-compatible
fonts), so Liberation Sans advance widths predict how wide a browser draws a line. Reading the
fonts needs fontTools, so the metrics are extracted here, once, and the runtime stays
standard-library only.

Debian ships two releases, fonts-liberation (1.07) and fonts-liberation2 (2.1), and fontconfig
may pick either; they disagree on a few advances (U+00B7 MIDDLE DOT is wider in 2.1). We merge
them, taking the union of the cmaps and the larger value, so our widths are never narrower
than what either release draws.

Browsers kern by default. Most pairs pull glyphs together, which only makes our estimate
safely wide, but some push them apart (Cyrillic "ко", Greek "Τΐ", "r’"), so the positive pair
adjustments are kept too.

A code point that only one release maps is drawn from a fallback font where fontconfig picked
the other: the browser then draws the whole cluster (a letter and its marks) in that font. On
Debian the fallback is DejaVu Sans (fontconfig depends on it), the widest of the common sans
fallbacks, so its advances are kept where they are wider, with the code points every release
shares ("shared") and each style's missing-glyph box ("notdef", the widest of all the fonts).

Vertical metrics come from the hhea table: neither release sets USE_TYPO_METRICS, so browsers
use hhea (equal to OS/2 usWin* in these fonts), not the OS/2 typo values.

Usage: python tools/gen_font_metrics.py [--font-dir DIR ...] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONT_DIRS = ("/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}
FALLBACK_DIR = "/usr/share/fonts/truetype/dejavu"
FALLBACK_STYLES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
OUT = ROOT / "cjmdsl" / "fonts" / "liberation-sans.json"
PAIR_POSITIONING = 2
EXTENSION_POSITIONING = 9


def vertical_metrics(font: TTFont) -> dict[str, int]:
    hhea = font["hhea"]
    return {"units_per_em": font["head"].unitsPerEm, "ascent": hhea.ascent, "descent": hhea.descent}


def advances(font: TTFont) -> dict[int, int]:
    metrics = font["hmtx"].metrics
    return {codepoint: metrics[glyph][0] for codepoint, glyph in font.getBestCmap().items()}


def glyph_pairs(font: TTFont):
    """Yield (first glyph, second glyph, advance change) for every kerning pair in the font."""
    if "kern" in font:
        for table in font["kern"].kernTables:
            for (first, second), value in table.kernTable.items():
                yield first, second, value
    if "GPOS" not in font:
        return
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            lookup_type = lookup.LookupType
            if lookup_type == EXTENSION_POSITIONING:
                lookup_type, subtable = subtable.ExtensionLookupType, subtable.ExtSubTable
            if lookup_type != PAIR_POSITIONING:
                continue
            if subtable.Format != 1:
                raise SystemExit(f"class-based pair positioning (format {subtable.Format}) "
                                 "is not supported; extend glyph_pairs()")
            for first, pair_set in zip(subtable.Coverage.glyphs, subtable.PairSet):
                for record in pair_set.PairValueRecord:
                    values = (record.Value1, record.Value2)
                    change = sum(getattr(value, "XAdvance", 0) or 0 for value in values if value)
                    yield first, record.SecondGlyph, change


def positive_kerning(font: TTFont) -> dict[str, int]:
    """Pairs of characters that kerning pushes apart, keyed by the two-character string."""
    chars: dict[str, list[str]] = {}
    for codepoint, glyph in font.getBestCmap().items():
        chars.setdefault(glyph, []).append(chr(codepoint))
    kerning: dict[str, int] = {}
    for first, second, change in glyph_pairs(font):
        if change > 0:
            for pair in (a + b for a in chars.get(first, []) for b in chars.get(second, [])):
                kerning[pair] = max(change, kerning.get(pair, 0))
    return kerning


def runs(widths: dict[int, int]) -> list[list]:
    """Group consecutive codepoints as [first_codepoint, "width width ..."], to stay compact:
    a run's widths are one string, made into numbers when the run is read (a JSON list of
    numbers per run cost every run of cjm 0.5 ms and 200 KB to read)."""
    grouped: list[list[int]] = []
    for codepoint in sorted(widths):
        if grouped and grouped[-1][0] + len(grouped[-1]) - 1 == codepoint:
            grouped[-1].append(widths[codepoint])
        else:
            grouped.append([codepoint, widths[codepoint]])
    return [[first, " ".join(map(str, run))] for first, *run in grouped]


def ranges(codepoints: set[int]) -> list[list[int]]:
    """Group codepoints as [first, last] ranges."""
    grouped: list[list[int]] = []
    for codepoint in sorted(codepoints):
        if grouped and grouped[-1][1] + 1 == codepoint:
            grouped[-1][1] = codepoint
        else:
            grouped.append([codepoint, codepoint])
    return grouped


def notdef(font: TTFont) -> int:
    return font["hmtx"].metrics[font.getGlyphOrder()[0]][0]


def merge_max(merged: dict, values: dict) -> None:
    for key, value in values.items():
        merged[key] = max(value, merged.get(key, value))


def build(font_dirs: list[str]) -> dict:
    sources, vertical, widths, kerning = [], None, {}, {}
    shared, missing_box, wider_fallback, fallback_sources = {}, {}, {}, []
    for style, filename in STYLES.items():
        widths[style], kerning[style], missing_box[style] = {}, {}, 0
        for directory in font_dirs:
            font = TTFont(Path(directory) / filename)
            sources.append(f"{filename} {font['name'].getDebugName(5)}")
            if vertical is None:
                vertical = vertical_metrics(font)
            elif vertical != vertical_metrics(font):
                raise SystemExit(f"{directory}/{filename}: vertical metrics differ")
            release = advances(font)
            merge_max(widths[style], release)
            merge_max(kerning[style], positive_kerning(font))
            shared[style] = shared.get(style, set(release)) & set(release)
            missing_box[style] = max(missing_box[style], notdef(font))
        fallback = TTFont(Path(FALLBACK_DIR) / FALLBACK_STYLES[style])
        fallback_sources.append(f"{FALLBACK_STYLES[style]} {fallback['name'].getDebugName(5)}")
        if fallback["head"].unitsPerEm != vertical["units_per_em"]:
            raise SystemExit(f"{FALLBACK_STYLES[style]}: units per em differ from Liberation Sans")
        missing_box[style] = max(missing_box[style], notdef(fallback))
        wider_fallback[style] = {codepoint: width for codepoint, width in advances(fallback).items()
                                 if width > widths[style].get(codepoint, width)}
    return {
        "family": "Liberation Sans",
        "sources": sources,
        "vertical_metrics_table": "hhea",
        **vertical,
        "advances": {style: runs(merged) for style, merged in widths.items()},
        "positive_kerning": kerning,
        "shared": {style: ranges(codepoints) for style, codepoints in shared.items()},
        "notdef": missing_box,
        "fallback": {"family": "DejaVu Sans", "sources": fallback_sources,
                     "wider_advances": {style: runs(wider) for style, wider in wider_fallback.items()}},
    }


def dump(data: dict) -> str:
    """JSON with sorted keys, one run or range per line."""
    text = json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False)
    number_list = re.compile(r"\[\s*(-?\d+(?:,\s*-?\d+)*)\s*\]")
    text = number_list.sub(lambda m: "[" + re.sub(r"\s+", "", m.group(1)) + "]", text)
    run = re.compile(r'\[\s*(\d+),\s*("[\d ]*")\s*\]')
    return run.sub(lambda m: f"[{m.group(1)},{m.group(2)}]", text) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", action="append",
                        help="directory holding the Liberation Sans TTFs; repeat to merge releases "
                        "(default: Debian's liberation and liberation2)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(dump(build(args.font_dir or list(FONT_DIRS))), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
