"""What may be typed at the cursor: keywords the grammar accepts there, and ids by context.

The keywords come from the LALR parser itself (`expected_at_end` on the text up to the
cursor), so they follow the grammar without a list to keep in step. Where the grammar
wants a name, the word before the cursor says which: a persona after `emotion` and
`expect`, a channel after `channel`, a source after `source`, touchpoints in a `flow`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cjmdsl import model as m
from cjmdsl.channels import CHANNELS
from cjmdsl.lsp.analysis import Analysis
from cjmdsl.parser import keywords_by_terminal, expected_at_end

_PARTIAL_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_DEFINED = {"persona": re.compile(r"\bpersona\s+([A-Za-z_][A-Za-z0-9_\-]*)"),
            "touchpoint": re.compile(r"\btouchpoint\s+([A-Za-z_][A-Za-z0-9_\-]*)")}


@dataclass(frozen=True)
class Completion:
    label: str
    kind: str  # keyword, persona, touchpoint, channel or source
    detail: str = ""


def complete(analysis: Analysis, line: int, column: int) -> list[Completion]:
    """The completions at 1-based `line`, `column` of the analysed text."""
    lines = analysis.text.split("\n")
    if not 1 <= line <= len(lines):
        return []
    before = lines[line - 1][:column - 1]
    if _in_string_or_comment(before):
        return []
    prefix = "\n".join(lines[:line - 1] + [before])
    partial = _PARTIAL_WORD.search(prefix)
    if partial:
        prefix = prefix[:partial.start()]
    accepts, stack = expected_at_end(prefix)
    keywords = keywords_by_terminal()
    found = [Completion(keywords[t], "keyword") for t in sorted(accepts)
             if t in keywords and keywords[t].isidentifier()]
    if "ID" in accepts:
        found += _names(analysis, _word_before(stack))
    return found


def _names(analysis: Analysis, word: str) -> list[Completion]:
    if word in ("emotion", "expect", ","):
        return _personas(analysis)
    if word in ("->", ":"):
        return _touchpoints(analysis)
    if word == "flow":
        return _personas(analysis) + _touchpoints(analysis)
    if word == "channel":
        return [Completion(c.name, "channel", c.label) for c in CHANNELS.values()]
    if word == "source":
        return [Completion(kind, "source") for kind in m.SOURCE_KINDS]
    return []  # a new id (after `persona`, `stage`, …): nothing to offer


def _personas(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    if journey is not None and journey.personas:
        return [Completion(p.id, "persona", p.name) for p in journey.personas]
    return [Completion(name, "persona") for name in _defined(analysis.text, "persona")]


def _touchpoints(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    if journey is not None and journey.touchpoints:
        return [Completion(tp.id, "touchpoint", f"{tp.name} ({tp.stage})")
                for tp in journey.touchpoints]
    return [Completion(name, "touchpoint") for name in _defined(analysis.text, "touchpoint")]


def _defined(text: str, keyword: str) -> list[str]:
    """Ids declared with `keyword`, found by a plain search when nothing could be built."""
    return list(dict.fromkeys(_DEFINED[keyword].findall(text)))


def _word_before(stack: list) -> str:
    """The keyword or punctuation just before the cursor, from the parser's value stack
    (`:` also when the persona list of a flow has already been reduced)."""
    if not stack:
        return ""
    last = stack[-1]
    if getattr(last, "data", None) == "flow_personas":
        return ":"
    keywords = keywords_by_terminal()
    return keywords.get(getattr(last, "type", ""), "")


def _in_string_or_comment(before: str) -> bool:
    """Whether the cursor, after `before` on its line, sits in a string or a comment."""
    in_string = escaped = False
    for i, char in enumerate(before):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "#" or before.startswith("//", i):
            return True
    return in_string
