"""`cjm fmt` and cjmdsl.language.format: one canonical layout, every comment kept, meaning unchanged.

Golden files: `tests/golden/fmt/NAME.in.cjm` is a messy input, `NAME.out.cjm` its formatted
form (rewrite with `pytest tests/test_fmt.py --regen-golden` and read the diff). Hypothesis
shakes the examples (random whitespace and comments between tokens) and builds maps of its
own; each must format to the same journey, keep its comments, and format to itself again.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import LarkError
from test_cli import cjm
from test_golden import check_golden

from cjmdsl.language.compile import compile_text
from cjmdsl.language.diagnostics import CjmError
from cjmdsl.language.format import _lexed, format_text, quote
from cjmdsl.language.parser import comment_tokens

GOLDEN = Path(__file__).resolve().parent / "golden" / "fmt"
INPUTS = sorted(GOLDEN.glob("*.in.cjm"))
STARTERS = sorted((Path(__file__).resolve().parent.parent / "cjmdsl" / "starters").glob("*.cjm"))
SHAKEN = settings(max_examples=40, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def comments_of(text: str) -> list[str]:
    return [c.text for c in _lexed(text)[1]]


def assert_formats_faithfully(text: str) -> str:
    """Format `text`; the result means the same, keeps every comment and is a fixed point."""
    formatted = format_text(text)
    before, after = compile_text(text), compile_text(formatted)
    assert after.journey == before.journey
    assert sorted(d.code for d in after.diagnostics) == sorted(d.code for d in before.diagnostics)
    assert comments_of(formatted) == comments_of(text)
    assert format_text(formatted) == formatted
    return formatted


# ── golden files ─────────────────────────────────────────────────────────────
def test_there_are_golden_inputs():
    assert {p.name for p in INPUTS} >= {"comments.in.cjm", "messy.in.cjm", "scales.in.cjm"}


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name.removesuffix(".in.cjm"))
def test_formatted_output_matches_golden(source, regen_golden):
    formatted = assert_formats_faithfully(source.read_text(encoding="utf-8"))
    check_golden(source.with_name(source.name.replace(".in.", ".out.")), formatted, regen_golden)


def test_comments_stay_where_they_belong():
    formatted = (GOLDEN / "comments.out.cjm").read_text(encoding="utf-8")
    lines = formatted.splitlines()
    expected_lines = [
        "// File header: what this map is about.",  # the file's header stays on top…
        "",  # …apart from the map, as written
        'map "Comments everywhere" { // trailing the map header',
        '  description "Where every comment goes" // trailing a one-line statement',
        "    -2 \"Angry\" // trailing a label",
        "    // at the end of the scale block",
        "    role \"Parent\" // trailing role",
        "    # leading the goal",
        "      emotion maya +1 \"ok\" // trailing the emotion",
        "      // at the end of a touchpoint",
        "    } // trailing a closing brace",
        '    touchpoint b "B" { // trailing a touchpoint header',
        "    // at the end of a stage",
        "  // inside a flow: moves above it",
        '  kpi k "K" value 5% target 10% // trailing a KPI',
        "  // at the end of the map",
        "// after the map",
    ]
    for line in expected_lines:
        assert line in lines, line
    assert lines.index("    # leading the goal") + 1 == lines.index('    goal "Time"')
    assert lines.index("  // inside a flow: moves above it") + 1 == \
        lines.index('  flow maya: a -> b "label"')
    assert lines[-2:] == ["}", "// after the map"]


# ── the layout, statement by statement ───────────────────────────────────────
def body(text: str) -> str:
    """The statements of a formatted map, without the map's own lines."""
    return "\n".join(line[2:] for line in format_text(text).splitlines()[1:-1])


def in_map(statements: str) -> str:
    return 'map "M" {\n' + statements + "\n}\n"


@pytest.mark.parametrize("written, formatted", [
    pytest.param("scale -2..2", "scale -2 .. 2", id="scale-spacing"),
    pytest.param("scale +1 .. +005", "scale 1 .. 5", id="scale-no-plus-no-leading-zeros"),
    pytest.param("scale 1..3{1 \"Low\"}", 'scale 1 .. 3 { 1 "Low" }', id="scale-labels-one-line"),
    pytest.param("scale 1 .. 3 { }", "scale 1 .. 3 {}", id="scale-empty-labels"),
    pytest.param('description   "x"', 'description "x"', id="one-space"),
    pytest.param("flow a->b", None, id="arrow-needs-space-is-a-syntax-error"),
    pytest.param('flow a -> b"label"->exit', 'flow a -> b "label" -> exit', id="flow-labels"),
    pytest.param("flow maya ,tom :a -> b", "flow maya, tom: a -> b", id="flow-personas"),
    pytest.param('flow a -> exit"gone"', 'flow a -> exit "gone"', id="flow-exit-label"),
    pytest.param('kpi k "K" value 18 %  target 25%', 'kpi k "K" value 18% target 25%',
                 id="kpi-percent"),
    pytest.param('kpi k "K" churn start 480 end 446', 'kpi k "K" churn start 480 end 446',
                 id="kpi-counts"),
    pytest.param('persona p "P" { }', 'persona p "P" {}', id="empty-block"),
    pytest.param('persona p "P"{role "R"}', 'persona p "P" {\n  role "R"\n}', id="block"),
])
def test_statement_layout(written, formatted):
    if formatted is None:
        with pytest.raises(CjmError):
            format_text(in_map(written))
        return
    assert body(in_map(written)) == formatted


@pytest.mark.parametrize("written, formatted", [
    pytest.param('metric c 3.90 of 5 source q3 target 4.2 lower unit "u"',
                 'metric c 3.9 of 5 unit "u" lower target 4.2 source q3', id="canonical-order"),
    pytest.param("metric c 0 higher lower", "metric c 0 higher lower", id="a-repeat-stays"),
    pytest.param("metric c 0 target 1 higher target 2", "metric c 0 higher target 1 target 2",
                 id="repeats-in-the-order-written"),
    pytest.param('metric c 3% source q unit "u"', 'metric c 3% unit "u" source q',
                 id="two-mistakes-moved-past-each-other"),  # E017 and E020 swap places
])
def test_a_metric_keeps_every_part_written_and_its_mistakes(written, formatted):
    """The compiler keeps the first of a repeated part and reports the other (E016): the
    formatter writes both, so the map means the same and still says what is wrong."""
    text = in_map(f'stage s "S" {{ touchpoint t "T" {{ {written} }} }}')
    assert body(text).splitlines()[2].strip() == formatted
    assert_formats_faithfully(text)


@pytest.mark.parametrize("written, formatted", [
    ("emotion p 1", "emotion p +1"),
    ("emotion p +01", "emotion p +1"),
    ("emotion p -2 \"sad\"", 'emotion p -2 "sad"'),
    ("emotion p -0", "emotion p 0"),
    ("emotion p +0.50", "emotion p +0.5"),
    ("expect p 2", "expect p +2"),
    ("expect p 1.0", "expect p +1.0"),  # 1.0 stays decimal: a scale bound of 1.0 is an error
])
def test_emotion_values_get_an_explicit_sign(written, formatted):
    text = in_map(f'stage s "S" {{ touchpoint t "T" {{ {written} }} }}')
    assert body(text).splitlines()[2].strip() == formatted


@pytest.mark.parametrize("scale, written, formatted", [
    ("scale 1 .. 10", "emotion p +4", "emotion p 4"),
    ("scale 0 .. 5", "expect p 3", "expect p 3"),
    ("scale -3 .. 3", "emotion p 2", "emotion p +2"),
])
def test_emotion_values_are_signed_only_on_a_scale_with_a_middle(scale, written, formatted):
    """As every output shows them (numbers.on_scale): 4 on 1 .. 10, +2 on -3 .. 3."""
    text = format_text(f'map "M" {{\n  {scale}\n  persona p "P"\n'
                       f'  stage s "S" {{ touchpoint t "T" {{ {written} }} }}\n}}\n')
    assert f"      {formatted}\n" in text
    assert format_text(text) == text


@pytest.mark.parametrize("value, spelled", [
    ("plain", '"plain"'),
    ('say "hi"', r'"say \"hi\""'),
    ("back\\slash", r'"back\\slash"'),
    ("two\nlines", r'"two\nlines"'),
    ("tab\there", r'"tab\there"'),
    ("café 😀 東京", '"café 😀 東京"'),
    ("👩‍👩‍👧", '"👩‍👩‍👧"'),  # the zero-width joiners of an emoji sequence stay
    ("a\u202eb", r'"a\u{202E}b"'),  # a bidi control is made visible
    ("nul\x00", r'"nul\u{0}"'),
    ("no\u00a0break", '"no\u00a0break"'),
])
def test_strings_have_one_spelling(value, spelled):
    assert quote(value) == spelled


def test_equivalent_escapes_are_spelled_one_way():
    text = in_map(r'description "caf\u00e9 \u{1F600} \u0022"')
    assert body(text) == 'description "café 😀 \\""'


def test_a_string_with_an_invalid_escape_stays_as_written():
    text = in_map(r'description   "bad \q escape"')
    assert body(text) == r'description "bad \q escape"'


def test_blank_lines_between_blocks_and_touchpoints_only():
    text = in_map('persona a "A" persona b "B" { role "R" } kpi k "K" value 1 kpi l "L" value 2 '
                  'stage s "S" { goal "G" brand "B" touchpoint t "T" touchpoint u "U" '
                  'action_item "Do" }')
    assert body(text) == "\n".join([
        'persona a "A"', "", 'persona b "B" {', '  role "R"', "}", "",
        'kpi k "K" value 1', 'kpi l "L" value 2', "",
        'stage s "S" {', '  goal "G"', '  brand "B"', "", '  touchpoint t "T"', "",
        '  touchpoint u "U"', "", '  action_item "Do"', "}"])


def test_long_flows_break_before_arrows():
    steps = " ".join(f"-> step_{i}" for i in range(30))
    formatted = format_text(in_map(f"flow start {steps}"))
    lines = formatted.splitlines()[1:-1]
    assert len(lines) > 2
    assert all(len(line) <= 100 for line in lines)
    assert lines[0].startswith("  flow start -> step_0")
    assert all(line.startswith("    -> ") for line in lines[1:])


def test_crlf_files_stay_crlf():
    text = 'map "M" {\r\n  persona p "P"   // note\r\n}\r\n'
    assert format_text(text) == 'map "M" {\r\n  persona p "P" // note\r\n}\r\n'


def test_output_ends_with_one_line_break():
    assert format_text('map "M" { }\n\n\n') == 'map "M" {}\n'
    assert format_text('map "M" { }') == 'map "M" {}\n'


def test_syntax_errors_raise_with_the_diagnostics():
    with pytest.raises(CjmError) as failure:
        format_text('map "M" {\n  persona p "P\n}\n', "broken.cjm")
    assert failure.value.diagnostics[0].code == "E002"
    assert "broken.cjm:2:" in str(failure.value)


def test_semantic_errors_do_not_stop_formatting():
    text = in_map('stage s "S" { touchpoint t "T" { emotion nobody 9 } }')
    assert "emotion nobody +9" in format_text(text)


# ── meaning kept, idempotent: examples, starters, and maps Hypothesis builds ───
@pytest.mark.parametrize("path", EXAMPLES + STARTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_examples_and_starters_format_faithfully(path):
    assert_formats_faithfully(path.read_text(encoding="utf-8"))


def test_starters_are_already_formatted():
    for path in STARTERS:
        text = path.read_text(encoding="utf-8")
        assert format_text(text) == text, path.name


SEPARATORS = [" ", "  ", "\n", "\t", "\n\n", "\n    ", " // a note\n", "\n# hash note\n",
              "\n\n// after a blank line\n\n", " //\n", "\r\n"]


def example_tokens(path: Path) -> list[str]:
    tokens, _ = _lexed(path.read_text(encoding="utf-8"))
    return [str(t) for t in tokens]


TOKENS = {path.stem: example_tokens(path) for path in EXAMPLES}


@st.composite
def shaken_examples(draw) -> tuple[str, str]:
    """An example with every comment dropped and random whitespace and comments between its
    tokens; and the example's own text."""
    name = draw(st.sampled_from(sorted(TOKENS)))
    tokens = TOKENS[name]
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(tokens),
                               max_size=len(tokens)))
    text = "".join(token + separator for token, separator in zip(tokens, separators))
    return text, (Path(EXAMPLES[0]).parent / f"{name}.cjm").read_text(encoding="utf-8")


@SHAKEN
@given(shaken_examples())
def test_shaken_examples_format_to_the_same_journey(case):
    text, original = case
    formatted = assert_formats_faithfully(text)
    assert compile_text(formatted).journey == compile_text(original).journey


def assert_comments_found_as_the_lexer_finds_them(text: str):
    """`comment_tokens` (one regular expression, for `cjm lint`'s allow comments) finds the
    comments the lexer finds, at the same line and column."""
    expected = [(c.at, c.text) for c in _lexed(text)[1]]
    assert [((t.line, t.column), str(t).rstrip()) for t in comment_tokens(text)] == expected


@SHAKEN
@given(shaken_examples())
def test_shaken_examples_comments_are_found_by_line_and_column(case):
    assert_comments_found_as_the_lexer_finds_them(case[0])


IDS = st.sampled_from(["maya", "tom", "a", "b", "checkout", "q3-retention", "goal", "end",
                       "_x", "exit"])
TEXTS = st.text(max_size=12).map(quote) | st.sampled_from(
    [r'"caf\u00e9"', r'"\u{1F600}"', r'"tab\there"', r'"say \"hi\""', r'"bad \q"', '""'])
# Triple-quoted strings, dedented by the compiler (their spaces may become any SPACE: the
# original and the formatted text must still mean the same)
LONG_TEXTS = st.text(max_size=12).map(lambda t: '"""\n' + t.replace('"', "'") + '\n"""') | \
    st.sampled_from(['"""\n  one\n    two\n\n  three\n  """', '"""same line"""', '""""""',
                     '"""\n  say \\"""hi\\"""\n"""', '"""\n\t tab\n  """'])
TEXTS = TEXTS | LONG_TEXTS
# Durations as written: readable ones, and mistakes (E095-E099), which fmt keeps as written.
DURATIONS = st.sampled_from(['"3 min"', '"2 days"', '"1.5 h"', '"10min"', '"6 mo"', '"1 week"',
                             '"quick"', '"-2 d"', '"1 h 30 min"', '"5 m"', '"4"']) | TEXTS
NUMBERS = st.sampled_from(["0", "1", "+1", "-1", "+002", "-0", "1.5", "-0.50", "2.0", "9"])
SPACE = st.sampled_from([" ", "\n", "  ", " // c\n", "\n# c\n"])


@st.composite
def statements(draw, options: list) -> str:
    return draw(st.sampled_from(options).flatmap(lambda make: make()))


METRIC_IDS = st.sampled_from(["csat", "conversion", "time_to_value", "nps"])
# A citation of a source the map may declare (`source q3 survey "…"`), with and without the
# page it cites, or of one it does not (E017).
CITATIONS = [" source q3", ' source q3 "p.4"', " source q4"]
EMOTION_OPTIONS = st.lists(st.sampled_from([" n 212", " n 0", " sd 1.2", " sd -1",
                                             " range -2 .. +1", " range 2..-1", *CITATIONS,
                                             " source survey"]), max_size=3).map("".join)


def metric():
    """`metric csat 3.9 of 5 higher target 4.2 source q3`, with the mistakes fmt keeps."""
    return st.builds("metric {} {}{}{}".format, METRIC_IDS, NUMBERS,
                     st.sampled_from(["", " %", "%", " of 5", " of +10", ' unit "days"']),
                     st.lists(st.sampled_from([" higher", " lower", " target 40%", " target 4.2",
                                               ' unit "EUR"', *CITATIONS,
                                               " owner \"o\""]),
                              max_size=3).map("".join))


def touchpoint_item():
    return st.one_of(
        st.builds("channel {}".format, IDS),
        st.builds("channel {}, {}".format, IDS, IDS),
        st.builds("{} {}".format, st.sampled_from(["motivation", "note"]), TEXTS),
        st.builds("pain {} {}{}".format, IDS, TEXTS,
                  st.sampled_from(["", " for maya", " for maya, tom source survey"])),
        st.builds("opportunity {} {}{}".format, IDS, TEXTS,
                  st.sampled_from(["", " addresses a", " addresses a, b for tom owner \"o\"",
                                   " for maya addresses checkout"])),
        st.builds("{} {}".format, st.sampled_from(["action", "thought", "question"]), TEXTS),
        st.builds("emotion {} {} {}".format, IDS, NUMBERS, TEXTS | st.just("")),
        st.builds("expect {} {}".format, IDS, NUMBERS),
        st.builds("{} {}{}".format, st.sampled_from(["pain", "opportunity"]), TEXTS,
                  st.lists(st.sampled_from([" owner \"o\"", " source survey", " source x \"d\"",
                                            " outcome \"x\"", *CITATIONS, " impact high",
                                            " effort low", " impact huge", " aims maya",
                                            " aims maya, tom"]), max_size=3).map("".join)),
        st.builds("emotion {} from {}{}".format, IDS, METRIC_IDS, EMOTION_OPTIONS),
        st.builds("emotion {} {}{}".format, IDS, NUMBERS, EMOTION_OPTIONS),
        st.builds("future {} {} {}".format, IDS, NUMBERS, TEXTS | st.just("")),
        metric(),
        st.builds("moment_of_truth {}".format, TEXTS | st.just("")),
        st.builds("{} {}{}{}".format, st.sampled_from(["evidence", "frontstage", "backstage",
                                                       "support"]),
                  st.sampled_from(["", "sms ", "take ", "log "]), TEXTS,
                  st.lists(st.sampled_from([" by agent", " by crm", " source survey", *CITATIONS,
                                            " -> take", " -> backstage log, support rota",
                                            " -> nowhere"]), max_size=2).map("".join)),
        st.builds("action {}{}".format, TEXTS, st.sampled_from(["", " -> frontstage take"])),
        st.builds("{} {} fail {}".format, st.sampled_from(["action", "thought", "pain",
                                                           "opportunity"]), TEXTS, TEXTS),
        st.builds("{} {}".format, st.sampled_from(["time", "wait"]), DURATIONS),
    )


def half_of(often, others):
    """`often` half the time, `others` otherwise (`st.one_of` would flatten `others` and give
    each of its strategies as much weight as `often`)."""
    return st.booleans().flatmap(lambda pick: often if pick else others)


def block(head, items):
    return st.builds(lambda h, body, braces: h + (" {" + " ".join(body) + "}" if braces else ""),
                     head, st.lists(items, max_size=4), st.booleans())


def stage():
    touchpoint = block(st.builds('touchpoint {} {}'.format, IDS, TEXTS), touchpoint_item())
    others = st.one_of(st.builds("goal {}".format, TEXTS), st.builds("brand {}".format, TEXTS),
                       st.builds("note {}".format, TEXTS),
                       st.builds('action_item {} owner "o"{}'.format, TEXTS, st.sampled_from(
                           ["", " impact low effort high", " effort medium aims maya",
                            " impact high effort low aims maya, tom"])),
                       metric())
    # Touchpoints hold most of the statements: half of a stage's items are one.
    return block(st.builds("stage {} {}".format, IDS, TEXTS), half_of(touchpoint, others))


def map_item():
    persona = block(st.builds("persona {} {}".format, IDS, TEXTS),
                    st.builds("{} {}".format, st.sampled_from(
                        ["role", "goal", "need", "pain", "motivation", "quote", "color"]), TEXTS))
    flow = st.builds("flow {}{} {}".format,
                     st.sampled_from(["", "maya: ", "maya, tom: "]), IDS,
                     st.lists(st.builds("-> {} {}".format, IDS, TEXTS | st.just("")), min_size=1,
                              max_size=4).map(" ".join))
    kpi = st.builds('kpi {} {} {}'.format, IDS, TEXTS, st.sampled_from(
        ["value 42", "value 18% target 25 %", "start 100 end 90", "churn start 10 end 9 target 5%",
         "retention start +10 end 09", "value 28 % lower target 20%", 'value 1200 unit "EUR" higher',
         "growth start 100 end 130 higher target 20%", "value 11% higher target 15% at checkout",
         "start 480 end 446 at a", "value 3 at nowhere"]))
    source = st.builds("source {} {} {}{}".format, st.sampled_from(["q3", "q4", "survey"]),
                       st.sampled_from(["survey", "interview", "analytics", "poll"]), TEXTS,
                       st.sampled_from(["", " { }", " { n 212 collected 2026-09 }",
                                        ' { collected 2026 url "https://example.com/q3" }',
                                        " { n 0 collected 2026-13 }",
                                        " { collected 2026-09-14 n +40 n 41 }"]))
    scale = st.builds("scale {} .. {}{}".format, NUMBERS, NUMBERS,
                      st.sampled_from(["", ' { -1 "Low" 1 "High" }', " { }"]))
    metadata = st.one_of(
        st.builds("{} {}".format, st.sampled_from(["owner", "status", "version", "note"]), TEXTS),
        st.sampled_from(["updated 2026-11-30", "updated 2026-02-30", 'tags a, "Q3 2026", b']),
        st.builds('channel {} {}{}'.format, IDS, TEXTS,
                  st.sampled_from(["", " like community", " like nowhere"])))
    actor = st.builds("actor {} {}{}".format, IDS, TEXTS, st.sampled_from(
        ["", " { }", ' { team "Contact centre" }', " { kind system }",
         ' { kind partner team "Vendors" }', " { kind robot }"]))
    others = st.one_of(persona, flow, kpi, scale, metadata, actor, source,
                       st.builds("description {}".format, TEXTS),
                       st.builds("theme {}".format, TEXTS))
    return half_of(stage(), others)  # stages hold most of the statements


@st.composite
def generated_maps(draw) -> str:
    items = draw(st.lists(map_item(), max_size=8))
    words = f"map {draw(TEXTS)} {{ {' '.join(items)} }}".split(" ")
    return "".join(word + draw(SPACE) for word in words)


@SHAKEN
@given(generated_maps())
def test_generated_maps_format_faithfully(text):
    try:
        assert_formats_faithfully(text)
    except CjmError:  # the generator can write a string that spans a comment: a syntax error
        pass


@SHAKEN
@given(generated_maps())
def test_generated_maps_comments_are_found_by_line_and_column(text):
    try:
        _lexed(text)
    except LarkError:  # a string that spans a comment: the text does not lex
        return
    assert_comments_found_as_the_lexer_finds_them(text)


# ── the command ──────────────────────────────────────────────────────────────
MESSY = 'map "M" {  persona p "P" stage s "S" { touchpoint t "T" { channel web emotion p 1 } } }\n'
TIDY = format_text(MESSY)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "messy.cjm").write_text(MESSY, encoding="utf-8")
    (tmp_path / "tidy.cjm").write_text(TIDY, encoding="utf-8")
    (tmp_path / "broken.cjm").write_text('map "M" {\n  persona p "P\n}\n', encoding="utf-8")
    return tmp_path


def test_fmt_rewrites_in_place_and_leaves_formatted_files_alone(folder):
    tidy_stamp = (folder / "tidy.cjm").stat().st_mtime_ns
    os.utime(folder / "tidy.cjm", ns=(tidy_stamp - 10**9, tidy_stamp - 10**9))
    run = cjm("fmt", "messy.cjm", "tidy.cjm", cwd=folder)
    assert run.code == 0
    assert (folder / "messy.cjm").read_text(encoding="utf-8") == TIDY
    assert (folder / "tidy.cjm").stat().st_mtime_ns == tidy_stamp - 10**9  # not rewritten
    assert run.stderr == "reformatted messy.cjm\n"


def test_fmt_check_names_the_files_that_would_change_and_exits_1(folder):
    run = cjm("fmt", "--check", "messy.cjm", "tidy.cjm", cwd=folder)
    assert (run.code, run.stdout) == (1, b"messy.cjm\n")
    assert (folder / "messy.cjm").read_text(encoding="utf-8") == MESSY


def test_fmt_check_passes_on_formatted_files(folder):
    run = cjm("fmt", "--check", "tidy.cjm", cwd=folder)
    assert (run.code, run.stdout, run.stderr) == (0, b"", "")


def test_fmt_diff_shows_the_change_and_writes_nothing(folder):
    run = cjm("fmt", "--diff", "messy.cjm", "tidy.cjm", cwd=folder)
    assert run.code == 1
    diff = run.stdout.decode()
    assert diff.startswith("--- messy.cjm (original)\n+++ messy.cjm (formatted)\n")
    assert "+      emotion p +1" in diff
    assert "tidy.cjm" not in diff
    assert (folder / "messy.cjm").read_text(encoding="utf-8") == MESSY
    assert cjm("fmt", "--diff", "tidy.cjm", cwd=folder).code == 0


def test_fmt_dash_reads_stdin_and_writes_stdout(folder):
    run = cjm("fmt", "-", cwd=folder, stdin=MESSY.encode())
    assert (run.code, run.stdout.decode()) == (0, TIDY)
    assert cjm("fmt", "--check", "-", cwd=folder, stdin=MESSY.encode()).code == 1
    assert cjm("fmt", "--check", "-", cwd=folder, stdin=TIDY.encode()).code == 0


def test_fmt_leaves_a_file_with_syntax_errors_untouched(folder):
    before = (folder / "broken.cjm").read_bytes()
    run = cjm("fmt", "broken.cjm", "messy.cjm", cwd=folder)
    assert run.code == 1
    assert "broken.cjm:2:13: error[E002]: unterminated string" in run.stderr
    assert (folder / "broken.cjm").read_bytes() == before
    assert (folder / "messy.cjm").read_text(encoding="utf-8") == TIDY  # the others still go


def test_fmt_stdin_with_syntax_errors_prints_nothing_on_stdout(folder):
    run = cjm("fmt", "-", cwd=folder, stdin=b'map "M" { persona }')
    assert (run.code, run.stdout) == (1, b"")
    assert "<stdin>:1:19: error[E001]" in run.stderr


def test_fmt_formats_every_map_under_a_folder(folder):
    (folder / "broken.cjm").unlink()
    (folder / "sub").mkdir()
    (folder / "sub" / "deep.cjm").write_text(MESSY, encoding="utf-8")
    run = cjm("fmt", "--check", ".", cwd=folder)
    assert run.code == 1
    assert sorted(run.stdout.decode().split()) == sorted(["messy.cjm", "sub/deep.cjm"])


@pytest.mark.parametrize("args, message, code", [
    (["fmt", "missing.cjm"], "cannot read missing.cjm", 2),
    (["fmt", "-", "messy.cjm"], "cannot be mixed", 2),
])
def test_fmt_usage_errors(folder, args, message, code):
    run = cjm(*args, cwd=folder)
    assert run.code == code
    assert message in run.stderr


def test_fmt_reports_invalid_utf8_and_leaves_the_file(folder):
    (folder / "latin1.cjm").write_bytes('map "Café" { }\n'.encode("latin-1"))
    run = cjm("fmt", "latin1.cjm", cwd=folder)
    assert run.code == 1
    assert "error[E006]" in run.stderr
    assert (folder / "latin1.cjm").read_bytes() == 'map "Café" { }\n'.encode("latin-1")


def test_the_examples_are_in_canonical_layout():
    """What users copy from should be what `cjm fmt` writes."""
    from conftest import EXAMPLES

    for example in EXAMPLES:
        text = example.read_text(encoding="utf-8")
        assert format_text(text, example.name) == text, f"run `cjm fmt {example}`"
