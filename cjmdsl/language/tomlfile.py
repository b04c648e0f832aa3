"""TOML files that users write (themes, project configs): read with diagnostics, and find
where a key is in the text, since TOML readers keep no positions.
"""
from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

from cjmdsl.language.diagnostics import Diagnostic, error
from cjmdsl.language.utf8 import decode
from cjmdsl.model import Span
from cjmdsl.runtime.lazyregex import LazyRegex

_TOML_POSITION = LazyRegex(r"\s*\(at line (\d+), column (\d+)\)$")

# Themes and configs are a few kilobytes; a larger file is a mistake (or an attack) and is
# not read beyond this, so checking it stays bounded.
MAX_TOML_BYTES = 1_000_000


def read_toml_file(path: Path) -> tuple[bytes, int]:
    """At most `MAX_TOML_BYTES` + 1 bytes of a theme or config file, and the file's size
    (for the E056 message); only from a regular file (`paths.read_regular`: a FIFO or a
    device is refused, not waited for). Raises OSError, paths.PathRefused."""
    from cjmdsl.language.paths import read_regular

    return read_regular(path, MAX_TOML_BYTES + 1)


def read_toml(raw: bytes, syntax_code: str,
              size: int | None = None) -> tuple[str, dict, list[Diagnostic]]:
    """A file's text and its TOML data, or the diagnostic that stops the reading: E056 for
    more than `MAX_TOML_BYTES` (of a file of `size` bytes), E006 for bytes that are not
    UTF-8, `syntax_code` for text that is not TOML."""
    if len(raw) > MAX_TOML_BYTES:
        size = max(size or 0, len(raw))
        return "", {}, [error("E056", f"the file is {size:,} bytes, more than the limit of "
                                      f"{MAX_TOML_BYTES:,}", Span(1, 1, 1, 2),
                              "keep only the settings you change; a theme or config needs "
                              "a few kilobytes")]
    text, problems = decode(raw)
    if problems:
        return text, {}, problems
    import tomllib  # here: a render with no file of the user's to read needs no TOML reader

    try:
        return text, tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        return text, {}, [_syntax_error(exc, syntax_code, text)]


def _syntax_error(exc: ValueError, code: str, text: str) -> Diagnostic:
    """The reader's message at its place; "at end of document" is after the last line that
    holds anything, where the missing `]` or `"` belongs."""
    message = str(exc)
    found = _TOML_POSITION.search(message)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        message = message[:found.start()]
    else:
        lines = text.rstrip().split("\n")
        line, column = len(lines), len(lines[-1].rstrip("\r")) + 1
        message = message.replace(" (at end of document)", "")
    return error(code, f"invalid TOML: {message[:1].lower()}{message[1:]}",
                 Span(line, column, line, column + 1))


def kind_of(value) -> str:
    """What a TOML value is, in words, for "must be …, not …" messages."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a section"
    return "a date or time"


class Places:
    """Where sections and keys are in a TOML file's text, for diagnostics.

    tomllib keeps no positions, so this scans for `[section]` headers and `key =` lines. It is
    not a TOML parser: a key it cannot find (a dotted key, an inline table) is reported at its
    section's header, or at the first line.
    """

    _HEADER = LazyRegex(r'^\s*\[\s*("?)([A-Za-z0-9_.-]+)\1\s*\]')
    # `[[lint.overrides]]`: each table of the array is the section `lint.overrides.0`, `.1`, …
    _ARRAY_HEADER = LazyRegex(r'^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]')
    _KEY = LazyRegex(r'^\s*("?)([A-Za-z0-9_.-]+)\1\s*=[ \t]*')

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.sections: dict[str, Span] = {}
        self.keys: dict[tuple[str, str], tuple[Span, int]] = {}  # span of key, value offset
        section = ""
        arrays: dict[str, int] = {}  # tables of each array so far
        for number, line in enumerate(self.lines, 1):
            array = self._ARRAY_HEADER.match(line)
            if array:
                name = array.group(1)
                section = f"{name}.{arrays.get(name, 0)}"
                arrays[name] = arrays.get(name, 0) + 1
                self.sections.setdefault(section, self._span(number, array.start(1),
                                                             array.end(1)))
                continue
            header = self._HEADER.match(line)
            if header:
                section = header.group(2)
                self.sections.setdefault(section, self._span(number, header.start(2),
                                                             header.end(2)))
                continue
            key = self._KEY.match(line)
            if key:
                span = self._span(number, key.start(2), key.end(2))
                where, _, name = key.group(2).rpartition(".")  # `colors.text = …` at the top
                where = ".".join(part for part in (section, where) if part)
                self.keys.setdefault((where, name),
                                     (span, self.starts[number - 1] + key.end()))

    @staticmethod
    def _span(line: int, start: int, end: int) -> Span:
        return Span(line, start + 1, line, end + 1)

    def section(self, section: str) -> Span:
        return self.sections.get(section, Span(1, 1, 1, 2))

    def key(self, section: str, key: str) -> Span:
        found = self.keys.get((section, key))
        return found[0] if found else self.section(section) if section else Span(1, 1, 1, 2)

    def value(self, section: str, key: str) -> Span:
        """The value of `key`, else the key itself."""
        found = self.keys.get((section, key))
        if found is None:
            return self.key(section, key)
        offset = found[1]
        line = self.lines[found[0].line - 1]
        rest = line[offset - self.starts[found[0].line - 1]:]
        if rest.startswith('"'):
            end = rest.find('"', 1)
            length = end + 1 if end > 0 else len(rest.rstrip())
        else:
            length = len(re.split(r"[\s#,\]]", rest, maxsplit=1)[0]) or 1
        return self._offset_span(offset, length)

    def item_spans(self, section: str, key: str, items: list) -> list[Span]:
        """Where each of `items` (in the order of `key`'s list, some left out) is: each quoted
        item is searched from where the one before it was found, so a long list takes one
        pass over the text, and a repeated item gets its own place. An item not found is
        placed at the value."""
        found = self.keys.get((section, key))
        at = found[1] if found else 0
        spans = []
        for item in items:
            literal = json.dumps(item, ensure_ascii=False) if isinstance(item, str) else None
            place = self.text.find(literal, at) if found and literal else -1
            if place < 0:
                spans.append(self.value(section, key))
                continue
            spans.append(self._offset_span(place, len(literal)))
            at = place + len(literal)
        return spans

    def _offset_span(self, offset: int, length: int) -> Span:
        line = bisect.bisect_right(self.starts, offset) - 1
        column = offset - self.starts[line] + 1
        return Span(line + 1, column, line + 1, column + length)
