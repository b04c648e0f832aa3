"""The lexer of each parser state reads what Lark's own would, with fewer regular expressions.

A state's lexer tries the expression of every terminal first and compiles its own only when
that one finds a terminal the state does not accept (cjmdsl.language.parser._StateLexer).
These tests hold it to the tokens, trees and diagnostics of the state's own expression, on
the examples and on mistakes made in them, and check that a render compiles one expression.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz import mutated_example

from cjmdsl.language import parser as parsing
from cjmdsl.language.compile import compile_text

FIXTURES = sorted((EXAMPLES[0].parent.parent / "tests" / "fixtures").glob("*.cjm"))
TEXTS = [path.read_text(encoding="utf-8") for path in [*EXAMPLES, *FIXTURES]]


def read(text: str) -> tuple:
    """The tokens the parser was given up to the first syntax error (type, text, place),
    the error, and the tree and diagnostics of the recovering parse."""
    tokens, error = [], None
    try:
        for token in parsing.parser().parse_interactive(text).iter_parse():
            tokens.append((token.type, str(token), token.line, token.column, token.end_pos))
    except Exception as exc:  # noqa: BLE001 - the error is compared, whatever it is
        error = (type(exc).__name__, getattr(exc, "line", None), getattr(exc, "column", None))
    tree, diagnostics = parsing.parse_tree(text, tolerant=True)
    return tokens, error, repr(tree), [(d.code, d.message, d.span) for d in diagnostics]


def read_by_each_states_own_expression(text: str, monkeypatch) -> tuple:
    with monkeypatch.context() as patched:
        patched.setattr(parsing._StateLexer, "match",
                        lambda self, text, pos: self.scanner.match(text, pos))
        return read(text)


@pytest.mark.parametrize("text", TEXTS, ids=[p.stem for p in [*EXAMPLES, *FIXTURES]])
def test_the_examples_are_read_as_each_states_own_expression_reads_them(text, monkeypatch):
    assert read(text) == read_by_each_states_own_expression(text, monkeypatch)


# A character or word put anywhere in an example: each a terminal some states do not accept.
SLIPS = ['"', "{", "}", "..", "-", "-1", "1.5", "2026-11-30", "2026-13", "->", ":", ",", "@",
         "stage", "persona", "touchpoint", "emotion", "channel", "x", "é", "\\", "#", "//",
         "\n", " ", '"""', "map"]
SLIPPED = st.sampled_from(TEXTS).flatmap(lambda text: st.tuples(
    st.integers(0, len(text)), st.sampled_from(SLIPS)).map(
        lambda slip: text[:slip[0]] + slip[1] + text[slip[0]:]))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.one_of(mutated_example(), SLIPPED))
def test_mistakes_are_read_as_each_states_own_expression_reads_them(text, monkeypatch):
    assert read(text) == read_by_each_states_own_expression(text, monkeypatch)


# In a fresh process: compiles the maps named, then prints how many states' lexers there are,
# how many use the shared expression, and how many compiled their own.
COMPILED_LEXERS = """\
import sys
from pathlib import Path
from cjmdsl.language import parser
from cjmdsl.language.compile import compile_text
for name in sys.argv[1:]:
    compile_text(Path(name).read_text(encoding="utf-8"))
lexers = set(parser.parser().parser.lexer.lexer.lexers.values())
print(len(lexers), sum(lexer.shared is not None for lexer in lexers),
      sum(lexer._scanner is not None for lexer in lexers))
"""


def test_reading_maps_compiles_the_expression_of_every_terminal_only():
    """About 40 parser states of different terminals read a small map; each compiled its
    own expression before (15 ms of a cold render). Now only a state where the first
    terminal matched is not one it accepts does: where a number is read, `1200` is a DATE
    (a year) by the shared expression."""
    paths = [str(path) for path in [*EXAMPLES, *FIXTURES]]
    result = subprocess.run([sys.executable, "-c", COMPILED_LEXERS, *paths],
                            capture_output=True, text=True, timeout=120, check=True)
    lexers, shared, compiled = map(int, result.stdout.split())
    assert lexers > 30
    assert shared == lexers
    assert compiled == 1
