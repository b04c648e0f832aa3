"""Maps laid out for the width they are shown at (issue 14): `--width`, rows of stages, a stage
continued on the next row, columns that narrow before the stages wrap, text that never shrinks."""
from __future__ import annotations

import re
import struct

import pytest
from big_maps import generated, german_bank
from conftest import EXAMPLES, PORTFOLIO
from test_cli import cjm

import cjmdsl
from cjmdsl import model
from cjmdsl.api import parse
from cjmdsl.layout.map import layout
from cjmdsl.themes import load_theme

THEME = load_theme("default")
SMALLEST_TEXT = 9  # px, at the target width


def svg_size(svg: str) -> tuple[float, float]:
    found = re.search(r'<svg [^>]*width="([0-9.]+)" height="([0-9.]+)"', svg)
    return float(found.group(1)), float(found.group(2))


def rows_drawn(svg: str) -> int:
    return svg.count('<g class="cjm-row">')


# The examples, the portfolio's among them (named as their goldens are, `portfolio/…`), and
# big maps; `journey_of` compiles each with its file's path, for the portfolio's `use`s.
FILES = {**{example.stem: example for example in EXAMPLES},
         **{f"portfolio/{example.stem}": example for example in PORTFOLIO}}
MAPS = {**{name: path.read_text(encoding="utf-8") for name, path in FILES.items()},
        "generated-40": generated(40), "generated-200": generated(200),
        "german-bank": german_bank()}


def journey_of(name: str) -> model.Journey:
    """The map called `name` in MAPS."""
    return parse(MAPS[name], limits=cjmdsl.api.DEFAULT_LIMITS, path=FILES.get(name))


def test_render_lays_a_map_out_for_880_px_by_default(tmp_path):
    shop = tmp_path / "shop.cjm"
    shop.write_text(MAPS["grocery-shop"], encoding="utf-8")
    run = cjm("render", str(shop), cwd=tmp_path)
    assert run.code == 0, run.stderr
    svg = shop.with_suffix(".svg").read_text(encoding="utf-8")
    assert svg_size(svg)[0] == 880
    assert rows_drawn(svg) > 1


@pytest.mark.parametrize("one_row", ["0", "none", "NONE"])
def test_width_0_or_none_draws_one_row_as_wide_as_the_journey(tmp_path, one_row):
    shop = tmp_path / "shop.cjm"
    shop.write_text(MAPS["grocery-shop"], encoding="utf-8")
    run = cjm("render", str(shop), "--width", one_row, "-o", "-", cwd=tmp_path)
    assert run.code == 0, run.stderr
    svg = run.stdout.decode()
    assert svg_size(svg)[0] == 1888
    assert rows_drawn(svg) == 1


@pytest.mark.parametrize("width, message", [
    ("200", "200 is narrower than the smallest map (320 px: the labels and one column)"),
    ("wide", "'wide' is not a whole number of pixels (or `none` for one row)"),
    ("-5", "'-5' is not a whole number of pixels"),
])
def test_a_width_that_cannot_be_laid_out_is_a_usage_error(tmp_path, width, message):
    shop = tmp_path / "shop.cjm"
    shop.write_text(MAPS["grocery-shop"], encoding="utf-8")
    run = cjm("render", str(shop), "--width", width, cwd=tmp_path)
    assert run.code == 2
    assert message in run.stderr
    assert not shop.with_suffix(".svg").exists()


def test_width_does_not_apply_to_a_format_without_a_layout_width(tmp_path):
    shop = tmp_path / "shop.cjm"
    shop.write_text(MAPS["grocery-shop"], encoding="utf-8")
    run = cjm("render", str(shop), "-f", "html", "--width", "880", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.strip() == "cjm: error: --width does not apply to -f html"


def test_the_png_follows_the_target_width(tmp_path):
    pytest.importorskip("resvg_py")
    shop = tmp_path / "shop.cjm"
    shop.write_text(MAPS["saas-onboarding"], encoding="utf-8")
    run = cjm("render", str(shop), "-f", "png", "--scale", "1", "--width", "1000", cwd=tmp_path)
    assert run.code == 0, run.stderr
    header = shop.with_suffix(".png").read_bytes()[:24]
    assert struct.unpack(">II", header[16:24])[0] == 1000


def test_the_api_takes_the_width_and_refuses_it_for_a_format_without_one():
    assert svg_size(cjmdsl.render(MAPS["saas-onboarding"], width=1000))[0] == 1000
    with pytest.raises(ValueError, match="format 'json' takes no option width"):
        cjmdsl.render(MAPS["saas-onboarding"], "json", width=1000)


def test_a_stage_longer_than_a_row_continues_on_the_next_marked_continued():
    geometry = layout(parse(generated(14, per_stage=12)), THEME, 880)
    names = [[stage.label.lines for stage in row.stages] for row in geometry.rows]
    assert names == [[("Stage 1",)], [("Stage 1 (continued)",)],
                     [("Stage 1 (continued)",), ("Stage 2",)]]
    assert [len(row.touchpoints) for row in geometry.rows] == [5, 5, 4]


def test_a_stage_that_does_not_fit_what_is_left_of_a_row_starts_the_next():
    geometry = layout(parse(MAPS["grocery-shop"]), THEME, 880)
    assert [[s.stage_id for s in row.stages] for row in geometry.rows] == [
        ["awareness", "consideration"], ["purchase", "delivery", "retention"]]


def test_columns_narrow_before_the_stages_wrap():
    """Five touchpoints need 930 px at the theme's 176 px columns; at 880 px they narrow and
    stay in one row rather than wrap."""
    geometry = layout(parse(generated(5)), THEME, 880)
    assert len(geometry.rows) == 1
    widths = {tp.card.width for tp in geometry.touchpoints}
    assert len(widths) == 1 and 0.7 * 176 <= widths.pop() < 176


def test_each_row_repeats_the_lane_labels_the_scale_and_the_stage_names():
    geometry = layout(parse(MAPS["grocery-shop"]), THEME, 880)
    first, *others = geometry.rows
    assert others
    for row in others:
        assert [lane.label.lines for lane in row.lanes] == [l.label.lines for l in first.lanes]
        assert [lv.label.lines for lv in row.emotion.levels if lv.label] == [
            lv.label.lines for lv in first.emotion.levels if lv.label]
        assert row.stages and row.divider is not None
        assert row.box.y > first.box.bottom


@pytest.mark.parametrize("width", [880, 1000])
@pytest.mark.parametrize("name", list(MAPS))
def test_a_map_is_its_target_width_and_no_text_is_smaller_than_9_px(name, width):
    journey = journey_of(name)
    theme = load_theme(journey.theme or "default")
    geometry = layout(journey, theme, width)
    assert geometry.width == width
    assert min(block.size for block in geometry.text_blocks()) >= SMALLEST_TEXT
    assert svg_size(cjmdsl.render(journey, width=width))[0] == width


def test_the_layout_does_not_visit_every_persona_at_every_touchpoint(monkeypatch):
    """300 personas and 300 touchpoints, one emotion each: the work grows with personas plus
    touchpoints (plus the values), never with their product (90,000 pairs)."""
    personas = "".join(f'  persona p{i} "P{i}"\n' for i in range(300))
    touchpoints = "".join(f'    touchpoint t{i} "T" {{ channel web emotion p{i} 1 }}\n'
                          for i in range(300))
    journey = parse(f'map "M" {{\n{personas}  stage s "S" {{\n{touchpoints}  }}\n}}\n')
    asked = []
    for name in ("emotion_of", "expectation_of"):
        original = getattr(model.Touchpoint, name)
        monkeypatch.setattr(model.Touchpoint, name,
                            lambda self, persona, _original=original: asked.append(1)
                            or _original(self, persona))
    for width in (None, 880):
        layout(journey, THEME, width)
    assert len(asked) < 10 * (300 + 300)


@pytest.mark.parametrize("shape", [595.28 / 841.89, 841.89 / 595.28])
def test_pages_repeat_the_title_and_legend_and_hold_every_row_once(shape):
    from cjmdsl.layout.map import pages

    journey = parse(MAPS["generated-40"])
    whole = layout(journey, THEME, 880)
    printed = pages(journey, THEME, 880, shape)
    assert len(printed) > 1
    assert all(p.title == whole.title and p.legend == whole.legend for p in printed)
    assert all(p.height >= 880 * shape - 0.01 for p in printed)
    assert [tp.touchpoint_id for p in printed for tp in p.touchpoints] == [
        tp.touchpoint_id for tp in whole.touchpoints]
    assert [bool(p.kpis) for p in printed] == [False] * (len(printed) - 1) + [True]


def test_a_curve_broken_at_a_row_end_is_marked_where_it_goes_on():
    """Each persona's curve ends the first row with a dotted lead and a chevron at the row's
    right edge, and starts the second row with one from its left edge; one row has none."""
    rows = layout(parse(MAPS["grocery-shop"]), THEME, 880).rows
    first, second = rows[0].emotion, rows[1].emotion
    for lane, edge in ((first, first.plot.right), (second, second.plot.x)):
        assert {curve.persona_id for curve in lane.curves if curve.continues} == {"maya", "tom"}
        for curve in lane.curves:
            assert all(f"{edge:g} " in lead for lead in curve.continues)
            assert len(curve.continue_marks) == len(curve.continues)
    one_row = layout(parse(MAPS["grocery-shop"]), THEME, None)
    assert not any(curve.continues for lane in one_row.emotion_lanes for curve in lane.curves)
    assert '"cjm-continues ' in cjmdsl.render(MAPS["grocery-shop"])
    assert 'cjm-continues' not in cjmdsl.render(MAPS["grocery-shop"], width=0)
