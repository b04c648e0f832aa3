"""How numbers are written for people, in every output: one place, so the map, the page,
the flow graph, the Markdown and the messages agree."""
from __future__ import annotations


def signed(value: float) -> str:
    """An emotion value as the language writes it: +1, 0, -2, +1.5."""
    text = f"{value:g}"
    return f"+{text}" if value > 0 else text


def number(value: float) -> str:
    """A figure: thousands separated, no trailing zeros: 1,200 · 3.25 · 92.9."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def signed_number(value: float, with_plus: bool = True) -> str:
    """A figure with its sign: +1,200 · -3.25 (no `+` when `with_plus` is false)."""
    return f"+{number(value)}" if value > 0 and with_plus else number(value)
