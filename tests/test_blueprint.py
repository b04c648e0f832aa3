"""Service blueprints (issue 16, part 1): evidence, frontstage, backstage and support lanes,
actors, the three lines and hand-off arrows, as each output shows them; and the links from
opportunities to the pain points they address, routed as hand-offs are. Diagnostics per code:
tests/test_diagnostics.py; the arrows never crossing text: tests/test_properties.py."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from cjmdsl.api import parse, render
from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.integrations.lsp.completion import complete
from cjmdsl.integrations.lsp.hover import hover_text
from cjmdsl.layout.map import layout
from cjmdsl.themes import load_theme

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "outpatient-visit.cjm"

REPAIR = '''map "Repair" {
  actor agent "Support agent" { team "Contact centre" }
  actor crm "CRM" { kind system }
  stage report "Report" {
    touchpoint call "Calls the helpline" {
      channel phone
      evidence sms "Confirmation text"
      action "Describes the fault" -> frontstage take
      frontstage take "Takes the fault report" by agent -> backstage log
      backstage log "Logs a ticket" by crm -> sms
      support "Line test system" by crm
    }
  }
}
'''


def svg_text(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)<", svg))


def lane_tops(geometry) -> dict[str, float]:
    return {lane.kind: lane.box.y for lane in geometry.lanes}


def test_blueprint_lanes_stack_in_the_nn_g_order():
    geometry = layout(parse(REPAIR), load_theme("default"), 880)
    tops = lane_tops(geometry)
    assert sorted(tops, key=tops.get) == ["channels", "evidence", "actions", "frontstage",
                                          "backstage", "support"]


def test_the_three_lines_are_drawn_between_their_lanes_with_their_labels():
    geometry = layout(parse(REPAIR), load_theme("default"), 880)
    tops = lane_tops(geometry)
    lines = {line.kind: line for line in geometry.rows[0].blueprint_lines}
    assert list(lines) == ["interaction", "visibility", "internal"]
    bottoms = {lane.kind: lane.box.bottom for lane in geometry.lanes}
    for kind, above, below in (("interaction", "actions", "frontstage"),
                               ("visibility", "frontstage", "backstage"),
                               ("internal", "backstage", "support")):
        assert bottoms[above] < lines[kind].line.y1 < tops[below]
        assert lines[kind].label.box.bottom <= lines[kind].line.y1
    text = svg_text(render(REPAIR, "svg"))
    for label in ("Line of interaction", "Line of visibility", "Line of internal"):
        assert label in text


def test_a_line_is_drawn_only_where_lanes_on_both_sides_exist():
    only_backstage = ('map "M" { stage s "S" { touchpoint t "T" { channel web\n'
                      '  action "Orders" backstage "Packs the order" } } }')
    lines = layout(parse(only_backstage), load_theme("default"), 880).rows[0].blueprint_lines
    assert [line.kind for line in lines] == ["visibility"]
    nothing_above = 'map "M" { stage s "S" { touchpoint t "T" { channel web frontstage "Greets" } } }'
    assert layout(parse(nothing_above), load_theme("default"), 880).rows[0].blueprint_lines == ()
    svg = render(nothing_above, "svg")
    assert "Line of" not in svg_text(svg) and "cjm-lane-frontstage" in svg


def test_empty_blueprint_lanes_are_left_out():
    svg = render('map "M" { stage s "S" { touchpoint t "T" { channel web action "Buys" } } }',
                 "svg")
    for lane in ("evidence", "frontstage", "backstage", "support"):
        assert f"cjm-lane-{lane}" not in svg
    assert "cjm-blueprint-lines" not in svg and "cjm-handoffs" not in svg


def test_cards_name_their_actor_with_a_person_or_a_system_mark():
    svg = render(REPAIR, "svg")
    take = svg.split("Takes the fault report")[1].split("</g>\n<g data-touchpoint")[0]
    assert "cjm-actor-person" in take and "Support agent" in take
    log = svg.split("Logs a ticket")[1].split("</g>\n<g data-touchpoint")[0]
    assert "cjm-actor-system" in log and "CRM" in log


def test_hand_offs_are_drawn_as_arrows_between_their_items():
    svg = render(REPAIR, "svg")
    arrows = re.findall(r'<g data-touchpoint="call"(?: data-from="(\w+)")? data-to="(\w+)">'
                        r'\n<polyline points="[^"]+"', svg)
    assert arrows == [("", "take"), ("take", "log"), ("log", "sms")]


# Six touchpoints: at 880 px the third stage wraps onto a second row, and the booking's
# hand-off to the nurse's preparation (and that one's back to the log) crosses rows.
HOME_VISIT = '''map "Home visit" {
  actor clerk "Booking clerk"
  actor nurse "District nurse"
  actor pas "PAS" { kind system }
  stage book "Booking" {
    touchpoint call "Calls the surgery" {
      channel phone
      action "Asks for a home visit" -> frontstage take
      frontstage take "Books the visit" by clerk -> backstage prepare
      backstage log "Logs the request" by pas
    }
    touchpoint confirm "Gets a confirmation" { channel sms action "Reads the text" }
  }
  stage visit "Visit" {
    touchpoint arrive "Nurse arrives" { channel store action "Opens the door" }
    touchpoint treat "Treatment" { channel store action "Gets the dressing changed" }
  }
  stage after "Afterwards" {
    touchpoint notes "Notes" {
      channel web
      action "Reads the visit notes"
      backstage prepare "Prepares the next visit" by nurse -> log
    }
    touchpoint survey "Survey" { channel email action "Rates the visit" }
  }
}
'''


def rings_by_letter(geometry) -> dict[str, list]:
    found: dict[str, list] = {}
    for number, row in enumerate(geometry.rows):
        for arrow in row.handoffs:
            if arrow.ring:
                found.setdefault("".join(arrow.ring.letter.lines), []).append((number, arrow))
    return found


def test_a_hand_off_to_another_row_gets_a_lettered_ring_beside_each_item():
    geometry = layout(parse(HOME_VISIT), load_theme("default"), 880)
    assert len(geometry.rows) == 2
    rings = rings_by_letter(geometry)
    assert sorted(rings) == ["A", "B"]
    (first_row, leaving), (second_row, arriving) = rings["A"]
    assert (first_row, second_row) == (0, 1)
    assert (leaving.from_id, leaving.to_id) == (arriving.from_id, arriving.to_id) == (
        "take", "prepare")
    assert leaving.ring.title == "Continues at “Prepares the next visit” (row 2)"
    assert arriving.ring.title == "Continued from “Books the visit” (row 1)"
    assert [(n, arrow.ring.title) for n, arrow in rings["B"]] == [
        (0, "Continued from “Prepares the next visit” (row 2)"),
        (1, "Continues at “Logs the request” (row 1)")]
    # Toward the other row: below the booking, above the preparation.
    cards = {card.item_id: card.box for lane in geometry.lanes for card in lane.cards}
    assert leaving.ring.y > cards["take"].bottom and arriving.ring.y < cards["prepare"].y
    # The hand-off within the first row is still an arrow of its own, without a ring.
    assert [(a.from_id, a.to_id) for a in geometry.rows[0].handoffs if not a.ring] == [
        (None, "take")]


def test_off_row_rings_overlap_no_text_and_no_card():
    geometry = layout(parse(HOME_VISIT), load_theme("default"), 880)
    for row in geometry.rows:
        boxes = [block.box for block in row.text_blocks()]
        boxes += [card.box for lane in row.lanes for card in lane.cards]
        for ring in (arrow.ring for arrow in row.handoffs if arrow.ring):
            assert ring.letter in list(row.text_blocks())  # checked as every text is
            assert ring.letter.size >= 9
            left, right = ring.x - ring.radius, ring.x + ring.radius
            top, bottom = ring.y - ring.radius, ring.y + ring.radius
            assert [box for box in boxes if box != ring.letter.box and left < box.right
                    and box.x < right and top < box.bottom and box.y < bottom] == []


def test_the_svg_and_the_printed_html_draw_the_rings_with_their_tooltips():
    svg = render(HOME_VISIT, "svg")
    rings = re.findall(r'<g class="cjm-off-row"><title>([^<]+)</title><circle [^>]+/>'
                       r'<text [^>]+><tspan [^>]+>(\w+)</tspan></text></g>', svg)
    assert rings == [("Continues at “Prepares the next visit” (row 2)", "A"),
                     ("Continued from “Prepares the next visit” (row 2)", "B"),
                     ("Continued from “Books the visit” (row 1)", "A"),
                     ("Continues at “Logs the request” (row 1)", "B")]
    one_row = render(HOME_VISIT, "svg", width=0)
    assert "cjm-off-row" not in one_row and 'data-from="take" data-to="prepare"' in one_row


def test_the_rings_tooltips_are_in_the_maps_language():
    german = HOME_VISIT.replace('map "Home visit" {', 'map "Hausbesuch" {\n  lang "de"')
    titles = re.findall(r'<g class="cjm-off-row"><title>([^<]+)</title>', render(german, "svg"))
    assert titles[0] == "Weiter bei „Prepares the next visit“ (Zeile 2)"


def test_a_pure_blueprint_has_no_emotion_lane_and_no_emotion_legend():
    geometry = layout(parse(EXAMPLE.read_text(encoding="utf-8")), load_theme("default"), 880)
    assert all(row.emotion is None for row in geometry.rows)
    # No personas, no curves to key: only its fail points' mark is explained.
    assert geometry.legend == () and [key.kind for key in geometry.legend_keys] == ["fail"]
    assert geometry.width == 880
    assert "Emotions" not in svg_text(render(EXAMPLE.read_text(encoding="utf-8"), "svg"))


def test_the_flow_view_of_a_pure_blueprint_has_no_emotion_scale_in_its_legend():
    dot = render(EXAMPLE.read_text(encoding="utf-8"), "dot")
    assert "Delighted" not in dot and "Any customer" in dot
    grocery = (ROOT / "examples" / "grocery-shop.cjm").read_text(encoding="utf-8")
    assert "Delighted" in render(grocery, "dot")


def test_the_json_has_actors_and_each_items_actor_and_hand_offs():
    journey = json.loads(render(REPAIR, "json"))["journey"]
    assert [(a["id"], a["name"], a["team"], a["kind"]) for a in journey["actors"]] == [
        ("agent", "Support agent", "Contact centre", "person"), ("crm", "CRM", None, "system")]
    call = journey["stages"][0]["touchpoints"][0]
    take = call["frontstage"][0]
    assert (take["id"], take["actor"], [(h["to"], h["lane"]) for h in take["handoffs"]]) == (
        "take", "agent", [("log", "backstage")])
    assert [h["to"] for h in call["actions"][0]["handoffs"]] == ["take"]


def test_html_details_and_markdown_say_who_does_an_item_and_where_it_goes():
    html = render(REPAIR, "html")
    assert "Takes the fault report <span class=\"cjm-tag\">By Support agent (Contact centre)" \
           "</span> <span class=\"cjm-tag\">→ Logs a ticket</span>" in html
    md = render(REPAIR, "md")
    assert "## Frontstage\n\n- **Calls the helpline:** Takes the fault report *(By Support " \
           "agent (Contact centre) · → Logs a ticket)*" in md
    assert "## Actors\n\n- **Support agent** (person, Contact centre)\n- **CRM** (system)" in md


def test_the_flow_views_tooltip_lists_blueprint_items():
    dot = render(REPAIR, "dot")
    assert "Frontstage: Takes the fault report (By Support agent (Contact centre); → Logs a " \
           "ticket)" in dot


def test_cjm_show_lists_blueprint_items_and_counts_them_only_in_a_blueprint(tmp_path):
    path = tmp_path / "repair.cjm"
    path.write_text(REPAIR, encoding="utf-8")
    shown = subprocess.run(["cjm", "show", str(path)], capture_output=True, text=True).stdout
    shown = " ".join(shown.split())  # as one line, however the terminal wraps it
    assert "1 frontstage action, 1 backstage action, 1 support process" in shown
    assert "▶ Takes the fault report (By Support agent (Contact centre); → Logs a ticket)" \
        in shown
    plain = subprocess.run(["cjm", "show", str(ROOT / "examples" / "grocery-shop.cjm")],
                           capture_output=True, text=True).stdout
    assert "frontstage" not in plain and "evidence" not in plain


@pytest.mark.parametrize("line, expected", [
    ("      frontstage \"Calls back\" by ", ["agent", "crm"]),
    ("      frontstage \"Calls back\" -> ", ["sms", "take", "log"]),
    ("      frontstage \"Calls back\" -> backstage ", ["log"]),
    ("      frontstage \"Calls back\" -> take, ", ["sms", "take", "log"]),
])
def test_the_language_server_completes_actors_and_hand_off_targets(line, expected):
    anchor = "      support \"Line test system\""
    edited = REPAIR.replace(anchor, line + "\n" + anchor)
    number = edited.split("\n").index(line) + 1
    labels = [c.label for c in complete(analyze(edited), number, len(line) + 1, edited).items]
    assert [label for label in labels if label in ("agent", "crm", "sms", "take", "log")] \
        == expected


def test_hover_on_an_actor_shows_who_it_is_and_what_it_does():
    lines = REPAIR.split("\n")
    number = next(i for i, line in enumerate(lines) if "by crm -> sms" in line) + 1
    column = lines[number - 1].index("crm") + 2
    card, _ = hover_text(analyze(REPAIR), number, column)
    assert card == ("**CRM** · system `crm`\n\n- Backstage: Logs a ticket (Calls the helpline)\n"
                    "- Support: Line test system (Calls the helpline)")


def test_hover_on_a_hand_off_target_shows_the_item():
    lines = REPAIR.split("\n")
    number = next(i for i, line in enumerate(lines) if "-> backstage log" in line) + 1
    column = lines[number - 1].index("log\"") if "log\"" in lines[number - 1] else \
        lines[number - 1].rindex("log") + 2
    card, _ = hover_text(analyze(REPAIR), number, column)
    assert card.startswith("**Logs a ticket** · backstage item `log` at **Calls the helpline**")
    assert "- By CRM" in card and "- → Confirmation text" in card


def test_cjm_new_writes_a_blueprint_that_checks_clean(tmp_path):
    target = tmp_path / "repair-visit.cjm"
    done = subprocess.run(["cjm", "new", str(target), "--template", "blueprint"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    checked = subprocess.run(["cjm", "check", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == ""
    svg = render(target.read_text(encoding="utf-8"), "svg")
    assert "cjm-lane-backstage" in svg and "cjm-handoffs" in svg and "Line of visibility" in svg


def test_definition_and_references_of_an_actor_and_an_item():
    analysis = analyze(REPAIR)
    lines = REPAIR.split("\n")
    number = next(i for i, line in enumerate(lines) if "by crm -> sms" in line) + 1
    used = analysis.occurrence_at(number, lines[number - 1].index("crm") + 2)
    assert analysis.definition_of(used).span.line == 3  # `actor crm "CRM"`
    assert len(analysis.references_to(used)) == 3  # declared, and named by two items
    target = analysis.occurrence_at(number, lines[number - 1].index("sms") + 2)
    assert analysis.definition_of(target).span.line == 7  # `evidence sms "…"`


# ── an opportunity's link to the pain points it addresses, routed as hand-offs are ──
ADDRESSING = '''map "Shop" {
  stage buy "Buy" {
    touchpoint basket "Basket" {
      channel web
      pain wait "Slots fill up"
      opportunity hold "Hold a slot" addresses wait
    }
    touchpoint checkout "Checkout" { channel web pain fee "Fee appears late" }
    touchpoint pay "Pay" { channel web opportunity one "One price" addresses fee }
    touchpoint mail "Receipt" {
      channel email
      opportunity refund "Refund the fee" addresses fee, wait
    }
  }
}
'''


def cards_by_id(row) -> dict:
    return {card.item_id: card for lane in row.lanes for card in lane.cards if card.item_id}


def test_an_opportunity_is_linked_to_a_pain_it_addresses_at_its_touchpoint_or_the_next():
    [row] = layout(parse(ADDRESSING), load_theme("default"), 1400).rows
    assert [(link.from_id, link.to_id) for link in row.address_links] == [
        ("hold", "wait"), ("one", "fee")]
    cards = cards_by_id(row)
    here, next_door = row.address_links
    # Up the gap left of its column into the pain's side; from the next column, up the gap
    # between the two into the pain's right-hand side; the arrowhead on the pain.
    assert (here.points[0][0], here.points[-1][0]) == (cards["hold"].box.x, cards["wait"].box.x)
    assert (next_door.points[0][0], next_door.points[-1][0]) == (cards["one"].box.x,
                                                                 cards["fee"].box.right)
    assert next_door.head[0] == next_door.points[-1]


def test_a_pain_further_away_gets_no_link_and_the_tag_names_its_touchpoint():
    [row] = layout(parse(ADDRESSING), load_theme("default"), 1400).rows
    assert "refund" not in {link.from_id for link in row.address_links}
    tags = [" ".join(tag.text.lines) for tag in cards_by_id(row)["refund"].tags]
    assert tags == ["#refund", "Addresses: #fee (Checkout), #wait (Basket)"]
    assert [" ".join(tag.text.lines) for tag in cards_by_id(row)["hold"].tags] == [
        "#hold", "Addresses: #wait"]


def test_a_pain_in_another_row_gets_no_link():
    text = ('map "M" { stage a "A" { touchpoint t "T" { channel web pain fee "Fee" } }'
            ' stage b "B" { touchpoint u "U" { channel web'
            ' opportunity "Show it" addresses fee } } }')
    assert [(link.from_id, link.to_id)
            for link in layout(parse(text), load_theme("default"), 880).rows[0].address_links] == [
        (None, "fee")]
    narrow = layout(parse(text), load_theme("default"), 320)  # a stage a row
    assert len(narrow.rows) == 2 and [row.address_links for row in narrow.rows] == [(), ()]


def test_the_svg_draws_address_links_dashed_in_a_group_of_their_own():
    svg = render(ADDRESSING, "svg")
    links = svg.split('<g class="cjm-address-links">', 1)[1].split("</g>\n</g>", 1)[0]
    assert links.count("<polyline") == 2 and links.count('stroke-dasharray="4 3"') == 2
    assert '<g data-touchpoint="pay" data-from="one" data-to="fee">' in links
    assert "cjm-handoffs" not in svg
