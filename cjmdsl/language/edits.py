"""Compiling a map again after an edit: only the stage the edit is in is parsed again.

The language server, `cjm serve` and `cjm watch` compile the same document after every
keystroke or save. Parsing is most of a compile (Lark's lexer and LALR parser: about 80% of
it for a map of 1,000 touchpoints), and an edit most often changes a few lines of one stage.
So a compile keeps what its `map` rule was given (`Memo`): the map's items as the builder
made them, and the diagnostics each item's build reported. When the next text has the same
number of lines and differs only on lines that held one whole stage, those lines alone are
parsed (at their own lines and columns), the new stage takes the old one's place among the
items, and the map is built from the items and validated as a whole, as a full compile
does. The result is the full compile's, diagnostics and spans included; a property test
holds the two to it.

Anything else is compiled in full: a changed number of lines, an edit outside a stage or
across two, a line the stage shares with another statement, a syntax error, a stage that
links a map (`details` reads another file), a library.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from lark import Tree
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
    if len(lines) != len(memo.lines) or lines == memo.lines:
        return None
    first = next(i for i, (a, b) in enumerate(zip(lines, memo.lines)) if a != b) + 1
    last = len(lines) - next(i for i, (a, b) in enumerate(zip(reversed(lines),
                                                              reversed(memo.lines))) if a != b)
    found = _stage_around(memo, first, last)
    if found is None:
        return None
    index, stage = found
    top, bottom = stage.span.line, stage.span.end_line
    written = "\n".join(lines[top - 1:bottom])
    if "details" in written or "details" in "\n".join(memo.lines[top - 1:bottom]):
        return None  # a linked map is read from its file: the full compile reads it
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
        kept = [d for d in memo.built if d.origin is not None or not top <= d.span.line <= bottom]
        built_now = kept + builder.diagnostics[:built]
        children = (*memo.children[:index], items[1], *memo.children[index + 1:])
        mapper = Builder(filename)
        mapper.imported, mapper.import_failed = list(memo.imported), memo.import_failed
        journey = mapper.map(memo.meta, list(children))
        text = "\n".join(lines)
        diagnostics = checked(journey, text, built_now + mapper.diagnostics, mapper,
                              known_themes)
    place = sum(isinstance(item, m.Stage) for item in children[:index])
    return journey, diagnostics, replace(memo, lines=lines, children=children,
                                         built=tuple(built_now)), place


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
