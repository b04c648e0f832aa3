"""The Graphviz flow view: DOT golden files, real Graphviz runs, hostile text, a missing `dot`.

`-f dot` needs nothing but Python; `-f flow-png`, `-f flow-pdf` and `-f flow-svg` run Graphviz's
`dot`, which these tests run for real (skipped without it, failing under CJM_REQUIRE_TOOLS=1).
Laid-out graphs are read back with `dot -Tjson` to check what a reader would see: stages left
to right, nothing overlapping, and hostile text that never changes the graph's structure.
PNGs of every example and of a 40-touchpoint map land in test-artifacts/ for people to look at.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest
from big_flow_map import forty_touchpoints
from big_maps import generated
from conftest import ARTIFACTS, EXAMPLES, ROOT, require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_golden import GOLDEN, check_golden, rendered
from test_properties import PIECES, journeys

import cjmdsl
from cjmdsl.layout import bidi
from cjmdsl import model as m
from cjmdsl.api import parse
from cjmdsl.backends import BackendUnavailable, BackendWarning
from cjmdsl.backends._graph import ROW_TOUCHPOINTS, _stage_rows
from cjmdsl.backends._dot_text import dot_html, dot_text, html_label
from cjmdsl.words.escape import xml_chars
from cjmdsl.facts.flows import steps
from cjmdsl.language.format import quote as cjm_string

SVG = "{http://www.w3.org/2000/svg}"
GRAPHVIZ_FORMATS = ("flow-png", "flow-pdf", "flow-svg")
OUR_IDS = re.compile(r"(t|x|e|b)\d+|legend|cluster_(\d+|legend)")
DOT_RUNS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture
def dot_tool() -> None:
    require_tool("dot", shutil.which("dot") is not None, "apt-get install graphviz")


def layout_of(dot_source: str) -> dict:
    """The graph as Graphviz lays it out (`dot -Tjson`)."""
    done = subprocess.run(["dot", "-Tjson"], input=dot_source.encode("utf-8"),
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return json.loads(done.stdout)


def structure(layout: dict) -> dict:
    """What hostile text must not change: the clusters, the nodes and the edges (sorted:
    Graphviz lists clusters in an order that depends on the layout)."""
    objects = layout.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    return {
        "clusters": sorted(o["name"] for o in objects if "bb" in o),
        "nodes": sorted(o["name"] for o in objects if "pos" in o),
        "edges": sorted((names[e["tail"]], names[e["head"]], e.get("style", "")) for e in
                        layout.get("edges", [])),
    }


def boxes(layout: dict) -> dict[str, tuple[float, float, float, float]]:
    """Every cluster's bounding box and every node's box: (left, bottom, right, top) in points."""
    found = {}
    for o in layout.get("objects", []):
        if "bb" in o:
            found[o["name"]] = tuple(map(float, o["bb"].split(",")))
        elif "pos" in o:
            x, y = map(float, o["pos"].split(","))
            w, h = float(o["width"]) * 72 / 2, float(o["height"]) * 72 / 2
            found[o["name"]] = (x - w, y - h, x + w, y + h)
    return found


def journey_of(example: Path) -> m.Journey:
    return parse(example.read_text(encoding="utf-8"), example.name)


FORTY = parse(forty_touchpoints(), "forty.cjm")


# ── DOT, without Graphviz ───────────────────────────────────────────────────
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_dot_matches_golden(example, regen_golden):
    check_golden(GOLDEN / f"{example.stem}.dot", rendered(example, "dot"), regen_golden)


@pytest.mark.parametrize("example", [*EXAMPLES, None], ids=lambda p: p.stem if p else "forty")
def test_dot_ids_are_ours_never_user_text(example):
    journey = journey_of(example) if example else FORTY
    source = cjmdsl.render(journey, "dot")
    for line in source.splitlines()[1:]:
        words = line.strip().split(" ")
        head = words[0]
        if head in ("}", "{", "//", "graph", "node", "edge") or re.match(r"\w+=", head):
            continue
        if head == "subgraph":
            assert OUR_IDS.fullmatch(words[1]), line
        else:
            assert OUR_IDS.fullmatch(head), line
            if len(words) > 2 and words[1] == "->":
                assert OUR_IDS.fullmatch(words[2]), line


def test_every_touchpoint_is_a_node_in_its_stages_cluster():
    journey = journey_of(ROOT / "examples" / "grocery-shop.cjm")
    source = cjmdsl.render(journey, "dot")
    clusters = re.split(r"\tsubgraph cluster_(\d+) \{", source)[1:]
    for k, stage in enumerate(journey.stages):
        assert clusters[2 * k] == str(k)
        body = clusters[2 * k + 1].split("\n\t}")[0]
        for tp in stage.touchpoints:
            assert f'id="touchpoint-{tp.id}"' in body


def edge_lines(source: str) -> list[str]:
    return [line.strip() for line in source.splitlines()
            if " -> " in line and "style=invis" not in line]


def test_persona_paths_are_edges_in_the_persona_colour():
    journey = parse("""map "M" {
      persona maya "Maya" { color "#123456" }
      persona tom "Tom"
      stage s "S" {
        touchpoint a "A" { channel web emotion maya 1 emotion tom 0 }
        touchpoint b "B" { channel web emotion maya 0 emotion tom 1 }
        touchpoint c "C" { channel web emotion maya -1 }
      }
    }""")
    theme_tom = cjmdsl.themes.load_theme("default").persona_color(1)
    lines = edge_lines(cjmdsl.render(journey, "dot"))
    assert [line.split(" [")[0] for line in lines] == ["t0 -> t1", "t1 -> t2"]
    assert f'color="#123456:{theme_tom}"' in lines[0]  # both walk a -> b: two parallel lines
    assert 'color="#123456"' in lines[1]


def test_flow_labels_exits_and_loops_back():
    journey = parse("""map "M" {
      stage one "One" { touchpoint a "A" { channel web } }
      stage two "Two" { touchpoint b "B" { channel web } }
      flow a -> b "goes on" -> a "comes back" -> exit "leaves"
    }""")
    source = cjmdsl.render(journey, "dot")
    lines = edge_lines(source)
    assert lines[0].startswith("t0 -> t1 [") and 'label="goes on"' in lines[0]
    back = lines[1]
    assert back.startswith("t1 -> t0 [") and "constraint=false" in back and "comes back" in back
    assert lines[2].startswith("t0 -> x0 [") and 'label=leaves' in lines[2]
    assert re.search(r"\tx0 \[label=Exit", source)


def test_moment_of_truth_has_a_double_border_and_emotions_are_tinted_rows():
    journey = journey_of(ROOT / "examples" / "grocery-shop.cjm")
    source = cjmdsl.render(journey, "dot")
    checkout = next(line for line in source.splitlines() if "touchpoint-desktop_checkout" in line)
    assert "peripheries=2" in checkout and "★ Moment of truth" in checkout
    assert re.search(r'BGCOLOR="#[0-9a-f]{6}"><FONT COLOR="#[0-9a-f]{6}">■</FONT> Maya -2 cheated',
                     checkout)
    assert "Delivery fee appears only at the" in checkout  # the pain point, as a note row


def test_a_stage_without_touchpoints_keeps_its_place():
    journey = parse("""map "M" {
      stage a "A" { touchpoint one "One" { channel web } }
      stage empty "Empty"
      stage c "C" { touchpoint two "Two" { channel web } }
    }""")
    source = cjmdsl.render(journey, "dot")
    assert "subgraph cluster_1 {" in source and "\t\te1 [label=\"no touchpoints\"" in source
    assert "b1 -> e1 [" in source and "e1 -> b2 [" in source


def test_dot_output_is_deterministic_across_hash_seeds():
    script = ("import sys, hashlib, cjmdsl\n"
              "for p in sys.argv[1:]:\n"
              "    t = open(p, encoding='utf-8').read()\n"
              "    print(hashlib.sha256(cjmdsl.render(t, 'dot').encode()).hexdigest())\n")
    outputs = set()
    for seed in ("0", "1", "4242"):
        done = subprocess.run([sys.executable, "-c", script, *map(str, EXAMPLES)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


# ── escaping ────────────────────────────────────────────────────────────────
def unescaped(quoted: str) -> str:
    """The characters of a DOT quoted string, its `\\x` escapes resolved."""
    assert quoted.startswith('"') and quoted.endswith('"'), quoted
    return re.sub(r"\\(.)", r"\1", quoted[1:-1], flags=re.DOTALL)


@settings(max_examples=300, deadline=None)
@given(st.text() | st.sampled_from(PIECES))
def test_dot_text_is_one_quoted_string_that_never_ends_early(text):
    quoted = graphviz.quoting.quote(dot_text(text))
    assert "\n" not in quoted
    if graphviz.quoting.ID.match(quoted) and quoted.lower() not in graphviz.quoting.KEYWORDS:
        return  # a bare name or number: one token
    assert quoted.startswith('"') and quoted.endswith('"') and len(quoted) >= 2
    assert not re.search(r'(?<!\\)(\\\\)*"', quoted[1:-1])  # every quote inside is escaped


@settings(max_examples=300, deadline=None)
@given(st.text() | st.sampled_from(PIECES))
def test_dot_html_has_no_markup_but_line_breaks(text):
    markup = dot_html(text)
    assert "\n" not in markup
    assert re.sub("<BR/>", "", markup).count("<") == 0
    assert ">" not in re.sub("<BR/>", "", markup)
    assert all(len(run) % 2 == 0 for run in re.findall(r"\\+", markup))


def svg_texts(svg: bytes | str) -> dict[str, list[str]]:
    """Per node and edge title (`t0`, `t0->t1`), the lines of text drawn for it."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") in ("node", "edge"):
            title = group.find(f"{SVG}title").text
            found[title] = [(t.text or "").replace("\xa0", " ") for t in group.iter(f"{SVG}text")]
    return found


readable = st.one_of(st.sampled_from(PIECES), st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20))


@DOT_RUNS
@given(st.lists(readable, min_size=1, max_size=4).map(" ".join))
def test_any_text_is_drawn_literally_by_graphviz(dot_tool, text):
    graph = graphviz.Digraph()
    graph.node("a", label=dot_text(text))
    graph.node("b", label=html_label(dot_html(text)))
    graph.edge("a", "b", label=dot_text(text))
    texts = svg_texts(graph.pipe(format="svg"))
    # What XML cannot carry is replaced (U+FFFD); Graphviz writes runs of spaces with
    # no-break spaces, which svg_texts reads as spaces.
    shown = xml_chars(text).replace("\xa0", " ").replace("\t", " ")
    expected = shown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    marks = bidi.RLI, bidi.PDI  # each line of right-to-left text is drawn as an isolate
    rtl = bidi.direction(xml_chars(text)) == bidi.RTL
    for drawn in texts.values():
        lines = [line.strip() for line in drawn if line.strip()]
        if rtl:
            assert all(line.startswith(marks[0]) and line.endswith(marks[1]) for line in lines)
            lines = [line[1:-1].strip() for line in lines if line[1:-1].strip()]
        assert lines == [line.strip() for line in expected if line.strip()]


@pytest.mark.parametrize("text", ["]", "]]", "a\n]"])
def test_a_line_that_starts_with_a_bracket_is_drawn_literally(dot_tool, text):
    """Graphviz 2.43 stops with a syntax error on an HTML-label text of only `]`s."""
    graph = graphviz.Digraph()
    graph.node("b", label=html_label(dot_html(text)))
    (drawn,) = svg_texts(graph.pipe(format="svg")).values()
    assert [line.strip() for line in drawn] == [line.strip() for line in text.split("\n")]


HOSTILE = ('Q"uo\\te <b>x</b> & &amp; {b}\nnew ] ; -> -- \\N \\G \\L "];x->y;[" '
           '<<TABLE>> subgraph cluster_9 { node [shape=box] } // /* # \\')


def map_with(text) -> str:
    """A map with `text(n)` in every field that reaches the flow view."""
    s = lambda n: cjm_string(text(n))  # noqa: E731
    return f"""map {s(0)} {{
      description {s(1)}
      scale -2 .. 2 {{ -2 {s(2)} 2 {s(3)} }}
      persona maya {s(4)} {{ role {s(5)} }}
      persona tom {s(6)}
      actor agent {s(28)} {{ team {s(29)} }}
      stage find {s(7)} {{
        touchpoint ad {s(8)} {{
          channel social
          emotion maya 1 {s(9)}
          emotion tom -1 {s(10)}
          pain {s(11)} source survey {s(12)} owner {s(13)}
          opportunity {s(14)} owner {s(15)}
          moment_of_truth {s(16)}
          frontstage take {s(30)} by agent -> log
          backstage log {s(31)}
        }}
      }}
      stage empty {s(17)}
      stage buy {s(18)} {{
        touchpoint checkout {s(19)} {{ channel web emotion maya -2 {s(20)} emotion tom 2 }}
        touchpoint reminder {s(21)} {{ channel email pain {s(22)} }}
      }}
      flow checkout -> reminder {s(23)} -> ad {s(24)} -> exit {s(25)}
      flow tom: ad -> checkout {s(26)} -> exit {s(27)}
    }}
    """


def test_hostile_text_in_every_field_changes_no_node_edge_or_cluster(dot_tool):
    hostile = parse(map_with(lambda n: f"{n} {HOSTILE}"))
    benign = parse(map_with(lambda n: f"Text number {n}"))
    hostile_layout = layout_of(cjmdsl.render(hostile, "dot"))
    benign_layout = layout_of(cjmdsl.render(benign, "dot"))
    assert structure(hostile_layout) == structure(benign_layout)
    counts = structure(benign_layout)
    assert (len(counts["clusters"]), len(counts["nodes"]), len(counts["edges"])) == (4, 10, 16)


def test_hostile_text_is_drawn_as_text(dot_tool):
    svg = cjmdsl.render(parse(map_with(lambda n: f"{n} {HOSTILE}")), "flow-svg")
    drawn = "\n".join(line for lines in svg_texts(svg).values() for line in lines)
    for piece in ('Q"uo\\te', "<b>x</b>", "&amp;", "\\N", "\\G", '"];x->y;["', "<<TABLE>>"):
        assert piece in drawn
    assert inert_svg_problems(svg) == []


@st.composite
def journeys_with_flows(draw) -> m.Journey:
    """A journey from the property tests, plus flows with hostile labels between its
    touchpoints, for some of its personas or for everyone."""
    journey = draw(journeys())
    ids = [tp.id for tp in journey.touchpoints]
    persona_ids = [p.id for p in journey.personas]
    flows = []
    for _ in range(draw(st.integers(0, 3))):
        route = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=5))
        labels = draw(st.lists(st.none() | readable, min_size=len(route), max_size=len(route)))
        arrows = [m.FlowStep(to, label) for to, label in zip(route[1:], labels)]
        if draw(st.booleans()):
            arrows.append(m.FlowStep(None, labels[-1]))
        who = draw(st.lists(st.sampled_from(persona_ids), unique=True, max_size=2))
        flows.append(m.Flow(route[0], tuple(arrows), tuple(who)))
    return dataclasses.replace(journey, flows=tuple(flows))


TEXT_FIELDS = {"title", "name", "text", "word", "label", "reason", "detail", "owner", "outcome",
               "description"}


def benign_twin(value, names: dict):
    """The same journey with every text replaced by a plain one (equal texts stay equal)."""
    if isinstance(value, tuple):
        return tuple(benign_twin(item, names) for item in value)
    if not dataclasses.is_dataclass(value):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.name in TEXT_FIELDS and isinstance(current, str):
            changes[f.name] = names.setdefault(current, f"plain text {len(names)}")
        elif isinstance(current, tuple) or dataclasses.is_dataclass(current):
            changes[f.name] = benign_twin(current, names)
    return dataclasses.replace(value, **changes)


@DOT_RUNS
@given(journeys_with_flows())
def test_any_journey_lays_out_with_the_structure_of_its_benign_twin(dot_tool, journey):
    twin = benign_twin(journey, {})
    assert structure(layout_of(cjmdsl.render(journey, "dot"))) == \
        structure(layout_of(cjmdsl.render(twin, "dot")))


# ── Graphviz really runs ────────────────────────────────────────────────────
def inert_svg_problems(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    problems = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject", "iframe", "image"):
            problems.append(f"<{tag}>")
        for name in element.attrib:
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or local == "href":
                problems.append(f"{name} on <{tag}>")
    return problems


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_renders_to_png_pdf_and_svg(example, dot_tool):
    journey = journey_of(example)
    png = cjmdsl.render(journey, "flow-png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"flow-{example.stem}.png").write_bytes(png)
    assert cjmdsl.render(journey, "flow-pdf").startswith(b"%PDF-")
    svg = cjmdsl.render(journey, "flow-svg")
    nodes = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "node"]
    assert len(nodes) >= len(journey.touchpoints)
    assert inert_svg_problems(svg) == []


@pytest.mark.parametrize("format_name", ["flow-png", "flow-pdf", "flow-svg"])
def test_rendered_files_are_byte_identical_across_runs(format_name, dot_tool):
    journey = journey_of(ROOT / "examples" / "support-ticket.cjm")
    assert cjmdsl.render(journey, format_name) == cjmdsl.render(journey, format_name)


def test_pdf_carries_a_fixed_creation_date(dot_tool):
    """cairo stamps the time of the run; the same map must give the same bytes tomorrow."""
    pdf = cjmdsl.render(journey_of(ROOT / "examples" / "support-ticket.cjm"), "flow-pdf")
    assert re.search(rb"/CreationDate \(D:19700101000000[^)]*\)", pdf)


ORDER_CASES = {
    **{example.stem: journey_of(example) for example in EXAMPLES},
    "forty": FORTY,
    "flows-against-the-stages": parse("""map "Backwards" {
      persona maya "Maya"
      stage one "One" { touchpoint a "A" { channel web emotion maya 0 } }
      stage two "Two" { touchpoint b "B" { channel web } touchpoint b2 "B2" { channel web } }
      stage gap "Nothing here"
      stage three "Three" { touchpoint c "C" { channel web } }
      flow maya: c -> b "back" -> a "further back" -> c -> b2 -> exit
      flow b2 -> b -> a -> exit
    }"""),
}


@pytest.mark.parametrize("name", list(ORDER_CASES))
def test_stages_run_left_to_right_and_hold_their_touchpoints(name, dot_tool):
    journey = ORDER_CASES[name]
    placed = boxes(layout_of(cjmdsl.render(journey, "dot")))
    clusters = [placed[f"cluster_{k}"] for k in range(len(journey.stages))]
    assert placed["cluster_legend"][2] < clusters[0][0]
    row_of = _stage_rows(journey.stages)
    for k, (left, right) in enumerate(zip(clusters, clusters[1:])):
        if row_of[k] == row_of[k + 1]:
            assert left[2] < right[0], "a stage reaches into the next one"
        else:  # the next row starts under this one (Graphviz's y grows upwards)
            assert right[3] < min(c[1] for c, r in zip(clusters, row_of) if r == row_of[k])
    node = {tp.id: f"t{i}" for i, tp in enumerate(journey.touchpoints)}
    for k, stage in enumerate(journey.stages):
        for tp in stage.touchpoints:
            x0, y0, x1, y1 = placed[node[tp.id]]
            assert clusters[k][0] <= x0 and x1 <= clusters[k][2], tp.id


def assert_a_row_of_cards_wide(png: bytes, journey: m.Journey) -> None:
    """The flow-png is about ROW_TOUCHPOINTS cards wide however long the journey, and tall
    by its rows of stages: a reader scrolls down it, not sideways."""
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    rows = max(_stage_rows(journey.stages)) + 1
    assert rows > 1 and width < ROW_TOUCHPOINTS * 360 and height < rows * 700, (width, height)


def test_forty_touchpoints_stay_readable(dot_tool, regen_golden):
    """No two nodes overlap and the picture stays a sane shape. The PNG lands in
    test-artifacts/ to be looked at; --regen-golden also refreshes docs/flow-40.png, which the
    README links (not compared byte for byte: it depends on the Graphviz and fonts at hand)."""
    source = cjmdsl.render(FORTY, "dot")
    placed = boxes(layout_of(source))
    shown = sorted(name for name in placed if re.fullmatch(r"[tx]\d+", name))
    assert len([n for n in shown if n.startswith("t")]) == 40
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = placed[a], placed[b]
            assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, f"{a} overlaps {b}"
    png = cjmdsl.render(FORTY, "flow-png")
    assert_a_row_of_cards_wide(png, FORTY)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "flow-40.png").write_bytes(png)
    if regen_golden:
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "flow-40.png").write_bytes(png)


def test_the_flow_view_of_200_touchpoints_draws_every_text_at_its_size(dot_tool):
    """Legible at 100 %: Graphviz shrinks a bitmap past its limit and says so (W120), as it
    did when the stages ran in one row, and a `size` would scale the whole drawing; neither
    happens, so the smallest text is its 10 pt (13 px, above the 9 px the map keeps to)."""
    journey = parse(generated(200))
    with warnings.catch_warnings():
        warnings.simplefilter("error", BackendWarning)  # what the CLI reports as W120
        svg = cjmdsl.render(journey, "flow-svg")
        png = cjmdsl.render(journey, "flow-png")
    assert svg.count('class="node"') > 200  # a card per touchpoint, not per stage
    scale = re.search(r'class="graph" transform="scale\(([\d.]+) ([\d.]+)\)', svg).groups()
    assert scale == ("1", "1")
    points_to_px = 96 / 72  # Graphviz's SVG is in points
    assert min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)) * points_to_px >= 9
    assert_a_row_of_cards_wide(png, journey)


def test_a_long_flow_wraps_its_stages_into_rows_like_a_paragraph(dot_tool):
    """Forty touchpoints in one row were 6,800 pt wide (Graphviz shrank the PNG to fit its
    bitmap limit); in rows of about ten touchpoints every row starts at the left, under the
    one before, and the picture is about as wide as it is tall."""
    placed = boxes(layout_of(cjmdsl.render(FORTY, "dot")))
    row_of = _stage_rows(FORTY.stages)
    starts = [placed[f"cluster_{k}"] for k in range(len(row_of))
              if k == 0 or row_of[k] != row_of[k - 1]]
    assert len(starts) == max(row_of) + 1 > 2
    assert max(s[0] for s in starts) - min(s[0] for s in starts) < 60  # one left edge
    assert all(below[3] < above[1] for above, below in zip(starts, starts[1:]))
    clusters = [b for name, b in placed.items() if name.startswith("cluster_")]
    width = max(c[2] for c in clusters) - min(c[0] for c in clusters)
    height = max(c[3] for c in clusters) - min(c[1] for c in clusters)
    assert width < 2.5 * height


GERMAN_WORDS = """map "Mahnwesen" {
  lang "de"
  persona pia "Pia"
  stage zahlung "Zahlung" {
    touchpoint mahnung "Zahlungserinnerungsschreiben" { emotion pia -1 }
    touchpoint umfrage "Kunden\u00adzufriedenheits\u00adumfrage" { emotion pia 0 }
    touchpoint zahlt "Zahlt" { emotion pia 1 }
    touchpoint dank "Dank" { emotion pia 1 }
  }
}
"""


def test_the_flow_view_breaks_long_german_words_where_the_map_does(dot_tool):
    """Both wrap with `wrap` in the map's language: the compound at a German syllable
    (English rules break it `Zahlungserinnerungss-chreiben`), the word with soft hyphens at
    one of them with a visible `-` (syllables would give `Kundenzufriedenheitsum-frage`)."""
    expected = {"mahnung": ["Zahlungserinnerungs-", "schreiben"],
                "umfrage": ["Kundenzufriedenheits-", "umfrage"]}
    drawn = svg_texts(cjmdsl.render(GERMAN_WORDS, "flow-svg"))
    assert {tp: drawn[node][:2] for tp, node in (("mahnung", "t0"), ("umfrage", "t1"))} == expected
    on_the_map = [re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text)
                  for text in re.findall(r"<text[^>]*>(.*?)</text>",
                                         cjmdsl.render(GERMAN_WORDS, "svg"), re.S)]
    assert all(lines in on_the_map for lines in expected.values())


def test_dots_warnings_are_diagnostics_at_the_map(shop):
    """Whatever `dot` says on stderr reaches the user as warning W120 with the map's place,
    not as stray lines; the flow is still written, and --strict fails on it."""
    tools = shop / "bin"
    tools.mkdir()
    fake = tools / "dot"
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho 'Warning: graph is too large for "
                    "cairo-renderer bitmaps. Scaling by 0.5 to fit' >&2\necho '<svg/>'\n",
                    encoding="utf-8")
    fake.chmod(0o755)
    path = f"{tools}{os.pathsep}{os.environ['PATH']}"
    done = cjm("render", "shop.cjm", "-f", "flow-svg", cwd=shop, path=path)
    assert done.returncode == 0, done.stderr
    assert ("shop.cjm:7:1: warning[W120]: Graphviz's `dot` warns: graph is too large for "
            "cairo-renderer bitmaps. Scaling by 0.5 to fit") in done.stderr
    assert "cjm explain W120" in done.stderr
    assert (shop / "shop.flow.svg").read_text(encoding="utf-8") == "<svg/>\n"
    strict = cjm("render", "shop.cjm", "-f", "flow-svg", "--strict", "-o", "strict.flow.svg",
                 cwd=shop, path=path)
    assert strict.returncode == 1 and not (shop / "strict.flow.svg").exists()


def test_dots_warnings_are_python_warnings_in_the_api(monkeypatch, tmp_path):
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho 'Warning: odd' >&2\necho '<svg/>'\n",
                    encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.warns(BackendWarning, match="^Graphviz.s `dot` warns: odd$"):
        cjmdsl.render(journey_of(ROOT / "examples" / "grocery-shop.cjm"), "flow-svg")


def test_forty_touchpoint_map_draws_every_step():
    source = cjmdsl.render(FORTY, "dot")
    drawn = {tuple(line.split(" [")[0].split(" -> ")) for line in edge_lines(source)}
    node = {tp.id: f"t{i}" for i, tp in enumerate(FORTY.touchpoints)}
    for step in steps(FORTY):
        head = "x" + node[step.source][1:] if step.target is None else node[step.target]
        assert (node[step.source], head) in drawn


# ── the CLI, with and without Graphviz ──────────────────────────────────────
def cjm(*args: str, cwd: Path, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    if path is not None:
        env["PATH"] = path
    done = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=60, env=env)
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "examples" / "grocery-shop.cjm", tmp_path / "shop.cjm")
    return tmp_path


@pytest.mark.parametrize("format_name", GRAPHVIZ_FORMATS)
def test_missing_dot_is_one_clear_error_naming_the_package(shop, format_name):
    no_tools = shop / "empty-bin"
    no_tools.mkdir()
    done = cjm("render", "shop.cjm", "-f", format_name, cwd=shop, path=str(no_tools))
    assert done.returncode == 4  # a tool is missing, as for every command
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    message = lines[0]
    assert message.startswith("cjm: error: ")
    for words in ("graphviz", "apt-get install graphviz", "brew install graphviz", "-f dot"):
        assert words in message
    assert sorted(p.name for p in shop.iterdir()) == ["empty-bin", "shop.cjm"]


def test_dot_format_works_without_graphviz(shop):
    no_tools = shop / "empty-bin"
    no_tools.mkdir()
    done = cjm("render", "shop.cjm", "-f", "dot", cwd=shop, path=str(no_tools))
    assert done.returncode == 0, done.stderr
    assert (shop / "shop.dot").read_text(encoding="utf-8").startswith("digraph journey {")


def test_missing_dot_raises_backend_unavailable_in_the_api(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    journey = journey_of(ROOT / "examples" / "grocery-shop.cjm")
    with pytest.raises(BackendUnavailable, match="apt-get install graphviz"):
        cjmdsl.render(journey, "flow-png")


def test_cli_writes_each_graphviz_format_beside_the_map(shop, dot_tool):
    for format_name in ("dot", *GRAPHVIZ_FORMATS):
        done = cjm("render", "shop.cjm", "-f", format_name, cwd=shop)
        assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in shop.iterdir()) == [
        "shop.cjm", "shop.dot", "shop.flow.pdf", "shop.flow.png", "shop.flow.svg"]
    ET.fromstring((shop / "shop.flow.svg").read_bytes())
    digest = hashlib.sha256((shop / "shop.flow.png").read_bytes()).hexdigest()
    assert digest == hashlib.sha256(cjmdsl.render(
        journey_of(shop / "shop.cjm"), "flow-png")).hexdigest()


def test_a_path_of_any_customer_is_dashed_so_print_tells_it_from_a_grey_persona():
    source = ('map "M" { theme "print" persona rita "Rita" stage s "S" {\n'
              'touchpoint a "A" { emotion rita 1 } touchpoint b "B" { emotion rita -1 }\n'
              'touchpoint c "C" { } }\n'
              'flow rita: a -> b flow b -> c }')
    dot = cjmdsl.render(source, format="dot")
    edges = {line.split("[")[0].strip(): line for line in dot.splitlines() if " -> " in line
             and "invis" not in line}
    persona = next(line for head, line in edges.items() if "Rita:" in line)
    anyone = next(line for head, line in edges.items() if "Any customer:" in line)
    assert "style=dashed" in anyone and "style=dashed" not in persona
    assert "- - -" in dot  # the legend's key for it
