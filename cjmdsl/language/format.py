"""The canonical layout of a `.cjm` file: what `cjm fmt` writes and editors format with.

Two-space indentation, one statement per line, a blank line between top-level blocks and
between touchpoints, strings re-quoted with one set of escapes, a `+` on positive emotion
values. Every comment is kept: on the line of the statement it trailed, above the statement
it preceded, or at the end of the block it ended. A comment written inside a statement that
the layout puts on one line moves above that statement.

`format_text` never changes what a map means: it checks that the formatted text compiles to
the same journey (and the same diagnostics) with the same comments, and raises
`FormatterBug` instead of returning anything else.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from lark import Lark, Token, Tree
from lark.tree import Meta

from cjmdsl.language.compile import compile_text, read_string
from cjmdsl.language.diagnostics import CjmError
from cjmdsl.language.parser import parse_tree
from cjmdsl.runtime.resources import data_file
from cjmdsl.words.numbers import has_middle

WIDTH = 100  # a flow or a scale longer than this is broken over several lines
INDENT = "  "

Position = tuple[int, int]  # (line, column), 1-based as Lark counts


class FormatterBug(RuntimeError):
    """The formatted text would mean something else than the original: a bug in cjm."""


def format_text(text: str, filename: str = "<input>") -> str:
    """`text` in the canonical layout; raises CjmError (the diagnostics) on a syntax error.

    The result keeps the original's line endings (LF, or CRLF when the file uses them) and
    ends with exactly one line break. Formatting a formatted text changes nothing.
    """
    tree, diagnostics = parse_tree(text)
    if tree is None or diagnostics:
        raise CjmError(diagnostics, text, filename)
    tokens, comments = _lexed(text)
    printer = _Printer(tokens, comments)
    printer.map(tree.children[0])
    formatted = printer.finish()
    _check_meaning(text, formatted, filename, comments)
    if text.count("\r\n") * 2 > text.count("\n"):
        formatted = formatted.replace("\n", "\r\n")
    return formatted


def quote(value: str) -> str:
    """`value` as a .cjm string: double quotes, `\\"` `\\\\` `\\n` `\\t`, and `\\u{…}` for
    characters that cannot be seen (controls, bidi and format characters); a lone surrogate
    stays itself."""
    out = ['"']
    for char in value:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif char.isprintable() or char == "\u200d" or _is_space(char) or _is_surrogate(char):
            out.append(char)  # ZWJ joins emoji sequences; spaces are visible enough
        else:
            out.append(f"\\u{{{ord(char):X}}}")
    out.append('"')
    return "".join(out)


_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def long_quote(value: str) -> str:
    """`value` as a triple-quoted .cjm string, its lines one indentation step in (the
    printer indents them with the statement): the compiler's dedenting gives `value` back.
    A quote that would start a run of three is escaped, and so is the first blank of a line
    that is blank, or of every line when all of them start with one (dedenting would eat
    it). An empty value is `""`."""
    if not value:
        return '""'
    lines = value.split("\n")
    all_indented = all(line[:1] in (" ", "\t") for line in lines if line)
    written = []
    for line in lines:
        escaped = quote(line)[1:-1].replace('\\"', '"')
        escaped = _quotes_in_runs_escaped(escaped)
        if line and (not line.strip(" \t") or all_indented) and line[0] in " \t":
            escaped = ("\\u{20}" if line[0] == " " else "\\t") + escaped[1 if line[0] == " " else 2:]
        written.append(INDENT + escaped if escaped else "")
    return '"""\n' + "\n".join(written) + "\n" + INDENT + '"""'


def _quotes_in_runs_escaped(text: str) -> str:
    """`text` (already escaped but for its quotes) with each quote that another quote
    follows written `\\"`, so no three quotes in a row end the string early."""
    out = []
    for index, char in enumerate(text):
        follows = index + 1 < len(text) and text[index + 1] == '"'
        out.append('\\"' if char == '"' and follows else char)
    return "".join(out)


def _is_surrogate(char: str) -> bool:
    """A lone surrogate (from an editor's JSON, `\\udcea`) has no `\\u{…}` spelling, which
    must name a Unicode scalar value; it stays as it came."""
    return "\ud800" <= char <= "\udfff"


def _is_space(char: str) -> bool:
    import unicodedata

    return unicodedata.category(char) == "Zs"


# ── comments ─────────────────────────────────────────────────────────────────
@dataclass
class _Comment:
    text: str
    at: Position
    after_token: Position | None  # end of the token before it, when on the same line
    blank_before: bool  # an empty line separates it from what comes before
    blank_after: bool  # an empty line separates it from what comes after


@cache
def _lexer() -> Lark:
    """A plain lexer for the same grammar: it sees the comments the parser ignores."""
    grammar = data_file("grammar", "cjm.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="basic")


def _lexed(text: str) -> tuple[list[Token], list[_Comment]]:
    """The tokens other than comments, and every comment, in order, with where it sits
    relative to its neighbours."""
    tokens = [t for t in _lexer().lex(text, dont_ignore=True) if t.type != "WS"]
    found = []
    for index, token in enumerate(tokens):
        if token.type != "COMMENT":
            continue
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        same_line = before is not None and before.end_line == token.line
        found.append(_Comment(
            text=str(token).rstrip(),
            at=(token.line, token.column),
            after_token=(before.end_line, before.end_column) if same_line else None,
            blank_before=before is not None and token.line - before.end_line >= 2,
            blank_after=after is not None and after.line - token.line >= 2,
        ))
    return [t for t in tokens if t.type != "COMMENT"], found


# ── the printer ──────────────────────────────────────────────────────────────
def _start(node: Tree | Token) -> Position:
    if isinstance(node, Token):
        return (node.line, node.column)
    return (node.meta.line, node.meta.column)


def _end(node: Tree | Token) -> Position:
    if isinstance(node, Token):
        return (node.end_line, node.end_column)
    return (node.meta.end_line, node.meta.end_column)


def _closing_brace(body: Tree) -> Position:
    line, column = _end(body)
    return (line, column - 1)


class _Printer:
    """Walks the parse tree and writes lines, placing each comment as it goes by.

    Comments are taken in source order: before a line is written, every comment that
    lies before the line's last token goes above it; after it, a comment that followed
    that token on the same source line is appended to it.
    """

    def __init__(self, tokens: list[Token], comments: list[_Comment]):
        self.tokens = tokens
        self.starts = [(t.line, t.column) for t in tokens]
        self.comments = comments
        self.next_comment = 0
        self.lines: list[str] = []
        self.openers: set[int] = set()  # lines that open a block: no blank line after them
        self.depth = 0
        self.signed = True  # emotions with a `+`: the default scale, -2 .. 2, has a middle

    # ── writing ──────────────────────────────────────────────────────────────
    def finish(self) -> str:
        self._comments_before(None, blank=False)
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def _blank(self) -> None:
        if self.lines and self.lines[-1] != "" and len(self.lines) - 1 not in self.openers:
            self.lines.append("")

    def _pending(self, before: Position | None) -> list[_Comment]:
        taken = []
        while self.next_comment < len(self.comments):
            comment = self.comments[self.next_comment]
            if before is not None and comment.at >= before:
                break
            taken.append(comment)
            self.next_comment += 1
        return taken

    def _comments_before(self, before: Position | None, blank: bool,
                         closing: bool = False) -> None:
        """Write the comments before `before` on lines of their own (`closing`: they end a
        block, so no blank line follows them)."""
        taken = self._pending(before)
        if blank:
            self._blank()
        for comment in taken:
            if comment.blank_before:
                self._blank()
            self.lines.append(INDENT * self.depth + comment.text)
        if taken and taken[-1].blank_after and before is not None and not closing:
            self._blank()

    def line(self, parts: list[str], end: Position, blank: bool = False) -> None:
        """Write one statement (`parts` are its physical lines) that ends at `end`."""
        self._comments_before(end, blank)
        indent = INDENT * self.depth
        # a triple-quoted string spans lines: each of them is indented, a blank one is empty,
        # and one kept as written (see `_string`) stays exactly as it was
        self.lines += [line[len(_VERBATIM):] if line.startswith(_VERBATIM)
                       else indent + line if line else ""
                       for part in parts for line in part.split("\n")]
        if self.next_comment < len(self.comments):
            comment = self.comments[self.next_comment]
            if comment.after_token == end:
                self.lines[-1] += " " + comment.text
                self.next_comment += 1

    def block(self, header: str, node: Tree, body: Tree | None, items: list, write_item,
              blank: bool = False, separate=lambda previous, item: False) -> None:
        """A statement with an optional `{ … }` body whose items `write_item` writes."""
        if body is None:
            self.line([header], _end(node), blank)
            return
        brace = _closing_brace(body)
        if not items and not self._has_comment_between(_start(body), brace):
            self.line([header + " {}"], _end(body), blank)
            return
        line, column = _start(body)
        self.line([header + " {"], (line, column + 1), blank)
        self.openers.add(len(self.lines) - 1)
        self.depth += 1
        previous = None
        for item in items:
            write_item(item, previous is not None and separate(previous, item))
            previous = item
        self._comments_before(brace, blank=False, closing=True)
        self.depth -= 1
        self.line(["}"], _end(body))

    def _has_comment_between(self, start: Position, end: Position) -> bool:
        for index in range(self.next_comment, len(self.comments)):
            if self.comments[index].at >= end:
                return False
            if self.comments[index].at >= start:
                return True
        return False

    def _brace_after(self, position: Position) -> Position:
        """Where the first `{` after `position` is."""
        index = bisect_left(self.starts, position)
        while self.tokens[index].type != "LBRACE":
            index += 1
        return self.starts[index]

    # ── the map ──────────────────────────────────────────────────────────────
    def map(self, node: Tree) -> None:
        title, *items = node.children
        # Values are signed only on a scale with a middle (numbers.on_scale): 4 on 1 .. 10.
        scale = next((item for item in items if isinstance(item, Tree) and item.data == "scale"),
                     None)
        if scale is not None:
            low, high = (float(str(bound)) for bound in scale.children[:2])
            self.signed = has_middle(low, high)
        body = _map_body(node, self._brace_after(_end(title)))
        # `map` or `library`: a library is laid out as a map is
        self.block(f"{node.data} {_string(title)}", node, body, items, self.map_item,
                   separate=lambda a, b: _separate_map_items(a, b, self._one_line))

    def _one_line(self, node: Tree) -> bool:
        """Whether a map item is written on one line (a source's block may be)."""
        if node.data == "source_declaration":
            return self._source_line(node) is not None
        if node.data == "actor":
            return self._actor_line(node) is not None
        return _one_line(node)

    def map_item(self, node: Tree, blank: bool) -> None:
        getattr(self, "item_" + node.data)(node, blank)

    def item_description(self, node: Tree, blank: bool) -> None:
        self.line([f"description {_string(node.children[0])}"], _end(node), blank)

    def item_use(self, node: Tree, blank: bool) -> None:
        self.line([f"use {_string(node.children[0])}"], _end(node), blank)

    def item_theme(self, node: Tree, blank: bool) -> None:
        self.line([f"theme {_string(node.children[0])}"], _end(node), blank)

    def item_lang(self, node: Tree, blank: bool) -> None:
        self.line([f"lang {_string(node.children[0])}"], _end(node), blank)

    def item_note(self, node: Tree, blank: bool) -> None:
        self._text_field("note", node, blank)

    def item_channel_decl(self, node: Tree, blank: bool) -> None:
        ident, label, *like = node.children
        text = f"channel {ident} {_string(label)}" + (f" like {like[0]}" if like else "")
        self.line([text], _end(node), blank)

    def _actor_line(self, node: Tree) -> str | None:
        """An actor declaration on one line, or None when it does not fit or holds comments."""
        ident, name, *body = node.children
        header = f"actor {ident} {_string(name)}"
        if not body or not body[0].children:
            return header
        if self._has_comment_between(_start(body[0]), _closing_brace(body[0])):
            return None
        line = f"{header} {{ {' '.join(_actor_field(f) for f in body[0].children)} }}"
        return line if len(INDENT * self.depth + line) <= WIDTH else None

    def item_actor(self, node: Tree, blank: bool) -> None:
        one_line = self._actor_line(node)
        if one_line is not None:
            self.line([one_line], _end(node), blank)
            return
        ident, name, body = node.children
        self.block(f"actor {ident} {_string(name)}", node, body, body.children,
                   lambda item, _blank: self.line([_actor_field(item)], _end(item)), blank)

    def item_map_owner(self, node: Tree, blank: bool) -> None:
        self._text_field("owner", node, blank)

    def item_map_status(self, node: Tree, blank: bool) -> None:
        self._text_field("status", node, blank)

    def item_map_version(self, node: Tree, blank: bool) -> None:
        self._text_field("version", node, blank)

    def item_map_updated(self, node: Tree, blank: bool) -> None:
        self.line([f"updated {node.children[0]}"], _end(node), blank)

    def item_map_tags(self, node: Tree, blank: bool) -> None:
        tags = (_string(t) if t.type == "STRING" else str(t) for t in node.children)
        self.line(["tags " + ", ".join(tags)], _end(node), blank)

    def _source_line(self, node: Tree) -> str | None:
        """A source declaration on one line, or None when it does not fit or holds comments."""
        ident, kind, title, *body = node.children
        header = f"source {ident} {kind} {_string(title)}"
        if not body or not body[0].children:
            return header
        if self._has_comment_between(_start(body[0]), _closing_brace(body[0])):
            return None
        line = f"{header} {{ {' '.join(_source_field(f) for f in body[0].children)} }}"
        return line if len(INDENT * self.depth + line) <= WIDTH else None

    def item_source_declaration(self, node: Tree, blank: bool) -> None:
        one_line = self._source_line(node)
        if one_line is not None:
            self.line([one_line], _end(node), blank)
            return
        ident, kind, title, body = node.children
        self.block(f"source {ident} {kind} {_string(title)}", node, body, body.children,
                   lambda item, _blank: self.line([_source_field(item)], _end(item)), blank)

    def item_scale(self, node: Tree, blank: bool) -> None:
        low, high, *labels = node.children
        header = f"scale {_number(low)} .. {_number(high)}"
        if not labels:
            self.line([header], _end(node), blank)
            return
        body = labels[0]
        pairs = [f"{_number(v)} {_string(s)}" for v, s in (l.children for l in body.children)]
        one_line = f"{header} {{ {' '.join(pairs)} }}" if pairs else f"{header} {{}}"
        inside = self._has_comment_between(_start(body), _closing_brace(body))
        if not inside and len(INDENT * self.depth + one_line) <= WIDTH:
            self.line([one_line], _end(node), blank)
            return

        def label(level: Tree, _blank: bool) -> None:
            value, name = level.children
            self.line([f"{_number(value)} {_string(name)}"], _end(level))

        self.block(header, node, body, body.children, label, blank)

    def item_persona(self, node: Tree, blank: bool) -> None:
        ident, name, *body = node.children
        body = body[0] if body else None

        def field(item: Tree, _blank: bool) -> None:
            self._text_field("pain" if item.data == "pain_text" else item.data, item)

        self.block(f"persona {ident} {_string(name)}", node, body,
                   body.children if body else [], field, blank)

    def item_stage(self, node: Tree, blank: bool) -> None:
        ident, name, *body = node.children
        body = body[0] if body else None
        self.block(f"stage {ident} {_string(name)}", node, body, body.children if body else [],
                   self.stage_item, blank,
                   separate=lambda a, b: "touchpoint" in (a.data, b.data))

    def stage_item(self, node: Tree, blank: bool) -> None:
        if node.data == "touchpoint":
            self.touchpoint(node, blank)
        elif node.data == "action_item":
            text, *options = node.children
            self.line([f"action_item {_string(text)}{_options(options)}"], _end(node), blank)
        elif node.data == "metric":
            self.line([_metric(node)], _end(node), blank)
        else:  # goal, brand
            self._text_field(node.data, node, blank)

    def touchpoint(self, node: Tree, blank: bool) -> None:
        ident, name, *body = node.children
        body = body[0] if body else None
        self.block(f"touchpoint {ident} {_string(name)}", node, body,
                   body.children if body else [], self.touchpoint_item, blank)

    def touchpoint_item(self, node: Tree, _blank: bool) -> None:
        kind, children = node.data, node.children
        if kind == "channel":
            text = "channel " + ", ".join(str(c) for c in children)
        elif kind in ("emotion", "expect", "future"):
            persona, value, *rest = children
            word = [c for c in rest if isinstance(c, Token)]
            written = (f"from {value.children[0]}" if isinstance(value, Tree)
                       else _number(value, signed=self.signed))
            text = f"{kind} {persona} {written}"
            text += f" {_string(word[0])}" if word else ""
            text += _options([c for c in rest if isinstance(c, Tree)], signed=self.signed)
        elif kind == "moment_of_truth":
            text = "moment_of_truth" + (f" {_string(children[0])}" if children else "")
        elif kind == "metric":
            text = _metric(node)
        else:  # an item of `cjmdsl.lanes.ITEM_KINDS`: a finding's id, its text, its options
            ident = f"{children[0]} " if children[0].type == "ID" else ""
            text, *options = children[1:] if ident else children
            text = f"{kind} {ident}{_string(text)}{_options(options)}"
        self.line([text], _end(node))

    def _text_field(self, keyword: str, node: Tree, blank: bool = False) -> None:
        self.line([f"{keyword} {_string(node.children[0])}"], _end(node), blank)

    def item_flow(self, node: Tree, blank: bool) -> None:
        children = list(node.children)
        head = "flow "
        if isinstance(children[0], Tree) and children[0].data == "flow_personas":
            head += ", ".join(str(p) for p in children.pop(0).children) + ": "
        head += str(children.pop(0))
        steps = []
        for step in children:
            if step.data == "flow_step":
                target, *label = step.children
            else:  # flow_exit keeps its tokens: `->`, `exit`, the label
                _, target, *label = step.children
            steps.append(f"-> {target}" + (f" {_string(label[0])}" if label else ""))
        self.line(_fill(head, steps, len(INDENT * self.depth)), _end(node), blank)

    def item_kpi(self, node: Tree, blank: bool) -> None:
        ident, name, measure, *rest = node.children
        text = f"kpi {ident} {_string(name)} "
        if measure.data == "kpi_value":
            value, *options = measure.children
            percent = any(isinstance(o, Token) for o in options)
            text += f"value {_number(value)}{'%' if percent else ''}"
            for unit in (o for o in options if isinstance(o, Tree)):
                text += f" unit {_string(unit.children[0])}"
        else:
            *kind, start, end = measure.children
            text += f"{kind[0].children[0]} " if kind else ""
            text += f"start {_number(start)} end {_number(end)}"
        order = {"kpi_direction": 0, "kpi_target": 1, "kpi_stage": 2}  # direction first
        for part in sorted(rest, key=lambda p: order[p.data]):
            if part.data == "kpi_direction":
                text += f" {part.children[0]}"
            elif part.data == "kpi_stage":
                text += f" at {part.children[0]}"
            else:  # kpi_target
                value, *percent = part.children
                text += f" target {_number(value)}{'%' if percent else ''}"
        self.line([text], _end(node), blank)


# Map items of one kind that read as a list: consecutive one-line items need no blank line.
_KIND = {"description": "header", "theme": "header", "lang": "header", "map_owner": "header",
         "map_status": "header", "map_version": "header", "map_updated": "header",
         "map_tags": "header", "note": "header", "channel_decl": "header", "use": "header"}


def _separate_map_items(previous: Tree, item: Tree, one_line) -> bool:
    """A blank line between top-level items, except inside a run of one-line items of one
    kind (flows, KPIs, personas without a body, sources); `one_line` tells them."""
    same_kind = _KIND.get(previous.data, previous.data) == _KIND.get(item.data, item.data)
    return not (same_kind and one_line(previous) and one_line(item))


def _one_line(node: Tree) -> bool:
    return not any(isinstance(c, Tree) and c.data.endswith(("_body", "_labels")) and c.children
                   for c in node.children)


def _map_body(node: Tree, brace: Position) -> Tree:
    """The `{ … }` of the map, which the grammar does not make a rule of its own."""
    meta = Meta()
    meta.line, meta.column = brace
    meta.end_line, meta.end_column = node.meta.end_line, node.meta.end_column
    return Tree("map_body", node.children[1:], meta)


# A metric's measure and how to read it, in the order `cjm fmt` writes them.
_METRIC_PARTS = ("metric_scale", "kpi_unit", "kpi_direction", "kpi_target")


def _metric(node: Tree) -> str:
    """`metric csat 3.9 of 5 unit "…" higher target 4.2 source …`: the measure, its unit, the
    direction, the target, then the other options as written. A part written twice stays
    twice, in the order written: the compiler keeps the first and reports the other."""
    ident, value, *rest = node.children
    parts = sorted((part for part in rest if part.data in _METRIC_PARTS),
                   key=lambda part: _METRIC_PARTS.index(part.data))
    others = [part for part in rest if part.data not in _METRIC_PARTS]
    return (f"metric {ident} {_number(value)}" + "".join(map(_metric_part, parts))
            + _options(others))


def _metric_part(part: Tree) -> str:
    """` of 5` (or `%`), ` unit "…"`, ` higher` or ` target 4.2`."""
    first, *rest = part.children
    if part.data == "metric_scale":
        return "%" if first.type == "PERCENT" else f" of {_number(first)}"
    if part.data == "kpi_unit":
        return f" unit {_string(first)}"
    if part.data == "kpi_direction":
        return f" {first}"
    return f" target {_number(first)}{'%' if rest else ''}"


def _source_field(item: Tree) -> str:
    """`n 212`, `collected 2026-09` or `url "…"` in a source declaration."""
    value = item.children[0]
    if item.data == "source_size":
        return f"n {_number(value)}"
    if item.data == "source_url":
        return f"url {_string(value)}"
    return f"collected {value}"


def _actor_field(item: Tree) -> str:
    """`team "…"` or `kind system` in an actor's block."""
    if item.data == "actor_team":
        return f"team {_string(item.children[0])}"
    return f"kind {item.children[0]}"


def _handoff_target(target: Tree) -> str:
    """`dispatch`, or `backstage dispatch` when the lane is written."""
    *lane, ident = target.children
    return (f"{lane[0].data.removeprefix('to_')} " if lane else "") + str(ident)


def _options(options: list[Tree], signed: bool = False) -> str:
    """` source survey "…" owner "…" outcome "…" impact high`, in the order written; a
    range of responses with `+` on positive values if `signed` (as emotions are written)."""
    out = []
    for option in options:
        if option.data == "source":
            kind, *detail = option.children
            out.append(f"source {kind}" + (f" {_string(detail[0])}" if detail else ""))
        elif option.data in _ID_LISTS:
            out.append(f"{_ID_LISTS[option.data]} " + ", ".join(str(c) for c in option.children))
        elif option.data in ("impact", "effort"):
            out.append(f"{option.data} {option.children[0]}")
        elif option.data == "by_actor":
            out.append(f"by {option.children[0]}")
        elif option.data == "handoff":
            out.append("-> " + ", ".join(_handoff_target(t) for t in option.children))
        elif option.data in _SPREADS:
            out.append(_SPREADS[option.data] + " " + " .. ".join(
                _number(c, signed=signed and option.data == "spread_range") for c in option.children))
        else:
            out.append(f"{option.data} {_string(option.children[0])}")
    return "".join(" " + o for o in out)


_VERBATIM = "\x00\ufdd0"  # marks a line of a string the printer must not indent
_ID_LISTS = {"for_personas": "for", "addresses": "addresses", "aims": "aims"}  # list ids
_SPREADS = {"responses": "n", "spread_sd": "sd", "spread_range": "range"}


def _fill(head: str, steps: list[str], indent: int) -> list[str]:
    """A flow on one line, or, when longer than WIDTH, broken before arrows."""
    lines = [head]
    for step in steps:
        if indent + len(lines[-1]) + 1 + len(step) <= WIDTH:
            lines[-1] += " " + step
        else:
            lines.append(INDENT + step)
    return lines


def _string(token: Token) -> str:
    """The canonical spelling of a string; one with an invalid escape stays as written
    (the compiler reports it, and rewriting it could hide the mistake)."""
    value, mistaken = read_string(token)
    if mistaken:  # its lines too: re-indenting them would move the mistakes
        return str(token).replace("\r\n", "\n").replace("\n", "\n" + _VERBATIM)
    return long_quote(value) if str(token).startswith('"""') else quote(value)


def _number(token: Token, signed: bool = False) -> str:
    """A number without leading zeros or a `+` (with `+` for positive values if `signed`).

    The decimal point stays where it was: `1.0` and `1` mean the same value but not the
    same to the compiler (a scale bound must be whole)."""
    raw = str(token)
    sign = raw[0] if raw[0] in "+-" else ""
    whole, dot, fraction = raw.lstrip("+-").partition(".")
    digits = (whole.lstrip("0") or "0") + (dot + (fraction.rstrip("0") or "0") if dot else "")
    if float(digits) == 0:
        return digits
    if sign == "-":
        return "-" + digits
    return ("+" if signed else "") + digits


def _codes(diagnostics) -> list[str]:
    return sorted(d.code for d in diagnostics)


def _check_meaning(original: str, formatted: str, filename: str,
                   comments: list[_Comment]) -> None:
    """Raise FormatterBug unless `formatted` says what `original` says, comments included."""
    before, after = compile_text(original, filename), compile_text(formatted, filename)
    same = (before.journey == after.journey
            # codes, not messages: a message may quote a number as written (`not -0.50`);
            # sorted, as the formatter may move two mistaken options past each other
            and _codes(before.diagnostics) == _codes(after.diagnostics)
            and [c.text for c in comments] == [c.text for c in _lexed(formatted)[1]])
    if not same:
        raise FormatterBug(f"formatting {filename} would change its meaning; the file is left "
                           "as it was. This is a bug in cjm; please report it with the file.")

