"""Every built-in theme's fonts and spacing still fit every line of text in a real browser."""
from __future__ import annotations

import pytest
from test_browser_text import lines_not_fitting_in_chromium
from test_themes_golden import EXAMPLE

from cjmdsl.api import parse
from cjmdsl.layout.map import DEFAULT_WIDTH, layout
from cjmdsl.themes import builtin_names, load_theme

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", builtin_names())
def test_every_line_fits_its_box_in_every_theme(name, page, tmp_path):
    journey = parse(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE.name)
    theme = load_theme(name)
    assert lines_not_fitting_in_chromium(page, journey, theme, layout(journey, theme, DEFAULT_WIDTH),
                                         tmp_path / f"{name}.svg") == []
