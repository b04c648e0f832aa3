"""LazyRegex answers as the compiled pattern does, and compiles only when first used."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cjmdsl.runtime.lazyregex import LazyRegex

PATTERNS = [(r"(\d+)([.)])", 0), (r"https?://\S+", re.IGNORECASE), (r"^\s*(\w+)\s*=", re.M)]


@given(st.sampled_from(PATTERNS), st.text(alphabet="ab1.)= \nHTtps:/", max_size=30))
def test_a_lazy_pattern_matches_as_the_compiled_one(pattern_flags, text):
    lazy, compiled = LazyRegex(*pattern_flags), re.compile(*pattern_flags)
    assert lazy.sub("<\\g<0>>", text) == compiled.sub("<\\g<0>>", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert bool(lazy.fullmatch(text)) == bool(compiled.fullmatch(text))
    assert lazy.split(text) == compiled.split(text)
    assert lazy.groups == compiled.groups  # what is not a method is the compiled one's too


def test_a_lazy_pattern_compiles_when_first_used(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real(*args))
    lazy = LazyRegex(r"x+")
    assert compiled == []
    assert lazy.search("axxb").group() == "xx"
    assert lazy.match("xb") and compiled == [(r"x+", 0)]  # once, then its own methods
