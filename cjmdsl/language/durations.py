"""Durations as a map writes them (`time "3 min"`, `wait "2 days"`) and the time a journey
has taken by each touchpoint, for the time axis.

A duration is one number and one unit: `3 min`, `1.5 h`, `2 days`, `1 week`, `6 mo` (the
space is optional, the unit's case is not significant). Units, with the spellings read:

    min   min, mins, minute, minutes
    h     h, hr, hrs, hour, hours
    d     d, day, days                  1 d = 24 h
    w     w, wk, wks, week, weeks       1 w = 7 d
    mo    mo, mos, month, months        1 mo = 30 d

Elapsed time is shown in days, hours and minutes (`2 d 3 h 15 min`), rounded to minutes.
"""
from __future__ import annotations

import re

from cjmdsl.model import MINUTES_PER
from cjmdsl.tuples import NamedTuple
from cjmdsl.runtime.lazyregex import LazyRegex

SPELLINGS = {
    "min": ("min", "mins", "minute", "minutes"),
    "h": ("h", "hr", "hrs", "hour", "hours"),
    "d": ("d", "day", "days"),
    "w": ("w", "wk", "wks", "week", "weeks"),
    "mo": ("mo", "mos", "month", "months"),
}
UNIT_OF = {spelling: unit for unit, spellings in SPELLINGS.items() for spelling in spellings}
EXAMPLES = '"3 min", "1.5 h" or "2 days"'
_PART = LazyRegex(r"\s*([+-]?)(\d+(?:\.\d+)?)\s*([^\d\s.+-][^\d\s]*)?")
_SHOWN_UNITS = (("d", MINUTES_PER["d"]), ("h", MINUTES_PER["h"]), ("min", 1))


class DurationMistake(ValueError):
    """Why a text is no duration: a diagnostic `code`, its message and hint, and the part of
    the text (`start`, `end`) to point at."""

    def __init__(self, code: str, message: str, hint: str, start: int, end: int):
        super().__init__(message)
        self.code, self.message, self.hint, self.start, self.end = code, message, hint, start, end


class Reading(NamedTuple):
    value: float | int
    unit: str  # a key of MINUTES_PER


def read_duration(text: str) -> Reading:
    """The number and unit `text` writes; raises DurationMistake (E095 no duration, E096 an
    unknown unit, E097 `m`, which could be minutes or months, E098 a negative duration, E099
    two parts such as `1 h 30 min`)."""
    parts = []
    position = 0
    while position < len(text) and text[position:].strip():
        match = _PART.match(text, position)
        if match is None or match.end() == position:
            raise DurationMistake("E095", f"`{text}` is not a duration",
                                  f"write a number and a unit, such as {EXAMPLES}",
                                  0, len(text))
        parts.append(match)
        position = match.end()
    if not parts:
        raise DurationMistake("E095", "the duration is empty",
                              f"write a number and a unit, such as {EXAMPLES}", 0, len(text))
    readings = [_reading(text, part) for part in parts]
    if len(readings) > 1:
        total = sum(value * MINUTES_PER[unit] for value, unit in readings)
        raise DurationMistake("E099", f"`{text.strip()}` has {len(readings)} parts",
                              f"write one number and one unit: {_suggestion(total)}",
                              parts[1].start(2), parts[-1].end())
    return readings[0]


def _reading(text: str, part: re.Match) -> Reading:
    sign, number, written = part.group(1), part.group(2), part.group(3)
    if sign == "-":
        raise DurationMistake("E098", "a duration cannot be negative",
                              f"write how long it takes or waits, such as {EXAMPLES}",
                              part.start(1), part.end(2))
    if written is None:
        raise DurationMistake("E095", f"`{number}` has no unit",
                              f'add one of min, h, d, w, mo: "{number} min"',
                              part.start(2), part.end(2))
    unit = UNIT_OF.get(written.lower())
    if unit is None and written.lower() == "m":
        raise DurationMistake("E097", "`m` could be minutes or months",
                              f'write "{number} min" or "{number} mo"',
                              part.start(3), part.end(3))
    if unit is None:  # the compiler hints at the nearest spelling (cjmdsl.language.diagnostics)
        raise DurationMistake("E096", f"unknown unit of time `{written}`",
                              "the units are min, h, d, w and mo", part.start(3), part.end(3))
    value = float(number) if "." in number else int(number)
    return Reading(value, unit)


def _suggestion(minutes: float) -> str:
    """One duration for a total of `minutes`: in the largest unit it is a whole or half of."""
    for unit in ("mo", "w", "d", "h"):
        amount = minutes / MINUTES_PER[unit]
        if amount >= 1 and (amount * 2).is_integer():
            return f'"{amount:g} {unit}"'
    return f'"{minutes:g} min"'


def shown(minutes: float) -> str:
    """A span of time in whole days, hours and minutes, leaving out those it has none of:
    `2 d 3 h`, `45 min`, `0` for none. Nothing is cut short: two steps a few minutes apart
    read differently."""
    left = round(minutes)
    parts = []
    for unit, size in _SHOWN_UNITS:
        amount, left = divmod(left, size)
        if amount:
            parts.append(f"{amount} {unit}")
    return " ".join(parts) or "0"


def elapsed(touchpoints) -> list[float]:
    """For each touchpoint in journey order, the minutes from the journey's start to when its
    step starts: every earlier step's wait and time, then its own wait. A touchpoint without
    `time` or `wait` takes no time."""
    found, clock = [], 0.0
    for tp in touchpoints:
        if tp.wait is not None:
            clock += tp.wait.minutes
        found.append(clock)
        if tp.time is not None:
            clock += tp.time.minutes
    return found
