"""One escaping function per target format; every user text goes through one.

Jinja2's autoescaping quotes `& < > " '` for XML and HTML; `xml_chars` runs
before it (as the template environment's `finalize`) and removes what XML 1.0
cannot carry at all, escaped or not. `md_text` is Markdown's: the Markdown
backend and the language server's hover cards use it. `terminal_text` is for
terminals and CI logs (diagnostics, `cjm show`).
"""
from __future__ import annotations

import re

# Characters XML 1.0 forbids anywhere (C0 controls but tab/newline/CR, surrogates,
# U+FFFE/U+FFFF) and the C1 controls it discourages; each becomes U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_chars(value):
    """Replace characters that XML cannot represent; leave markup and non-text alone."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _NOT_XML.sub("\ufffd", value)
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])(?=\s|$)")


def md_text(text: str, line_break: str = "<br>") -> str:
    """User text as inline Markdown that shows exactly that text: HTML and Markdown syntax
    are escaped, so a name cannot start a heading or a list, break a table, open a link or
    an image, or inject HTML. Line breaks become `line_break`: `<br>` keeps a table row
    whole; a hover card, which a client may show without HTML, passes a space."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
                              text)
    return line_break.join(text.replace("\r", "").split("\n"))


# What a terminal or a CI log would act on rather than show: C0 and C1 controls (escape
# sequences, newlines that start a `::error::` line), DEL, and the bidirectional overrides
# and line separators that make text read differently from what it is ("Trojan Source").
_NOT_FOR_TERMINALS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\0": "\\0", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def terminal_text(text: str) -> str:
    """User text as a terminal should print it: every control character shown escaped, as
    rustc shows them (`\\n`, `\\u{1b}`), so text can neither move the cursor, set the
    clipboard (OSC 52), open a link (OSC 8), clear the screen nor start a new log line."""
    return _NOT_FOR_TERMINALS.sub(
        lambda m: _SHORT_ESCAPES.get(m.group(), f"\\u{{{ord(m.group()):x}}}"), text)


_LINE_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def roff_text(text: str) -> str:
    """User text as one run of roff (man page) text that prints as itself: backslashes are
    escaped, line breaks and controls become spaces, and a leading `.` or `'` is guarded with
    `\\&`, so the text cannot start a request such as `.so /etc/passwd`."""
    text = _LINE_BREAKS.sub(" ", text).replace("\\", "\\e")
    return "\\&" + text if text.startswith((".", "'")) else text


def texinfo_text(text: str) -> str:
    """User text as Texinfo that prints as itself: `@ { }` are escaped, so it cannot run a
    command such as `@verbatiminclude`; line breaks and controls become spaces."""
    text = _LINE_BREAKS.sub(" ", text)
    return text.replace("@", "@@").replace("{", "@{").replace("}", "@}")


# A font-family list as a theme writes it: names separated by commas, each plain (letters,
# digits, spaces, hyphens) or in matching quotes holding no quote, backslash, `<`, `>` (which
# could end a <style> element) or control character.
_FONT_NAME = re.compile(r"""\s*(?:[^\W_][^\W_ -]*(?:[ -]+[^\W_]+)*|"[^"'\\<>\x00-\x1f\x7f-\x9f]+"|'[^"'\\<>\x00-\x1f\x7f-\x9f]+')\s*""")
_GENERIC_FONTS = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
                  "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji",
                  "fangsong"}


def font_names(family: str) -> list[str] | None:
    """The names of a font-family list, unquoted; None when it is not one (see `_FONT_NAME`)."""
    parts = family.split(",")
    if not all(_FONT_NAME.fullmatch(part) for part in parts):
        return None
    return [part.strip().strip("\"'") for part in parts]


def css_font_family(family: str) -> str:
    """A theme's font-family list for CSS: each name a CSS string, generic families (which a
    quote would turn into a font name) as keywords; `sans-serif` for a list that is not one,
    so a quote in a font name can never end a rule early."""
    names = font_names(family)
    if not names:
        return "sans-serif"
    return ", ".join(name if name in _GENERIC_FONTS else f'"{name}"' for name in names)
