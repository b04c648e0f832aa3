"""Bytes that users wrote (maps, themes, project configs) as text, with one diagnostic for
bytes that are not UTF-8: every file type reads the same way."""
from __future__ import annotations

import codecs

from cjmdsl.language.diagnostics import Diagnostic, error
from cjmdsl.model import Span


def decode(data: bytes, filename: str = "<input>") -> tuple[str, list[Diagnostic]]:
    """The text of a file, without a byte order mark; invalid UTF-8 is an E006 diagnostic at
    the line and column of the first bad byte, naming its offset in the file (the text then
    has U+FFFD in its place). `filename` is accepted as `check` takes it; the caller names
    the file where it prints the diagnostic."""
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
