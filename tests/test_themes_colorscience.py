"""The colour science the theme tests rely on agrees with published numbers."""
from __future__ import annotations

import pytest
from colorscience import (DEUTERANOPIA, PROTANOPIA, ciede2000, contrast, delta_e, lab,
                          luminance, over, simulate)

# Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
# supplementary test data, and mathematical observations", Table 1 (pairs 1, 2, 7, 17-20, 25).
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
]


@pytest.mark.parametrize("first, second, expected", SHARMA)
def test_ciede2000_matches_sharma_test_data(first, second, expected):
    assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(second, first) == pytest.approx(expected, abs=1e-4)


def test_wcag_contrast_and_luminance():
    assert luminance("#ffffff") == pytest.approx(1.0)
    assert luminance("#000000") == 0.0
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near miss
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_lab_of_white_and_a_primary():
    assert lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.02)


def test_opacity_blends_in_srgb_as_browsers_do():
    assert over("#ffffff", "#000000", 0.5) == "#808080"
    assert over("#d64545", "#ffffff", 0.0) == "#ffffff"


def test_dichromat_simulation_keeps_greys_and_merges_red_with_green():
    for grey in ("#000000", "#808080", "#ffffff"):
        assert simulate(grey, PROTANOPIA) == grey
        assert simulate(grey, DEUTERANOPIA) == grey
    # cross-checked against ColorAide's Machado filter (severity 1) for in-gamut results
    assert simulate("#d64545", DEUTERANOPIA) == "#918441"
    assert simulate("#d64545", PROTANOPIA) == "#6d6544"
    red, green = "#d64545", "#2f9e5b"
    assert delta_e(red, green) > 60
    assert delta_e(simulate(red, DEUTERANOPIA), simulate(green, DEUTERANOPIA)) < 10
