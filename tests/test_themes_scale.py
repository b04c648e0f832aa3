"""Colour that means what it says, in every built-in theme: the middle of the emotion scale is
a grey (amber or yellow read as a warning), neighbouring values stay apart on a long scale
(1 .. 10) on the map and in the flow view's chips, and no persona wears a hue of the scale.

Distances are CIEDE2000 (colorscience.py; about 2 is just noticeable side by side):
- neighbouring levels of a 10-level scale: at least 3 on the map;
- flow-view chips (the scale tinted toward the card, `cjmdsl.backends._graph`): neighbours at
  least 2.5 and values two apart at least 5 (the issue's +3, +5, +7 that read alike). The
  `print` theme is greyscale on greyscale: its chips cannot differ by that much, and every chip
  writes its value, so it is held to the map's scale only.
- a persona colour with a hue (chroma above 15) is at least 20° of CIELCh hue from each end of
  the emotion scale that has one.
"""
from __future__ import annotations

import math
import re

import pytest
from colorscience import delta_e, lab

from cjmdsl.api import parse
from cjmdsl.backends import dot
from cjmdsl.themes import builtin_names, load_theme

THEMES = builtin_names()
LEVELS = 10
MAP_THRESHOLD = 3.0
CHIP_NEIGHBOURS, CHIP_TWO_APART = 2.5, 5.0
HUE_GAP, HUED = 20.0, 15.0

TEN = 'map "Ten" {\n  scale 1 .. 10\n  persona ann "Ann"\n  stage s "S" {\n' + "".join(
    f'    touchpoint t{v} "At {v}" {{ emotion ann {v} }}\n' for v in range(1, 11)) + "  }\n}\n"


def chroma_and_hue(color: str) -> tuple[float, float]:
    _, a, b = lab(color)
    return math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def hue_distance(first: float, second: float) -> float:
    turn = abs(first - second) % 360
    return min(turn, 360 - turn)


def scale_colors(theme, count: int) -> list[str]:
    return [str(theme.emotion_color(value, 0, count - 1)) for value in range(count)]


def chips(theme) -> list[str]:
    """The fills of the flow view's emotion rows of a touchpoint at 1, 2, … 10, as written."""
    source = dot.render(parse(TEN), theme)
    fills = []
    for value in range(1, 11):
        node = re.search(rf'id="touchpoint-t{value}"', source)
        node = source[source.rindex("label=<", 0, node.start()):node.start()]
        fills.append(re.search(r'BGCOLOR="(#[0-9a-f]{6})"', node).group(1))
    return fills


@pytest.mark.parametrize("name", THEMES)
def test_neutral_is_a_grey(name):
    theme = load_theme(name)
    middle = scale_colors(theme, 5)[2]
    assert chroma_and_hue(middle)[0] < 5, f"{name}: the middle of the scale {middle} has a hue"


@pytest.mark.parametrize("name", THEMES)
def test_neighbouring_levels_of_a_ten_level_scale_stay_apart(name):
    colors = scale_colors(load_theme(name), LEVELS)
    close = [f"{i + 1} and {i + 2} ({a}, {b}): {delta_e(a, b):.1f}"
             for i, (a, b) in enumerate(zip(colors, colors[1:])) if delta_e(a, b) < MAP_THRESHOLD]
    assert not close, f"{name}: closer than ΔE00 {MAP_THRESHOLD}: {close}"


@pytest.mark.parametrize("name", [name for name in THEMES if name != "print"])
def test_flow_view_chips_of_a_ten_level_scale_stay_apart(name):
    fills = chips(load_theme(name))
    close = [f"{i + 1} and {i + 2}: {delta_e(a, b):.1f}"
             for i, (a, b) in enumerate(zip(fills, fills[1:])) if delta_e(a, b) < CHIP_NEIGHBOURS]
    close += [f"{i + 1} and {i + 3}: {delta_e(a, b):.1f}"
              for i, (a, b) in enumerate(zip(fills, fills[2:])) if delta_e(a, b) < CHIP_TWO_APART]
    assert not close, f"{name}: flow chips too close: {close}"


@pytest.mark.parametrize("name", THEMES)
def test_persona_colours_never_reuse_the_emotion_scale_s_hues(name):
    theme = load_theme(name)
    ends = [chroma_and_hue(str(c)) for c in (theme.emotion.negative, theme.emotion.positive)]
    hues = [hue for chroma, hue in ends if chroma > HUED]
    near = [f"{color} is {hue_distance(hue, end):.0f}° from the scale's hue {end:.0f}°"
            for color in theme.personas.palette
            for chroma, hue in [chroma_and_hue(color)] if chroma > HUED
            for end in hues if hue_distance(hue, end) < HUE_GAP]
    assert not near, f"{name}: {near}"
