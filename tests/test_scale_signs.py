"""A scale with no middle (1 .. 10, 0 .. 5) shows its values as plain scores, `4`, in every
output; a scale that runs through zero (-2 .. 2) shows `+1`."""
from __future__ import annotations

import re
import subprocess

import pytest

import cjmdsl
from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.integrations.lsp.hover import hover_text
from cjmdsl.words.sentences import alt_text

SCORES = '''map "Scores" {
  scale 1 .. 10 { 1 "Awful" 10 "Superb" }
  persona maya "Maya"
  stage buy "Buy" {
    touchpoint pay "Pay" {
      emotion maya 4 "meh"
      expect maya 7
    }
    touchpoint ship "Ship" { emotion maya 8 }
  }
}
'''

MIDDLE = SCORES.replace("scale 1 .. 10 { 1 \"Awful\" 10 \"Superb\" }",
                        "scale -2 .. 2").replace("4 \"meh\"", "-1 \"meh\"") \
    .replace("expect maya 7", "expect maya 1").replace("emotion maya 8", "emotion maya 2")

# A `+` in front of a digit: how a signed value is written in any output.
PLUS = re.compile(r"\+\d")


def _outputs(text: str) -> dict[str, str]:
    journey = cjmdsl.parse(text)
    return {"svg": cjmdsl.render(journey, "svg"), "html": cjmdsl.render(journey, "html"),
            "md": cjmdsl.render(journey, "md"), "dot": cjmdsl.render(journey, "dot"),
            "alt": alt_text(journey)}


@pytest.mark.parametrize("output", ["svg", "html", "md", "dot", "alt"])
def test_values_on_a_scale_without_a_middle_have_no_plus(output):
    # The page's Content-Security-Policy hashes are base64, where `+7` is no value.
    text = re.sub(r"sha256-[A-Za-z0-9+/=]+", "", _outputs(SCORES)[output])
    assert not PLUS.search(text), PLUS.findall(text)
    assert "4" in text


@pytest.mark.parametrize("output", ["md", "dot", "alt"])
def test_values_on_a_scale_with_a_middle_keep_their_plus(output):
    assert "+2" in _outputs(MIDDLE)[output]


def test_markdown_scale_and_journey_show_plain_scores():
    md = _outputs(SCORES)["md"]
    assert "1 Awful" in md and "10 Superb" in md
    assert "4 meh (expected 7)" in md
    # A gap is a difference and keeps its sign.
    assert "**-3**" in md


def test_svg_alt_text_reads_plain_scores():
    assert "feels worst at Pay (4) and best at Ship (8)" in _outputs(SCORES)["alt"]


def test_cjm_show_writes_plain_scores(tmp_path):
    path = tmp_path / "scores.cjm"
    path.write_text(SCORES, encoding="utf-8")
    shown = subprocess.run(["cjm", "show", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert "expected 7, gap -3" in shown
    assert not PLUS.search(shown), shown


def test_hover_on_a_score_shows_it_without_plus():
    line = next(i for i, text in enumerate(SCORES.splitlines()) if "emotion maya 4" in text)
    column = SCORES.splitlines()[line].index("4 ")
    card, _ = hover_text(analyze(SCORES), line + 1, column + 1)
    assert card.startswith("`4` on the scale 1 .. 10")


def test_a_value_outside_a_scale_without_a_middle_is_named_as_written():
    result = cjmdsl.check(SCORES.replace("emotion maya 8", "emotion maya 11"))
    (error,) = [d for d in result.diagnostics if d.code == "E013"]
    assert error.message == "11 is outside the scale"
    assert error.hint == "the scale runs from 1 to 10"
