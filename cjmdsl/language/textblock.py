"""Triple-quoted strings: the text between the quotes, dedented, line by line.

A `\"\"\"` string may run over several lines, indented with the map around it:

    note \"\"\"
      The call centre closes at 18:00;
      later calls go to voicemail.
      \"\"\"

reads `The call centre closes at 18:00;\\nlater calls go to voicemail.`: the rest of the
opening line and the closing line are dropped when blank, and the indentation the other
lines share is removed (as Kotlin's `trimIndent` and Python's `inspect.cleandoc` do). Text
on the opening line is kept, without its leading blanks, and does not count for the shared
indentation. Blank lines stay as empty lines. Each line keeps where it was written, so
the compiler reports a bad escape at its own line and column.
"""
from __future__ import annotations

from cjmdsl.model import record


@record
class Line:
    """A line of a triple-quoted string after dedenting, and where its text starts."""

    text: str
    line: int
    column: int


def dedented(inner: str, line: int, column: int) -> list[Line]:
    """The lines of the text `inner` that was written from `line`:`column` on (just after
    the opening quotes), dedented as the module docstring says."""
    raw = [part.removesuffix("\r") for part in inner.split("\n")]
    numbered = [(text, line + index, column if index == 0 else 1)
                for index, text in enumerate(raw)]
    first = numbered.pop(0)
    if numbered and not numbered[-1][0].strip():
        numbered.pop()  # the closing quotes' own line
    indent = _shared_indent([text for text, _, _ in numbered if text.strip()])
    lines = []
    if first[0].strip():
        text = first[0].lstrip(" \t")
        lines.append(Line(text, first[1], first[2] + len(first[0]) - len(text)))
    for text, number, start in numbered:
        if text.strip():
            lines.append(Line(text[len(indent):], number, start + len(indent)))
        else:
            lines.append(Line("", number, start))
    return lines


def _shared_indent(lines: list[str]) -> str:
    """The longest run of spaces and tabs that every line starts with."""
    if not lines:
        return ""
    shared = lines[0][:len(lines[0]) - len(lines[0].lstrip(" \t"))]
    for text in lines[1:]:
        length = 0
        while length < len(shared) and length < len(text) and text[length] == shared[length]:
            length += 1
        shared = shared[:length]
    return shared
