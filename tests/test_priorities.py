"""Prioritised opportunities and action items (issue 17): `impact` and `effort` place each on
a matrix and in a ranked list in the HTML and the Markdown, and the JSON carries them."""
from __future__ import annotations

import json
import re
import textwrap

from cjmdsl.api import render


def cjm(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


SCORED = cjm("""
    map "M" {
      stage buy "Buy" {
        touchpoint checkout "Checkout" {
          channel web
          opportunity "Redesign checkout" impact high effort high owner "Web"
          opportunity "Show fees early" impact high effort low
          opportunity "Unscored idea"
          opportunity "Polish icons" impact low effort medium
        }
        action_item "Train support" impact medium effort low owner "Support"
      }
    }
    """)


def test_the_ranked_list_puts_the_most_impact_for_the_least_effort_first():
    markdown = render(SCORED, "md")
    ranked = re.findall(r"^\d+\. \*\*(.+?)\*\*", markdown, re.M)
    assert ranked == ["Show fees early", "Train support", "Redesign checkout", "Polish icons"]
    assert "1. **Show fees early** — impact high, effort low; opportunity at Checkout" in markdown
    assert ("2. **Train support** — impact medium, effort low; action item at Buy "
            "*(owner: Support)*") in markdown


def test_markdown_draws_the_matrix_with_ranks_in_its_cells():
    markdown = render(SCORED, "md")
    assert ("| Impact ↓ · effort → | Low effort | Medium effort | High effort |\n"
            "|---|---|---|---|\n"
            "| **High impact** | **1.** Show fees early |   | **3.** Redesign checkout |\n"
            "| **Medium impact** | **2.** Train support |   |   |\n"
            "| **Low impact** |   | **4.** Polish icons |   |") in markdown
    assert "Unscored idea" not in markdown[markdown.index("## Priorities"):]


def test_html_shows_the_matrix_and_the_ranked_list():
    html = render(SCORED, "html")
    assert ('<td class="cjm-cell-high-low"><span class="cjm-ranked"><strong>1.</strong> '
            'Show fees early</span></td>') in html
    ranking = html[html.index('<ol class="cjm-ranking">'):html.index("</ol>")]
    assert re.findall(r"<li><strong>(.+?)</strong>", ranking) == [
        "Show fees early", "Train support", "Redesign checkout", "Polish icons"]
    assert '<li><a href="#cjm-priorities">Priorities</a></li>' in html


def test_a_map_without_scores_has_no_priorities_section():
    plain = re.sub(r" impact \w+ effort \w+", "", SCORED)
    assert "## Priorities" not in render(plain, "md")
    assert 'id="cjm-priorities"' not in render(plain, "html")


def test_json_carries_the_scores():
    journey = json.loads(render(SCORED, "json"))["journey"]
    stage = journey["stages"][0]
    assert [(o["impact"], o["effort"]) for o in stage["touchpoints"][0]["opportunities"]] == [
        ("high", "high"), ("high", "low"), (None, None), ("low", "medium")]
    assert (stage["action_items"][0]["impact"], stage["action_items"][0]["effort"]) == \
        ("medium", "low")
