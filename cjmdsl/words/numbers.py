"""How numbers are written for people, in every output: one place, so the map, the page,
the flow graph, the Markdown and the messages agree. Figures follow the language being
written (`cjmdsl.words.locales`): 1,850 in English, 1.850 in German, 1 850 in French."""
from __future__ import annotations

import re

from cjmdsl.words import locales

# A unit of three capital letters is an ISO 4217 currency code (EUR, USD, JPY).
_CURRENCY = re.compile(r"[A-Z]{3}")


def signed(value: float) -> str:
    """A value with its sign, as the language writes it and as a difference reads: +1, 0,
    -2, +1.5. (A point on a scale is written by `on_scale`.)"""
    text = f"{value:g}"
    return f"+{text}" if value > 0 else text


def has_middle(low: float, high: float) -> bool:
    """A scale has a middle when it runs from below zero to above it (-2 .. 2): its values
    read as better or worse than neutral. 1 .. 10 or 0 .. 5 are scores, with no middle."""
    return low < 0 < high


def on_scale(value: float, scale) -> str:
    """A point on the emotion `scale` (anything with `low` and `high`) as every output
    shows it: signed where the scale has a middle (+1, 0, -2), plain where it has none (4)."""
    return signed_number(value) if has_middle(scale.low, scale.high) else number(value)


def number(value: float) -> str:
    """A figure: thousands separated, no trailing zeros: 1,200 · 3.25 · 92.9 (in English;
    Babel writes it for another language)."""
    if not locales.is_english():
        from babel.numbers import format_decimal

        return format_decimal(_decimal(value), format="#,##0.######",
                              locale=locales.babel_locale(locales.language()))
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def percent(value: float, with_sign: bool = False) -> str:
    """A percentage written for the language: 92.9% · 92,9 % (German) · +30%."""
    sign = "+" if with_sign and value > 0 else ""
    if locales.is_english():
        return f"{sign}{number(value)}%"
    from babel.numbers import format_percent

    return sign + format_percent(_decimal(value) / 100, decimal_quantization=False,
                                 locale=locales.babel_locale(locales.language()))


def _decimal(value: float) -> Decimal:
    """`value` as the decimal it was written as (0.1 stays 0.1, not 0.1000000000000000055)."""
    from decimal import Decimal  # for Babel only: a map in English needs no decimal module

    return Decimal(repr(float(value))).normalize() if not float(value).is_integer() \
        else Decimal(int(value))


def amount(value: float, unit: str | None = None) -> str:
    """A figure with its unit: 42 days · 1,234.5 km. A currency code goes first, and cents
    are written in full: EUR 1,200 · USD 4.50 (as the EU and ISO style guides write it)."""
    if not unit:
        return number(value)
    if not _CURRENCY.fullmatch(unit):
        return f"{number(value)} {unit}"
    text = number(value)
    if "." in text and len(text.rsplit(".", 1)[1]) == 1:
        text += "0"
    return f"{unit} {text}"


def signed_number(value: float) -> str:
    """A figure with its sign: +1,200 · -3.25."""
    return f"+{number(value)}" if value > 0 else number(value)


def plural(count: float, noun: str, nouns: str | None = None) -> str:
    """The word for `count` things: `noun` for one, else `nouns` (by default `noun` + s)."""
    return noun if count == 1 else nouns or noun + "s"


def counted(count: float, noun: str, nouns: str | None = None) -> str:
    """A number of things as a person writes it: 1 stage · 3 touchpoints · 1,200 customers."""
    return f"{number(count)} {plural(count, noun, nouns)}"


def as_written(value: float) -> str:
    """A number as the language (and Mermaid, and a spreadsheet cell) reads it, whatever the
    map's language: no separators, no exponent, no trailing zeros: 3 · -1.5 · 0.0001."""
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return text if "e" not in text else f"{value:.12f}".rstrip("0").rstrip(".")
