"""User text for Graphviz: the two escaping functions every label goes through.

Graphviz reads text in two forms. Plain attribute values (edge labels, tooltips) are
escStrings, where a backslash starts an escape (`\\N` is the node's name, `\\l` a line
break) and an entity such as `&amp;` is decoded; `dot_text` writes `&` as `&amp;`,
doubles every backslash (`graphviz.escape`) and marks the value so the graphviz package
quotes it even when it looks like `<…>` markup. HTML-like labels (`label=<…>`) are XML;
`dot_html` escapes `& < > "` and, since Graphviz (2.43 at least) still expands `\\N`
inside HTML text, doubles backslashes too. Both drop what XML cannot carry, and both turn
line breaks into Graphviz's own, so a DOT statement never spans two lines.
"""
from __future__ import annotations

import html

import graphviz

from cjmdsl.layout.bidi import RTL, direction, right_to_left
from cjmdsl.layout.textmetrics import letters_width, wrap
from cjmdsl.words.escape import xml_chars


def _lines(text: str, width: int | None) -> list[str]:
    """`text` as display lines: its own line breaks kept, long lines wrapped to about
    `width` letters by the map's `wrap` (so a word breaks where it does on the map: at a
    hyphen, a soft hyphen, a syllable), control characters replaced, and the lines of
    right-to-left text as right-to-left isolates (`cjmdsl.layout.bidi`)."""
    text = xml_chars(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = []
    for line in text.split("\n"):
        if width is None:
            lines.append(line)
        else:
            lines += wrap(line, letters_width(width, 1), 1) or [""]
    if direction(text) == RTL:  # the lines of Hebrew or Arabic text run right to left
        return list(right_to_left(lines))
    return lines


def dot_text(text: str, width: int | None = None) -> str:
    """An escString value (edge label, tooltip) that shows `text` literally."""
    lines = [graphviz.escape(line.replace("&", "&amp;")) for line in _lines(text, width)]
    return graphviz.nohtml("\\n".join(lines))


def dot_html(text: str, width: int | None = None) -> str:
    """Markup for the inside of an HTML-like label that shows `text` literally; lines are
    joined by `<BR/>` (the table cell's BALIGN aligns them). Never empty: Graphviz rejects
    an empty `<B></B>` or `<FONT></FONT>`, so no text is a space."""
    lines = _lines(text, width)
    markup = "<BR/>".join(_html_line(line) for line in lines)
    return markup or " "


def _html_line(line: str) -> str:
    """One line of HTML-label text. `]` is written as a character reference: Graphviz 2.43
    stops with a syntax error on a text of only `]`s (a touchpoint called `]`)."""
    return html.escape(line.replace("\\", "\\\\"), quote=True).replace("]", "&#93;")


def html_label(markup: str) -> str:
    """A complete HTML-like label value from markup built with `dot_html`."""
    return f"<{markup}>"
