"""Colour arithmetic the themes need at run time: blending, in sRGB and in Oklab.

Colours are "#rrggbb" strings (or "#rgb"). Oklab (Björn Ottosson, 2020) is a perceptual
space: equal steps in it look like equal steps, so a scale interpolated there has no muddy
stretch and no sudden jump between neighbouring levels.
"""
from __future__ import annotations

import functools
import math


def rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: str, b: str, t: float) -> str:
    """Linear blend of two colours in sRGB (as a browser blends with opacity), t in 0..1."""
    t = min(max(t, 0.0), 1.0)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(rgb(a), rgb(b)))


@functools.lru_cache(maxsize=1024)  # the emotion scale's colour of each value: asked per point
def blend(a: str, b: str, t: float) -> str:
    """Blend of two colours in Oklab, t in 0..1: perceptually even steps from `a` to `b`."""
    t = min(max(t, 0.0), 1.0)
    start, end = _oklab(a), _oklab(b)
    return _from_oklab(tuple(x + (y - x) * t for x, y in zip(start, end)))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> int:
    c = min(max(channel, 0.0), 1.0)
    c = c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return round(c * 255)


def _oklab(color: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in rgb(color))
    lms = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
           0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
           0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
    l_, m_, s_ = (math.copysign(abs(x) ** (1 / 3), x) for x in lms)
    return (0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
            1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
            0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_)


def _from_oklab(lab: tuple[float, float, float]) -> str:
    lightness, a, b = lab
    l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    linear = (4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
              -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
              -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_)
    return "#" + "".join(f"{_encoded(c):02x}" for c in linear)
