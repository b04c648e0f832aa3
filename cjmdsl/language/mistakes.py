"""The syntax mistakes people make, told apart by examples of them, each with its fix.

A syntax error is matched against small wrong maps by parser state, as Lark's
`match_examples` does: the table below says which mistake an error is, and the hint then
writes the fix from the user's own line (`channel "web"` -> `channel web`). A wrong
character (`;`, `'`, a letter outside ASCII in a name) is told by the character itself,
since the lexer stops at it in any state.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from lark import Token
from lark.exceptions import UnexpectedInput, UnexpectedToken

from cjmdsl.lanes import ITEM_KINDS
from cjmdsl.model import record

_ITEM_KEYWORDS = tuple(kind.keyword for kind in ITEM_KINDS)


def _map(body: str) -> str:
    return 'map "M" {\n' + body + "\n}\n"


def _persona(body: str) -> str:
    return _map('persona p "P" {\n' + body + "\n}")


def _stage(body: str) -> str:
    return _map('stage s "S" {\n' + body + "\n}")


def _touchpoint(body: str) -> str:
    return _stage('touchpoint t "T" {\n' + body + "\n}")


@record
class _Mistake:
    """A kind of mistake: the token it shows at (a terminal name) and its examples."""

    found: str
    examples: tuple[str, ...]


_QUOTED_NAME = _Mistake("STRING", (
    _touchpoint('channel "web"'), _touchpoint('emotion "maya" 1'),
    _touchpoint('expect "maya" 1'), _touchpoint('pain "Slow" source "survey"'),
    _touchpoint('opportunity "Faster" source "survey"'), _stage('action_item "A" source "x"'),
    _map('flow "a" -> b'), _map('flow a -> "b"'), _map('flow maya, "tom": a -> b'),
))
_ID_BEFORE_NAME = _Mistake("STRING", (
    _map('persona "Maya"'), _map('stage "Awareness" { }'),
    _stage('touchpoint "Sees an ad" { }'), _map('kpi "Retention" value 1'),
))
_COLON = _Mistake("COLON", (
    *(_touchpoint(f"{word}: x") for word in (
        "channel", *_ITEM_KEYWORDS, "emotion", "expect", "moment_of_truth")),
    *(_stage(f"{word}: x") for word in ("goal", "brand", "action_item")),
    *(_persona(f"{word}: x") for word in (
        "role", "goal", "need", "pain", "motivation", "quote", "color")),
    *(_map(f"{word}: x") for word in ("description", "theme", "scale")),
    'map: "M" { }',
))
_UNQUOTED_TEXT = _Mistake("ID", (
    _touchpoint("emotion maya -2 confused"), _touchpoint("moment_of_truth why"),
    *(_touchpoint(f"{word} Taps the ad") for word in _ITEM_KEYWORDS),
    *(_stage(f"{word} Text") for word in ("goal", "brand", "action_item")),
    *(_persona(f"{word} Text") for word in ("role", "goal", "need", "pain", "motivation",
                                            "quote", "color")),
    _map("description Text"), _map("theme dark"), _map("persona maya Maya"),
    _map("stage s Awareness { }"), _stage("touchpoint t Ad { }"), _map("kpi k Retention"),
    "map Shop { }",
))
_EMPTY = _Mistake("$END", ("", "// only a comment\n"))

_MISTAKES = {"quoted-name": _QUOTED_NAME, "id-before-name": _ID_BEFORE_NAME, "colon": _COLON,
             "unquoted-text": _UNQUOTED_TEXT, "empty": _EMPTY}


def token_hint(exc: UnexpectedToken, text: str) -> tuple[str | None, str] | None:
    """For a known mistake: a better message (or None to keep the parser's) and the fix."""
    kind = _kind_of(exc)
    token = exc.token
    line = _line(text, token) if token.line else ""
    if kind == "empty":
        return ("the file is empty" if not text.strip() else "the file has no map",
                'a file holds one map: start it with `map "Title" { … }`, '
                "or run `cjm new map.cjm` for a starter map")
    if kind == "quoted-name":
        return None, f"a name is written without quotes: `{_replace(line, token, _bare(token))}`"
    if kind == "id-before-name":
        keyword = _word_before(line, token)
        return None, (f"a {keyword} needs an id before its name: "
                      f"`{keyword} {_id_for(str(token)[1:-1])} {token}`")
    if kind == "colon":
        return (f"unexpected `:` after `{_word_before(line, token)}`",
                f"remove the `:`: `{_replace(line, token, '')}`")
    if kind == "unquoted-text" and _after_on_same_line(exc):
        words = _text_from(line, token)
        return (f"unexpected `{token}`; expected a quoted string",
                f"write text in double quotes: "
                      f"`{_replace(line, token, _quote(words), len(words))}`")
    return None


@record
class CharacterMistake:
    """A wrong character's message and fix, and the text the mistake spans (offsets): the
    character, a whole single-quoted string, or a whole name with a letter outside ASCII."""

    message: str
    hint: str
    start: int
    end: int


def character_hint(char: str, text: str, pos: int) -> CharacterMistake | None:
    """For a wrong character at offset `pos`: what it is and its fix."""
    if char == ";":
        return CharacterMistake("unexpected `;`",
                                "a statement ends with its line; remove the `;`", pos, pos + 1)
    if char == "'":
        line_end = _line_end(text, pos)
        closing = text.find("'", pos + 1, line_end)
        end = closing + 1 if closing != -1 else line_end
        inner = text[pos + 1:closing if closing != -1 else end]
        return CharacterMistake("strings are written in double quotes",
                                f"write {_quote(inner)}", pos, end)
    if _is_foreign_letter(char):
        start, end = _word_around(text, pos)
        word = text[start:end]
        ascii_word = _ascii(word)
        fix = f"write `{ascii_word}`; " if _is_name(ascii_word) else ""
        return CharacterMistake(f"`{word}` is not a valid name",
                                f"{fix}a name is ASCII letters, digits, `_` and `-` (a quoted "
                                "name may hold any letter)", start, end)
    return None


# ── helpers ────────────────────────────────────────────────────────────────
def _kind_of(exc: UnexpectedToken) -> str | None:
    """The kind of mistake whose examples fail where `exc` fails: in the same parser state,
    with the same terminals acceptable, at the same kind of token.

    This is Lark's `match_examples`, keyed on the LALR state alone: `match_examples` also
    compares the depth of the parser's stack, so an example would only match an error with
    as many statements before it as the example has.
    """
    where = _where(exc)
    return _examples_by_place().get(where) if where else None


def _where(exc: UnexpectedInput) -> tuple | None:
    state = getattr(exc, "state", None)
    if state is None or not isinstance(exc, UnexpectedToken):
        return None
    return state.position, frozenset(exc.accepts or ()), exc.token.type


@cache
def _examples_by_place() -> dict[tuple, str]:
    """Where each example fails -> its kind of mistake (the first kind listed wins)."""
    from cjmdsl.language.parser import parser

    places: dict[tuple, str] = {}
    for kind, mistake in _MISTAKES.items():
        for example in mistake.examples:
            try:
                parser().parse(example)
            except UnexpectedInput as exc:
                where = _where(exc)
                if where and where[2] == mistake.found:
                    places.setdefault(where, kind)
    return places


def _after_on_same_line(exc: UnexpectedToken) -> bool:
    stack = getattr(getattr(exc.interactive_parser, "parser_state", None), "value_stack", [])
    before = next((item for item in reversed(stack) if isinstance(item, Token)), None)
    return before is not None and (before.end_line or before.line) == exc.token.line


def _line(text: str, token: Token) -> str:
    """The line the token is on, found from its offset: splitting the whole text for each
    syntax error made many errors in a large file quadratic."""
    if token.start_pos is None:  # a token the parser made up has no offset
        lines = text.split("\n")
        return lines[token.line - 1].rstrip("\r") if 1 <= token.line <= len(lines) else ""
    start = text.rfind("\n", 0, token.start_pos) + 1
    return text[start:_line_end(text, token.start_pos)].rstrip("\r")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _replace(line: str, token: Token, by: str, width: int | None = None) -> str:
    """The line, trimmed, with the token (or `width` characters from it) replaced by `by`."""
    start = token.column - 1
    end = start + (len(token) if width is None else width)
    before, after = line[:start].rstrip(), line[end:].lstrip()
    return " ".join(part for part in (before, by, after) if part).strip()


def _bare(token: Token) -> str:
    inner = str(token)[1:-1]
    return inner if _is_name(inner) else _id_for(inner)


def _word_before(line: str, token: Token) -> str:
    words = line[:token.column - 1].split()
    return words[-1] if words else "block"


def _text_from(line: str, token: Token) -> str:
    """The words from the token to the end of the line, before a comment or a brace."""
    rest = re.split(r"//|#|[{}]", line[token.column - 1:])[0]
    return rest.rstrip()


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _is_name(word: str) -> bool:
    """Whether `word` is a name (an id) as the grammar's `ID` terminal has it."""
    from cjmdsl.language.parser import parser

    pattern = next(t.pattern.value for t in parser().terminals if t.name == "ID")
    return re.fullmatch(pattern, word) is not None


def _id_for(name: str) -> str:
    """The id a name suggests: its first word, in ASCII and lower case (`Maya, parent`)."""
    words = re.findall(r"[A-Za-z0-9_\-]+", _ascii(name))
    if not words:
        return "id"
    word = words[0].lower()
    return word if re.match(r"[A-Za-z_]", word) else "_" + word


def _ascii(text: str) -> str:
    """`text` without what ASCII lacks, accents dropped from their letters (`mäya` -> `maya`)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii())


def _is_foreign_letter(char: str) -> bool:
    return bool(char) and not char.isascii() and unicodedata.category(char)[0] in "LM"


def _word_around(text: str, pos: int) -> tuple[int, int]:
    def in_word(c: str) -> bool:
        return c.isalnum() or c in "_-" or _is_foreign_letter(c)

    start, end = pos, pos
    while start > 0 and in_word(text[start - 1]):
        start -= 1
    while end < len(text) and in_word(text[end]):
        end += 1
    return start, end
