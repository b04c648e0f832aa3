"""The header introduces the people and the goals (issue 15 part 2): persona cards under the
title, stage goals and brand actions under each stage's name, KPIs with the stage they name;
and space follows content (part 3): cards as tall as their text, no strip right of the grid,
a one-touchpoint map that is laid out like a map."""
from __future__ import annotations

import textwrap

import pytest
from conftest import EXAMPLES
from test_cli import cjm

import cjmdsl
from cjmdsl.api import parse
from cjmdsl.layout.map import layout
from cjmdsl.layout.textmetrics import line_height
from cjmdsl.themes import load_theme

THEME = load_theme("default")
MARGIN = THEME.spacing.margin
SMALLEST_TEXT = 9

SHOP = textwrap.dedent("""\
    map "Shop" {
      persona maya "Maya" {
        role "Busy parent"
        goal "Shop in ten minutes"
        need "A clear total"
        pain "Fees at the last step"
        quote "Just tell me the price."
      }
      stage browse "Browse" {
        goal "Find the weekly basket"
        brand "Show real baskets"
        touchpoint ad "Sees an ad" { channel social action "Taps the ad" emotion maya 1 }
        touchpoint search "Searches for a shop that delivers today" {
          channel search
          action "Googles delivery"
        }
      }
      stage checkout "Checkout" {
        touchpoint pay "Pays" { channel web action "Pays with a card" emotion maya -1 }
      }
      kpi conversion "Checkout conversion" value 11% higher target 15% at checkout
      kpi nps "Net Promoter Score" value 42 higher target 50
    }
    """)

ONE = textwrap.dedent("""\
    map "A map of one touchpoint" {
      persona ana "Ana" { role "First-time buyer" goal "Buy once" }
      stage buy "Buy" {
        goal "Pay without surprises"
        touchpoint pay "Pays" { channel web action "Pays" emotion ana 1 }
      }
    }
    """)


def svg_texts(svg: str) -> str:
    return svg.replace("</tspan><tspan", "</tspan> <tspan")


def five_personas() -> str:
    personas = "".join(
        f'  persona p{i} "Persona number {i}" {{ role "Role {i}" goal "Goal of persona {i}, '
        f'which is long enough to wrap" need "Need {i}" pain "Pain {i}" quote "Quote {i}" }}\n'
        for i in range(5))
    emotions = " ".join(f"emotion p{i} 1" for i in range(5))
    return (f'map "Five" {{\n{personas}  stage s "S" {{ touchpoint t "T" {{ channel web '
            f'{emotions} }} }}\n}}\n')


# ── persona cards ──────────────────────────────────────────────────────────
def test_the_svg_introduces_each_persona_with_role_goal_need_pain_and_quote():
    svg = cjmdsl.render(SHOP)
    assert 'class="cjm-persona-card' in svg or "cjm-fill-card cjm-persona-card" in svg
    for words in ("Busy parent", "Shop in ten minutes", "A clear total", "Fees at the last step",
                  "“Just tell me the price.”", "GOAL", "NEEDS", "PAIN"):
        assert f">{words}</tspan>" in svg, words
    assert "Maya · Busy parent" not in svg


def test_persona_cards_off_names_each_persona_on_one_line_of_the_legend(tmp_path):
    shop = tmp_path / "shop.cjm"
    shop.write_text(SHOP, encoding="utf-8")
    run = cjm("render", str(shop), "--persona-cards", "off", "-o", "-", cwd=tmp_path)
    assert run.code == 0, run.stderr
    svg = run.stdout.decode()
    assert ">Maya · Busy parent</tspan>" in svg
    assert "cjm-persona-card" not in svg and "Shop in ten minutes" not in svg


def test_persona_cards_false_in_the_config_hides_the_cards(tmp_path):
    (tmp_path / "cjm.toml").write_text("persona_cards = false\n", encoding="utf-8")
    (tmp_path / "shop.cjm").write_text(SHOP, encoding="utf-8")
    run = cjm("render", "shop.cjm", "-o", "-", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert ">Maya · Busy parent</tspan>" in run.stdout.decode()
    shown = cjm("config", ".", cwd=tmp_path).stdout.decode()
    assert "persona_cards           false                           cjm.toml:1" in shown


def test_persona_cards_in_the_config_must_be_true_or_false(tmp_path):
    (tmp_path / "cjm.toml").write_text('persona_cards = "off"\n', encoding="utf-8")
    (tmp_path / "shop.cjm").write_text(SHOP, encoding="utf-8")
    run = cjm("render", "shop.cjm", "-o", "-", cwd=tmp_path)
    assert run.code == 1
    assert "error[E062]: `persona_cards` must be true or false, not text" in run.stderr


def test_persona_cards_is_a_usage_error_for_a_format_without_them(tmp_path):
    (tmp_path / "shop.cjm").write_text(SHOP, encoding="utf-8")
    run = cjm("render", "shop.cjm", "-f", "md", "--persona-cards", "off", "-o", "-", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.strip() == "cjm: error: --persona-cards does not apply to -f md"


@pytest.mark.parametrize("width, lines", [(320, 5), (880, 2), (1600, 1)])
def test_persona_cards_wrap_into_a_grid_inside_the_width(width, lines):
    geometry = layout(parse(five_personas()), THEME, width)
    cards = [entry.card.box for entry in geometry.legend]
    assert len(cards) == 5
    for box in cards:
        assert MARGIN - 0.01 <= box.x and box.right <= width - MARGIN + 0.01
    for i, a in enumerate(cards):
        for b in cards[i + 1:]:
            assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
    assert len({box.y for box in cards}) == lines
    first_row = min(stage.box.y for stage in geometry.stages)
    assert max(box.bottom for box in cards) < first_row
    assert min(block.size for block in geometry.text_blocks()) >= SMALLEST_TEXT
    for entry in geometry.legend:  # every text inside its card
        for block in (entry.label, *entry.card.texts):
            assert entry.card.box.x <= block.box.x and block.box.right <= entry.card.box.right
            assert entry.card.box.y <= block.box.y and block.box.bottom <= entry.card.box.bottom


# ── stage goals and KPIs ───────────────────────────────────────────────────
def test_stage_goals_and_brand_actions_sit_under_the_stage_name():
    geometry = layout(parse(SHOP), THEME, 880)
    (row,) = geometry.rows
    (browse,) = [goal for goal in row.goals if goal.stage_id == "browse"]
    header = next(stage for stage in row.stages if stage.stage_id == "browse")
    lines = [line for block in browse.texts for line in block.lines]
    assert lines[:4] == ["CUSTOMER GOAL", "Find the weekly basket", "BRAND ACTION",
                         "Show real baskets"]
    assert header.box.bottom <= browse.box.y
    assert browse.box.bottom <= min(tp.card.y for tp in row.touchpoints)
    assert row.goals_label.lines == ("Stage goals",)
    assert not row.footers  # no stage plan row for goals and brand actions


def test_a_kpi_at_a_stage_is_shown_under_that_stage_and_not_in_the_kpi_block():
    geometry = layout(parse(SHOP), THEME, 880)
    (checkout,) = [goal for goal in geometry.rows[0].goals if goal.stage_id == "checkout"]
    lines = [line for block in checkout.texts for line in block.lines]
    assert lines[0] == "KPIs"
    assert "Checkout conversion 11%" in " ".join(lines)
    assert [card.kpi_id for card in geometry.kpis] == ["nps"]


def test_a_kpi_names_its_stage_in_json_and_cjm_fmt_keeps_it(tmp_path):
    journey = parse(SHOP)
    assert [kpi.stage for kpi in journey.kpis] == ["checkout", None]
    assert '"stage": "checkout"' in cjmdsl.render(SHOP, "json")
    shop = tmp_path / "shop.cjm"
    shop.write_text(SHOP, encoding="utf-8")
    run = cjm("fmt", str(shop), cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert ('kpi conversion "Checkout conversion" value 11% higher target 15% at checkout'
            in shop.read_text(encoding="utf-8"))


def test_the_kpi_block_spreads_its_cards_over_the_grid():
    geometry = layout(parse(SHOP), THEME, 880)
    (card,) = geometry.kpis
    assert round(card.box.right, 2) == geometry.width - MARGIN


def test_kpi_cards_share_their_lines_evenly_so_no_line_is_mostly_blank():
    four = "".join(f'  kpi k{i} "KPI {i}" value {i}\n' for i in range(4))
    geometry = layout(parse(ONE.replace("}\n}\n", "}\n" + four + "}\n")), THEME, 880)
    lines = {}
    for card in geometry.kpis:
        lines.setdefault(card.box.y, []).append(card)
    assert [len(cards) for cards in lines.values()] == [2, 2]  # not 3 and 1
    for cards in lines.values():
        assert round(cards[-1].box.right, 2) == geometry.width - MARGIN


# ── the channel lane ───────────────────────────────────────────────────────
def test_channels_are_a_lane_of_icons_under_the_touchpoint_names():
    geometry = layout(parse(SHOP), THEME, 880)
    (row,) = geometry.rows
    channels = row.lanes[0]
    assert channels.kind == "channels" and channels.label.lines == ("Channels",)
    assert [(card.touchpoint_id, card.text.lines, [icon.channel for icon in card.icons])
            for card in channels.cards] == [("ad", ("Social media",), ["social"]),
                                            ("search", ("Search",), ["search"]),
                                            ("pay", ("Web",), ["web"])]
    assert max(tp.card.bottom for tp in row.touchpoints) < channels.box.y
    assert channels.box.bottom < row.lanes[1].box.y  # then the actions
    svg = cjmdsl.render(SHOP)
    assert '<g class="cjm-lane cjm-lane-channels">' in svg


def test_a_map_without_channels_has_no_channel_lane():
    text = SHOP.replace(" channel social", "").replace("      channel search\n", "") \
        .replace(" channel web", "")
    assert "channel" not in text
    assert "channels" not in [lane.kind for lane in layout(parse(text), THEME, 880).lanes]


# ── space follows content ──────────────────────────────────────────────────
MAPS = {**{example.stem: example.read_text(encoding="utf-8") for example in EXAMPLES},
        "shop": SHOP, "one": ONE}
EMPTY_BELOW = 2 * THEME.spacing.padding + 2  # px a card may leave under its last text


def _last_text_bottom(*blocks) -> float:
    return max(block.box.bottom for block in blocks if block is not None)


@pytest.mark.parametrize("width", [None, 880])
@pytest.mark.parametrize("name", list(MAPS))
def test_no_card_is_much_taller_than_what_it_says(name, width):
    geometry = layout(parse(MAPS[name]), THEME, width)
    for tp in geometry.touchpoints:
        text = _last_text_bottom(tp.name, tp.moment, *(mark.label for mark in (tp.timing, tp.fail)
                                                         if mark))
        assert tp.card.bottom - text <= EMPTY_BELOW, tp.touchpoint_id
    for lane in geometry.lanes:
        for card in lane.cards:
            text = _last_text_bottom(card.text, *(tag.text for tag in card.tags),
                                     card.fail.label if card.fail else None)
            assert card.box.bottom - text <= EMPTY_BELOW, (lane.kind, card.touchpoint_id)
    for box in (*geometry.footers, *(goal for row in geometry.rows for goal in row.goals)):
        assert box.box.bottom - _last_text_bottom(*box.texts) <= EMPTY_BELOW, box.stage_id


@pytest.mark.parametrize("width", [None, 880])
@pytest.mark.parametrize("name", list(MAPS))
def test_the_grid_ends_where_the_content_ends(name, width):
    geometry = layout(parse(MAPS[name]), THEME, width)
    right = geometry.width - MARGIN
    # Columns are whole pixels wide: what is left over is less than a pixel a column.
    columns = max(len(row.touchpoints) for row in geometry.rows)
    assert 0 <= right - max(tp.card.right for tp in geometry.touchpoints) < columns
    assert 0 <= right - max(stage.box.right for stage in geometry.stages) < columns


@pytest.mark.parametrize("width", [None, 880])
def test_a_map_of_one_stage_and_one_touchpoint_fills_its_width_in_order(width):
    geometry = layout(parse(ONE), THEME, width)
    (row,) = geometry.rows
    (stage,), (tp,) = row.stages, row.touchpoints
    assert geometry.width >= 760
    assert stage.box.x == tp.card.x and stage.box.right == tp.card.right
    assert round(tp.card.right, 2) == geometry.width - MARGIN
    (card,) = (entry.card for entry in geometry.legend)
    assert card.box.bottom < stage.box.y
    # Top to bottom: persona card, stage name, goals, touchpoint, lanes, each below the last.
    bands = [stage.box, row.goals[0].box, tp.card, *(lane.box for lane in row.lanes),
             row.emotion.box]
    bands.sort(key=lambda box: box.y)
    for above, below in zip(bands, bands[1:]):
        assert above.bottom <= below.y + 0.01
    assert geometry.height - MARGIN - max(box.bottom for box in bands) < line_height(12) + 1
    for block in geometry.text_blocks():
        assert block.box.right <= geometry.width - MARGIN + 0.01
