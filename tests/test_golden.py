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
from conftest import EXAMPLES, PORTFOLIO, PORTFOLIO_FOLDER, ROOT

import cjmdsl

GOLDEN = Path(__file__).resolve().parent / "golden"
DIFF_LINES = 40


def rendered(example: Path, format_name: str, **options) -> str:
    return cjmdsl.render(example.read_text(encoding="utf-8"), format_name, filename=example.name,
                         path=example, **options)


# The examples, those of the portfolio among them (their goldens in golden/portfolio/).
MAPS = EXAMPLES + PORTFOLIO


def golden(example: Path, suffix: str) -> Path:
    return GOLDEN / example.relative_to(ROOT / "examples").with_suffix(suffix)


def name(example: Path) -> str:
    return example.relative_to(ROOT / "examples").with_suffix("").as_posix()


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
    assert PORTFOLIO, "examples/portfolio/*.cjm went missing"


def test_every_cjm_file_under_examples_is_a_tested_map_or_the_portfolios_library():
    """A map in a new subfolder would otherwise escape the goldens."""
    found = sorted((ROOT / "examples").rglob("*.cjm"))
    libraries = [path for path in found if path not in MAPS]
    assert [path.relative_to(ROOT).as_posix() for path in libraries] == \
        ["examples/portfolio/personas.cjm"]
    assert all(path.parent == PORTFOLIO_FOLDER for path in PORTFOLIO)


@pytest.mark.parametrize("example", MAPS, ids=name)
def test_svg_matches_golden(example, regen_golden):
    check_golden(golden(example, ".svg"), rendered(example, "svg"), regen_golden)


@pytest.mark.parametrize("example", MAPS, ids=name)
def test_one_row_svg_matches_golden(example, regen_golden):
    """`width=0`: the map in one row, as wide as its journey (the layout before rows)."""
    check_golden(golden(example, ".one-row.svg"), rendered(example, "svg", width=0),
                 regen_golden)


@pytest.mark.parametrize("example", MAPS, ids=name)
def test_stages_view_svg_matches_golden(example, regen_golden):
    """`view="stages"`: the overview, one column per stage, at 880 px."""
    check_golden(golden(example, ".stages.svg"), rendered(example, "svg", view="stages"),
                 regen_golden)


@pytest.mark.parametrize("example", MAPS, ids=name)
def test_json_matches_golden(example, regen_golden):
    check_golden(golden(example, ".json"), rendered(example, "json"), regen_golden)


@pytest.mark.parametrize("example", MAPS, ids=name)
def test_markdown_matches_golden(example, regen_golden):
    check_golden(golden(example, ".md"), rendered(example, "md"), regen_golden)


@pytest.mark.parametrize("example", MAPS, ids=name)
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
