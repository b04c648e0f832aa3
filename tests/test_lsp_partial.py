"""The tolerant compile behind the language server: a mistake in one block hides neither
the outline nor the diagnostics of the others, and without syntax errors it is exactly
`compile_text`. In process, no server."""
from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmdsl.integrations.lsp.analysis import analyze
from cjmdsl.integrations.lsp.completion import complete
from cjmdsl.language.compile import compile_partial, compile_text

SYNTAX = {"E001", "E002", "E003", "E004"}
MAP = """map "Shop" {
  persona maya "Maya"
  stage one "One" {
    touchpoint a "A" { channel web emotion maya 1 }
  }
  stage two "Two" {
    touchpoint b "B" { channel web emotion maya -1 }
  }
  kpi nps "NPS" value 42
}
"""


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_partial_equals_compile_text_on_the_examples(example):
    text = example.read_text(encoding="utf-8")
    assert compile_partial(text).diagnostics == compile_text(text).diagnostics
    assert compile_partial(text).journey == compile_text(text).journey


def test_partial_keeps_the_journey_when_a_reference_is_wrong():
    text = MAP.replace("emotion maya -1", "emotion mya -1")
    assert compile_text(text).journey is None
    partial = compile_partial(text)
    assert [s.id for s in partial.journey.stages] == ["one", "two"]
    assert [d.code for d in partial.diagnostics] == ["E012"]


HALF_TYPED = [
    ("statement cut short", MAP.replace("channel web emotion maya 1", "channel web emotion")),
    ("value missing", MAP.replace("emotion maya 1", "emotion maya")),
    ("unterminated string", MAP.replace('touchpoint a "A"', 'touchpoint a "A')),
    ("keyword half typed", MAP.replace("channel web emotion maya 1", "channel web emot")),
    ("block not closed", MAP.replace("emotion maya 1 }", "emotion maya 1")),
    ("file cut short", MAP[:MAP.index("  stage two")] + '  stage two "Two" {\n    touchpoint b'),
]


@pytest.mark.parametrize("text", [t for _, t in HALF_TYPED], ids=[n for n, _ in HALF_TYPED])
def test_half_typed_block_keeps_the_outline(text):
    partial = compile_partial(text)
    assert {d.code for d in partial.diagnostics} & SYNTAX
    assert partial.journey is not None
    assert [s.id for s in partial.journey.stages] == ["one", "two"]
    assert compile_text(text).journey is None  # `cjm check` is unchanged


def test_error_in_one_block_keeps_the_diagnostics_of_another():
    text = MAP.replace("emotion maya 1", "emotion").replace("emotion maya -1", "emotion mya -1")
    codes = [d.code for d in compile_partial(text).diagnostics]
    assert "E001" in codes and "E012" in codes


def test_half_typed_file_does_not_claim_the_map_is_empty():
    text = 'map "New" {\n  persona maya "Maya"\n  stage s "S" {\n    touchpoint t "T" {\n'
    codes = [d.code for d in compile_partial(text).diagnostics]
    assert "E003" in codes and "E010" not in codes


def test_completion_of_a_keyword_on_a_new_line_after_a_half_typed_flow():
    text = MAP.replace("  kpi nps", "  flow maya: a \n  kpi nps")
    analysis = analyze(text)
    assert [k.id for k in analysis.journey.kpis] == ["nps"]
    line = text.split("\n").index("  flow maya: a ") + 1
    assert [c.label for c in complete(analysis, line, len("  flow maya: ") + 1).items] == ["a", "b"]


def _mutations():
    tokens = re.findall(r'"[^"\n]*"|\S+|\s+', EXAMPLES[0].read_text(encoding="utf-8"))

    @st.composite
    def mutated(draw):
        out = list(tokens)
        for _ in range(draw(st.integers(1, 4))):
            index = draw(st.integers(0, len(out) - 1))
            action = draw(st.sampled_from(["drop", "repeat", "cut"]))
            if action == "drop":
                del out[index]
            elif action == "repeat":
                out.insert(index, out[draw(st.integers(0, len(out) - 1))])
            else:
                out[index] = out[index][:max(1, len(out[index]) // 2)]
        text = "".join(out)
        return text[:draw(st.integers(0, len(text)))] if draw(st.booleans()) else text

    return mutated()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_partial_never_raises_and_agrees_with_compile_text(text):
    partial, full = compile_partial(text), compile_text(text)
    syntax = [d for d in full.diagnostics if d.code in SYNTAX]
    if syntax:
        assert [d for d in partial.diagnostics if d.code in SYNTAX] == syntax
    else:
        assert partial.diagnostics == full.diagnostics
    analysis = analyze(text)
    for line in range(1, text.count("\n") + 2, 7):
        complete(analysis, line, 1)


def keywords_after_the_whole_prefix(text: str, line: int, column: int) -> list[str]:
    """The keywords the parser accepts after all the text before the cursor: what completion
    must offer, though it reads only the statement at the cursor."""
    from cjmdsl.language.parser import expected_at_end, keywords_by_terminal

    lines = text.split("\n")
    prefix = "\n".join(lines[:line - 1] + [lines[line - 1][:column - 1]])
    prefix = re.sub(r"[A-Za-z_][A-Za-z0-9_\-]*\Z", "", prefix)
    keywords = keywords_by_terminal()
    return [keywords[t] for t in sorted(expected_at_end(prefix)[0])
            if t in keywords and keywords[t].isidentifier()]


def keywords_completed(analysis, line: int, column: int, text: str) -> list[str]:
    return [c.label for c in complete(analysis, line, column, text).items if c.kind == "keyword"]


def cursors(text: str):
    """Every place after a space, and every line's end, in `text`, outside strings and
    comments (where nothing is completed)."""
    from cjmdsl.integrations.lsp.completion import _in_string_or_comment

    for number, line in enumerate(text.split("\n"), 1):
        places = [column + 2 for column, char in enumerate(line) if char == " "]
        yield from ((number, column) for column in [*places, len(line) + 1]
                    if not _in_string_or_comment(line[:column - 1]))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_completion_from_the_statement_offers_what_the_whole_prefix_allows(example):
    text = example.read_text(encoding="utf-8")
    analysis = analyze(text)
    for line, column in cursors(text):
        assert keywords_completed(analysis, line, column, text) == \
            keywords_after_the_whole_prefix(text, line, column), f"{example.name}:{line}:{column}"


@pytest.mark.parametrize("edit", [
    ("  kpi nps", '  kpi more "More" value 3 \n  kpi nps'),      # a KPI goes on after its value
    ("  kpi nps", "  flow a -> \n  kpi nps"),                     # as does a flow
    ('"Shop"', '"Shop, renamed"'),                                # the first line changed
    ("    touchpoint b", "    touchpoint x \"X\" {\n      \n    }\n    touchpoint b"),
    ("  stage two", "  persona tom \"Tom\" {\n    \n  }\n  stage two"),
])
def test_completion_after_an_edit_offers_what_the_whole_prefix_allows(edit):
    """The analysis is of the text before the edit, as when a request comes while the next
    analysis runs."""
    analysis = analyze(MAP)
    text = MAP.replace(*edit, 1)
    for line, column in cursors(text):
        assert keywords_completed(analysis, line, column, text) == \
            keywords_after_the_whole_prefix(text, line, column), f"{edit}: {line}:{column}"


def test_an_analysis_leaves_no_reference_cycles():
    """The server freezes what an analysis leaves (see `analyze_paused`): it must all be
    freed by reference counting when the next analysis replaces it."""
    import gc

    broken = MAP.replace("emotion maya 1", "emotion maya {{ \\u{", 1).replace("}\n", "", 1)
    gc.collect()
    gc.disable()
    try:
        for text in [broken, *(p.read_text(encoding="utf-8") for p in EXAMPLES)]:
            del_me = analyze(text)
            del del_me
            assert gc.collect() == 0
    finally:
        gc.enable()
