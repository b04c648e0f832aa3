"""Compiling a map again after an edit (`cjmdsl.language.edits`): whatever the edit, the
result is the full compile's, spans and diagnostics included; an edit inside one stage
parses that stage alone. In process."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cjmdsl.language.compile as compile_module
import cjmdsl.language.edits as edits
from cjmdsl.api import check
from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.language.compile import compile_partial, compile_text
from cjmdsl.language.diagnostics import sort_key
from cjmdsl.language.edits import compile_again
from cjmdsl.language.limits import Limits, check_journey
from cjmdsl.themes import builtin_names

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from run import generate_map  # noqa: E402  (bench/run.py)

THEMES = builtin_names()
SHORT = Limits(max_string=40)  # some texts of every example are longer: E031 shows up
FIXTURES = Path(__file__).parent / "fixtures"
MAPS = {**{path.stem: path.read_text(encoding="utf-8") for path in EXAMPLES},
        "language-tour": (FIXTURES / "language-tour.cjm").read_text(encoding="utf-8"),
        "generated": generate_map(40)}


def full(text: str, partial: bool, limits: Limits):
    """What compiling `text` from nothing gives, limits checked as `cjm check` and the
    language server check them."""
    result = (compile_partial if partial else compile_text)(text, "m.cjm", THEMES)
    if result.journey is not None and not any(d.is_error for d in result.diagnostics):
        beyond = check_journey(result.journey, limits)
        if beyond:
            result.diagnostics = sorted(result.diagnostics + beyond, key=sort_key)
            result.journey = result.journey if partial else None
    return result


def shown(result) -> tuple[str, list[str]]:
    """The journey and the diagnostics as text, spans included (records compare without)."""
    return repr(result.journey), [repr(d) for d in result.diagnostics]


def edited(text: str, line: int, how: str, digit: int) -> str:
    """`text` with line `line` changed `how`: a value, a letter of a string, a statement
    doubled, a quote or a brace dropped or added, a long text, the line emptied; or lines
    added or taken away: the line written again below it, blank lines after it, the line
    dropped, the line joined with the next."""
    lines = text.split("\n")
    old = lines[line]
    if how in ("again", "blanks", "drop", "join"):
        if how == "again":
            lines[line:line + 1] = [old, old]
        elif how == "blanks":
            lines[line + 1:line + 1] = [""] * (digit + 1)
        elif how == "drop":
            del lines[line]
        else:
            lines[line:line + 2] = [" ".join(lines[line:line + 2])]
        return "\n".join(lines)
    if how == "value":
        new = re.sub(r"(?<![\w.])-?\d\b", str(digit - 2), old, count=1)
    elif how == "letter":
        new = old.replace('"', '"x', 1)
    elif how == "twice":
        new = f"{old} {old.strip()}"
    elif how == "quote":
        new = old.replace('"', "", 1)
    elif how == "brace":
        new = old.replace("}", "", 1) if "}" in old else old + " }"
    elif how == "long":
        new = old.replace('"', '"' + "long " * 12, 1)
    elif how == "escape":  # E005: a mistake the builder finds, not the parser
        new = old.replace('"', '"\\q', 1)
    else:
        new = ""
    lines[line] = new
    return "\n".join(lines)


EDIT = st.tuples(st.floats(0, 0.999), st.sampled_from(
    ["value", "value", "letter", "escape", "twice", "quote", "brace", "long", "empty",
     "again", "blanks", "drop", "join"]),
    st.integers(0, 4))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(MAPS)), partial=st.booleans(),
       limits=st.sampled_from([Limits(), SHORT]),
       steps=st.lists(st.tuples(EDIT, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_a_compile_after_edits_is_the_full_compile(name, partial, limits, steps):
    text = MAPS[name]
    before = compile_again(text, None, "m.cjm", THEMES, partial=partial, limits=limits)
    assert shown(before) == shown(full(text, partial, limits))
    line = 0
    for (where, how, digit), keep, nearby in steps:
        # Often near the edit before, as typing goes on: in the same stage, mostly.
        line = min(line + 1, text.count("\n")) if nearby else int(where * text.count("\n"))
        new = edited(text, line, how, digit)
        before = compile_again(new, before, "m.cjm", THEMES, partial=partial, limits=limits)
        assert shown(before) == shown(full(new, partial, limits))
        if keep:  # else the next edit is made to the text before this one, as an undo
            text = new


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The texts given to the parser: a stage alone, or the whole map."""
    seen = []
    parse = edits.reduce_with

    def recording(text, *rest):
        seen.append(text)
        return parse(text, *rest)

    monkeypatch.setattr(edits, "reduce_with", recording)
    monkeypatch.setattr(compile_module, "reduce_with", recording)
    return seen


def first_emotion_changed(text: str) -> str:
    return re.sub(r"(emotion \w+ )(-?\d)", lambda m: m[1] + ("0" if m[2] != "0" else "1"),
                  text, count=1)


def test_an_edit_inside_a_stage_parses_that_stage_alone(parsed):
    text = MAPS["support-ticket"]
    before = compile_again(text, None, "m.cjm", THEMES)
    parsed.clear()
    new = first_emotion_changed(text)
    again = compile_again(new, before, "m.cjm", THEMES)
    [stage] = parsed
    assert len(stage.strip()) < len(text) / 3
    assert stage.count("stage ") == 1
    assert shown(again) == shown(compile_text(new, "m.cjm", THEMES))


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: re.sub(r"(\n(\s*)emotion [^\n]*)",
                                  lambda m: f'{m[1]}\n{m[2]}thought "Hm."', t, count=1),
                 id="a line added"),
    pytest.param(lambda t: re.sub(r"\n\s*emotion [^\n]*", "", t, count=1), id="a line removed"),
    pytest.param(lambda t: re.sub(r"(\n\s*emotion [^\n]*)", r"\1\n\n\n", t, count=1),
                 id="blank lines added"),
])
def test_an_edit_that_adds_or_removes_lines_in_a_stage_parses_that_stage_alone(parsed, change):
    """The items after the stage are kept, their spans moved: the diagnostics of a later
    stage point at its lines as they are now."""
    text = MAPS["support-ticket"] + "\n"
    text = text.replace("\n}\n", '\n  stage late "Late" { touchpoint t9 "Nine" { channel nowhere } }\n}\n')
    before = compile_again(text, None, "m.cjm", THEMES)
    parsed.clear()
    new = change(text)
    assert new.count("\n") != text.count("\n")
    again = compile_again(new, before, "m.cjm", THEMES)
    [stage] = parsed
    assert stage.count("stage ") == 1
    assert shown(again) == shown(compile_text(new, "m.cjm", THEMES))
    late = [d for d in again.diagnostics if "nowhere" in d.message]
    assert late and late[0].span.line == new.split("\n").index(
        '  stage late "Late" { touchpoint t9 "Nine" { channel nowhere } }') + 1


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t.replace('{ -2 "Very upset"', '{ -2 "Very, very upset"'),
                 id="the scale, outside every stage"),
    pytest.param(lambda t: first_emotion_changed(t).replace("\n", "\n\n", 1),
                 id="a line more before the stages, and a stage"),
    pytest.param(lambda t: t.replace("\n  stage ", "\n\n  stage ", 1),
                 id="a line more before a stage"),
    pytest.param(lambda t: re.sub(r'(touchpoint \w+ ")', r"\1x", t, count=2),
                 id="two stages"),
])
def test_other_edits_are_compiled_in_full(parsed, change):
    text = MAPS["support-ticket"]
    before = compile_again(text, None, "m.cjm", THEMES)
    parsed.clear()
    new = change(text)
    assert new != text
    again = compile_again(new, before, "m.cjm", THEMES)
    assert parsed == [new]
    assert shown(again) == shown(compile_text(new, "m.cjm", THEMES))


def test_a_syntax_error_keeps_the_text_before_it_for_the_edit_that_mends_it(parsed):
    text = MAPS["support-ticket"]
    broken = re.sub(r"(emotion \w+ )(-?\d)", r"\1 =", text, count=1)
    first = compile_again(text, None, "m.cjm", THEMES)
    failed = compile_again(broken, first, "m.cjm", THEMES)
    assert failed.journey is None and {d.code for d in failed.diagnostics} == {"E004"}
    parsed.clear()
    mended = compile_again(first_emotion_changed(text), failed, "m.cjm", THEMES)
    [stage] = parsed
    assert stage.count("stage ") == 1
    assert shown(mended) == shown(compile_text(first_emotion_changed(text), "m.cjm", THEMES))


def test_a_stage_that_links_a_map_is_compiled_in_full(tmp_path, parsed):
    (tmp_path / "other.cjm").write_text(MAPS["grocery-shop"], encoding="utf-8")
    path = tmp_path / "map.cjm"
    text = MAPS["support-ticket"].replace("      channel ", '      details "other.cjm"\n'
                                          "      channel ", 1)
    text = text.replace("\n\n", "\n", 1)  # as many lines as before: the edit is one line
    path.write_text(text, encoding="utf-8")
    before = check(text, str(path), path=path, following=True)
    assert before.journey is not None, before.diagnostics
    parsed.clear()
    new = first_emotion_changed(text)
    again = check(new, str(path), path=path, before=before)
    assert new in parsed and not any(text.startswith('map "" {') for text in parsed)
    assert shown(again) == shown(check(new, str(path), path=path))


def test_check_after_an_edit_reports_a_text_over_the_limit_and_its_undo():
    text = MAPS["grocery-shop"]
    limits = Limits(max_string=200)
    first = check(text, "m.cjm", limits, following=True)
    assert first.journey is not None
    long = re.sub(r'(action ")', r"\1" + "x" * 250, text, count=1)
    over = check(long, "m.cjm", limits, before=first)
    assert over.journey is None and [d.code for d in over.diagnostics] == ["E031"]
    back = check(text, "m.cjm", limits, before=over)
    assert shown(back) == shown(first)


def test_the_language_server_analysis_after_an_edit_is_the_full_one():
    text = MAPS["saas-onboarding"]
    new = first_emotion_changed(text)
    again = analyze(new, "m.cjm", analyze(text, "m.cjm"))
    alone = analyze(new, "m.cjm")
    assert again.diagnostics == alone.diagnostics
    assert repr(again.journey) == repr(alone.journey)
    assert again.occurrences == alone.occurrences


def test_a_mistake_the_builder_finds_in_a_stage_goes_when_it_is_mended():
    text = MAPS["support-ticket"]
    wrong = re.sub(r'(action ")', r"\1\\q", text, count=1)
    first = compile_again(text, None, "m.cjm", THEMES)
    failed = compile_again(wrong, first, "m.cjm", THEMES)
    assert [d.code for d in failed.diagnostics] == ["E005"]
    mended = compile_again(text, failed, "m.cjm", THEMES)
    assert shown(mended) == shown(first)


def test_a_text_grown_while_the_map_had_an_error_is_checked_once_the_error_is_mended():
    """An edit that makes a text too long and takes another stage's id leaves the limits
    unchecked (the map has an error); mending the error in the other stage must still find
    the long text."""
    text = ('map "M" {\n  persona maya "Maya"\n'
            '  stage one "One" {\n    touchpoint a "A" { channel web emotion maya 1 }\n  }\n'
            '  stage two "Two" {\n    touchpoint b "B" { channel web emotion maya -1 }\n  }\n'
            '}\n')
    limits = Limits(max_string=100)
    first = check(text, "m.cjm", limits, following=True)
    assert first.journey is not None
    grown = text.replace('stage one "One"', 'stage two "One"').replace(
        "emotion maya 1 }", f'emotion maya 1 action "{"x" * 150}" }}')
    taken_twice = check(grown, "m.cjm", limits, before=first)
    assert taken_twice.journey is None
    assert "E031" not in {d.code for d in taken_twice.diagnostics}
    mended = grown.replace('stage two "Two"', 'stage three "Two"')
    again = check(mended, "m.cjm", limits, before=taken_twice)
    assert [d.code for d in again.diagnostics] == ["E031"]
    assert shown(again) == shown(check(mended, "m.cjm", limits))
