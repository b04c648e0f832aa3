"""`cjmdsl.words.sentences`: the sentences several outputs share read the same in each."""
from __future__ import annotations

import re

import cjmdsl
from cjmdsl.api import check
from cjmdsl.model import ActionItem
from cjmdsl.words.escape import md_text
from cjmdsl.words.sentences import action_item, alt_text, summary

MAP = '''map "Shop" {
  stage buy "Buy" {
    action_item "Show *fees* early" outcome "fewer [drop-outs]" owner "Web team"
    action_item "Call back"
    touchpoint pay "Pay" { emotion maya -1 }
  }
  persona maya "Maya"
}
'''


def test_an_action_item_reads_what_to_do_its_outcome_and_its_owner():
    assert action_item(ActionItem("Call back", "shorter waits", "Contact centre")) == \
        "Call back → shorter waits (Contact centre)"
    assert action_item(ActionItem("Call back", owner="Ops")) == "Call back (Ops)"
    assert action_item(ActionItem("Call back")) == "Call back"


def test_an_action_item_in_markdown_escapes_each_text_and_sets_the_owner_in_italics():
    item = ActionItem("Show *fees*", "fewer [drop-outs]", "Web_team")
    assert action_item(item, md_text, owner="*({})*") == \
        "Show \\*fees\\* → fewer \\[drop-outs\\] *(Web\\_team)*"


def test_the_map_the_markdown_and_the_summary_show_the_same_action_item():
    svg, md = cjmdsl.render(MAP, "svg"), cjmdsl.render(MAP, "md")
    words = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))  # wrapped lines joined
    assert "• Show *fees* early → fewer [drop-outs] (Web team)" in words
    assert "- [ ] Show \\*fees\\* early → fewer \\[drop-outs\\] *(Web team)*" in md
    assert "- [ ] Call back\n" in md


def test_the_alt_text_is_the_title_then_the_summary():
    journey = check(MAP).journey
    assert alt_text(journey) == f"Shop. {summary(journey)}"
    assert summary(journey).startswith("Customer journey map with 1 stage (Buy) and 1 touchpoint.")
