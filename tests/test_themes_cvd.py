"""The colour-blind themes stay readable with red–green colour blindness.

Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0 (protanopia, deuteranopia), the
matrices in colorscience.py, applied in linear sRGB and clipped to the gamut. Distance:
CIEDE2000 in CIELAB (D65). A pair counts as apart when its distance is at least the threshold
for normal vision and under both simulations.

Thresholds (ΔE00; about 2 is just noticeable side by side, 10 an obvious difference):
- any two persona colours: 12 (personas also differ by marker shape);
- neighbouring emotion levels: 20 on a 3-level scale, 10 on a 5-level scale (the default
  -2 .. 2), 6 on a 7-level scale; levels also differ by their row on the axis.
"""
from __future__ import annotations

import itertools

import pytest
from colorscience import DEUTERANOPIA, PROTANOPIA, delta_e, simulate

from cjmdsl.themes import load_theme

COLORBLIND = ["colorblind", "colorblind-dark"]
PERSONA_THRESHOLD = 12.0
EMOTION_THRESHOLDS = {3: 20.0, 5: 10.0, 7: 6.0}
VISIONS = {"normal vision": None, "protanopia": PROTANOPIA, "deuteranopia": DEUTERANOPIA}


def apart(a: str, b: str) -> tuple[float, str]:
    """The smallest CIEDE2000 distance of two colours over the three visions, and which."""
    return min((delta_e(a, b) if matrix is None else delta_e(simulate(a, matrix),
                                                             simulate(b, matrix)), vision)
               for vision, matrix in VISIONS.items())


def emotion_levels(theme, count: int) -> list[str]:
    return [theme.emotion_color(value, 0, count - 1) for value in range(count)]


@pytest.mark.parametrize("name", COLORBLIND)
def test_persona_colours_stay_apart_with_red_green_colour_blindness(name):
    palette = load_theme(name).personas["palette"]
    close = [f"{a} and {b}: {distance:.1f} with {vision}"
             for a, b in itertools.combinations(palette, 2)
             for distance, vision in [apart(a, b)] if distance < PERSONA_THRESHOLD]
    assert not close, f"{name}: persona colours closer than ΔE00 {PERSONA_THRESHOLD}: {close}"


@pytest.mark.parametrize("levels", sorted(EMOTION_THRESHOLDS))
@pytest.mark.parametrize("name", COLORBLIND)
def test_neighbouring_emotion_colours_stay_apart(name, levels):
    colors = emotion_levels(load_theme(name), levels)
    threshold = EMOTION_THRESHOLDS[levels]
    close = [f"levels {i} and {i + 1} ({a}, {b}): {distance:.1f} with {vision}"
             for i, (a, b) in enumerate(zip(colors, colors[1:]))
             for distance, vision in [apart(a, b)] if distance < threshold]
    assert not close, f"{name}, {levels} levels: closer than ΔE00 {threshold}: {close}"


def test_the_default_theme_would_fail_so_the_check_has_teeth():
    """Red–amber–green is the scale colour-blind readers cannot tell apart."""
    colors = emotion_levels(load_theme("default"), 5)
    assert min(apart(a, b)[0] for a, b in zip(colors, colors[1:])) < EMOTION_THRESHOLDS[5]


def test_cvd_report():
    """The smallest distances, for the release notes (`pytest -s -k cvd_report`)."""
    for name in COLORBLIND:
        theme = load_theme(name)
        personas = min(apart(a, b) for a, b in itertools.combinations(theme.personas["palette"], 2))
        print(f"{name}: personas {personas[0]:.1f} ({personas[1]})", end="")
        for levels in sorted(EMOTION_THRESHOLDS):
            colors = emotion_levels(theme, levels)
            low = min(apart(a, b) for a, b in zip(colors, colors[1:]))
            print(f"; {levels} levels {low[0]:.1f} ({low[1]})", end="")
        print()
