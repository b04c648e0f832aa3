"""The table of lanes and item kinds (cjmdsl/lanes.py) drives every output: each row shows up
in the compiler, the layout, the HTML toggles and details panel, Markdown, `cjm show` and the
flow graph's tooltip, without any of them naming it."""
from __future__ import annotations

import dataclasses
import re

import click

import cjmdsl
from cjmdsl import model
from cjmdsl.cli.commands.show import describe
from cjmdsl.lanes import CARD_LANES, CHANNEL_LANE, ITEM_KINDS, LANES, SUMMARISED_LANES
from cjmdsl.layout.map import layout
from cjmdsl.themes import load_theme
from cjmdsl.words.locales import say, say_counted

# One item of every kind, its text naming the kind, in a map with every lane.
EVERY_LANE = """\
map "Every lane" {
  persona p "Pat"
  stage s "Stage" {
    touchpoint t "Touch" {
      channel web
""" + "".join(f'      {kind.keyword} "{kind.keyword} text"\n' for kind in ITEM_KINDS) + """\
      emotion p 1
      metric metric_figure 3
    }
  }
}
"""


def journey():
    return cjmdsl.parse(EVERY_LANE)


def test_every_item_kind_compiles_into_its_touchpoint_field():
    touchpoint = journey().touchpoints[0]
    for kind in ITEM_KINDS:
        assert [item.text for item in getattr(touchpoint, kind.field)] == [f"{kind.keyword} text"]


def test_every_lane_shows_touchpoint_fields_and_theme_colours_that_exist():
    fields = {f.name for f in dataclasses.fields(model.Touchpoint)}
    colors = load_theme("default").colors
    for lane in CARD_LANES:
        assert set(lane.fields) <= fields, lane.key
        assert lane.fill in colors and lane.stroke in colors, lane.key


def test_the_layout_stacks_the_lanes_in_table_order():
    geometry = layout(journey(), load_theme("default"))
    drawn = sorted([(lane.box.y, lane.kind) for lane in geometry.lanes]
                   + [(geometry.emotion.box.y, "emotions")])
    # The channel lane first, under the touchpoint names (cjmdsl.lanes.CHANNEL_LANE).
    assert [kind for _, kind in drawn] == [lane.key for lane in (CHANNEL_LANE, *LANES)]
    assert [lane.label.lines[0] for lane in geometry.lanes] == [
        lane.label for lane in (CHANNEL_LANE, *CARD_LANES)]


def test_html_has_a_toggle_and_a_details_section_for_every_lane():
    page = cjmdsl.render(EVERY_LANE, format="html")
    toggles = re.findall(r'<input type="checkbox" value="([a-z]+)" checked> ([^<\n]+)', page)
    assert toggles == [(lane.key, lane.label) for lane in (CHANNEL_LANE, *LANES)]
    details = page[page.index('<div id="cjm-tp-t">'):]
    assert re.findall(r"<h4>([^<]+)</h4>", details) == [lane.label for lane in LANES]
    for kind in ITEM_KINDS:
        assert f"<li{' class' if kind.findings else ''}" in details
        assert f"{kind.keyword} text" in details


def test_markdown_gives_every_card_lane_a_column_or_a_section():
    text = cjmdsl.render(EVERY_LANE, format="md")
    header = text.splitlines()[text.splitlines().index("## Journey") + 2]
    for lane in CARD_LANES:
        if lane.column:
            assert f"| {say(f'column_{lane.key}')} |" in header, lane.key
        else:
            assert f"## {lane.label}\n\n- **Touch:** " in text, lane.key
    for kind in ITEM_KINDS:
        assert f"{kind.keyword} text" in text


def test_show_and_the_flow_tooltip_list_every_summarised_lane():
    summary = click.unstyle(describe(journey()))
    tooltip = cjmdsl.render(EVERY_LANE, format="dot")
    keyword_of = {kind.field: kind.keyword for kind in ITEM_KINDS}
    assert SUMMARISED_LANES
    flat = " ".join(summary.split())  # the counts, however the terminal's width wraps them
    for lane in SUMMARISED_LANES:
        assert say_counted(f"count_{lane.key}", 1) in flat
        for field in lane.fields:
            text = f"{keyword_of[field]} text"
            assert f"{lane.summary.mark} {text}" in summary
            assert f"{say(f'tooltip_{lane.key}')}: {text}" in tooltip
