"""Texts of a map that its font cannot draw: W121.

The map is measured with Liberation Sans (and the fallback font `textmetrics` knows); a
character neither has (an emoji, CJK, Arabic, Devanagari) is measured by a guess and drawn
from whatever fonts the reader's machine has, or as a box. The picture then depends on the
reader's fonts, and `cjm check` says so once per map, at the first such text.
"""
from __future__ import annotations

from cjmdsl.language.diagnostics import Diagnostic, warning
from cjmdsl.layout.textmetrics import lacks
from cjmdsl.model import Journey, Span, texts

# String fields that hold names of things, not text the map draws.
_NOT_DRAWN = frozenset({"id", "source_name", "theme", "lang", "persona", "stage", "to", "start",
                        "direction", "kind", "channel", "channel_as_written", "color"})
SHOWN = 8  # characters quoted in the message; the rest are counted


def font_warnings(journey: Journey) -> list[Diagnostic]:
    """One W121 for the map, at the first text with characters its font lacks."""
    found = ""
    first: tuple[str, Span] | None = None
    for text, span in texts(journey, skip=_NOT_DRAWN):
        missing = lacks(text)
        if missing:
            first = first or (missing, span)
            found += "".join(char for char in missing if char not in found)
    if first is None:
        return []
    shown = ", ".join(f"`{char}`" for char in found[:SHOWN])
    if len(found) > SHOWN:
        shown += f" and {len(found) - SHOWN} more"
    return [warning("W121", f"the map's font (Liberation Sans) has no {shown}",
                    first[1], "they are drawn from the reader's fonts, or as boxes: the picture "
                    "differs by machine; see `cjm explain W121`")]
