"""What a theme file may hold, and the checks that turn its mistakes into diagnostics.

`SCHEMA` lists every key with its kind; `read` parses a file's bytes and `check_keys` compares
what it holds with `SCHEMA`, placing each mistake with `cjmdsl.language.tomlfile.Places`.
"""
from __future__ import annotations

import heapq
import re
from collections.abc import Mapping
from dataclasses import FrozenInstanceError

from cjmdsl.language.diagnostics import Diagnostic, did_you_mean, error
from cjmdsl.language.tomlfile import Places, kind_of, read_toml
from cjmdsl.model import Span, record
from cjmdsl.words.escape import font_names

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
    "E055": "invalid font family",
    "E056": "file larger than the limit for theme and config files",
    "E057": "a chain of `extends` longer than the limit",
}


@record
class Key:
    """What a theme key holds: "text", "theme" (a name or file), "fonts" (a font-family
    list), "colour", "colours" (a non-empty list), "number" (from `low` to `high`) or "flag"
    (true or false)."""

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
    "font": {"family": Key("fonts"),
             **_numbers(6, 72, "size", "small_size", "heading_size", "title_size")},
    "colors": _colours("background", "text", "muted", "line", "panel", "card", "border", "pain",
                       "pain_border", "opportunity", "opportunity_border", "tag", "moment",
                       "moment_fill", "met", "missed", "fail"),
    "stages": {"palette": Key("colours"), "text": Key("colour")},
    "personas": {"palette": Key("colours")},
    "emotion": {**_colours("negative", "neutral", "positive"),
                **_numbers(0, 1, "band_opacity", "gap_opacity"), "value_labels": Key("flag")},
    "spacing": {"margin": Key("number", 0, 200), "column_width": Key("number", 80, 600),
                "column_gap": Key("number", 0, 100), "label_width": Key("number", 60, 400),
                "padding": Key("number", 0, 24), "lane_gap": Key("number", 0, 100),
                "emotion_height": Key("number", 60, 1000), "radius": Key("number", 0, 24)},
}


class Section(Mapping):
    """A theme section as a typed, read-only object: `theme.colors.pain_border`. Its fields
    are the schema's keys, in order (a new key in `SCHEMA` is a new field, with no other
    change); it is also a Mapping of those keys, for printing a theme and for tables that
    name a key (a lane's `fill`: `theme.colors[lane.fill]`). Equal, hashed, shown and
    frozen as a frozen dataclass of those fields would be.

    A class with `__slots__` and these methods shared, not a dataclass per section: making
    the six dataclasses cost every run about 7 ms."""

    __slots__ = ()
    KEYS: tuple[str, ...] = ()  # the section's keys, in the schema's order

    def __init__(self, **values):
        if values.keys() != set(self.KEYS):
            wrong = sorted(values.keys() ^ set(self.KEYS))
            raise TypeError(f"{type(self).__name__}() needs exactly the keys "
                            f"{', '.join(self.KEYS)}; wrong: {', '.join(wrong)}")
        for key in self.KEYS:
            object.__setattr__(self, key, values[key])

    def __setattr__(self, name: str, value) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, key) for key in self.KEYS)

    def __eq__(self, other) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in self.KEYS)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self):  # for pickle, which would otherwise set the slots one by one
        return _section, (type(self).__name__, self._values())

    def __getitem__(self, key: str):
        if key not in self.KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self):
        return iter(self.KEYS)

    def __len__(self) -> int:
        return len(self.KEYS)


def _section(name: str, values: tuple) -> Section:
    cls = SECTIONS[name.lower()]
    return cls(**dict(zip(cls.KEYS, values)))


# One class per section, from SCHEMA: Font, Colors, Stages, Personas, Emotion, Spacing.
SECTIONS: dict[str, type[Section]] = {
    name: type(name.title(), (Section,), {"__slots__": tuple(keys), "KEYS": tuple(keys),
                                          "__module__": __name__})
    for name, keys in SCHEMA.items()}
Font, Colors, Stages, Personas, Emotion, Spacing = SECTIONS.values()  # by name, for pickle


_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def read(raw: bytes, size: int | None = None) -> tuple[str, dict, list[Diagnostic]]:
    """A theme file's text and its TOML data, or the diagnostic (E056, E006, E050) that stops
    the reading."""
    return read_toml(raw, "E050", size)


def check_keys(data: dict, places: Places, most: int) -> tuple[list[Diagnostic], int]:
    """Every mistake in a theme's data, and a count of those left out: of the unknown keys,
    only the first `most` in the file's order become diagnostics (with a did-you-mean), so a
    generated file of 90,000 unknown keys costs no more to check than to read."""
    problems, unknown = [], []
    for key, value in data.items():
        if key in SCHEMA:
            if not isinstance(value, dict):
                problems.append(error("E052", f"`{key}` must be a section ([{key}]), "
                                              f"not {kind_of(value)}", places.key("", key)))
                continue
            for inner, inner_value in value.items():
                if inner in SCHEMA[key]:
                    problems += _check_value(key, inner, inner_value, places)
                else:
                    unknown.append((places.key(key, inner), key, inner))
        elif key in TOP_KEYS:
            problems += _check_value("", key, value, places)
        elif isinstance(value, dict):
            unknown.append((places.section(key), None, key))
        else:
            unknown.append((places.key("", key), "", key))
    first = heapq.nsmallest(most, unknown, key=lambda found: (found[0].line, found[0].column))
    return problems + [_unknown(section, key, span) for span, section, key in first], \
        len(unknown) - len(first)


def _unknown(section: str | None, key: str, span: Span) -> Diagnostic:
    """E051 for an unknown key of `section` ("" at the top), or an unknown section (None)."""
    if section is None:
        message, known, listed = f"unknown section [{key}]", SCHEMA, "sections"
    else:
        where = f" in [{section}]" if section else ""
        message, known, listed = (f"unknown key `{key}`{where}",
                                  SCHEMA[section] if section else TOP_KEYS, "keys")
    return error("E051", message, span,
                 did_you_mean(key, known) or f"{listed}: " + ", ".join(known))


def _check_value(section: str, key: str, value, places: Places) -> list[Diagnostic]:
    """The mistakes in the value of a known key."""
    spec = (SCHEMA[section] if section else TOP_KEYS)[key]
    dotted = f"{section}.{key}" if section else key
    span = places.value(section, key)
    if spec.kind in ("text", "theme"):
        if not isinstance(value, str):
            return [_wrong_type(dotted, "text in quotes", value, span)]
        if spec.kind == "theme" and not value:
            return [error("E019", f"`{key}` names no theme", span, "give a built-in name or a "
                                                                    "file path")]
        return []
    if spec.kind == "fonts":
        return _check_fonts(dotted, value, span)
    if spec.kind == "colour":
        return _check_colour(dotted, value, span)
    if spec.kind == "colours":
        if not isinstance(value, list):
            return [_wrong_type(dotted, "a list of colours", value, span)]
        if not value:
            return [error("E053", f"`{dotted}` needs at least one colour", span)]
        wrong = [item for item in value if not _is_colour(item)]
        return [_check_colour(dotted, item, span)[0]
                for item, span in zip(wrong, places.item_spans(section, key, wrong))]
    if spec.kind == "flag":
        return [] if isinstance(value, bool) else [_wrong_type(dotted, "true or false", value,
                                                               span)]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [_wrong_type(dotted, "a number", value, span)]
    if not spec.low <= value <= spec.high:
        return [error("E053", f"`{dotted}` must be between {spec.low:g} and {spec.high:g}, "
                              f"not {value:g}", span)]
    return []


def _is_colour(value) -> bool:
    return isinstance(value, str) and _COLOUR.fullmatch(value) is not None


def _check_colour(dotted: str, value, span: Span) -> list[Diagnostic]:
    if not isinstance(value, str):
        return [_wrong_type(dotted, 'a colour such as "#1f2933"', value, span)]
    if not _COLOUR.fullmatch(value):
        return [error("E018", f"invalid colour `{value}` for `{dotted}`", span,
                      'use "#rgb" or "#rrggbb", such as "#1f2933"')]
    return []


def _check_fonts(dotted: str, value, span: Span) -> list[Diagnostic]:
    """Font names reach CSS and SVG: a stray quote would end the stylesheet's rule."""
    if not isinstance(value, str):
        return [_wrong_type(dotted, "text in quotes", value, span)]
    if font_names(value) is None:
        return [error("E055", f"invalid font family `{value}` for `{dotted}`", span,
                      "list font names separated by commas, each of letters, digits, spaces "
                      "and hyphens or in matching quotes, such as "
                      "\"'Font & Co', Arial, sans-serif\"")]
    return []


def _wrong_type(dotted: str, wanted: str, value, span: Span) -> Diagnostic:
    return error("E052", f"`{dotted}` must be {wanted}, not {kind_of(value)}", span)
