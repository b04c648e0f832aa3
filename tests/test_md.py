"""`-f md` (the map as Markdown) and `cjm show` (the map in a terminal)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cjmdsl
from cjmdsl.backends.md import MARKS, mark, md_text
from cjmdsl.model import Scale

ROOT = Path(__file__).resolve().parent.parent
GROCERY = ROOT / "examples" / "grocery-shop.cjm"
SAAS = ROOT / "examples" / "saas-onboarding.cjm"

HOSTILE = """\
map "# Not a heading | <script>alert(1)</script>" {
  persona p "*bold* _it_ [link](http://x) `code`"
  stage s "Stage | with pipe" {
    touchpoint t "<img src=x onerror=alert(1)> & co" {
      channel web
      action "- not a list\\nsecond line | pipe"
      emotion p -1 "~~struck~~"
      expect p 1
      pain "1. not a numbered list" owner "<b>team</b>"
    }
  }
}
"""


def md(path_or_text) -> str:
    text = path_or_text
    if isinstance(path_or_text, Path):
        text = path_or_text.read_text(encoding="utf-8")
    return cjmdsl.render(text, format="md")


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The cells of the table under `## heading` (escaped pipes stay inside cells)."""
    section = markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


def test_journey_table_has_a_row_per_touchpoint_and_a_column_per_persona():
    text = md(GROCERY)
    header = next(line for line in text.splitlines() if line.startswith("| Stage"))
    assert header == ("| Stage | Touchpoint | Channel | Does | Thinks | Maya, busy parent "
                      "| Tom, student |")
    rows = table_rows(text, "Journey")
    assert len(rows) == 9
    checkout = next(row for row in rows if "Checks out on desktop" in row[1])
    assert checkout[1] == "⭐ **Checks out on desktop**"  # a moment of truth
    assert checkout[5] == "😠 -2 cheated (expected +1)"


def test_gap_table_lists_expected_against_actual():
    rows = table_rows(md(GROCERY), "Expected vs actual")
    assert ["Checks out on desktop", "Maya, busy parent", "🙂 +1", "😠 -2", "**-3**"] in rows
    assert ["Pays in the app", "Tom, student", "😐 0", "😄 +2", "+2"] in rows


def test_kpis_show_actual_target_and_status_in_words():
    rows = table_rows(md(SAAS), "KPIs")
    assert ["Annual gross churn", "7.1%<br>Churn: 34 of 480 lost", "≤\u00a05%", "❌ missed"] in rows
    assert ["Logo retention", "92.9%<br>Retention: 446 of 480 retained", "≥\u00a095%",
            "❌ missed"] in rows


def test_pains_and_opportunities_are_lists_with_their_evidence():
    text = md(GROCERY)
    assert ("- **Checks out on desktop:** Delivery fee appears only at the last step "
            "*(Survey: Q3 checkout survey, n=212)*") in text
    assert "- **Pays in the app:** Suggest cheaper own-brand swaps before payment " \
           "*(owner: Merchandising)*" in text
    assert "- [ ] Show all fees from the first basket view" in text  # action items as tasks


@pytest.mark.parametrize("low, high, expected", [
    (-2, 2, "😠😟😐🙂😄"),
    (1, 5, "😠😟😐🙂😄"),
    (0, 10, "😠😠😟😟😐😐😐🙂🙂😄😄"),
])
def test_marks_cut_any_scale_into_five_steps(low, high, expected):
    scale = Scale(low, high)
    assert "".join(mark(v, scale) for v in range(low, high + 1)) == expected
    assert set(expected) <= set(MARKS)


def test_hostile_text_stays_text():
    text = md(HOSTILE)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert text.startswith("# \\# Not a heading \\| &lt;script&gt;")
    rows = table_rows(text, "Journey")
    assert [len(row) for row in rows] == [6]  # the pipes in labels did not add cells
    assert "\\- not a list<br>second line \\| pipe" in rows[0][3]


def test_hostile_text_renders_as_the_same_words_in_html():
    markdown = pytest.importorskip("markdown", reason="python-markdown comes with mkdocs")
    page = markdown.markdown(md(HOSTILE), extensions=["tables"])
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "<h1># Not a heading | &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "<em>" not in page.split("<h2>Journey</h2>")[1].split("<h2>")[0].replace(
        "<em>(", "")  # no user text became emphasis
    assert page.count("<tr>") == 2 + 2  # journey: header + 1 row; gap: header + 1 row


def test_md_output_is_deterministic():
    assert md(GROCERY) == md(GROCERY)


def test_md_text_escapes_line_starts_and_markup():
    assert md_text("1. first") == "1\\. first"
    assert md_text("a*b*_c_") == "a\\*b\\*\\_c\\_"
    assert md_text("x\ny") == "x<br>y"


# ── cjm show ─────────────────────────────────────────────────────────────────
def show(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                             "show", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=60, env={**os.environ, "NO_COLOR": "1"})
    assert "Traceback" not in result.stderr
    return result


def test_show_sums_up_the_map():
    run = show("examples/grocery-shop.cjm", "--width", "100")
    assert run.returncode == 0
    out = run.stdout
    assert out.startswith("First online grocery order — Basketful\n  5 stages, 9 touchpoints, "
                          "2 personas, 5 pain points, 7 opportunities, 2 moments of truth\n")
    assert "  ★ Checks out on desktop · Web\n      Maya, busy parent  😠 -2 cheated " \
           "(expected +1, gap -3)\n      ✗ Delivery fee appears only at the last step" in out
    curves = out.split("Emotion curves", 1)[1]
    assert re.search(r"Maya, busy parent  [▁-█·]{9}\n", curves)
    assert "First-order conversion: 11%  target ≥\u00a015%  ✗ missed" in out


def test_show_has_no_colour_off_a_terminal_and_wraps_to_the_width():
    run = show("examples/saas-onboarding.cjm", "--width", "60")
    assert "\x1b[" not in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) <= 62


def test_show_a_broken_map_prints_diagnostics_and_exits_1(tmp_path):
    (tmp_path / "bad.cjm").write_text(HOSTILE.replace("emotion p", "emotion q"))
    run = show("bad.cjm", cwd=tmp_path)
    assert run.returncode == 1
    assert "bad.cjm:7:15: error[E012]: unknown persona `q`" in run.stderr
    assert run.stdout == ""


def test_a_description_of_dashes_an_indent_or_a_mention_stays_text_in_markdown():
    source = ('map "Shop" {\n  description "---"\n  stage s "Browse" {\n'
              '    touchpoint t "Ask @team" { channel web }\n  }\n}\n')
    page = cjmdsl.render(source, "md")
    assert "\n\\---\n" in page  # not a rule
    assert "**Ask @&#8288;team**" in page  # nobody is pinged
    indented = cjmdsl.render(source.replace('"---"', '"\\tcode"'), "md")
    assert "\n&#9;code\n" in indented  # not a code block


def many_personas_few_feelings(count: int) -> str:
    """`count` personas and touchpoints; each touchpoint has one persona's emotion and
    expectation: what the reports list grows with `count`, not with its square."""
    personas = "".join(f'  persona p{i} "P{i}"\n' for i in range(count))
    touchpoints = "".join(f'    touchpoint t{i} "T{i}" {{\n      channel web\n'
                          f"      emotion p{i} 1\n      expect p{i} 2\n    }}\n"
                          for i in range(count))
    return f'map "M" {{\n{personas}  stage s "S" {{\n{touchpoints}  }}\n}}\n'


def test_reports_look_up_the_emotions_there_are_not_every_persona_at_every_touchpoint(
        monkeypatch):
    """2,000 personas × 2,000 touchpoints took 48 s for HTML: each section asked every
    persona at every touchpoint."""
    from cjmdsl.api import check, render
    from cjmdsl.backends import html
    from cjmdsl.model import Touchpoint

    journey = check(many_personas_few_feelings(300), "m.cjm").journey
    asked = []
    for method in ("emotion_of", "expectation_of"):
        original = getattr(Touchpoint, method)
        monkeypatch.setattr(Touchpoint, method,
                            lambda self, persona, original=original: asked.append(persona)
                            or original(self, persona))
    report = render(journey, format="md")
    gaps = html.gap_rows(journey)
    assert asked == []
    assert report.count("| T299 | P299 |") == 1 and len(gaps) == 300
