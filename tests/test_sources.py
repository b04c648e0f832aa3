"""Declared sources (issue 17): declared once, cited by id from any claim, shown as an evidence
mark per touchpoint, listed with what cites them, aged by their date."""
from __future__ import annotations

import json
import re
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from cjmdsl.api import check, render
from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.integrations.lsp.completion import complete
from cjmdsl.integrations.lsp.hover import hover_text
from cjmdsl.language.format import format_text
from cjmdsl.model import SOURCE_KINDS
from cjmdsl.review.lint import lint_text

SVG = "{http://www.w3.org/2000/svg}"


def cjm(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


CITED = cjm("""
    map "Onboarding" {
      persona maya "Maya"
      source q3_survey survey "Q3 onboarding survey" { n 212 collected 2026-09 url "https://example.com/q3" }
      source calls interview "Customer calls" { n 14 collected 2025-01 }
      stage s "Start" {
        touchpoint signup "Sign-up" {
          channel web
          action "Fills in the form" source q3_survey
          thought "Why so many fields?" source calls "call 4"
          question "Is my card safe?" source q3_survey
          emotion maya -1 "wary" source calls
          pain "Too many fields" source q3_survey
          opportunity "Ask for the card later" source review "App store" owner "Web" impact high effort low
        }
        touchpoint welcome "Welcome mail" { channel email action "Opens the mail" }
      }
    }
    """)


def run(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["cjm", *args], capture_output=True, text=True, env=env)


# ── citations ─────────────────────────────────────────────────────────────────
def test_every_kind_of_claim_cites_a_declared_source_by_its_id():
    touchpoint = json.loads(render(CITED, "json"))["journey"]["stages"][0]["touchpoints"][0]
    cited = [touchpoint[field][0]["source"] for field in
             ("actions", "thoughts", "questions", "emotions", "pains")]
    assert [(s["cites"], s["kind"], s["detail"]) for s in cited] == [
        ("q3_survey", "survey", None), ("calls", "interview", "call 4"),
        ("q3_survey", "survey", None), ("calls", "interview", None),
        ("q3_survey", "survey", None)]
    inline = touchpoint["opportunities"][0]["source"]
    assert (inline["cites"], inline["kind"], inline["detail"]) == (None, "review", "App store")


def test_json_carries_the_declared_sources_and_the_new_schema_version():
    document = json.loads(render(CITED, "json"))
    assert document["schema_version"] == 4
    assert document["$schema"].endswith("/journey.v4.schema.json")
    (first, second) = document["journey"]["sources"]
    assert {k: first[k] for k in ("id", "kind", "title", "size", "collected", "url")} == {
        "id": "q3_survey", "kind": "survey", "title": "Q3 onboarding survey", "size": 212,
        "collected": "2026-09", "url": "https://example.com/q3"}
    assert second["url"] is None


def test_a_misspelt_citation_is_one_error_and_no_uncited_warning():
    result = check(CITED.replace("pain \"Too many fields\" source q3_survey",
                                 "pain \"Too many fields\" source q3_survy")
                   .replace('action "Fills in the form" source q3_survey', 'action "Fills in the form"')
                   .replace('question "Is my card safe?" source q3_survey', 'question "Is my card safe?"'))
    assert [(d.code, d.message, d.hint) for d in result.diagnostics] == [
        ("E017", "unknown source `q3_survy`", "did you mean `q3_survey`?")]


def test_an_unknown_source_far_from_any_lists_the_declared_ones_and_the_kinds():
    result = check(CITED.replace('source calls "call 4"', 'source zzz'))
    (error,) = [d for d in result.diagnostics if d.code == "E017"]
    assert error.hint == ("known sources: `q3_survey`, `calls`; kinds of source: "
                          + ", ".join(SOURCE_KINDS))


# ── the evidence mark ─────────────────────────────────────────────────────────
def marks(svg: str) -> dict[str, tuple[str, str]]:
    """Per touchpoint, the evidence mark drawn in its header: level and tooltip."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        if "data-touchpoint" not in group.attrib:
            continue
        for mark in group.findall(f"{SVG}g"):
            level = re.fullmatch(r"cjm-evidence cjm-evidence-(\w+)", mark.get("class", ""))
            if level:
                found[group.get("data-touchpoint")] = (level.group(1),
                                                       mark.find(f"{SVG}title").text)
    return found


def legend_keys(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [g.get("class") for g in root.iter(f"{SVG}g")
            if g.get("class", "").startswith("cjm-key-evidence")]


def test_each_touchpoint_shows_how_many_kinds_of_evidence_back_it():
    svg = render(CITED, "svg")
    assert marks(svg) == {
        "signup": ("several", "Several kinds of evidence: interview, survey, review"),
        "welcome": ("none", "No evidence")}
    assert legend_keys(svg) == ["cjm-key-evidence-none", "cjm-key-evidence-several"]


def test_a_map_that_cites_nothing_draws_no_evidence_marks():
    svg = render(cjm("""
        map "M" { stage s "S" { touchpoint t "T" { channel web pain "Slow" } } }
        """), "svg")
    assert marks(svg) == {} and legend_keys(svg) == []


# The property: a touchpoint's mark is computed from exactly the sources its claims cite.
DECLARED = {"d_survey": "survey", "d_calls": "interview", "d_logs": "analytics"}
CLAIMS = ("action", "thought", "question", "emotion", "pain", "opportunity")
citations = st.none() | st.sampled_from([*SOURCE_KINDS, *DECLARED])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(CLAIMS), citations), max_size=6),
                min_size=1, max_size=4))
def test_the_evidence_mark_is_computed_from_exactly_the_sources_cited(columns):
    lines = ['map "M" {', '  persona p "P"']
    lines += [f'  source {name} {kind} "T"' for name, kind in DECLARED.items()]
    lines.append('  stage s "S" {')
    expected = {}
    for index, claims in enumerate(columns):
        items, kinds, felt = [], set(), False
        for claim, cited in claims:
            if claim == "emotion":
                if felt:
                    continue
                felt = True
                written = "emotion p 0"
            else:
                written = f'{claim} "x"'
            if cited is not None:
                written += f" source {cited}"
                kinds.add(DECLARED.get(cited, cited))
            items.append(written)
        lines.append(f'    touchpoint t{index} "T" {{ channel web {" ".join(items)} }}')
        expected[f"t{index}"] = kinds
    lines += ["  }", "}"]
    text = "\n".join(lines) + "\n"
    drawn = marks(render(text, "svg"))
    if not any(expected.values()):
        assert drawn == {}
        return
    for touchpoint, kinds in expected.items():
        level, title = drawn[touchpoint]
        assert level == ("none" if not kinds else "one" if len(kinds) == 1 else "several")
        named = title.partition(": ")[2]
        assert set(named.split(", ")) - {""} == kinds


# ── what the HTML and the Markdown list ───────────────────────────────────────
def test_markdown_lists_each_source_with_what_cites_it():
    markdown = render(CITED, "md")
    sources = markdown[markdown.index("## Sources"):]
    assert ("| **Q3 onboarding survey** (`q3_survey`) [link](https://example.com/q3) | Survey | "
            "n = 212 | 2026-09 | Sign-up: action, question, pain point |") in sources
    assert "| **Customer calls** (`calls`) | Interview | n = 14 | 2025-01 | Sign-up: thought, " \
           "emotion (Maya) |" in sources


def test_html_lists_each_source_with_its_link_and_what_cites_it():
    html = render(CITED, "html")
    assert ('<tr data-source="q3_survey"><th scope="row"><a href="https://example.com/q3" '
            'rel="noopener noreferrer">Q3 onboarding survey</a> <code>q3_survey</code></th>'
            '<td>Survey</td><td>n = 212</td><td>2026-09</td>'
            '<td>Sign-up: action, question, pain point</td></tr>') in html
    assert '<li><a href="#cjm-sources">Sources</a></li>' in html


def test_a_link_that_is_not_http_is_shown_as_text_never_as_a_link():
    text = CITED.replace("https://example.com/q3", "javascript:alert(1)")
    html = render(text, "html")
    assert 'href="javascript' not in html
    assert '<span class="cjm-muted">javascript:alert(1)</span>' in html
    assert "](javascript:" not in render(text, "md")


# ── age ───────────────────────────────────────────────────────────────────────
def test_check_warns_once_per_stale_declared_source_with_its_age(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(CITED, encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1796083200", "PATH": __import__("os").environ["PATH"]}  # 2026-12-01
    done = run("check", "--max-evidence-age", "12mo", str(path), env=env)
    assert done.returncode == 0, done.stderr
    assert "warning[L208]: source `calls` is 22 months old, older than 12 months (cited by 2 " \
           "claims)" in done.stderr
    assert done.stderr.count("L208") == 1
    assert "collected 2025-01" in done.stderr  # the caret is under the date
    assert run("check", "--strict", "--max-evidence-age", "2y", str(path),
               env=env).returncode == 0
    assert run("check", "--strict", "--max-evidence-age", "12mo", str(path),
               env=env).returncode == 1


def test_check_ages_nothing_unless_asked(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(CITED, encoding="utf-8")
    assert "L208" not in run("check", str(path)).stderr


def test_check_refuses_an_age_it_cannot_read(tmp_path):
    path = tmp_path / "map.cjm"
    path.write_text(CITED, encoding="utf-8")
    done = run("check", "--max-evidence-age", "twelve", str(path))
    assert done.returncode == 2
    assert 'cjm: error: --max-evidence-age takes months or years, such as "12mo" or "2y"' \
        in done.stderr


def test_lint_ages_a_declared_source_by_its_collected_date():
    found = [d for d in lint_text(CITED, on=date(2026, 12, 1)).diagnostics if d.code == "L208"]
    assert [(d.span.line, d.message) for d in found] == [
        (4, "source `calls` is 22 months old, older than 12 months (cited by 2 claims)")]


# ── the formatter and the editor ──────────────────────────────────────────────
def test_the_formatter_writes_declarations_and_citations_canonically():
    messy = cjm("""
        map "M" {
        source   q3 survey "Q3" {   n 0212
        collected 2026-09 }
        persona p "P"
        stage s "S" { touchpoint t "T" { channel web action "a"  source q3 emotion p +1 "w" source q3 "p. 4"
        opportunity "o" impact high   effort low } } }
        """)
    assert format_text(messy) == cjm("""
        map "M" {
          source q3 survey "Q3" { n 212 collected 2026-09 }

          persona p "P"

          stage s "S" {
            touchpoint t "T" {
              channel web
              action "a" source q3
              emotion p +1 "w" source q3 "p. 4"
              opportunity "o" impact high effort low
            }
          }
        }
        """)


def test_completion_after_a_claims_source_offers_the_declared_sources_first():
    text = CITED.replace('action "Opens the mail"', 'action "Opens the mail" source ')
    line = next(i for i, l in enumerate(text.split("\n"), 1) if "Opens the mail" in l)
    column = text.split("\n")[line - 1].index("source ") + len("source ") + 1
    labels = [c.label for c in complete(analyze(text), line, column).items]
    assert labels[:2] == ["q3_survey", "calls"]
    assert set(SOURCE_KINDS) <= set(labels)


def test_hover_on_a_citation_shows_the_source():
    analysis = analyze(CITED)
    line = next(i for i, l in enumerate(CITED.split("\n"), 1) if "Fills in the form" in l)
    column = CITED.split("\n")[line - 1].index("q3_survey") + 2
    card, _ = hover_text(analysis, line, column)
    assert card == ("**Q3 onboarding survey** · survey `q3_survey`\n\n- Sample: n = 212\n"
                    "- Collected: 2026-09\n- Link: https://example.com/q3\n- Cited by 3 claims")
