"""Text to Lark parse tree; syntax errors become diagnostics written for people.

The LALR parser's tables ship in the package (`cjmdsl/language/_parser_tables.py`, written from
grammar/cjm.lark by tools/gen_parser_tables.py), so the CLI neither rebuilds the grammar on
every run nor loads a parser from a cache folder someone else could write. On a syntax error the parser
records a diagnostic, drops the offending token and carries on, so several
independent mistakes are reported in one run.
"""
from __future__ import annotations

import hashlib
import re
from copy import copy
from functools import cache

import lark
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.grammar import NonTerminal, Rule, RuleOptions, Terminal
from lark.lexer import BasicLexer, ContextualLexer, PatternRE, PatternStr, Scanner, TerminalDef
from lark.parsers.lalr_analysis import IntParseTable, Reduce, Shift
from lark.parsers.lalr_parser import LALR_Parser, _Parser

from cjmdsl.language.diagnostics import Diagnostic, Label, closest, did_you_mean, error, sort_key
from cjmdsl.model import Span
from cjmdsl.runtime.resources import data_file

MAX_SYNTAX_ERRORS = 20
# Errors recovered from before the parser gives up, counting those not reported (after the
# first on a line, the rest of it is usually fallout): a line of 40,000 `{` ends after this
# many recoveries, not after 40,000.
MAX_RECOVERIES = 100

# What a terminal is called in a message, when it is not a keyword.
_TERMINAL_WORDS = {
    "STRING": "a quoted string",
    "ID": "a name",
    "NUMBER": "a number",
    "DATE": "a date, year-month-day like 2026-11-30",
    "$END": "the end of the file",
    "<END-OF-FILE>": "the end of the file",
}
_PLACES = {
    "touchpoint": "a touchpoint goes inside a `stage … { }` block",
    "map": "a file holds one map",
}
_BLOCK_KEYWORDS = {"map", "persona", "stage", "touchpoint", "scale", "kpi"}


class _NamesEverywhere:
    """Lets the lexer see a name in every parser state.

    The contextual lexer only tries the terminals a state accepts; where only
    keywords fit, `channelweb` would lex as `channel` + `web`. With names always
    in view, it lexes as one wrong word that the parser reports.
    """

    always_accept = ("ID",)

    def process(self, stream):
        return stream


class _KeywordOrName:
    """Gives a name its keyword's type when it spells a keyword the parser state accepts
    (what Lark's `UnlessCallback` does), by a dict lookup instead of a regular expression of
    the state's keywords."""

    __slots__ = ("keywords",)

    def __init__(self, keywords: dict[str, str]):
        self.keywords = keywords

    def __call__(self, token: Token) -> Token:
        kind = self.keywords.get(token.value)
        if kind is not None:
            token.type = kind
        return token


@cache
def _spells(regexp: str, text: str, flags: int) -> bool:
    """Whether `regexp` matches all of `text` (a name's pattern and a keyword): the same for
    every parser state, so asked once per pair instead of once per state."""
    found = re.match(regexp, text, flags)
    return found is not None and found.group(0) == text


class _StateLexer(BasicLexer):
    """Lark's lexer of one parser state, as fast to set up as it can be: Lark compiles two
    regular expressions for each state the first time the parser reaches it, one of the
    state's terminals and one of its keywords (to tell `stage` the keyword from a name).
    The keywords here are a dict instead (the same answer: they are plain words), which
    saves a cold render about 15 ms of `re.compile` for a small map. The terminals' regular
    expression is Lark's own, built as Lark builds it (`lark.lexer._create_unless`), and
    only for a state where the lexer of every terminal (`shared`) finds one the state does
    not accept (see `match`): a small map visits about 40 states of different terminals,
    and compiling their expressions was another 15 ms of every run."""

    shared: _StateLexer | None = None

    def __init__(self, conf, comparator=None):
        super().__init__(conf, comparator)
        assert not self.user_callbacks and not self.use_bytes  # neither is used here
        names = [t for t in self.terminals if isinstance(t.pattern, PatternRE)]
        words = [t for t in self.terminals if isinstance(t.pattern, PatternStr)]
        embedded, self.callback = set(), {}
        for name in names:
            keywords: dict[str, str] = {}
            for word in words:
                text = word.pattern.value
                if word.priority == name.priority and _spells(name.pattern.to_regexp(), text,
                                                              self.g_regex_flags):
                    # a keyword Lark would match case-insensitively cannot be a dict key
                    assert not word.pattern.flags and not self.g_regex_flags
                    keywords.setdefault(text, word.name)
                    if word.pattern.flags <= name.pattern.flags:
                        embedded.add(word)
            if keywords:
                self.callback[name.name] = _KeywordOrName(keywords)
        self.scanned = [t for t in self.terminals if t not in embedded]  # in Lark's order
        self.scanned_names = frozenset(t.name for t in self.scanned)

    def _build_scanner(self) -> Scanner:
        return Scanner(self.scanned, self.g_regex_flags, self.re, self.use_bytes)

    def match(self, text, pos):
        """What this state's own expression matches at `pos`, found by the shared one when
        it can be: both are alternations of the terminals in the same order (Lark's), the
        state's a part of the shared one's, so when the first terminal the shared one
        matches is one of the state's, every terminal before it in the state's failed too,
        and the state's expression matches that terminal, the same text. Only otherwise
        is the state's own expression needed."""
        shared = self.shared
        if shared is not None and shared is not self:
            found = shared.scanner.match(text, pos)
            if found is not None and found[1] in self.scanned_names:
                return found
        return self.scanner.match(text, pos)


class _ContextualLexer(ContextualLexer):
    """Lark's contextual lexer, with each parser state's lexer made the first time the parser
    is in that state: a small map visits about 45 of the grammar's 370 states, and making the
    lexers of all of them took about 8 ms of every run. The lexer of every terminal (Lark's
    `root_lexer`, for error messages) is what each state's lexer tries first."""

    BasicLexer = _StateLexer

    def __init__(self, conf, states, always_accept=()):
        super().__init__(conf, {}, always_accept)  # no state's lexer yet; the root lexer
        self.lexers = _LexersByState(self._state_lexer, states)
        self._conf, self._always_accept = conf, set(conf.ignore) | set(always_accept)

    def _state_lexer(self, accepts: frozenset) -> _StateLexer:
        """A lexer of the terminals `accepts` (as Lark's `ContextualLexer.__init__` makes it)."""
        conf = copy(self._conf)
        by_name = conf.terminals_by_name
        conf.terminals = [by_name[n] for n in accepts | self._always_accept if n in by_name]
        lexer = self.BasicLexer(conf)
        shared = self.root_lexer.scanned
        order = {t.name: i for i, t in enumerate(shared)}
        positions = [order.get(t.name) for t in lexer.scanned]
        if None not in positions and positions == sorted(positions):  # a part, in order
            lexer.shared = self.root_lexer
        return lexer


class _LexersByState(dict):
    """Parser state -> its lexer, made when first asked for; states that accept the same
    terminals share one."""

    def __init__(self, make, states: dict):
        super().__init__()
        self.make, self.states, self.by_accepts = make, states, {}

    def __missing__(self, state):
        accepts = frozenset(self.states[state])
        if accepts not in self.by_accepts:
            self.by_accepts[accepts] = self.make(accepts)
        self[state] = self.by_accepts[accepts]
        return self[state]


class _ShippedParser(LALR_Parser):
    """Lark's LALR parser, its table made from the constants of the shipped module
    (`_states`) instead of deserialised from data, as `LALR_Parser.deserialize` does it:
    under 1 ms instead of 9.5 ms of every run for the 370 states' 6,000 actions."""

    @classmethod
    def deserialize(cls, data, memo, callbacks, debug=False):
        from cjmdsl.language import _parser_tables as tables

        parser = cls.__new__(cls)
        parser._parse_table = IntParseTable(_states(tables, memo), data["start_states"],
                                            data["end_states"])
        parser.parser = _Parser(parser._parse_table, callbacks, debug)
        return parser


def _states(tables, memo: dict) -> dict:
    """The parse table of the shipped `tables`: state -> terminal -> (Shift, state) or
    (Reduce, rule); each action one tuple, shared by every state that takes it."""
    actions = [(Shift, state) for state in range(len(tables.TABLE))]
    actions += [(Reduce, memo[rule]) for rule in tables.RULES]
    pick = actions.__getitem__
    return {state: dict(zip(names, map(pick, codes))) for state, names, codes in tables.TABLE}


def _memo(tables) -> dict:
    """Lark's memo of the shipped `tables`' terminals and rules, made with their own
    constructors (id -> TerminalDef or Rule), each symbol and set of rule options once, as
    Lark's grammar compiler shares them: 0.5 ms, instead of 3.5 for Lark's deserialising
    of the same objects field by field."""
    kinds = {"NonTerminal": NonTerminal, "Terminal": Terminal, "PatternRE": PatternRE,
             "PatternStr": PatternStr}
    symbols = [kinds[kind](*arguments) for kind, *arguments in tables.SYMBOLS]
    options = [RuleOptions(*arguments) for arguments in tables.RULE_OPTIONS]
    memo = {}
    for key, name, kind, value, flags, raw, width, priority in tables.TERMINALS:
        pattern = kinds[kind](value, flags, raw)
        if width is not None:
            pattern._width = width  # as Lark keeps it: no run measures the expression again
        memo[key] = TerminalDef(name, pattern, priority)
    for key, origin, expansion, order, alias, option in tables.RULES_MADE:
        memo[key] = Rule(symbols[origin], [symbols[i] for i in expansion], order, alias,
                         options[option])
    return memo


class _ShippedLark(Lark):
    """Lark, loaded from the shipped tables, making the callbacks that build its parse tree
    when it first builds one: a render builds none (`reduce_with` gives the parser callbacks
    of its own), and making them for every rule took 0.6 ms and 300 KB of each run. Only
    used with the Lark the tables were made by (`parser` compares `_stamp`), whose
    `_prepare_callbacks` this replaces."""

    def _prepare_callbacks(self) -> None:
        self._callbacks = _TreeCallbacks(self)


class _TreeCallbacks(dict):
    """Rule -> the callback that builds its tree node, all made by Lark on the first ask."""

    def __init__(self, lark: Lark):
        super().__init__()
        self.lark = lark

    def __bool__(self) -> bool:  # Lark's parser calls no callback at all when given none
        return True

    def __missing__(self, rule):
        if len(self):  # made: a rule without a callback is one Lark has none for either
            raise KeyError(rule)
        Lark._prepare_callbacks(self.lark)  # Lark's own, into `lark._callbacks`
        self.update(self.lark._callbacks)
        self.lark._callbacks = self
        return self[rule]


# `_plugins` is how Lark takes a lexer class of one's own, both when it builds the parser and
# when it loads the shipped tables.
_LEXER = {"ContextualLexer": _ContextualLexer}
_OPTIONS = dict(parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False, _plugins=_LEXER)


@cache
def parser() -> Lark:
    """The LALR parser for grammar/cjm.lark, from the tables the package ships; built from
    the grammar instead when they are stale (a checkout with an edited grammar, another
    Lark), which only costs time. Nothing is loaded from outside the package."""
    from cjmdsl.language import _parser_tables as tables

    grammar = data_file("grammar", "cjm.lark").read_bytes()
    if (tables.GRAMMAR_SHA256, tables.LARK_VERSION) != _stamp(grammar):
        return _build(grammar)
    # The memo is given as the objects themselves, which Lark's deserialising passes through.
    return _ShippedLark._load_from_dict(tables.DATA, _memo(tables), postlex=_NamesEverywhere(),
                                        propagate_positions=True,
                                        _plugins={**_LEXER, "LALR_Parser": _ShippedParser})


def _build(grammar: bytes) -> Lark:
    return Lark(grammar.decode("utf-8"), postlex=_NamesEverywhere(), **_OPTIONS)


def _stamp(grammar: bytes) -> tuple[str, str]:
    """What the shipped tables were built from: the grammar and the Lark that built them."""
    return hashlib.sha256(grammar).hexdigest(), lark.__version__


def parser_tables_source() -> str:
    """The text of cjmdsl/language/_parser_tables.py for the grammar as it is now, data only:
    Lark's serialised LALR parser as Python literals (the data `python -m lark.tools.standalone`
    embeds), but for the terminals and rules, which are the arguments of their constructors
    (`_memo`), and the parse table, which is one tuple per state (`_states`)."""
    from lark.lark import _LOAD_ALLOWED_OPTIONS

    grammar = data_file("grammar", "cjm.lark").read_bytes()
    data, memo = _build(grammar).memo_serialize([TerminalDef, Rule])
    data["options"] = {k: v for k, v in data["options"].items() if k not in _LOAD_ALLOWED_OPTIONS}
    table = data["parser"]["parser"]
    tokens = table.pop("tokens")
    states = table.pop("states")
    assert sorted(states) == list(range(len(states)))  # states are numbered from 0
    rules: dict[int, int] = {}  # memo id of a rule -> its place in RULES
    rows = []
    for state, actions in states.items():
        names, codes = [], []
        for token, (kind, argument) in actions.items():
            names.append(tokens[token])
            if kind == 1:  # a reduction: after the shifts, by its rule's place in RULES
                codes.append(len(states) + rules.setdefault(argument["@"], len(rules)))
            else:
                assert argument < len(states)
                codes.append(argument)
        rows.append(f"    ({state}, {tuple(names)!r}, {tuple(codes)!r}),\n")
    digest, version = _stamp(grammar)
    return (f'"""The LALR tables of grammar/cjm.lark, read by cjmdsl.language.parser. Generated by '
            f'tools/gen_parser_tables.py; do not edit."""\n# flake8: noqa\n'
            f"GRAMMAR_SHA256 = {digest!r}\nLARK_VERSION = {version!r}\nDATA = {data!r}\n\n"
            f"{_memo_source(memo)}\n"
            "# The parse table: each state, the terminals it acts on and, for each, its action's "
            "place:\n# a shift to the state of that number or, past the states, a reduction by "
            "a rule of RULES\n# (ids in the memo).\n"
            f"TABLE = (\n{''.join(rows)})\nRULES = {tuple(rules)!r}\n")


def _memo_source(memo: dict) -> str:
    """The constants `_memo` makes Lark's serialised memo (the terminals and the rules) of:
    each symbol and each set of rule options once, and the rules by their places."""
    symbols: dict[tuple, int] = {}
    options: dict[tuple, int] = {}

    def symbol(data: dict) -> int:
        key = ((data["__type__"], data["name"], data["filter_out"]) if "filter_out" in data
               else (data["__type__"], data["name"]))
        return symbols.setdefault(key, len(symbols))

    terminals, made_rules = [], []
    for key, data in memo.items():
        if data["__type__"] == "TerminalDef":
            pattern = data["pattern"]
            terminals.append((key, data["name"], pattern["__type__"], pattern["value"],
                              tuple(pattern["flags"]), pattern["raw"],
                              tuple(pattern["_width"]) if pattern.get("_width") else None,
                              data["priority"]))
            continue
        assert data["__type__"] == "Rule", data
        kept = data["options"]
        option = (kept["keep_all_tokens"], kept["expand1"], kept["priority"],
                  kept["template_source"], tuple(kept["empty_indices"]))
        made_rules.append((key, symbol(data["origin"]),
                           tuple(symbol(item) for item in data["expansion"]), data["order"],
                           data["alias"], options.setdefault(option, len(options))))

    def rows(items) -> str:
        return "".join(f"    {item!r},\n" for item in items)

    return ("# Lark's memo: its symbols, rule options, terminals (id, name, pattern, priority) "
            "and rules\n# (id, origin, expansion, order, alias, options), by places in "
            "SYMBOLS and RULE_OPTIONS.\n"
            f"SYMBOLS = (\n{rows(symbols)})\nRULE_OPTIONS = (\n{rows(options)})\n"
            f"TERMINALS = (\n{rows(terminals)})\nRULES_MADE = (\n{rows(made_rules)})\n")


@cache
def keywords_by_terminal() -> dict[str, str]:
    """Terminal name -> keyword text, for the literal terminals of the grammar."""
    return {t.name: t.pattern.value for t in parser().terminals if t.pattern.type == "str"}


@cache
def _strings_or_comment() -> re.Pattern:
    """The grammar's own STRING and COMMENT terminals as one pattern: scanned from left to
    right, a `//` or `#` inside a string is part of the string, as the lexer reads it."""
    by_name = {t.name: t.pattern.to_regexp() for t in parser().terminals}
    return re.compile(f"{by_name['STRING']}|(?P<comment>{by_name['COMMENT']})")


def comment_tokens(text: str) -> list[Token]:
    """Every comment of a map that parses, as tokens with their line and column (the parser
    ignores them): what `cjm lint` reads its `// cjm: allow` comments from. One regular
    expression over the text, not a second run of the lexer: that was a quarter of what the
    language server spent on each edit of a large map."""
    found, line, counted = [], 1, 0
    for match in _strings_or_comment().finditer(text):
        if match.lastgroup != "comment":
            continue
        start = match.start()
        line += text.count("\n", counted, start)
        counted = start
        column = start - text.rfind("\n", 0, start)
        found.append(Token("COMMENT", match.group(), start, line, column))
    return found


class Reduced:
    """A rule's value while `reduce_with` parses, with the place in the text the rule covers
    (the first to the last of its tokens, as Lark's `propagate_positions` counts it), so a
    builder method gets it as `meta`."""

    __slots__ = ("value", "line", "column", "start_pos", "end_line", "end_column", "end_pos")
    empty = False  # a rule always covers at least one token in this grammar

    def __init__(self, first, last):
        self.line, self.column, self.start_pos = first.line, first.column, first.start_pos
        self.end_line, self.end_column, self.end_pos = last.end_line, last.end_column, last.end_pos


@cache
def _reductions() -> list[tuple]:
    """For each grammar rule: its method name, which of its symbols the method gets (the
    positions of its children, a keyword and punctuation left out), which of those are
    repetitions to splice in (Lark's `__x_star_n` rules), whether it is a repetition itself
    and whether a `?rule` of one child is that child. Lark's ParseTreeBuilder shapes its
    trees by the same rules."""
    reductions = []
    for rule in parser().rules:
        keep = tuple(i for i, symbol in enumerate(rule.expansion)
                     if rule.options.keep_all_tokens or not (symbol.is_term and symbol.filter_out))
        splice = frozenset(i for i in keep if not rule.expansion[i].is_term
                           and rule.expansion[i].name.startswith("_"))
        reductions.append((rule, rule.alias or rule.origin.name, keep, splice,
                           rule.origin.name.startswith("_"),
                           bool(rule.options.expand1 and not rule.alias)))
    return reductions


def _reducer(method, keep: tuple, splice: frozenset, repetition: bool, inline: bool):
    """The callback the LALR parser calls with a rule's symbols (tokens, and `Reduced` for
    the rules inside it) when it reduces the rule."""
    def reduce(symbols):
        if inline and len(keep) == 1 and not splice:
            return symbols[keep[0]]
        children: list = []
        for i in keep:
            item = symbols[i]
            if i in splice:
                if children:
                    children += item.value
                else:  # a repetition is left-recursive: go on with its list, do not copy it
                    children = item.value
            else:
                children.append(item.value if type(item) is Reduced else item)
        node = Reduced(symbols[0], symbols[-1])
        node.value = children if repetition else method(node, children)
        return node
    return reduce


def reduce_with(text: str, builder, default) -> object:
    """Parse `text` and build its value while parsing, without a tree: each rule, once
    reduced, is given to `builder`'s method of the rule's name (or its alias) as
    `method(meta, children)`, with the children a tree would have; `default(name,
    children)` builds a rule that has no method. Raises Lark's UnexpectedInput at the first
    syntax error: `parse_tree` recovers from errors and describes them.

    This is what a Transformer does on the finished tree, minus the tree: no Tree and Meta
    per rule and no second walk, which is most of the time a large map spends in Lark."""
    callbacks = {}
    for rule, name, keep, splice, repetition, inline in _reductions():
        method = _method(builder, name)
        if method is None:
            method = (lambda name: lambda meta, children: default(name, children))(name)
        callbacks[rule] = _reducer(method, keep, splice, repetition, inline)
    interactive = parser().parse_interactive(text)
    interactive.parser_state.parse_conf.callbacks = callbacks  # this parse's, not the parser's
    return interactive.resume_parse().value


def _method(builder, name: str):
    """`builder`'s method `name`, or None. A method under Lark's `v_args` is its function
    bound to `builder`, which is what the wrapper calls: looking the wrapper up makes a new
    one (`functools.update_wrapper`), for every rule of the grammar at every parse."""
    wrapped = getattr(getattr(type(builder), name, None), "base_func", None)
    return wrapped.__get__(builder) if wrapped is not None else getattr(builder, name, None)


def parse_tree(text: str, tolerant: bool = False) -> tuple[Tree | None, list[Diagnostic]]:
    """Parse `text`; the tree is None when the text has syntax errors.

    With `tolerant` (for editors), the tree repaired by error recovery is returned even
    when there are syntax errors, so the blocks around a mistake can still be built; the
    diagnostics are the same either way.
    """
    diagnostics: list[Diagnostic] = []
    reported_lines: set[int] = set()
    recoveries = 0
    completed: list[Tree] = []
    unclosed: list[Diagnostic] | None = None  # what indentation tells, at the first missing `}`
    stray = False  # whether something before the map has been reported

    def on_error(exc: UnexpectedInput) -> bool:
        nonlocal unclosed, recoveries, stray
        recoveries += 1
        if stray and _only_a_header_begun(exc):  # prose's own `map`: its words go on
            _start_again(exc)
            return recoveries < MAX_RECOVERIES
        if _before_the_map(exc):  # one error for all that comes before the map begins
            if _error_line(exc) is None:  # the end: nothing began, or only what was reported
                if stray:
                    return False
            else:
                if not stray:
                    stray = True
                    diagnostics.append(_describe(exc, text))
                return recoveries < MAX_RECOVERIES  # dropped, until `map` or `library`
        missing_brace = _missing_brace(exc)
        if missing_brace and unclosed is None:
            unclosed = _unclosed_by_indentation(text)
            diagnostics.extend(unclosed)
        # One mistake often upsets the rest of its line; report the first only, and do not
        # even describe the others: describing looks at the line, and a 4.9 MB line of `\u{`
        # would be read again for each of its 4.9 million errors.
        if not (missing_brace and unclosed) and _error_line(exc) not in reported_lines:
            diagnostic = _describe(exc, text)
            if diagnostic.span.line not in reported_lines:
                reported_lines.add(diagnostic.span.line)
                diagnostics.append(diagnostic)
        if _unterminated_long_string(exc, text):  # the rest of the file is inside it
            return False
        if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
            if tolerant:
                completed.extend(_close_at_end(exc.interactive_parser, exc.token))
            return False
        if _after_the_map(exc):  # the rest of the file is outside the map: one error
            if tolerant:
                completed.append(exc.interactive_parser.copy().feed_eof(exc.token))
            return False
        if len(diagnostics) >= MAX_SYNTAX_ERRORS or recoveries >= MAX_RECOVERIES:
            return False
        _recover(exc, text)
        return True

    try:
        tree = parser().parse(text, on_error=on_error)
    except UnexpectedInput as exc:
        if not diagnostics:
            diagnostics.append(_describe(exc, text))
        return (completed[0] if completed else None), sorted(diagnostics, key=sort_key)
    return (None if diagnostics and not tolerant else tree), sorted(diagnostics, key=sort_key)


def _error_line(exc: UnexpectedInput) -> int | None:
    """The line an error's diagnostic will point at, when that is known before describing it
    (the end of the file is reported where its text ends)."""
    if isinstance(exc, UnexpectedToken):
        return None if exc.token.type == "$END" else exc.token.line
    return exc.line


def _missing_brace(exc: UnexpectedInput) -> bool:
    """Whether the error is one a missing `}` causes: the end of the file inside a block, or
    a block keyword where only a `}` would let it in."""
    if not isinstance(exc, UnexpectedToken) or not _open_braces(exc):
        return False
    if exc.token.type == "$END":
        return True
    return (_keyword_of(exc.token) in _BLOCK_KEYWORDS | {"flow"}
            and "RBRACE" in exc.interactive_parser.accepts())


def _unclosed_by_indentation(text: str) -> list[Diagnostic]:
    """A missing `}` reported at the block its indentation shows open, as rustc does."""
    # only for syntax errors: not on every parse
    from cjmdsl.language.braces import unclosed_blocks

    return [error("E003", f"unclosed `{{` of {block.block}", block.brace,
                  f"close {block.block} with `}}` before line {block.ends_before.line}",
                  labels=(Label(block.ends_before, f"{block.block} probably ends before this "
                                                   "line, indented like its first line"),))
            for block in unclosed_blocks(text)]


def _close_at_end(interactive, end: Token, most: int = 200) -> list[Tree]:
    """Finish a file cut short (a half-typed block): fill in missing values and close every
    open block, as a writer would; the finished tree, or nothing if that does not work."""
    keywords = keywords_by_terminal()
    interactive = interactive.copy()
    for _ in range(most):
        accepts = interactive.accepts()
        if "$END" in accepts:
            try:
                return [interactive.feed_eof(end)]
            except UnexpectedInput:
                return []
        name = ("RBRACE" if "RBRACE" in accepts
                else next((n for n in _FILLERS if n in accepts), None)
                or (next(iter(accepts)) if len(accepts) == 1 else None))
        if name is None:
            return []
        value = {"STRING": '""', "ID": "_", "NUMBER": "0"}.get(name, keywords.get(name, ""))
        try:
            interactive.feed_token(Token.new_borrow_pos(name, value, end))
        except UnexpectedInput:
            return []
    return []


def expected_at_end(prefix: str) -> tuple[set[str], list]:
    """What the grammar accepts after `prefix` (terminal names), and the parser's value
    stack there (the tokens and finished rules just before), for completion.

    Mistakes earlier in `prefix` are recovered from as in `parse_tree`.
    """
    found: list[tuple[set[str], list]] = []

    def on_error(exc: UnexpectedInput) -> bool:
        if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
            interactive = exc.interactive_parser
            found.append((interactive.accepts(), list(interactive.parser_state.value_stack)))
            return False
        _recover(exc, prefix)
        return True

    try:
        parser().parse(prefix, on_error=on_error)
    except UnexpectedInput:
        pass
    return found[0] if found else ({"$END"}, [])


_FILLERS = ("STRING", "NUMBER", "ID")
_MOST_FILLERS = 3


def _recover(exc: UnexpectedInput, text: str) -> None:
    """Repair the parser state so one mistake does not cascade to the end of the file.

    An unterminated string is taken to end at the end of its line; a missing value
    (a string, a number, a name) is filled in; then the offending token is fed
    again if it now fits, and dropped otherwise.
    """
    # only for syntax errors: not on every parse
    from cjmdsl.language.mistakes import character_hint

    interactive = exc.interactive_parser
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream:exc.pos_in_stream + 1]
        known = character_hint(char, text, exc.pos_in_stream)
        if known and known.end > exc.pos_in_stream + 1:  # a 'string', a name such as `mäya`
            if char == "'" and "STRING" in interactive.accepts():
                interactive.feed_token(Token("STRING", '""', start_pos=exc.pos_in_stream,
                                             line=exc.line, column=exc.column))
            interactive.lexer_thread.state.line_ctr.feed(text[exc.pos_in_stream:known.end])
            return
        if char == '"':
            state = interactive.lexer_thread.state
            line_end = text.find("\n", exc.pos_in_stream)
            line_end = len(text) if line_end == -1 else line_end
            rest = text[exc.pos_in_stream:line_end].rstrip()
            if rest.endswith("{"):  # `stage a "Name {`: keep the block's brace
                line_end = exc.pos_in_stream + len(rest) - 1
            state.line_ctr.feed(text[exc.pos_in_stream:line_end])
            if "STRING" in interactive.accepts():
                interactive.feed_token(Token("STRING", '""', start_pos=exc.pos_in_stream,
                                             line=exc.line, column=exc.column))
        return
    token = exc.token
    accepts = interactive.accepts()
    if token.type in accepts:
        return
    keywords = keywords_by_terminal()
    if "RBRACE" in accepts and _close_blocks_for(interactive, token):
        return
    by_word = {word: name for name, word in keywords.items() if name in accepts}
    meant = closest(str(token), by_word) if token.type == "ID" else None
    if meant:  # a misspelt keyword: read it as the keyword it resembles
        interactive.feed_token(Token.new_borrow_pos(by_word[meant], meant, token))
        return
    # A statement cut short (`emotion` and then the next line): fill in what is missing,
    # a few values at most, until the token fits; a keyword read as a name is the keyword.
    as_keyword = ({word: name for name, word in keywords.items()}.get(str(token))
                  if token.type == "ID" else None)
    stack = interactive.parser_state.value_stack
    before = next((item for item in reversed(stack) if isinstance(item, Token)), None)
    # On a new line, a keyword starts the next statement rather than finish this one.
    starts_line = as_keyword and before is not None and token.line > (before.end_line or 0)
    for _ in range(_MOST_FILLERS):
        filler = next((name for name in _FILLERS if name in accepts), None)
        if filler is None and len(accepts - {"$END"}) == 1:  # one fixed word: `..`, `end`
            filler = next(iter(accepts - {"$END"}))
        if filler is None:
            return
        value = {"STRING": '""', "ID": "_"}.get(filler, keywords.get(filler, "0"))
        interactive.feed_token(Token.new_borrow_pos(filler, value, token))
        accepts = interactive.accepts()
        if token.type == "ID" and as_keyword in accepts:
            interactive.feed_token(Token.new_borrow_pos(as_keyword, str(token), token))
            return
        if token.type in accepts and not starts_line:
            interactive.feed_token(token)
            return


def _close_blocks_for(interactive, token: Token, most: int = 3) -> bool:
    """A block keyword where it cannot go (`stage` inside a stage): a `}` is missing.
    Close the open blocks until the keyword fits, and read it there."""
    word = _keyword_of(token)
    if word not in _BLOCK_KEYWORDS | {"flow"}:
        return False
    name = {w: n for n, w in keywords_by_terminal().items()}[word]
    trial = interactive.copy()
    for closed in range(1, most + 1):
        trial.feed_token(Token.new_borrow_pos("RBRACE", "}", token))
        accepts = trial.accepts()
        if name in accepts:
            for _ in range(closed):
                interactive.feed_token(Token.new_borrow_pos("RBRACE", "}", token))
            interactive.feed_token(Token.new_borrow_pos(name, word, token))
            return True
        if "RBRACE" not in accepts:
            return False
    return False


def _describe(exc: UnexpectedInput, text: str) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        return _unexpected_character(exc, text)
    assert isinstance(exc, UnexpectedToken)
    if exc.token.type == "$END":
        return _unexpected_end(exc, text)
    if _after_the_map(exc):
        return _after_map(exc, text)
    if _before_the_map(exc):
        return _before_map(exc)
    return _unexpected_token(exc, text)


def _unterminated_long_string(exc: UnexpectedInput, text: str) -> bool:
    """Whether the lexer stopped at the third quote of a triple quote that is never closed
    (it read the first two as an empty string)."""
    if not isinstance(exc, UnexpectedCharacters):
        return False
    pos = exc.pos_in_stream
    return text[pos - 2:pos + 1] == '"' * 3 and (pos < 3 or text[pos - 3] != '"')


def _unexpected_character(exc: UnexpectedCharacters, text: str) -> Diagnostic:
    # only for syntax errors: not on every parse
    from cjmdsl.language.mistakes import character_hint

    line, column = exc.line, exc.column
    char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
    if _unterminated_long_string(exc, text):
        return error("E002", "unterminated triple-quoted string",
                     Span(line, column - 2, line, column + 1),
                     'close it with `' + '"' * 3 + '`: the rest of the file is inside the string')
    if char == '"':
        line_end = text.find("\n", exc.pos_in_stream)
        line_end = len(text) if line_end == -1 else line_end
        width = max(line_end - exc.pos_in_stream, 1)
        return error("E002", "unterminated string", Span(line, column, line, column + width),
                     'close the string with `"` on the same line; write \\" for a quote inside it')
    known = character_hint(char, text, exc.pos_in_stream)
    if known:
        line_start = exc.pos_in_stream - (column - 1)
        return error("E004", known.message, Span(line, known.start - line_start + 1, line,
                                                 known.end - line_start + 1), known.hint)
    shown = repr(char)[1:-1] if not char.isprintable() else char
    parser_state = getattr(exc, "interactive_parser", None)
    expected = _expected_words(parser_state.accepts() if parser_state else exc.allowed or set())
    hint = f"expected {expected}" if expected else None
    return error("E004", f"unexpected character `{shown}`", Span(line, column, line, column + 1),
                 hint)


def _unexpected_end(exc: UnexpectedToken, text: str) -> Diagnostic:
    # only for syntax errors: not on every parse
    from cjmdsl.language.mistakes import token_hint

    lines = text.rstrip().split("\n")  # as Lark counts lines: only \n ends one
    end = Span(len(lines), len(lines[-1]) + 1, len(lines), len(lines[-1]) + 1)
    opening = _open_braces(exc)
    if opening:
        block, brace = opening[-1]
        return error("E003", f"missing `}}` to close {block}", end,
                     "add `}` at the end of the block",
                     labels=(Label(_token_span(brace), f"{block} opens here"),))
    known = token_hint(exc, text)
    if known:
        message, hint = known
        return error("E001", message, Span(1, 1, 1, 1), hint)
    expected = exc.interactive_parser.accepts() if exc.interactive_parser else exc.expected
    return error("E001", f"unexpected end of file; expected {_expected_words(expected)}", end)


def _after_the_map(exc: UnexpectedInput) -> bool:
    """Whether the error is at something after the map's closing brace."""
    return (isinstance(exc, UnexpectedToken) and exc.token.type != "$END"
            and exc.interactive_parser is not None
            and exc.interactive_parser.accepts() == {"$END"})


def _before_the_map(exc: UnexpectedInput) -> bool:
    """Whether the error is at something before the map (or library) has begun: the parser
    has taken nothing yet."""
    return (exc.interactive_parser is not None
            and not exc.interactive_parser.parser_state.value_stack)


def _only_a_header_begun(exc: UnexpectedInput) -> bool:
    """Whether all the parser has taken is a `map` or `library` keyword, and maybe a title:
    after prose before the map (reported once), that is the word "map" in the prose, as in
    `This map shows our shop.`, not the map."""
    if exc.interactive_parser is None:
        return False
    taken = exc.interactive_parser.parser_state.value_stack
    return (0 < len(taken) <= 2 and all(isinstance(value, Token) for value in taken)
            and taken[0].type in ("MAP", "LIBRARY")
            and all(value.type == "STRING" for value in taken[1:]))


def _start_again(exc: UnexpectedInput) -> None:
    """Give back what the parser took of a header begun in prose, so it is before the map
    again; a `map` or `library` where the header went wrong begins the file's map."""
    interactive = exc.interactive_parser
    state = interactive.parser_state
    while state.value_stack:  # tokens only (`_only_a_header_begun`): one state each
        state.value_stack.pop()
        state.state_stack.pop()
    if isinstance(exc, UnexpectedToken) and exc.token.type in ("MAP", "LIBRARY"):
        interactive.feed_token(exc.token)


def _before_map(exc: UnexpectedToken) -> Diagnostic:
    """Text before the map begins: statements written without their `map { }` around them,
    or a file that is not a map at all. Reported once for all of it."""
    token = exc.token
    message = f"unexpected {_token_words(token)}; a file begins with its map"
    if _keyword_of(token):  # a statement of the language
        hint = 'a map\'s statements go inside its block: `map "Title" { … }` around them'
    else:
        hint = ('begin the file with `map "Title" {` (or `library "Name" {` for declarations '
                'that maps share), and close it with `}`')
    return error("E001", message, _token_span(token), hint)


def _after_map(exc: UnexpectedToken, text: str) -> Diagnostic:
    """Text after the map: a second map, a `}` too many, or a block that the map's
    closing brace left outside. Reported once: the rest of the file is outside too."""
    token = exc.token
    message = f"unexpected {_token_words(token)}; expected the end of the file"
    if _keyword_of(token) == "map":
        return error("E001", "a second map in the file", _token_span(token),
                     "a file holds one map; put this one in a file of its own")
    if token.type == "RBRACE":
        return error("E001", message, _token_span(token), "this `}` closes no block; remove it")
    closing = _map_end(exc, text)
    labels = (Label(closing, "the map ends here"),) if closing else ()
    return error("E001", message, _token_span(token),
                 "a `}` before this closes the map; remove the `}` too many, or move this "
                 "into the map", labels)


def _map_end(exc: UnexpectedToken, text: str) -> Span | None:
    """The map's closing brace: the first `}` after the last item of the finished map."""
    # only for syntax errors: not on every parse
    from cjmdsl.language.braces import closing_brace_after

    stack = exc.interactive_parser.parser_state.value_stack
    tree = next((item for item in reversed(stack) if isinstance(item, Tree)), None)
    end = getattr(tree.meta, "end_pos", None) if tree is not None else None
    return closing_brace_after(text, end) if end is not None else None


def _unexpected_token(exc: UnexpectedToken, text: str) -> Diagnostic:
    # only for syntax errors: not on every parse
    from cjmdsl.language.mistakes import token_hint

    token = exc.token
    span = _token_span(token)
    keywords = keywords_by_terminal()
    # What the parser accepts here (the lexer's own list also holds names, always in view).
    expected = exc.interactive_parser.accepts() if exc.interactive_parser else exc.expected
    expected_keywords = sorted(keywords[t] for t in expected if t in keywords
                               and keywords[t].isidentifier())
    found = _token_words(token)
    message = f"unexpected {found}; expected {_expected_words(expected)}"
    hint = None
    labels: tuple[Label, ...] = ()
    known = token_hint(exc, text)
    if known:
        message, hint = known[0] or message, known[1]
    if hint is None and token.type == "ID" and not _keyword_of(token):
        hint = did_you_mean(str(token), expected_keywords)
    opening = _open_braces(exc)
    word = _keyword_of(token)
    if token.type == "RBRACE" and not opening:
        hint = "this `}` closes no block; remove it"
    hint = hint or _flow_hint(token, expected, exc)
    if hint is None and token.type == "ID" and not word and "RBRACE" in expected and opening:
        hint = (f"{opening[-1][0]} has no `{token}` statement; write one of those expected, "
                "or put what it says in the text of one")
    if hint is None and word in _BLOCK_KEYWORDS and "RBRACE" in expected and opening:
        block, brace = opening[-1]
        if len(opening) > 1:
            hint = f"is a `}}` missing to close {block}?"
            labels = (Label(_token_span(brace), f"{block} opens here"),)
        else:
            hint = _PLACES.get(word)
    return error("E001", message, span, hint, labels)


def _flow_hint(token: Token, expected, exc: UnexpectedToken) -> str | None:
    """The two ways a flow goes wrong: no arrow after its first touchpoint, or a step after
    `exit` (which ends the path)."""
    terminal = {word: name for name, word in keywords_by_terminal().items()}
    arrow, exit_ = terminal.get("->"), terminal.get("exit")
    stack = getattr(getattr(exc.interactive_parser, "parser_state", None), "value_stack", [])
    recent = [item.type for item in stack[-2:] if isinstance(item, Token)]
    if token.type == arrow and exit_ in recent:
        return "`exit` ends a flow; start another `flow` for a path that goes on"
    if arrow in expected and set(expected) <= {arrow, terminal.get(","), terminal.get(":")}:
        return "link touchpoints with arrows: `flow a -> b`, or `flow maya: a -> b` for a persona"
    return None


def _open_braces(exc: UnexpectedToken) -> list[tuple[str, Token]]:
    """The `{` tokens not yet closed at the error, each with the block it opens.

    Unreduced tokens wait on the LALR value stack, so every open block's brace is
    there, preceded by the keyword and the id that started the block.
    """
    parser_state = getattr(exc.interactive_parser, "parser_state", None)
    if parser_state is None:
        return []
    stack = list(parser_state.value_stack)
    opened: list[tuple[str, Token]] = []
    for i, item in enumerate(stack):
        if isinstance(item, Token) and item.type == "LBRACE":
            opened.append((_block_name(stack[:i]), item))
        elif isinstance(item, Token) and item.type == "RBRACE" and opened:
            opened.pop()
    return opened


def _block_name(before: list) -> str:
    """`touchpoint `checkout`` for the tokens that precede a block's `{`."""
    keywords = keywords_by_terminal()
    for j in range(len(before) - 1, -1, -1):
        item = before[j]
        if isinstance(item, Token) and item.type in keywords and keywords[item.type] in _BLOCK_KEYWORDS:
            word = keywords[item.type]
            following = before[j + 1] if j + 1 < len(before) else None
            if isinstance(following, Token) and following.type == "ID":
                return f"{word} `{following}`"
            return f"the {word} block"
    return "the block"


def _token_span(token: Token) -> Span:
    end_line = token.end_line or token.line
    end_column = token.end_column or token.column + max(len(token), 1)
    return Span(token.line, token.column, end_line, end_column)


def _keyword_of(token: Token) -> str:
    """The keyword a token spells, if any (out of place, a keyword lexes as a name)."""
    keywords = keywords_by_terminal()
    if token.type in keywords:
        return keywords[token.type]
    return str(token) if token.type == "ID" and str(token) in keywords.values() else ""


def _token_words(token: Token) -> str:
    word = _keyword_of(token)
    if word:
        return f"keyword `{word}`" if word.isidentifier() else f"`{word}`"
    if token.type == "STRING":
        shown = str(token) if len(token) <= 30 else str(token)[:27] + '…"'
        return f"string {shown}"
    if token.type == "NUMBER":
        return f"number `{token}`"
    return f"`{token}`"


def _expected_words(expected) -> str:
    keywords = keywords_by_terminal()
    words = []
    for name in sorted(expected):
        if name in keywords:
            words.append(f"`{keywords[name]}`")
        elif name in _TERMINAL_WORDS:
            words.append(_TERMINAL_WORDS[name])
    words = sorted(set(words), key=lambda w: (not w.startswith("`"), w))
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return "one of " + ", ".join(words[:-1]) + " or " + words[-1]
