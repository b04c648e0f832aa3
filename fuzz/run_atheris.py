"""Coverage-guided fuzzing of the whole pipeline with atheris, for long runs on demand.

    pip install atheris
    python fuzz/run_atheris.py -atheris_runs=200000 fuzz/corpus      # corpus: examples/*.cjm

Any exception other than the compiler's own diagnostics is a crash: atheris stops and writes
the input that caused it. CI runs the bounded hypothesis fuzz in tests/test_fuzz.py instead.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from cjmdsl.api import check, decode
    from cjmdsl.backends import backend, text_formats
    from cjmdsl.themes import load_theme

THEME = load_theme("default")
FORMATS = text_formats()


def one_input(data: bytes) -> None:
    text, problems = decode(data)
    if problems:
        return
    result = check(text, "fuzz.cjm")
    if result.journey is None:
        return
    for format_name in FORMATS:
        backend(format_name).render(result.journey, THEME)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
