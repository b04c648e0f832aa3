"""The ```mermaid blocks of a Markdown file, found by CommonMark's rules for fenced code.

A fence is three or more backticks or tildes, indented at most three spaces; the block ends
at a fence of the same character at least as long (or at the end of the file). Each block
comes back padded with empty lines to its place, so a parser's line and column numbers are
those of the Markdown file.
"""
from __future__ import annotations

import re

from cjmdsl.model import record

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^\n]*$")


@record
class Block:
    info: str  # the first word after the fence, lower case (`mermaid`)
    line: int  # 1-based line of the opening fence
    text: str  # the content, preceded by as many line breaks as lines come before it


def fenced_blocks(text: str) -> list[Block]:
    """Every fenced code block of `text`, in order."""
    lines = text.split("\n")
    blocks, index = [], 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening or (opening.group(2)[0] == "`" and "`" in opening.group(3)):
            index += 1
            continue
        fence = opening.group(2)
        end = index + 1
        while end < len(lines) and not _closes(lines[end], fence):
            end += 1
        content = "\n" * (index + 1) + "\n".join(lines[index + 1:end])
        blocks.append(Block(opening.group(3).lower(), index + 1, content))
        index = end + 1
    return blocks


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return (len(line) - len(line.lstrip(" ")) <= 3 and stripped.startswith(fence)
            and stripped == fence[0] * len(stripped))
