"""Compiling a map again after an edit: only the stage the edit is in is parsed again.

The language server, `cjm serve` and `cjm watch` compile the same document after every
keystroke or save. Parsing is most of a compile (Lark's lexer and LALR parser: about 80% of
it for a map of 1,000 touchpoints), and an edit most often changes a few lines of one stage.
So a compile keeps what its `map` rule was given (`Memo`): the map's items as the builder
made them, and the diagnostics each item's build reported. When the next text differs only
on lines that held one whole stage, those lines alone are parsed (at their own lines and
columns), the new stage takes the old one's place among the items, and the map is built
from the items and validated as a whole, as a full compile does. An edit that adds or
removes lines moves what follows the stage: the items after it and their diagnostics are
kept with their spans moved by as many lines (`_moved`). The result is the full compile's,
diagnostics and spans included; a property test holds the two to it.

Anything else is compiled in full: an edit outside a stage or across two, a line the stage
shares with another statement, a syntax error, a stage that links a map (`details` reads
another file), a library.
"""
from __future__ import annotations

from copy import copy
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from enum import Enum
from functools import cache

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from cjmdsl import model as m
from cjmdsl.language.compile import (Builder, CompileResult, checked, compile_partial,
                                     compile_text)
from cjmdsl.language.diagnostics import Diagnostic
from cjmdsl.language.limits import Limits, within_limits
from cjmdsl.language.parser import reduce_with
from cjmdsl.runtime import collector


@dataclass(frozen=True)
class Memo:
    """What a compile of `lines` kept for the next: the `map` rule's place and items, the
    diagnostics the items' build reported (in the order of the text), and what `use` brought."""

    lines: tuple[str, ...]
    meta: object
    children: tuple
    built: tuple[Diagnostic, ...]
    imported: tuple
    import_failed: bool
    texts_fit: bool = False  # every text of the map was within the limits when checked


class _Recording(Builder):
    """A Builder that keeps what its `map` rule is given, for `Memo`."""

    taken: tuple | None = None

    def map(self, meta, children):
        self.taken = (meta, tuple(children), len(self.diagnostics))
        return super().map(meta, children)


def compile_again(text: str, before: CompileResult | None, filename: str = "<input>",
                  known_themes=(), importer=None, partial: bool = False,
                  limits: Limits | None = None) -> CompileResult:
    """`compile_text(text, …)` (with `partial`, `compile_partial`), reusing what compiling
    an earlier version of the document gave (`before`: None for the first) where the edit
    allows; the result keeps what the next compile can reuse. `importer` is a callable that
    makes the importer (cjmdsl.language.libraries), called only for a full compile: a stage
    parsed again reads no other file. With `limits`, a journey without errors is checked
    against them too (`check_journey`): after an edit of one stage, only its texts are read."""
    memo = before.memo if before is not None else None
    again = None
    if memo is not None:
        again = _stage_again(memo, tuple(text.split("\n")), filename, known_themes)
    if again is not None:
        journey, diagnostics, kept, place = again
        result = replace(before, journey=journey, diagnostics=diagnostics, memo=kept)
    else:
        result = _compiled(text, filename, known_themes, importer() if importer else None,
                           partial)
        place = None
        if result.memo is None and memo is not None:
            # A text that does not parse keeps the last one that did: the edit that mends it
            # is then again an edit of one stage of that text.
            result = replace(result, memo=memo)
    beyond = None
    if limits is not None:
        fit = result.memo is not None and result.memo.texts_fit and place is not None
        result, beyond = within_limits(result, limits, (place,) if fit else None)
    # Unknown unless checked now: a text may have grown in an edit that left an error.
    texts_fit = beyond is not None and not any(d.code == "E031" for d in beyond)
    if result.memo is not None and result.memo.texts_fit != texts_fit:
        result = replace(result, memo=replace(result.memo, texts_fit=texts_fit))
    if not partial and _failed(result):
        result = replace(result, journey=None)
    return result


def _failed(result: CompileResult) -> bool:
    return any(d.is_error for d in result.diagnostics)


def _compiled(text: str, filename: str, known_themes, importer, partial: bool) -> CompileResult:
    """`compile_partial` (without `partial`, `compile_text`), keeping its `Memo` when the
    text parses (a map, not a library)."""
    builder = _Recording(filename, importer)
    result = (compile_partial if partial else compile_text)(text, filename, known_themes,
                                                             importer, builder)
    if result.library or builder.taken is None:  # a library, or a text that does not parse
        return result
    meta, children, built = builder.taken
    return replace(result, memo=Memo(tuple(text.split("\n")), meta, children,
                                     tuple(builder.diagnostics[:built]),
                                     tuple(builder.imported), builder.import_failed))


def _stage_again(memo: Memo, lines: tuple[str, ...], filename: str, known_themes
                 ) -> tuple[m.Journey, list[Diagnostic], Memo, int] | None:
    """The journey and diagnostics of `lines` with the one stage they changed parsed again,
    the memo for the next edit and the stage's place among the map's stages; None when the
    edit is not inside one stage."""
    old = memo.lines
    if lines == old:
        return None
    # The lines both texts begin and end with; between them, old lines `first` to `last`
    # became the new ones (`last` is `first - 1` when lines were only added).
    shortest = min(len(old), len(lines))
    same_start = next((i for i in range(shortest) if old[i] != lines[i]), shortest)
    same_end = next((i for i in range(shortest - same_start) if old[-1 - i] != lines[-1 - i]),
                    shortest - same_start)
    first, last = same_start + 1, len(old) - same_end
    # Lines only added go between old lines `first - 1` and `first`: both in the stage.
    found = _stage_around(memo, *((first - 1, first) if last < first else (first, last)))
    if found is None:
        return None
    index, stage = found
    moved = len(lines) - len(old)  # lines the items after the stage move down
    top, bottom = stage.span.line, stage.span.end_line + moved
    written = "\n".join(lines[top - 1:bottom])
    if "details" in written or "details" in "\n".join(old[top - 1:stage.span.end_line]):
        return None  # a linked map is read from its file: the full compile reads it
    # What the stage's build did not report, kept (moved with what follows the stage).
    kept = [d for d in memo.built
            if d.origin is not None or not top <= d.span.line <= stage.span.end_line]
    after, meta = memo.children[index + 1:], memo.meta
    if moved:
        try:
            after = _moved(after, (top, stage.span.end_line), moved)
            kept = _moved(kept, (top, stage.span.end_line), moved)
        except _Unmovable:
            return None
        meta = copy(memo.meta)  # the map's own place: it ends lower
        meta.end_line += moved
        meta.end_pos += sum(map(len, lines)) - sum(map(len, old)) + moved
    # The stage's lines where they stand in the file, inside a map of nothing else, so its
    # tokens have their own lines and columns.
    alone = 'map "" {' + "\n" * (top - 1) + written + "\n}\n"
    builder = _Recording(filename)
    with collector.paused():
        try:
            reduce_with(alone, builder, Tree)
        except UnexpectedInput:
            return None
        _, items, built = builder.taken
        if len(items) != 2 or not isinstance(items[1], m.Stage):
            return None  # the lines hold something else now: another statement, two stages
        built_now = kept + builder.diagnostics[:built]
        children = (*memo.children[:index], items[1], *after)
        mapper = Builder(filename)
        mapper.imported, mapper.import_failed = list(memo.imported), memo.import_failed
        journey = mapper.map(meta, list(children))
        text = "\n".join(lines)
        diagnostics = checked(journey, text, built_now + mapper.diagnostics, mapper,
                              known_themes)
    place = sum(isinstance(item, m.Stage) for item in children[:index])
    return journey, diagnostics, replace(memo, lines=lines, meta=meta, children=children,
                                         built=tuple(built_now)), place


class _Unmovable(Exception):
    """Something kept from the text before an edit that `_moved` cannot move."""


# What holds no place in the text: kept as it is (_PLAIN: told by its type alone, without a
# call, which is most of the fields of a map's items).
_PLACELESS = (str, int, float, bool, type(None), date, Enum)
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _moved(value, stage: tuple[int, int], lines: int):
    """`value` (items of a map, diagnostics) with each span below the `stage`'s old lines
    (first, last) moved down `lines` lines, and each that encloses them ending as much
    lower. A span on the stage's own lines is _Unmovable (the old stage's: what points into
    it is made again by a full compile), as is a value of a kind this does not know (a
    parse tree, a token)."""
    kind = type(value)
    if kind is m.Span:
        top, bottom = stage
        if value.end_line < top:
            return value
        if value.line > bottom:
            return m.Span(value.line + lines, value.column, value.end_line + lines,
                          value.end_column)
        if value.line < top and value.end_line > bottom:
            return m.Span(value.line, value.column, value.end_line + lines, value.end_column)
        raise _Unmovable(value)
    if kind is tuple or kind is list:
        return kind(item if type(item) in _PLAIN else _moved(item, stage, lines)
                    for item in value)
    names = _field_names(kind)
    if names is not None:
        if getattr(value, "origin", None) is not None:
            return value  # a diagnostic or label of another file (a library): its spans
        made = object.__new__(kind)  # its fields as they are, no __post_init__ again
        for name in names:
            field = getattr(value, name)
            if type(field) not in _PLAIN:
                field = _moved(field, stage, lines)
            object.__setattr__(made, name, field)
        return made
    if isinstance(value, _PLACELESS) and not isinstance(value, Token):
        return value
    raise _Unmovable(value)


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass (a record, a diagnostic), None for any other type."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def _stage_around(memo: Memo, first: int, last: int) -> tuple[int, m.Stage] | None:
    """The stage among the map's items whose lines hold lines `first` to `last` and nothing
    of any other item (only blanks and a comment beside it), with its place; else None."""
    for index, item in enumerate(memo.children):
        if not isinstance(item, m.Stage):
            continue
        span = item.span
        if not span.line <= first <= last <= span.end_line:
            continue
        before = memo.lines[span.line - 1][:span.column - 1]
        after = memo.lines[span.end_line - 1][span.end_column - 1:].strip()
        if before.strip() or (after and not after.startswith(("//", "#"))):
            return None
        return index, item
    return None
