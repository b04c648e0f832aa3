"""Bounded work: limits on what one map may ask of the compiler.

Maps are built unattended in docs pipelines; a runaway file (a pasted log, a generated map
gone wrong) must end in a clear diagnostic, not in a build that hangs or a 200 MB SVG. Every
stage is linear in its input, so the limits only bound that input; each can be raised.

Nesting needs no limit of its own: the grammar has a fixed depth (map › stage › touchpoint),
the LALR parser keeps an explicit stack and the tree is at most six levels deep.
"""
from __future__ import annotations

from dataclasses import replace

from cjmdsl.language.diagnostics import Diagnostic, error, sort_key
from cjmdsl.model import Journey, Span, record, texts


@record
class Limits:
    max_bytes: int = 5_000_000
    max_string: int = 20_000
    max_touchpoints: int = 10_000


DEFAULT_LIMITS = Limits()
# Libraries (`use "…"`, cjmdsl/language/libraries.py): how many files one map may load, and how
# deep libraries may use libraries. Each file is bounded by `max_bytes` as a map is.
MOST_IMPORTED_FILES = 64
MOST_IMPORT_DEPTH = 8


def check_size(text: str, limits: Limits) -> list[Diagnostic]:
    """E030 when the file is larger than `max_bytes`; checked before parsing."""
    return check_bytes(len(text.encode("utf-8", "surrogatepass")), limits)


def check_bytes(size: int, limits: Limits, exact: bool = True) -> list[Diagnostic]:
    """E030 for a file of `size` bytes (`exact=False`: at least that many, when the rest was
    left unread), before it is decoded; readers stop at `max_bytes` + 1."""
    if size <= limits.max_bytes:
        return []
    said = f"{size:,} bytes" if exact else f"more than {limits.max_bytes:,} bytes"
    return [error("E030", f"the file is {said}, more than the limit of {limits.max_bytes:,}"
                  if exact else f"the file is {said}, the limit", Span(1, 1, 1, 2),
                  "split the map, or raise the limit with --max-bytes")]


def check_journey(journey: Journey, limits: Limits, stages: tuple[int, ...] | None = None
                  ) -> list[Diagnostic]:
    """E031 for each text longer than `max_string`; E032 for too many touchpoints. With
    `stages`, only the texts of the stages at those places are read: the rest are known to
    fit (`cjmdsl.language.edits`, after an edit of one stage)."""
    found = []
    walked = journey if stages is None else [journey.stages[index] for index in stages]
    for text, span in texts(walked):
        if len(text) > limits.max_string:
            found.append(error("E031", f"a text of {len(text):,} characters, more than the "
                                       f"limit of {limits.max_string:,}", span,
                               "shorten it, or raise the limit with --max-string"))
    count = len(journey.touchpoints)
    if count > limits.max_touchpoints:
        found.append(error("E032", f"the map has {count:,} touchpoints, more than the limit of "
                                   f"{limits.max_touchpoints:,}", journey.span,
                           "split the map, or raise the limit with --max-touchpoints"))
    return found


def within_limits(result, limits: Limits, stages: tuple[int, ...] | None = None):
    """A compile's `result` (cjmdsl.language.compile.CompileResult) with the diagnostics of
    `check_journey` among its own, and those diagnostics; None for them when the result has
    no journey or has errors, which leave the limits unchecked."""
    if result.journey is None or any(d.is_error for d in result.diagnostics):
        return result, None
    beyond = check_journey(result.journey, limits, stages)
    if beyond:
        result = replace(result, diagnostics=sorted(result.diagnostics + beyond, key=sort_key))
    return result, beyond
