"""`-f mermaid`: the map as a Mermaid journey, read back by the journey grammar.

Golden files: `tests/golden/mermaid-out/NAME.mermaid` for each example (rewrite with
`pytest tests/test_export_mermaid.py --regen-golden` and read the diff). Properties: a
Mermaid journey survives Mermaid -> cjm -> Mermaid; any map exports to a journey that the
grammar reads without an error, one task per touchpoint, every score within 1..5.
"""
from __future__ import annotations

import subprocess

import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_golden import check_golden
from test_properties import LIGHT, journeys

from cjmdsl.api import parse, render
from cjmdsl.backends.mermaid import score
from cjmdsl.importers.cjm_source import cjm_source
from cjmdsl.importers.mermaid import import_mermaid
from cjmdsl.lanes import ITEM_KINDS
from cjmdsl.words.escape import mermaid_text

GOLDEN = ROOT / "tests" / "golden" / "mermaid-out"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_export_to_golden_mermaid(example, regen_golden):
    out = render(parse(example.read_text(encoding="utf-8")), "mermaid")
    check_golden(GOLDEN / f"{example.stem}.mermaid", out, regen_golden)
    assert import_mermaid(out, "x.mmd").errors == []


def test_the_comment_lists_only_what_the_map_has():
    plain = render(parse('map "M" { scale 1 .. 5 persona me "Me" stage s "S" { '
                         'touchpoint t "T" { emotion me 4 } } }'), "mermaid")
    assert not plain.startswith("%%")
    richer = render(parse('map "M" { persona me "Me" stage s "S" { touchpoint t "T" { '
                          'channel web emotion me 1 "glad" } } }'), "mermaid")
    comment = "".join(line for line in richer.splitlines() if line.startswith("%%"))
    assert "the scale -2..2" in comment and "channels" in comment and "emotion words" in comment
    assert "KPIs" not in comment and "pain points" not in comment


def test_the_comment_lists_the_blueprint_and_the_to_be_mermaid_cannot_show():
    blueprint = render(parse(
        'map "M" { scale 1 .. 5 actor clerk "Clerk" persona me "Me" stage s "S" {\n'
        'touchpoint t "T" { emotion me 4 time "3 min" future me 5 '
        'frontstage desk "Books" by clerk -> backstage file '
        'backstage file "Files it" fail "Lost" metric csat 4 of 5 } } }'), "mermaid")
    comment = " ".join(line[3:] for line in blueprint.splitlines() if line.startswith("%%"))
    for what in ("service blueprint lanes", "actors", "hand-offs", "fail points",
                 "times and waits", "to-be emotions", "metrics"):
        assert what in comment, what
    assert "linked maps" not in comment


@pytest.mark.parametrize("kind", ITEM_KINDS, ids=lambda kind: kind.keyword)
def test_the_comment_names_every_kind_of_touchpoint_item_of_the_lane_table(kind):
    def comment(item: str) -> str:
        out = render(parse(f'map "M" {{ scale 1 .. 5 persona me "Me" stage s "S" {{ '
                           f'touchpoint t "T" {{ emotion me 4 {item} }} }} }}'), "mermaid")
        return " ".join(line[3:] for line in out.splitlines() if line.startswith("%%"))

    assert comment(f'{kind.keyword} "x"') != comment("")


def test_scores_are_the_mean_mapped_onto_one_to_five():
    journey = parse('map "M" { persona a "A" persona b "B" stage s "S" { touchpoint t "T" { '
                    'emotion a -2 emotion b +1 } touchpoint u "U" } }')
    first, second = journey.touchpoints
    assert score(first, journey.scale) == 2.5  # the mean, -0.5, is 2.5 on 1..5
    assert score(second, journey.scale) == 3  # no emotion: neutral


@pytest.mark.parametrize("name", ["title Trap: 5: Me", "Pays #1; then % 50%% off", "a, b",
                                  "section x", "line\nbreak", "  ", "close } brace"])
def test_hostile_names_stay_one_task(name):
    out = render(parse(f'map "M" {{ persona me "Me" stage s "S" {{ '
                       f'touchpoint t {_cjm_string(name)} {{ emotion me 1 }} }} }}'), "mermaid")
    back = import_mermaid(out, "x.mmd")
    assert back.diagnostics == []
    (touchpoint,) = back.journeys[0].touchpoints
    assert touchpoint.name == mermaid_text(name)
    assert [e.value for e in touchpoint.emotions] == [4]


def _cjm_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# ── Mermaid -> cjm -> Mermaid ────────────────────────────────────────────────
# Names as Mermaid writes them: no syntax characters, no surrounding spaces, no keyword first.
name = st.text(st.sampled_from("abcdefgh XYZ0123-éß漢😀.!?'()"), min_size=1, max_size=16) \
    .map(str.strip).filter(lambda s: s and mermaid_text(s) == s)
actors = st.lists(name, min_size=1, max_size=3, unique=True)
tasks = st.lists(st.tuples(name, st.integers(1, 5), actors), min_size=1, max_size=4)
diagrams = st.tuples(name, st.lists(st.tuples(name, tasks), min_size=1, max_size=4))


def mermaid(diagram) -> str:
    title, sections = diagram
    lines = ["journey", f"  title {title}"]
    for section, section_tasks in sections:
        lines.append(f"  section {section}")
        lines += [f"    {task}: {value}: {', '.join(people)}" for task, value, people in
                  section_tasks]
    return "\n".join(lines) + "\n"


@LIGHT
@given(diagrams)
def test_mermaid_to_cjm_to_mermaid_keeps_titles_sections_tasks_actors_and_scores(diagram):
    written = mermaid(diagram)
    imported = import_mermaid(written, "x.mmd")
    assert imported.diagnostics == []
    (journey,) = imported.journeys
    map_text = cjm_source(journey)
    assert render(parse(map_text), "mermaid") == written


@LIGHT
@given(journeys())
def test_any_map_exports_to_a_journey_the_grammar_reads(journey):
    out = render(journey, "mermaid")
    back = import_mermaid(out, "x.mmd")
    assert back.errors == []
    (read,) = back.journeys
    assert [len(s.touchpoints) for s in read.stages] == [len(s.touchpoints)
                                                          for s in journey.stages]
    assert all(1 <= e.value <= 5 for tp in read.touchpoints for e in tp.emotions)


def test_cjm_render_writes_mermaid_to_a_mermaid_file(tmp_path):
    source = ROOT / "examples" / "grocery-shop.cjm"
    run = subprocess.run(["cjm", "render", str(source), "-o", str(tmp_path / "shop.mermaid")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "\njourney\n" in (tmp_path / "shop.mermaid").read_text(encoding="utf-8")
