"""One escaping function per target format; every user text goes through one.

Jinja2's autoescaping quotes `& < > " '` for XML and HTML; `xml_chars` runs
before it (as the template environment's `finalize`) and removes what XML 1.0
cannot carry at all, escaped or not. `md_text` is Markdown's: the Markdown
backend and the language server's hover cards use it. `terminal_text` is for
terminals and CI logs (diagnostics, `cjm show`).
"""
from __future__ import annotations

import re
from cjmdsl.runtime.lazyregex import LazyRegex

# Characters XML 1.0 forbids anywhere (C0 controls but tab/newline/CR, surrogates,
# U+FFFE/U+FFFF) and the C1 controls it discourages; each becomes U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_chars(value):
    """Replace characters that XML cannot represent; leave markup and non-text alone."""
    # The template environment calls this for every value it writes (a million at 5,000
    # touchpoints): a plain str is told apart by its type, without the attribute lookup, and
    # is returned as it is when it has nothing to replace.
    if type(value) is str:
        return _NOT_XML.sub("\ufffd", value) if _NOT_XML.search(value) else value
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _NOT_XML.sub("\ufffd", value)
    return value


_MD_SPECIAL = LazyRegex(r"([\\`*_\[\]{}|~#])")
# What makes a line a block, once `#`, `*`, `_`, `` ` ``, `~` and `>` are escaped: a list item
# (`-`, `+`, `1.`, `2)`), a thematic break or setext underline (`---`, `- - -`, `===`).
_MD_LINE_START = LazyRegex(r"^([-+=])(?=[-+=\s]|$)|^(\d+)([.)])(?=\s|$)")
# A leading tab or spaces would make an indented code block (and are dropped from a paragraph):
# as character references they are text, which Markdown reads only after the blocks.
# Not every Markdown reader takes `\=` (python-markdown, for MkDocs, shows the backslash).
_MD_START_ESCAPES = {"-": "\\-", "+": "\\+", "=": "&#61;"}
_MD_INDENT = LazyRegex(r"^[ \t]+")
# GitHub notifies `@name` (and `@org/team`) found in the rendered text, so `&#64;` would still
# ping; a word joiner after the `@` shows the same words, joined, and is no name character.
# It is written as a reference, visible in the file and with no hidden-character warning.
_MD_MENTION = LazyRegex(r"(?<!\w)@(?=\w)")


def md_text(text: str, line_break: str = "<br>") -> str:
    """User text as inline Markdown that shows exactly that text: HTML and Markdown syntax
    are escaped, so a name cannot start a heading, a list, a rule or a code block, break a
    table, open a link or an image, mention someone or inject HTML. Line breaks become
    `line_break`: `<br>` keeps a table row whole; a hover card, which a client may show
    without HTML, passes a space."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_MENTION.sub("@&#8288;", text)
    return line_break.join(_md_line(line) for line in text.replace("\r", "").split("\n"))


def _md_line(line: str) -> str:
    indent = _MD_INDENT.match(line)
    if indent:
        return indent.group().replace(" ", "&#32;").replace("\t", "&#9;") + line[indent.end():]
    return _MD_LINE_START.sub(lambda m: _MD_START_ESCAPES[m.group(1)] if m.group(1)
                              else f"{m.group(2)}\\{m.group(3)}", line)


_WEB_LINK = LazyRegex(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)
# What a link target may not hold as written in Markdown (`(<url>)`, inside a table) or
# HTML: it is percent-encoded, which every browser reads as the same address.
_LINK_UNSAFE = LazyRegex(r"""[\s<>()\[\]`"'|\\{}^]""")


def web_link(url: str) -> str | None:
    """`url` as a link target if it is an http(s) address, percent-encoding what could end
    the link early in Markdown or HTML; None for any other scheme (`javascript:`, `file:`,
    `data:`) or text, which the backends then show as text and never as a link."""
    if not _WEB_LINK.fullmatch(url):
        return None
    return _LINK_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


# What a terminal or a CI log would act on rather than show: C0 and C1 controls (escape
# sequences, newlines that start a `::error::` line), DEL, and the bidirectional overrides
# and line separators that make text read differently from what it is ("Trojan Source").
_NOT_FOR_TERMINALS = LazyRegex(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\0": "\\0", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def terminal_text(text: str) -> str:
    """User text as a terminal should print it: every control character shown escaped, as
    rustc shows them (`\\n`, `\\u{1b}`), so text can neither move the cursor, set the
    clipboard (OSC 52), open a link (OSC 8), clear the screen nor start a new log line."""
    return _NOT_FOR_TERMINALS.sub(
        lambda m: _SHORT_ESCAPES.get(m.group(), f"\\u{{{ord(m.group()):x}}}"), text)


_LINE_BREAKS = LazyRegex("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


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
_FONT_NAME = LazyRegex(r"""\s*(?:[^\W_][^\W_ -]*(?:[ -]+[^\W_]+)*|"[^"'\\<>\x00-\x1f\x7f-\x9f]+"|'[^"'\\<>\x00-\x1f\x7f-\x9f]+')\s*""")
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


# What a Mermaid journey line would read as syntax: `:` ends a task name and the score, `,`
# separates actors, `#`, `;` and `%%` start comments or end statements, `}` closes an
# `accDescr { … }`. Each becomes its full-width twin, which reads the same.
_MERMAID_SYNTAX = {":": "：", "#": "＃", ";": "；", ",": "，", "}": "｝", "%": "％"}
_MERMAID_KEYWORD = LazyRegex(r"^(?:title|section|journey|acctitle|accdescr)(?=[\s:{]|$)", re.I)


def mermaid_text(text: str, placeholder: str = "Untitled") -> str:
    """User text as one Mermaid journey name that shows that text: line breaks and controls
    become spaces, Mermaid's syntax characters their full-width twins, a leading keyword
    (`title …` as a task name) gets a zero-width space before it; `placeholder` when nothing
    is left. The comma is replaced too, since an actor's name sits in a list."""
    text = _LINE_BREAKS.sub(" ", text).replace("\u0085", " ").strip()
    text = "".join(_MERMAID_SYNTAX.get(char, char) for char in text)
    if _MERMAID_KEYWORD.match(text):
        text = "\u200b" + text
    return text or placeholder
