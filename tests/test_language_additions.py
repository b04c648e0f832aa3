"""The language people asked for (issue 16, part 3): several and declared channels,
motivations, finding ids with `addresses` and `for`, notes, triple-quoted strings and map
metadata, as each output shows them. Diagnostics per code: tests/test_diagnostics.py."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from cjmdsl.api import parse, render
from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.integrations.lsp.completion import complete
from cjmdsl.language.compile import compile_text
from cjmdsl.language.format import format_text
from cjmdsl.language.limits import Limits, check_journey

FIXTURE = Path(__file__).parent / "fixtures" / "language-additions.cjm"


@pytest.fixture(scope="module")
def text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def svg_text(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)<", svg))


def test_the_fixture_compiles_without_a_diagnostic(text):
    assert compile_text(text).diagnostics == []


def test_several_channels_are_shown_together_declared_ones_with_their_label(text):
    tp = parse(text).touchpoints[0]
    assert [(c.written, c.icon) for c in tp.channels] == [
        ("social", "social"), ("quora", "community"), ("blog", "blog")]
    assert "Social media, Quora, Blog" in svg_text(render(text, "svg"))
    assert "| Social media, Quora, Blog |" in render(text, "md")


def test_a_declared_channel_without_like_takes_the_other_icon():
    journey = parse('map "M" {\n  channel fax "Fax"\n  stage s "S" { touchpoint t "T" '
                    '{ channel fax } }\n}\n')
    assert journey.touchpoints[0].channel == "other"
    assert journey.touchpoints[0].channel_label == "Fax"


def test_an_unknown_channel_hint_suggests_declaring_it():
    found = compile_text('map "M" {\n  stage s "S" { touchpoint t "T" { channel pigeon } }\n}\n')
    assert [d.code for d in found.diagnostics] == ["W104"]
    assert 'channel pigeon "Pigeon" like web' in found.diagnostics[0].hint


def test_motivations_and_touchpoint_notes_are_lanes_of_their_own(text):
    svg = render(text, "svg")
    assert 'cjm-lane-motivations' in svg and 'cjm-lane-notes' in svg
    md = render(text, "md")
    assert "## Motivations\n\n- **Sees a post:** Wants a quick answer" in md
    assert "## Notes\n\n- **Sees a post:** Touchpoint note" in md


def test_finding_ids_scopes_and_addresses_are_drawn_as_tags(text):
    drawn = svg_text(render(text, "svg"))
    for tag in ("#fee_pain", "For: Maya", "#show_fees", "For: Maya, Tom", "Addresses: #fee_pain"):
        assert tag in drawn
    page = render(text, "html")
    assert '<a class="cjm-tag" href="#cjm-pain-fee_pain">Addresses: #fee_pain</a>' in page
    assert "Show fees early *(owner: Web · \\#show\\_fees · For: Maya, Tom · " \
           "Addresses: \\#fee\\_pain)*" in render(text, "md")


def test_map_metadata_and_notes_are_under_the_title_everywhere(text):
    line = "Owner: CX team · Status: draft · Version 1.2 · Updated 2026-11-30 · " \
           "Tags: onboarding, Q3 2026"
    assert line in svg_text(render(text, "svg"))
    page = render(text, "html")
    assert f'<p class="cjm-meta cjm-muted">{line}</p>' in page
    assert '<dt>Awareness</dt>\n<dd class="cjm-note">Stage note</dd>' in page
    md = render(text, "md")
    assert f"*{line}*" in md and "## Stage notes\n\n- **Awareness:** Stage note" in md
    journey = json.loads(render(text, "json"))
    assert journey["schema_version"] == 4
    assert journey["journey"]["metadata"] == {
        "owner": "CX team", "status": "draft", "version": "1.2", "updated": "2026-11-30",
        "tags": ["onboarding", "Q3 2026"]}


def test_triple_quoted_strings_are_dedented(text):
    assert parse(text).notes[0].text == ("Built from the published call-centre article.\n"
                                         "  Indented line.\n\nLast line.")


@pytest.mark.parametrize("written, meant", [
    ('"""\n    a\n    b\n    """', "a\nb"),
    ('"""same line"""', "same line"),
    ('"""  first\n      second\n      """', "first\nsecond"),
    ('"""\n\ta\n\t  b\n"""', "a\n  b"),
    ('"""\r\n    crlf\r\n    """', "crlf"),
    ('"""\n  say \\"""hi\\"""\n  """', 'say """hi"""'),
    ('""""""', ""),
])
def test_triple_quoted_string_values(written, meant):
    journey = parse(f'map {written} {{ stage s "S" {{ touchpoint t "T" {{ channel web }} }} }}')
    assert journey.title == meant


def test_the_string_limit_applies_inside_a_triple_quoted_string():
    journey = parse('map "M" {\n  note """\n    ' + "x" * 50 + '\n    """\n'
                    '  stage s "S" { touchpoint t "T" { channel web } }\n}\n')
    found = check_journey(journey, Limits(max_string=40))
    assert [(d.code, d.span.line) for d in found] == [("E031", 2)]


def test_the_formatter_keeps_every_addition_and_its_meaning(text):
    formatted = format_text(text)
    assert compile_text(formatted).journey == compile_text(text).journey
    for line in ('  channel quora "Quora" like community', "      channel social, quora, blog",
                 '      pain fee_pain "Surprise fee" for maya source survey "Q3"',
                 "  updated 2026-11-30", '  tags onboarding, "Q3 2026"', '  note """',
                 "      Indented line."):
        assert line + "\n" in formatted
    assert format_text(formatted) == formatted


def test_the_formatter_indents_a_triple_quoted_string_with_its_statement():
    written = 'map "M" {\nstage s "S" {\nnote """\n      one\n        two\n  """\n' \
              'touchpoint t "T" { channel web }\n}\n}\n'
    assert '    note """\n      one\n        two\n      """\n' in format_text(written)


@pytest.mark.parametrize("line, expected", [
    ('      opportunity x "X" addresses ', ["fee_pain"]),
    ('      opportunity x "X" for maya, ', ["maya", "tom"]),
    ("      channel social, ", ["quora", "web"]),
])
def test_the_language_server_completes_the_new_ids(text, line, expected):
    anchor = "      emotion maya +1"
    edited = text.replace(anchor, line + "\n" + anchor)
    number = edited.split("\n").index(line) + 1
    labels = [c.label for c in complete(analyze(edited), number, len(line) + 1, edited).items]
    assert labels[:len(expected)] == expected


def test_check_reports_an_unknown_addressed_pain_with_did_you_mean(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text('map "M" {\n  stage s "S" { touchpoint t "T" {\n    channel web\n'
                    '    pain fee "Fee"\n    opportunity o "O" addresses fe\n  } }\n}\n')
    done = subprocess.run(["cjm", "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "error[E040]: unknown pain point `fe`" in done.stderr
    assert "did you mean `fee`?" in done.stderr


def test_cjm_diff_sees_a_second_channel_a_motivation_and_a_stage_note():
    from cjmdsl.review.diff import DetailsChanged, diff

    before = parse('map "M" {\n  stage s "S" { touchpoint t "T" { channel web } }\n}\n')
    after = parse('map "M" {\n  stage s "S" {\n    note "Busy in December"\n'
                  '    touchpoint t "T" { channel web, phone motivation "Speed" }\n  }\n}\n')
    from cjmdsl.review.diff import EntryChanged

    changes = diff(before, after).changes
    assert [c for c in changes if isinstance(c, DetailsChanged)] == []
    entries = [(c.what, c.where, c.text, c.added) for c in changes
               if isinstance(c, EntryChanged)]
    assert entries == [("channel", "touchpoint", "Phone", True),
                       ("note", "stage", "Busy in December", True),
                       ("motivation", "touchpoint", "Speed", True)]


def test_a_touchpoint_with_several_channels_draws_an_icon_for_each():
    tour = (Path(__file__).parent / "fixtures" / "language-tour.cjm").read_text(encoding="utf-8")
    svg = render(tour, "svg")
    lane = svg.split('<g class="cjm-lane cjm-lane-channels">')[1]  # the channel lane's card
    header = lane.split('<g data-touchpoint="agent">')[1].split("</g>\n<g data-touchpoint")[0]
    assert header.count('stroke-linejoin="round">') == 2  # the phone and the SMS icon
    assert "Phone, SMS" in svg_text(header)


def _cursor_on(text: str, line_with: str, word: str) -> tuple[int, int]:
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line_with in line)
    return number + 1, lines[number].index(word, lines[number].index(line_with)) + 2


def test_hover_on_an_addressed_pain_id_shows_the_pain_and_who_addresses_it():
    from cjmdsl.integrations.lsp.hover import hover_text

    tour = (Path(__file__).parent / "fixtures" / "language-tour.cjm").read_text(encoding="utf-8")
    card, _ = hover_text(analyze(tour), *_cursor_on(tour, "addresses wait", "wait"))
    assert card.startswith("**Forty minutes on hold, with the same message every minute** · "
                           "pain point `wait` at **Waits in the phone queue**")
    assert "- Addressed by: Offer a callback slot\n- Addressed by: Text the fault status" in card


def test_hover_on_a_declared_channel_names_its_label_and_icon():
    from cjmdsl.integrations.lsp.hover import hover_text

    tour = (Path(__file__).parent / "fixtures" / "language-tour.cjm").read_text(encoding="utf-8")
    card, _ = hover_text(analyze(tour), *_cursor_on(tour, "channel app_banner,", "app_banner"))
    assert card == "**Outage banner** · channel `app_banner` of this map, drawn with the " \
                   "`in_product` icon"


def test_an_addressed_pain_id_goes_to_its_definition():
    tour = (Path(__file__).parent / "fixtures" / "language-tour.cjm").read_text(encoding="utf-8")
    analysis = analyze(tour)
    used = analysis.occurrence_at(*_cursor_on(tour, "addresses no_status", "no_status"))
    target = analysis.definition_of(used)
    line, column = _cursor_on(tour, "pain no_status", "no_status")
    assert (target.span.line, target.span.column) == (line, column - 1)


def test_a_stage_note_is_in_the_stage_plan_of_the_svg():
    tour = (Path(__file__).parent / "fixtures" / "language-tour.cjm").read_text(encoding="utf-8")
    plan = render(tour, "svg").split('class="cjm-stage-plan"')[1]
    assert "NOTES" in svg_text(plan) and "Most outages start in the evening" in svg_text(plan)


def test_cjm_diff_sees_the_maps_metadata_notes_and_declared_channels():
    from cjmdsl.review.diff import DetailsChanged, diff

    tail = '  stage s "S" { touchpoint t "T" { channel web } }\n}\n'
    before = parse('map "M" {\n  status "draft"\n' + tail)
    after = parse('map "M" {\n  status "approved"\n  note "Reviewed"\n'
                  '  channel quora "Quora" like community\n' + tail)
    from cjmdsl.review.diff import EntryChanged, TextChanged

    changes = diff(before, after).changes
    assert [c.parts for c in changes if isinstance(c, DetailsChanged)] == [("channels",)]
    assert [(c.field, c.before, c.after) for c in changes if isinstance(c, TextChanged)] == \
        [("status", "draft", "approved")]
    assert [(c.what, c.where, c.text) for c in changes if isinstance(c, EntryChanged)] == \
        [("note", "map", "Reviewed")]


@pytest.mark.parametrize("escape", ["fine", "\\q"], ids=["valid", "invalid-escape"])
def test_a_triple_quoted_string_in_a_crlf_file_formats_to_a_fixed_point(escape):
    written = ('map "M" {\r\n  note """\r\n    bad ' + escape + '\r\n    """\r\n'
               '  stage s "S" { touchpoint t "T" { channel web } }\r\n}\r\n')
    formatted = format_text(written)
    assert '  note """\r\n    bad ' + escape + '\r\n    """\r\n' in formatted
    assert "\r\r" not in formatted and format_text(formatted) == formatted
