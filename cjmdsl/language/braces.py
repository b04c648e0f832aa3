"""Which block a missing `}` belongs to, told by indentation, as rustc tells it.

The parser sees a missing `}` only where the braces stop adding up, often at the end of
the file, and then blames the outermost block. The writer's indentation says more: a block
whose lines go back to (or left of) its first line's indentation, with no `}` there, is the
one left open, and it should have closed just before that line.
"""
from __future__ import annotations

import re
from functools import cache

from cjmdsl.model import Span, record

_NAMED_BLOCKS = ("persona", "stage", "touchpoint")


@record
class Unclosed:
    """A block left open: its `{`, what it is, and the line it should have closed before."""

    brace: Span
    block: str
    ends_before: Span


def unclosed_blocks(text: str) -> list[Unclosed]:
    """The blocks the indentation shows unclosed, in file order; none when it tells nothing
    (a file without indented blocks)."""
    lines = text.split("\n")  # as Lark counts lines
    braces = _braces(text)
    closing = _counted_matches(braces)
    found = []
    for index, (line, column, char) in enumerate(braces):
        if char != "{":
            continue
        match = closing.get(index)
        if match is not None and braces[match][0] == line:
            continue  # opened and closed on one line
        last = braces[match][0] if match is not None else len(lines)
        ends = _ends_before(lines, line, last)
        if ends is not None:
            found.append(Unclosed(Span(line, column, line, column + 1),
                                  _block_name(lines[line - 1][:column - 1]), ends))
    return found


def closing_brace_after(text: str, pos: int) -> Span | None:
    """The first `}` at or after offset `pos`, outside strings and comments."""
    for line, column, char in _braces(text, pos):
        if char == "}":
            return Span(line, column, line, column + 1)
    return None


def _ends_before(lines: list[str], first: int, last: int) -> Span | None:
    """The first line after `first` (up to `last`) indented no deeper than `first`, when it
    is not the block's `}` and the block has deeper lines before it; None otherwise."""
    indent = _indentation(lines[first - 1])
    deeper = False
    for number in range(first + 1, last + 1):
        body = lines[number - 1].strip()
        if not body or body.startswith(("//", "#")):
            continue
        here = _indentation(lines[number - 1])
        if here > indent:
            deeper = True
            continue
        if body.startswith("}") and here == indent or not deeper:
            return None
        return Span(number, here + 1, number, here + 2)
    return None


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _braces(text: str, pos: int = 0) -> list[tuple[int, int, str]]:
    """Every `{` and `}` from offset `pos` on, outside strings and comments: (line, column,
    brace)."""
    found = []
    line, line_start = text.count("\n", 0, pos) + 1, text.rfind("\n", 0, pos) + 1
    for match in _scanner().finditer(text, pos):
        if match.group() in "{}":
            line += text.count("\n", line_start, match.start())
            line_start = text.rfind("\n", 0, match.start()) + 1
            found.append((line, match.start() - line_start + 1, match.group()))
    return found


@cache
def _scanner() -> re.Pattern:
    """Strings (an unterminated one runs to the end of its line), comments and braces, with
    the grammar's own patterns for strings and comments."""
    from cjmdsl.language.parser import parser

    patterns = {t.name: t.pattern.to_regexp() for t in parser().terminals}
    return re.compile(f"{patterns['STRING']}|\"[^\\n]*|{patterns['COMMENT']}|[{{}}]")


def _counted_matches(braces: list[tuple[int, int, str]]) -> dict[int, int]:
    """Opening brace -> the closing brace that counting pairs with it."""
    open_at: list[int] = []
    pairs = {}
    for index, (_, _, char) in enumerate(braces):
        if char == "{":
            open_at.append(index)
        elif open_at:
            pairs[open_at.pop()] = index
    return pairs


def _block_name(before_brace: str) -> str:
    """`touchpoint `checkout`` for the text before a block's `{` on its line."""
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_\-]*", re.sub(r'"[^"]*"', " ", before_brace))
    if len(words) >= 2 and words[0] in _NAMED_BLOCKS:
        return f"{words[0]} `{words[1]}`"
    return f"the {words[0]} block" if words else "the block"
