"""No injection: hostile text in every text field of the language stays text.

Each payload goes into every string of a map at once (title, description, personas and their
fields, stages, touchpoints and everything in them, flows, action items, KPIs, scale labels).
The SVG must stay well-formed XML with no script, no event handler and no external reference,
and show each payload as text; the JSON must carry it back unchanged; the HTML page must hold
exactly its own script and style and no handler; the Markdown no raw HTML. (The DOT graph's
node and edge counts under the same kind of corpus: tests/test_graphviz.py; the HTML page in
a browser, with no dialog firing: tests/test_html_browser.py.)
"""
from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from cjmdsl.api import parse, render
from cjmdsl.language.format import long_quote
from cjmdsl.language.format import quote as cjm_string
from cjmdsl.words.escape import xml_chars

PAYLOADS = {
    "script-tag": "</script><script>alert(1)</script>",
    "attribute-breaker": '" onmouseover="alert(1)" x="',
    "single-quote-breaker": "' onload='alert(1)' '",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "svg-onload": "<svg onload=alert(1)>",
    "javascript-url": "javascript:alert(document.domain)",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "cdata-end": "]]><script>alert(1)</script><![CDATA[",
    "comment-breaker": "--><script>alert(1)</script><!--",
    "entity": "&lt;script&gt; &amp; &#60;b&#62; &xxe;",
    "xml-declaration": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "foreign-object": "<foreignObject><iframe src=//evil></iframe></foreignObject>",
    "use-href": '<use href="https://evil.example/x.svg#a"/>',
    "css-breaker": "</style><style>*{background:url(https://evil.example)}</style>",
    "dot-quote": 'a" ]; evil [label="x',
    "dot-brace": "} digraph evil { a -> b",
    "dot-html-label": "<<b>x</b>>",
    "json-breaker": '"}, {"injected": true, "x": "',
    "bidi-override": "\u202egnp.exe\u202c safe \u2066isolate\u2069",
    "backslashes": "C:\\new\\table\\u0000",
    "control-characters": "bell\x07 nul\x00 esc\x1b[31m",
    "jinja": "{{ 7*7 }} {% raw %}",
}


def hostile_map(payload: str) -> str:
    s = cjm_string(payload)
    long = long_quote(payload + "\n" + payload)  # triple-quoted, over two lines
    return f"""map {s} {{
  description {s}
  owner {s}
  status {s}
  version {s}
  updated 2026-11-30
  tags {s}, plain
  note {s}
  note {long}
  channel own {s} like community
  scale -2 .. 2 {{ -2 {s} 0 {s} 2 {s} }}
  persona p {s} {{ role {s} goal {s} need {s} pain {s} motivation {s} quote {s} }}
  persona q {s}
  source ev interview {s} {{ n 12 collected 2026-09 url {s} }}
  actor agent {s} {{ team {s} }}
  actor crm {s} {{ kind system team {s} }}
  stage st {s} {{
    goal {s}
    brand {s}
    note {s}
    touchpoint tp {s} {{
      channel web, own
      motivation {s}
      note {long}
      action {s}
      thought {s}
      question {s}
      emotion p -2 {s}
      emotion q 1 {s} n 30 sd 0.5
      expect p 2
      future p 1 {s}
      pain fee {s} source survey {s} owner {s} for p, q fail {s}
      opportunity show {s} source interview {s} owner {s} addresses fee for q aims p
      moment_of_truth {s}
      wait "2 days"
      time "3 min"
    }}
    touchpoint tp2 {s} {{ channel chat emotion p 1 {s} emotion q -1 }}
    touchpoint tp3 {s} {{
      channel web
      action {s} source ev {s} fail {s}
      emotion p 0 {s} source ev {s}
      metric rating 3 of 5
      emotion q from rating {s} n 12 range -2 .. +1
      future q 2 {s}
      opportunity {s} source ev {s} owner {s} impact high effort low
      metric m 3 unit {s} lower target 2 source ev {s}
      evidence sms {s}
      frontstage take {s} by agent -> backstage log
      backstage log {s} by crm source ev {s} -> sms
      support {long} by crm
    }}
    action_item {s} outcome {s} owner {s}
    action_item {s} owner {s} impact low effort high aims q
  }}
  kpi k {s} value 3 higher target 4
  kpi u {s} value 3 unit {s}
  kpi r {s} churn start 100 end 90 target 5%
  flow tp -> tp2 {s} -> exit {s}
  flow p: tp -> tp2 {s}
}}
"""


@pytest.fixture(params=list(PAYLOADS), ids=list(PAYLOADS))
def payload(request) -> str:
    return PAYLOADS[request.param]


def test_payload_survives_the_language(payload):
    journey = parse(hostile_map(payload))
    assert journey.title == payload
    assert journey.stages[0].touchpoints[0].pains[0].source.detail == payload
    tp = journey.stages[0].touchpoints[0]
    assert tp.motivations[0].text == payload and tp.channels[1].label == payload
    assert tp.notes[0].text == journey.notes[1].text == payload + "\n" + payload
    assert journey.stages[0].notes[0].text == journey.notes[0].text == payload
    meta = journey.metadata
    assert meta.owner == meta.status == meta.version == meta.tags[0] == payload
    assert (journey.sources[0].title, journey.sources[0].url) == (payload, payload)
    cited = journey.stages[0].touchpoints[2]
    assert cited.actions[0].source.detail == cited.emotions[0].source.detail == payload
    assert (cited.evidence[0].text, cited.frontstage[0].text, cited.backstage[0].text) == (
        payload, payload, payload)
    assert cited.support[0].text == payload + "\n" + payload
    assert [(a.name, a.team) for a in journey.actors] == [(payload, payload)] * 2
    assert cited.actions[0].fail == tp.pains[0].fail == payload


def test_a_source_link_cannot_leave_its_attribute():
    """An http(s) address is the only link; what could end the attribute or the Markdown
    link is percent-encoded, so the address stays one link and nothing else."""
    url = 'https://evil.example/"><script>alert(1)</script>)](x)<b>'
    hostile = hostile_map("text").replace('url "text"', f"url {cjm_string(url)}")
    links = [attributes for tag, attributes in elements(render(hostile, "html")) if tag == "a"
             and not attributes["href"].startswith("#")]
    assert [link["href"] for link in links] == [
        "https://evil.example/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E%29%5D%28x%29%3Cb%3E"]
    markdown = render(hostile, "md")
    assert "[link](https://evil.example/%22%3E%3Cscript%3E" in markdown
    assert "<script>" not in markdown and "<b>" not in markdown


def style_of(svg: str) -> str:
    """The SVG's one stylesheet (the dark scheme's role colours), its id prefix made plain."""
    return re.sub(r"cjm-[0-9a-f]{8}", "cjm-ID", svg.split("<style>")[1].split("</style>")[0])


def test_svg_stays_inert_well_formed_xml(payload):
    svg = render(hostile_map(payload), "svg")
    root = ET.fromstring(svg)  # strict: raises on anything that is not well-formed
    assert "<!DOCTYPE" not in svg and "<!ENTITY" not in svg
    # The one <style> is written by the themes alone: the same as for a benign map.
    assert [e.tag.split("}")[-1] for e in root if e.tag.endswith("style")] == ["style"]
    assert style_of(svg) == style_of(render(hostile_map("benign text"), "svg"))
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        assert tag not in {"script", "foreignObject", "iframe", "use", "image", "a"}
        for name, value in element.attrib.items():
            local = name.split("}")[-1].lower()
            assert not local.startswith("on"), f"event handler {name} on <{tag}>"
            assert local != "href", f"reference {name}={value!r} on <{tag}>"
            # a gap's hatching is the one url(): a pattern inside the SVG itself
            assert "url(" not in value or re.fullmatch(r"url\(#[\w-]+\)", value), value
            assert "javascript:" not in value.lower()
    drawn = "".join(root.itertext())
    visible = re.sub(r"\s+", " ", xml_chars(payload)).strip()
    for word in visible.split(" "):
        assert word in drawn, f"{word!r} is not shown as text"


# Theme values that would reach the SVG's <style> (through the dark partner of a theme file).
STYLE_BREAKERS = [
    ("colors", "pain", "red; } * { background:url(https://evil.example) }", "E018",
     'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    ("colors", "background", "#fff</style><script>alert(1)</script>", "E018",
     'use "#rgb" or "#rrggbb", such as "#1f2933"'),
    ("font", "family", "Arial</style><style>*{background:url(//evil.example)}", "E055",
     "list font names separated by commas"),
]


@pytest.mark.parametrize("section, key, value, code, hint", STYLE_BREAKERS,
                         ids=["css-breaker", "style-end", "font-style-end"])
def test_a_dark_partner_that_would_break_the_style_is_refused_at_its_place(
        section, key, value, code, hint, tmp_path):
    (tmp_path / "m.cjm").write_text(hostile_map("benign text"), encoding="utf-8")
    (tmp_path / "brand.toml").write_text('dark = "brand-dark.toml"\n', encoding="utf-8")
    (tmp_path / "brand-dark.toml").write_text(f'extends = "dark"\n[{section}]\n{key} = '
                                              f'"{value}"\n', encoding="utf-8")
    run = subprocess.run(["cjm", "render", "m.cjm", "--theme", "brand.toml", "-o", "m.svg"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1
    column = len(f"{key} = ") + 1
    lines = run.stderr.splitlines()
    assert lines[0].startswith(f"brand-dark.toml:3:{column}: error[{code}]: ")
    assert lines[1] == f' 3 | {key} = "{value}"'
    assert lines[2].startswith("   |" + " " * column + "^" * (len(value) + 2) + " " + hint)
    assert not (tmp_path / "m.svg").exists()


def test_json_carries_the_payload_back_unchanged(payload):
    document = json.loads(render(hostile_map(payload), "json"))
    journey = document["journey"]
    assert journey["title"] == payload
    assert journey["stages"][0]["touchpoints"][0]["opportunities"][0]["owner"] == payload
    assert journey["stages"][0]["touchpoints"][0]["pains"][0]["fail"] == payload
    assert journey["stages"][0]["touchpoints"][2]["actions"][0]["fail"] == payload
    assert journey["metadata"]["tags"][0] == journey["channels"][0]["label"] == payload
    assert journey["notes"][1]["text"] == payload + "\n" + payload
    assert journey["actors"][0]["team"] == journey["stages"][0]["touchpoints"][2][
        "frontstage"][0]["text"] == payload
    assert set(document) == {"$schema", "schema_version", "journey"}


class _Elements(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser.tags


def without_print(page: str) -> tuple[str, str]:
    """The page without the map laid out for paper, and that layout: how many pages and sheets
    it takes follows the length of the text."""
    start = page.index('<div class="cjm-print"')
    last_sheet = page.index("</div>\n", page.rindex('<div class="cjm-print-page">')) + 7
    end = page.index("</div>\n", last_sheet) + 7  # the end of the print block
    return page[:start] + page[end:], page[start:end]


def test_html_page_holds_only_its_own_elements(payload):
    benign_page, benign_print = without_print(render(hostile_map("benign text"), "html"))
    hostile_page, hostile_print = without_print(render(hostile_map(payload), "html"))
    benign, hostile = elements(benign_page), elements(hostile_page)
    # The same elements in the same order; only the number of wrapped lines may differ (and
    # of the pages and sheets in print, made of the same elements).
    assert [t for t, _ in hostile if t != "tspan"] == [t for t, _ in benign if t != "tspan"]
    printed = elements(hostile_print)
    assert {t for t, _ in printed} == {t for t, _ in elements(benign_print)}
    for tag, attributes in hostile + printed:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        for name in ("href", "src", "action", "formaction"):
            assert not attributes.get(name, "").lower().startswith(("javascript:", "data:")), tag


def test_markdown_carries_no_raw_html(payload):
    markdown = render(hostile_map(payload), "md")
    assert not re.search(r"<\s*(script|img|svg|iframe|style|foreignObject)", markdown, re.I)
    assert "](javascript:" not in markdown and "](data:" not in markdown
