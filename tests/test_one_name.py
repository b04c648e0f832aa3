"""One name for one thing in every output: a channel is its resolved label in the SVG, the
HTML page, the Markdown, the flow graph and `cjm show`, and its resolved id in the JSON; a
KPI's sentence has one wording; the words written for screen readers are grammatical.
"""
from __future__ import annotations

import json
import re
import subprocess
import textwrap

import pytest

import cjmdsl
from cjmdsl.words.sentences import summary
from cjmdsl.api import check


CHANNELS = textwrap.dedent("""\
    map "Channels" {
      persona maya "Maya"
      stage s "Stage" {
        touchpoint site "On the site" { channel Website emotion maya -1 }
        touchpoint talk "Talks to us" { channel live_chat emotion maya +1 }
        touchpoint blog "Reads the blog" { channel zine }
      }
      kpi r "Retention" start 1000 end 950
    }
    """)


def svg_words(svg: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", svg).split())


@pytest.mark.parametrize("fmt", ["svg", "html", "md", "dot"])
def test_every_output_shows_the_resolved_channel_label(fmt):
    words = svg_words(cjmdsl.render(CHANNELS, format=fmt)) if fmt != "md" else \
        cjmdsl.render(CHANNELS, format="md")
    for label in ("Web", "Chat", "zine"):  # an unknown channel shows as it was written
        assert re.search(rf"(?<![\w-]){label}(?![\w-])", words), label
    assert "Website" not in words and "live_chat" not in words


def test_cjm_show_shows_the_resolved_channel_label(tmp_path):
    path = tmp_path / "m.cjm"
    path.write_text(CHANNELS, encoding="utf-8")
    shown = subprocess.run(["cjm", "show", "--width", "100", str(path)], capture_output=True,
                           text=True, check=True).stdout
    assert "On the site · Web" in shown and "Talks to us · Chat" in shown
    assert "Reads the blog · zine" in shown


def test_json_carries_the_resolved_channel_id_and_what_was_written():
    touchpoints = json.loads(cjmdsl.render(CHANNELS, format="json"))["journey"]["stages"][0][
        "touchpoints"]
    assert [(tp["channel"], tp["channel_as_written"]) for tp in touchpoints] == [
        ("web", "Website"), ("chat", "live_chat"), ("other", "zine")]


def test_an_unknown_channel_is_still_warned_about_where_it_was_written():
    (diagnostic,) = [d for d in check(CHANNELS, "t.cjm").diagnostics if d.code == "W104"]
    assert diagnostic.message == "unknown channel `zine`"
    assert (diagnostic.span.line, diagnostic.span.column) == (6, 48)


@pytest.mark.parametrize("fmt", ["svg", "html", "md"])
def test_the_kpi_sentence_has_one_wording_in_every_output(fmt):
    text = cjmdsl.render(CHANNELS, format=fmt)
    assert "Retention: 950 of 1,000 retained" in (svg_words(text) if fmt != "md" else text)
    assert "1,000 kept" not in text


def test_cjm_show_uses_the_same_kpi_sentence(tmp_path):
    path = tmp_path / "m.cjm"
    path.write_text(CHANNELS, encoding="utf-8")
    shown = subprocess.run(["cjm", "show", "--width", "100", str(path)], capture_output=True,
                           text=True, check=True).stdout
    assert "Retention: 950 of 1,000 retained" in shown


# ── the words for screen readers ───────────────────────────────────────────────
ONE_OF_EACH = textwrap.dedent("""\
    map "Small" {
      persona maya "Maya"
      stage buy "Buy" {
        touchpoint checkout "Checkout" {
          channel web
          emotion maya -2
          pain "Fee"
          moment_of_truth
        }
      }
    }
    """)


def test_the_summary_of_one_of_each_is_singular():
    text = summary(check(ONE_OF_EACH).journey)
    assert "with 1 stage (Buy) and 1 touchpoint." in text
    assert "1 pain point." in text
    assert "Moment of truth: Checkout." in text
    assert "stages" not in text and "touchpoints" not in text and "pain points" not in text


def test_a_persona_with_one_value_gets_one_phrase():
    text = summary(check(ONE_OF_EACH).journey)
    assert "Maya feels -2 at Checkout." in text
    assert "worst" not in text and "best" not in text


def test_a_persona_who_feels_the_same_everywhere_gets_one_phrase():
    source = ONE_OF_EACH.replace("      moment_of_truth\n", "      moment_of_truth\n    }\n"
                                 '    touchpoint pay "Pay" {\n      channel web\n'
                                 "      emotion maya -2\n")
    text = summary(check(source).journey)
    assert "Maya feels -2 at both touchpoints (Checkout, Pay)." in text


def test_the_summary_of_many_is_plural():
    source = ONE_OF_EACH.replace("      moment_of_truth\n", "      pain \"Slow\"\n      "
                                 "moment_of_truth\n    }\n"
                                 '    touchpoint pay "Pay" {\n      channel web\n'
                                 "      emotion maya +1\n      moment_of_truth\n")
    text = summary(check(source).journey)
    assert "with 1 stage (Buy) and 2 touchpoints." in text
    assert "Maya feels worst at Checkout (-2) and best at Pay (+1)." in text
    assert "Moments of truth: Checkout, Pay." in text and "2 pain points." in text


def test_the_html_alt_text_and_svg_desc_read_the_same_summary():
    html = cjmdsl.render(ONE_OF_EACH, format="html")
    assert "1 stages" not in html and "1 touchpoints" not in html
    assert "with 1 stage (Buy) and 1 touchpoint." in cjmdsl.render(ONE_OF_EACH)


@pytest.mark.parametrize("count, noun, plural, expected", [
    (0, "stage", None, "0 stages"), (1, "stage", None, "1 stage"), (2, "stage", None, "2 stages"),
    (1, "opportunity", "opportunities", "1 opportunity"),
    (3, "opportunity", "opportunities", "3 opportunities"),
    (1200, "customer", None, "1,200 customers"),
])
def test_counted_writes_a_number_of_things_as_a_person_would(count, noun, plural, expected):
    from cjmdsl.words.numbers import counted

    assert counted(count, noun, plural) == expected
