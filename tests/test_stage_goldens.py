"""Per-stage goldens: the geometry the layout hands to the backends, for every example.

The end-to-end goldens (test_golden.py) say that an output changed; these say where: a
layout change shows as a diff of `tests/golden/geometry/<example>-<theme>.json`, the
`Geometry.to_json()` text, naming the boxes and text blocks that moved. The model stage's
golden is the public JSON output (`tests/golden/<example>.json`, checked by test_golden.py):
it already holds every field of every model object with its source span, and the test below
keeps it that way. The parse stage's expectations are the diagnostics table in
test_diagnostics.py. After an intended layout change, rewrite them with
`pytest tests/test_stage_goldens.py --regen-golden` and read the diff before committing it.
"""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_golden import GOLDEN, check_golden

import cjmdsl
from cjmdsl.backends.json import to_data
from cjmdsl.layout.geometry import Box, plain_data
from cjmdsl.layout.map import layout
from cjmdsl.themes import builtin_names, load_theme

GEOMETRY = GOLDEN / "geometry"
# The themes that place things differently (fonts, spacing, values written out); the others
# only recolour one of these, which the SVG goldens in golden/themes/ cover.
THEMES = ("default", "print", "corporate", "high-contrast")
# One row (the golden's name has no width), and rows of stages for the default target width.
WIDTHS = (None, 880)
CHANGES_SHOWN = 25


def journey_of(example: Path):
    return cjmdsl.parse(example.read_text(encoding="utf-8"), example.name)


def geometry_json(example: Path, theme: str, width: int | None = None) -> str:
    return layout(journey_of(example), load_theme(theme), width).to_json()


def golden_name(example: Path, theme: str, width: int | None) -> str:
    return f"{example.stem}-{theme}{f'-{width}' if width else ''}.json"


def changed_values(expected, actual, where: str = "") -> list[str]:
    """Each value that differs, by its path in the geometry (`lanes[pains].cards[2].box.y`)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return [change for key in sorted(expected.keys() | actual.keys())
                for change in changed_values(expected.get(key), actual.get(key),
                                             f"{where}.{key}" if where else key)]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [change for index, (old, new) in enumerate(zip(expected, actual))
                for change in changed_values(old, new, f"{where}[{_item_name(new, index)}]")]
    if expected == actual:
        return []
    return [f"{where}: {json.dumps(expected, ensure_ascii=False)[:80]} -> "
            f"{json.dumps(actual, ensure_ascii=False)[:80]}"]


def _item_name(item, index: int) -> str:
    """A list item by the id or kind it shows, so the path names the thing, not a number."""
    if isinstance(item, dict):
        for key in sorted(item):
            if (key.endswith("_id") or key == "kind") and isinstance(item[key], str):
                return f"{index}:{item[key]}"
    return str(index)


def check_geometry_golden(path: Path, actual: str, regen: bool) -> None:
    """`check_golden`, with the moved values listed by their path under the text diff."""
    try:
        check_golden(path, actual, regen)
    except AssertionError as failure:
        if not path.exists():
            raise
        changes = changed_values(json.loads(path.read_text(encoding="utf-8")), json.loads(actual))
        listed = changes[:CHANGES_SHOWN]
        if len(changes) > CHANGES_SHOWN:
            listed.append(f"… {len(changes) - CHANGES_SHOWN} more changed values")
        raise AssertionError(f"{failure}\n\nchanged geometry values:\n"
                             + "\n".join(listed)) from None


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px" if w else "one-row")
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_layout_of_example_matches_geometry_golden(example, theme, width, regen_golden):
    check_geometry_golden(GEOMETRY / golden_name(example, theme, width),
                          geometry_json(example, theme, width), regen_golden)


def test_no_geometry_golden_without_its_example_and_theme():
    stored = sorted(p.name for p in GEOMETRY.glob("*.json"))
    assert stored == sorted(golden_name(e, t, w) for e in EXAMPLES for t in THEMES for w in WIDTHS)


def test_every_builtin_theme_places_things_as_a_theme_with_a_geometry_golden():
    """A new theme with its own fonts or spacing needs its row in THEMES."""
    def positions(example, theme):
        return re.sub(r'"#[0-9a-f]{6}"', '"colour"', geometry_json(example, theme))

    for example in EXAMPLES:
        covered = {positions(example, theme) for theme in THEMES}
        uncovered = [t for t in builtin_names() if positions(example, t) not in covered]
        assert not uncovered, f"{example.name}: no geometry golden places things as {uncovered}"


def test_geometry_json_rounds_to_two_decimals_without_minus_zero():
    text = json.dumps(plain_data(Box(x=-0.001, y=2.0, width=10.126, height=1 / 3)))
    assert text == '{"x": 0, "y": 2, "width": 10.13, "height": 0.33}'


def test_geometry_mismatch_names_the_value_that_moved(tmp_path):
    example = EXAMPLES[0]
    stored = tmp_path / "map.json"
    stored.write_text(geometry_json(example, "default"), encoding="utf-8")
    moved = json.loads(geometry_json(example, "default"))
    moved["rows"][0]["lanes"][0]["cards"][1]["box"]["y"] += 4
    with pytest.raises(AssertionError) as failure:
        check_geometry_golden(stored, json.dumps(moved, indent=2, sort_keys=True) + "\n", False)
    lane = moved["rows"][0]["lanes"][0]
    card = lane["cards"][1]
    assert (f"rows[0].lanes[0:{lane['kind']}].cards[1:{card['kind']}].box.y: "
            f"{card['box']['y'] - 4} -> {card['box']['y']}") in str(failure.value)
    assert "--- map.json (golden)" in str(failure.value)


def test_model_golden_is_the_json_output_with_every_model_field():
    """If the JSON backend ever leaves a model field out, the model needs its own golden."""
    def missing(value, data, where):
        if dataclasses.is_dataclass(value):
            return [gap for f in dataclasses.fields(value) if f.name != "source_name"
                    for gap in ([f"{where}.{f.name}"] if f.name not in data else
                                missing(getattr(value, f.name), data[f.name], f"{where}.{f.name}"))]
        if isinstance(value, tuple):
            return [gap for index, item in enumerate(value)
                    for gap in missing(item, data[index], f"{where}[{index}]")]
        return []

    for example in EXAMPLES:
        journey = journey_of(example)
        golden = json.loads((GOLDEN / f"{example.stem}.json").read_text(encoding="utf-8"))
        assert golden["journey"] == to_data(journey)
        assert missing(journey, golden["journey"], "journey") == []
