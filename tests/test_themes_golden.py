"""One example rendered in every built-in theme matches its reviewed SVG in golden/themes/.

After an intended change to a theme (or to what themes drive), rewrite them with
`pytest tests/test_themes_golden.py --regen-golden` and read the diff before committing it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_golden import check_golden

import cjmdsl
from cjmdsl.themes import builtin_names

GOLDEN = Path(__file__).resolve().parent / "golden" / "themes"
EXAMPLE = ROOT / "examples" / "grocery-shop.cjm"


def render_in(theme: str) -> str:
    return cjmdsl.render(EXAMPLE.read_text(encoding="utf-8"), "svg", theme=theme,
                         filename=EXAMPLE.name)


@pytest.mark.parametrize("theme", builtin_names())
def test_example_in_every_theme_matches_golden(theme, regen_golden):
    check_golden(GOLDEN / f"{EXAMPLE.stem}.{theme}.svg", render_in(theme), regen_golden)


def test_no_golden_for_a_theme_that_is_gone():
    stored = sorted(p.name for p in GOLDEN.glob("*.svg"))
    assert stored == sorted(f"{EXAMPLE.stem}.{theme}.svg" for theme in builtin_names())


def test_print_theme_writes_every_emotion_value_out():
    svg = render_in("print")
    assert ">cheated (-2)<" in svg and ">relieved (+2)<" in svg
    assert ">cheated<" in render_in("default")
