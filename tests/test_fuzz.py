"""No crash on any input: the whole pipeline, fuzzed three ways.

1. arbitrary bytes and text (invalid UTF-8, NUL, a BOM, CRLF, lone surrogates, controls);
2. grammar-aware mutations of the examples: tokens dropped, duplicated and swapped;
3. valid maps (see test_properties.py, which builds them from the model);
4. the formatter on valid maps: the examples with strings, spaces and comments mutated.

The only outcomes allowed: output, or diagnostics (and exit 1 from the CLI). The counts are
bounded for CI; `FUZZ_EXAMPLES=100000 pytest tests/test_fuzz.py` (or fuzz/run_atheris.py)
runs long.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjmdsl.api import check, decode
from cjmdsl.backends import backend, text_formats
from cjmdsl.language.parser import parser
from cjmdsl.themes import load_theme

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Every text format: svg, html, json, md, dot, and flow-svg (which runs Graphviz's dot).
TEXT_FORMATS = text_formats()
THEME = load_theme("default")


def run_pipeline(data: bytes) -> None:
    """decode → parse → check → render to every text format; must never raise."""
    text, problems = decode(data)
    if problems:
        assert all(d.code == "E006" for d in problems)
        return
    result = check(text, "fuzz.cjm")
    for diagnostic in result.diagnostics:
        assert diagnostic.code and diagnostic.message
        assert diagnostic.span.line >= 0
    if result.journey is None:
        assert result.errors
        return
    for format_name in TEXT_FORMATS:
        output = backend(format_name).render(result.journey, THEME)
        assert output


# ── 1. arbitrary input ──────────────────────────────────────────────────────
SPICE = st.sampled_from([b"\x00", b"\xef\xbb\xbf", b"\r\n", b"\xff", b"\xed\xa0\x80", b"\x1b[31m",
                         b"{", b"}", b'"', b"\\", b"map", b"stage", b"touchpoint", b"\n"])


@FUZZ
@given(st.lists(st.one_of(st.binary(max_size=20), SPICE), max_size=30).map(b"".join))
def test_arbitrary_bytes_give_output_or_diagnostics(data):
    run_pipeline(data)


@FUZZ
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_arbitrary_text_gives_output_or_diagnostics(text):
    run_pipeline(text.encode("utf-8", "surrogatepass"))


# ── 2. grammar-aware mutations of the examples ──────────────────────────────
def tokens_of(text: str) -> list[str]:
    """The example's tokens, as the parser reads them (comments and spaces dropped)."""
    interactive = parser().parse_interactive(text)
    return [str(token) for token in interactive.iter_parse() if token.type != "$END"]


EXAMPLE_TOKENS = [tokens_of(path.read_text(encoding="utf-8")) for path in EXAMPLES]


@st.composite
def mutated_example(draw) -> str:
    tokens = list(draw(st.sampled_from(EXAMPLE_TOKENS)))
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(tokens) - 1))
        j = draw(st.integers(0, len(tokens) - 1))
        operation = draw(st.sampled_from(["drop", "duplicate", "swap", "replace"]))
        if operation == "drop":
            del tokens[i]
        elif operation == "duplicate":
            tokens.insert(j, tokens[i])
        elif operation == "swap":
            tokens[i], tokens[j] = tokens[j], tokens[i]
        else:
            tokens[i] = draw(st.sampled_from(['"', "{", "}", "..", "%", "-9", "1e9", "\\", "é",
                                              "touchpoint", "emotion", "#", "//", '"\\q"']))
    separator = draw(st.sampled_from([" ", "\n", "\r\n", "\t"]))
    return separator.join(tokens)


def test_example_tokens_rebuild_a_valid_map():
    """The mutation strategy starts from valid maps: unmutated, they compile."""
    for tokens in EXAMPLE_TOKENS:
        assert check(" ".join(tokens)).journey is not None


@FUZZ
@given(mutated_example())
def test_mutated_examples_give_output_or_diagnostics(text):
    run_pipeline(text.encode("utf-8"))


# ── 4. the formatter on mutated valid maps ─────────────────────────────────
# Any character a string may hold: lone surrogates (an editor's JSON `\udcea`), controls,
# quotes, backslashes, invisible and combining characters.
ANY_CHARACTER = st.one_of(
    st.sampled_from(["\udcea", "\ud800", "\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u200b",
                     "\u200d", "\u0301", "\u00a0", '"', "\\", "\n", "\t", "\r", "é", "{", "}"]),
    st.characters(codec=None, exclude_categories=()))


@st.composite
def mutated_valid_map(draw) -> str:
    """An example with some strings replaced by arbitrary text, spelt as written (only `"`
    and `\\` escaped), and arbitrary spacing and comments between the tokens."""
    tokens = list(draw(st.sampled_from(EXAMPLE_TOKENS)))
    strings = [i for i, token in enumerate(tokens) if token.startswith('"')]
    for _ in range(draw(st.integers(1, 4))):
        value = "".join(draw(st.lists(ANY_CHARACTER, max_size=12)))
        tokens[draw(st.sampled_from(strings))] = \
            '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    spacing = st.sampled_from([" ", "\n", "\r\n", "\t", "  ", "\n\n", " // note\n",
                               "\n// a comment \udcea\n"])
    return "".join(token + draw(spacing) for token in tokens)


@settings(FUZZ, max_examples=max(FUZZ.max_examples // 5, 10))
@given(mutated_valid_map())
def test_the_formatter_formats_every_valid_map(text):
    from hypothesis import assume

    from cjmdsl.language.format import format_text

    assume(not check(text, "fuzz.cjm").errors)
    formatted = format_text(text, "fuzz.cjm")  # raises FormatterBug if the meaning changed
    assert format_text(formatted, "fuzz.cjm") == formatted


# ── the command line, on the same kinds of input ────────────────────────────
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated_example().map(str.encode), st.binary(max_size=64)))
def test_cli_answers_with_exit_0_or_1_and_never_a_traceback(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "map.cjm"
    source.write_bytes(data)
    run = subprocess.run([sys.executable, "-c", "from cjmdsl.cli import main; main()",
                          "render", str(source), "-o", str(folder / "map.svg")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    if run.returncode == 1:
        assert "error[E" in run.stderr
        assert not (folder / "map.svg").exists()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_survive_crlf_bom_and_tabs(path):
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n").replace("  ", "\t")
    result = check(decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0])
    assert result.journey is not None, result.diagnostics
