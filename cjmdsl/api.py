"""The Python API: parse a map, check it, render it.

    import cjmdsl
    journey = cjmdsl.parse(text, filename="shop.cjm")   # raises cjmdsl.CjmError
    svg = cjmdsl.render(journey)                         # or render(text, format="json")

`render` raises cjmdsl.UnknownFormat (a ValueError naming the formats) for a format
that is not in cjmdsl.formats(), and cjmdsl.BackendUnavailable when the format needs
a tool or library this machine lacks.
"""
from __future__ import annotations

import codecs

from cjmdsl.compile import CompileResult, compile_text
from cjmdsl.diagnostics import CjmError, Diagnostic, error, sort_key
from cjmdsl.limits import DEFAULT_LIMITS, Limits, check_journey, check_size
from cjmdsl.model import Journey, Span


def decode(data: bytes, filename: str = "<input>") -> tuple[str, list[Diagnostic]]:
    """Bytes of a .cjm file to text; invalid UTF-8 is a diagnostic naming the byte offset."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    body = data[bom:]
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        good = body[:exc.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        text = body.decode("utf-8", "replace")
        return text, [error("E006", f"invalid UTF-8 byte 0x{body[exc.start]:02x} at byte offset "
                                    f"{bom + exc.start}", Span(line, column, line, column + 1),
                            "save the file as UTF-8")]


def check(text: str, filename: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> CompileResult:
    """Compile `text` and return the journey (None on errors) with every diagnostic."""
    from cjmdsl.themes import builtin_names

    too_big = check_size(text, limits)
    if too_big:
        return CompileResult(None, too_big)
    result = compile_text(text, filename, known_themes=builtin_names())
    if result.journey is None:
        return result
    beyond = check_journey(result.journey, limits)
    if beyond:
        return CompileResult(None, sorted(result.diagnostics + beyond, key=sort_key))
    return result


def parse(text: str, filename: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> Journey:
    """The journey in `text`; raises CjmError carrying every error found."""
    result = check(text, filename, limits)
    if result.journey is None:
        raise CjmError(result.errors, text, filename)
    return result.journey


def render(map_or_text: Journey | str, format: str = "svg", theme: str | None = None,
           filename: str = "<input>") -> str | bytes:
    """Render a Journey, or .cjm text, to `format` with `theme`.

    The theme is, in order: the `theme` argument, the map's own `theme` statement,
    then "default". An unknown `format` raises UnknownFormat before anything is parsed.
    """
    from cjmdsl.backends import backend
    from cjmdsl.themes import theme_for

    module = backend(format)
    journey = parse(map_or_text, filename) if isinstance(map_or_text, str) else map_or_text
    return module.render(journey, theme_for(journey.theme, theme))
