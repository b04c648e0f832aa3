"""What a theme file may hold, and the checks that turn its mistakes into diagnostics.

`SCHEMA` lists every key with its kind; `read` parses a file's bytes, `check_keys` compares what
it holds with `SCHEMA`, and `Places` finds where a key is in the text, since TOML readers keep
no positions.
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass

from cjmdsl.diagnostics import Diagnostic, did_you_mean, error
from cjmdsl.model import Span

# Codes of the mistakes a theme file can hold. E006, E018 and E019 mean what they mean in maps.
THEME_CODES: dict[str, str] = {
    "E006": "file is not valid UTF-8",
    "E018": "invalid colour",
    "E019": "unknown theme",
    "E050": "theme file is not valid TOML",
    "E051": "unknown section or key in a theme",
    "E052": "theme value of the wrong type",
    "E053": "theme value out of range",
    "E054": "themes extend each other in a cycle",
}


@dataclass(frozen=True)
class Key:
    """What a theme key holds: "text", "theme" (a name or file), "colour", "colours" (a
    non-empty list), "number" (from `low` to `high`) or "flag" (true or false)."""

    kind: str
    low: float | None = None
    high: float | None = None


def _numbers(low: float, high: float, *names: str) -> dict[str, Key]:
    return {name: Key("number", low, high) for name in names}


def _colours(*names: str) -> dict[str, Key]:
    return {name: Key("colour") for name in names}


# The keys a theme may set, in the order `cjm themes show` prints them. The README documents
# each with its default; a test keeps the two in step.
TOP_KEYS: dict[str, Key] = {"name": Key("text"), "description": Key("text"),
                            "extends": Key("theme"), "dark": Key("theme")}
SCHEMA: dict[str, dict[str, Key]] = {
    "font": {"family": Key("text"),
             **_numbers(6, 72, "size", "small_size", "heading_size", "title_size")},
    "colors": _colours("background", "text", "muted", "line", "panel", "card", "border", "pain",
                       "pain_border", "opportunity", "opportunity_border", "tag", "moment",
                       "moment_fill", "met", "missed"),
    "stages": {"palette": Key("colours"), "text": Key("colour")},
    "personas": {"palette": Key("colours")},
    "emotion": {**_colours("negative", "neutral", "positive"),
                **_numbers(0, 1, "band_opacity", "gap_opacity"), "value_labels": Key("flag")},
    "spacing": {"margin": Key("number", 0, 200), "column_width": Key("number", 80, 600),
                "column_gap": Key("number", 0, 100), "label_width": Key("number", 60, 400),
                "padding": Key("number", 0, 24), "lane_gap": Key("number", 0, 100),
                "emotion_height": Key("number", 60, 1000), "radius": Key("number", 0, 24)},
}


_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def read(raw: bytes) -> tuple[str, dict, list[Diagnostic]]:
    """A theme file's text and its TOML data, or the diagnostic that stops the reading."""
    text, problems = _decode(raw)
    if problems:
        return text, {}, problems
    try:
        return text, tomllib.loads(text), []
    except tomllib.TOMLDecodeError as exc:
        return text, {}, [_syntax_error(exc)]


def _decode(raw: bytes) -> tuple[str, list[Diagnostic]]:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff"), []
    except UnicodeDecodeError as exc:
        good = raw[:exc.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        return raw.decode("utf-8", "replace"), [error(
            "E006", f"invalid UTF-8 byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
            Span(line, column, line, column + 1), "save the file as UTF-8")]


def _syntax_error(exc: tomllib.TOMLDecodeError) -> Diagnostic:
    message = str(exc)
    found = _TOML_POSITION.search(message)
    line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
    message = message[:found.start()] if found else message.replace(" (at end of document)", "")
    return error("E050", f"invalid TOML: {message[:1].lower()}{message[1:]}",
                 Span(line, column, line, column + 1))


def check_keys(data: dict, places: "Places") -> list[Diagnostic]:
    problems = []
    for key, value in data.items():
        if key in SCHEMA:
            if not isinstance(value, dict):
                problems.append(error("E052", f"`{key}` must be a section ([{key}]), "
                                              f"not {_kind_of(value)}", places.key("", key)))
                continue
            for inner, inner_value in value.items():
                problems += _check_value(key, inner, inner_value, places)
        else:
            problems += _check_value("", key, value, places)
    return problems


def _check_value(section: str, key: str, value, places: "Places") -> list[Diagnostic]:
    known = SCHEMA[section] if section else TOP_KEYS
    dotted = f"{section}.{key}" if section else key
    spec = known.get(key)
    if spec is None:
        if not section and isinstance(value, dict):
            return [error("E051", f"unknown section [{key}]", places.section(key),
                          did_you_mean(key, SCHEMA) or "sections: " + ", ".join(SCHEMA))]
        where = f" in [{section}]" if section else ""
        return [error("E051", f"unknown key `{key}`{where}", places.key(section, key),
                      did_you_mean(key, known) or "keys: " + ", ".join(known))]
    span = places.value(section, key)
    if spec.kind in ("text", "theme"):
        if not isinstance(value, str):
            return [_wrong_type(dotted, "text in quotes", value, span)]
        if spec.kind == "theme" and not value:
            return [error("E019", f"`{key}` names no theme", span, "give a built-in name or a "
                                                                    "file path")]
        return []
    if spec.kind == "colour":
        return _check_colour(dotted, value, span)
    if spec.kind == "colours":
        if not isinstance(value, list):
            return [_wrong_type(dotted, "a list of colours", value, span)]
        if not value:
            return [error("E053", f"`{dotted}` needs at least one colour", span)]
        return [d for item in value for d in
                _check_colour(dotted, item, places.value(section, key, item))]
    if spec.kind == "flag":
        return [] if isinstance(value, bool) else [_wrong_type(dotted, "true or false", value,
                                                               span)]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [_wrong_type(dotted, "a number", value, span)]
    if not spec.low <= value <= spec.high:
        return [error("E053", f"`{dotted}` must be between {spec.low:g} and {spec.high:g}, "
                              f"not {value:g}", span)]
    return []


def _check_colour(dotted: str, value, span: Span) -> list[Diagnostic]:
    if not isinstance(value, str):
        return [_wrong_type(dotted, 'a colour such as "#1f2933"', value, span)]
    if not _COLOUR.fullmatch(value):
        return [error("E018", f"invalid colour `{value}` for `{dotted}`", span,
                      'use "#rgb" or "#rrggbb", such as "#1f2933"')]
    return []


def _wrong_type(dotted: str, wanted: str, value, span: Span) -> Diagnostic:
    return error("E052", f"`{dotted}` must be {wanted}, not {_kind_of(value)}", span)


def _kind_of(value) -> str:
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
    """Where sections and keys are in a theme file's text, for diagnostics.

    tomllib keeps no positions, so this scans for `[section]` headers and `key =` lines. It is
    not a TOML parser: a key it cannot find (a dotted key, an inline table) is reported at its
    section's header, or at the first line.
    """

    _HEADER = re.compile(r'^\s*\[\s*("?)([A-Za-z0-9_.-]+)\1\s*\]')
    _KEY = re.compile(r'^\s*("?)([A-Za-z0-9_.-]+)\1\s*=[ \t]*')

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.sections: dict[str, Span] = {}
        self.keys: dict[tuple[str, str], tuple[Span, int]] = {}  # span of key, value offset
        section = ""
        for number, line in enumerate(self.lines, 1):
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
                self.keys.setdefault((where or section, name),
                                     (span, self.starts[number - 1] + key.end()))

    @staticmethod
    def _span(line: int, start: int, end: int) -> Span:
        return Span(line, start + 1, line, end + 1)

    def section(self, section: str) -> Span:
        return self.sections.get(section, Span(1, 1, 1, 2))

    def key(self, section: str, key: str) -> Span:
        found = self.keys.get((section, key))
        return found[0] if found else self.section(section) if section else Span(1, 1, 1, 2)

    def value(self, section: str, key: str, item: str | None = None) -> Span:
        """The value of `key` (or the quoted `item` of its list), else the key itself."""
        found = self.keys.get((section, key))
        if found is None:
            return self.key(section, key)
        offset = found[1]
        if item is not None:
            literal = json.dumps(item, ensure_ascii=False) if isinstance(item, str) else None
            at = self.text.find(literal, offset) if literal else -1
            return self._offset_span(at, len(literal)) if at >= 0 else self.value(section, key)
        line = self.lines[found[0].line - 1]
        rest = line[offset - self.starts[found[0].line - 1]:]
        if rest.startswith('"'):
            end = rest.find('"', 1)
            length = end + 1 if end > 0 else len(rest.rstrip())
        else:
            length = len(re.split(r"[\s#,\]]", rest, maxsplit=1)[0]) or 1
        return self._offset_span(offset, length)

    def _offset_span(self, offset: int, length: int) -> Span:
        line = next(i for i in range(len(self.starts) - 1) if self.starts[i + 1] > offset)
        column = offset - self.starts[line] + 1
        return Span(line + 1, column, line + 1, column + length)
