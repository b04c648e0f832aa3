"""Every example, rendered to SVG and JSON, matches the output stored beside the tests.

`tests/golden/<name>.svg|.json` are the reviewed outputs (the SVG at the default width, 880
px; `<name>.one-row.svg` in one row, `<name>.stages.svg` the stages view); `examples/<name>.svg` are the
pictures the README shows beside the examples, kept current by the same check. After an
intended change, rewrite them all with `pytest tests/test_golden.py --regen-golden` and read
the diff before committing it.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

import cjmdsl

GOLDEN = Path(__file__).resolve().parent / "golden"
DIFF_LINES = 40


def rendered(example: Path, format_name: str, **options) -> str:
    return cjmdsl.render(example.read_text(encoding="utf-8"), format_name, filename=example.name,
                         **options)


def diff_excerpt(expected: str, actual: str, name: str) -> str:
    """The first lines of a unified diff, enough to see what changed without flooding the log."""
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                      f"{name} (golden)", f"{name} (rendered)", lineterm="", n=1))
    shown = [line if len(line) <= 200 else line[:200] + " …" for line in lines[:DIFF_LINES]]
    if len(lines) > DIFF_LINES:
        shown.append(f"… {len(lines) - DIFF_LINES} more diff lines")
    return "\n".join(shown)


def check_golden(path: Path, actual: str, regen: bool) -> None:
    """Compare `actual` with the golden file byte for byte, or rewrite it under --regen-golden."""
    data = actual.encode("utf-8")
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        return
    relative = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    assert path.exists(), f"{relative} is missing; create it with `pytest --regen-golden`"
    expected = path.read_bytes().decode("utf-8")
    assert expected == actual, (
        f"{relative} differs from the rendered output; if the change is intended, run "
        "`pytest --regen-golden` and review the diff\n"
        + diff_excerpt(expected, actual, relative.name)
    )


def test_there_are_examples():
    assert len(EXAMPLES) >= 3, "examples/*.cjm went missing"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_svg_matches_golden(example, regen_golden):
    check_golden(GOLDEN / f"{example.stem}.svg", rendered(example, "svg"), regen_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_one_row_svg_matches_golden(example, regen_golden):
    """`width=0`: the map in one row, as wide as its journey (the layout before rows)."""
    check_golden(GOLDEN / f"{example.stem}.one-row.svg", rendered(example, "svg", width=0),
                 regen_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_stages_view_svg_matches_golden(example, regen_golden):
    """`view="stages"`: the overview, one column per stage, at 880 px."""
    check_golden(GOLDEN / f"{example.stem}.stages.svg", rendered(example, "svg", view="stages"),
                 regen_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_json_matches_golden(example, regen_golden):
    check_golden(GOLDEN / f"{example.stem}.json", rendered(example, "json"), regen_golden)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_readme_picture_of_example_is_current(example, regen_golden):
    check_golden(example.with_suffix(".svg"), rendered(example, "svg"), regen_golden)


def test_diff_excerpt_is_short_and_names_the_change():
    expected = "\n".join(f"line {i}" for i in range(200))
    actual = "\n".join(f"line {i}" if i % 2 else f"changed {i}" for i in range(200))
    excerpt = diff_excerpt(expected, actual, "map.svg")
    assert excerpt.startswith("--- map.svg (golden)\n+++ map.svg (rendered)")
    assert "-line 0" in excerpt and "+changed 0" in excerpt
    assert len(excerpt.splitlines()) == DIFF_LINES + 1
    assert excerpt.splitlines()[-1].endswith("more diff lines")


def test_golden_mismatch_fails_with_a_diff(tmp_path):
    stored = tmp_path / "map.json"
    stored.write_text('{\n  "a": 1\n}\n', encoding="utf-8")
    with pytest.raises(AssertionError) as failure:
        check_golden(stored, '{\n  "a": 2\n}\n', regen=False)
    assert '-  "a": 1' in str(failure.value) and '+  "a": 2' in str(failure.value)
    check_golden(stored, '{\n  "a": 2\n}\n', regen=True)
    assert stored.read_text(encoding="utf-8") == '{\n  "a": 2\n}\n'


GERMAN = GOLDEN / "lang" / "de.cjm"


def test_german_map_matches_golden(regen_golden):
    """`lang "de"`: lane names, the stage plan's headings, "Moment der Wahrheit", the KPI's
    sentence and target, the alt text, and figures written the German way (1.850 von 2.400)."""
    check_golden(GERMAN.with_suffix(".svg"), rendered(GERMAN, "svg"), regen_golden)
