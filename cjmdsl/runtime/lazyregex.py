"""A regular expression compiled the first time it is used.

Each `re.compile` at a module's top costs every run of cjm 50 to 200 µs, for the patterns of
formats and commands the run never reaches as much as for its own: a render of one map uses
a handful of the package's patterns. Modules whose patterns a render may not need make them
`LazyRegex`.
"""
from __future__ import annotations

import re

# What a LazyRegex answers for its compiled pattern once it is compiled.
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "finditer", "findall")


class LazyRegex:
    """`re.compile(pattern, flags)`, compiled when a method is first asked for; from then on
    each method is the compiled pattern's own, kept on the instance (no lookup through here)."""

    def __init__(self, pattern: str | bytes, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):  # only for what the instance does not hold yet
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
