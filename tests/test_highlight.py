"""Highlighting, checked against the grammar: the Pygments lexer and the VS Code extension's
TextMate grammar colour every keyword of grammar/cjm.lark as a keyword, and every example
without an error token.

The keywords come from the parser's literal terminals, so a keyword added to the grammar and
forgotten in a highlighter fails here. The TextMate grammar is run by a small tokenizer below
(the earliest match wins, ties go to the first pattern, as in VS Code); its patterns use only
syntax that Oniguruma and Python's `re` read alike.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
from conftest import EXAMPLES, ROOT, require_tool
from pygments.lexers import find_lexer_class_for_filename, get_lexer_by_name
from pygments.token import Error, Keyword, Name, Operator, Punctuation

from cjmdsl.integrations.pygments_lexer import CjmLexer
from cjmdsl.language.parser import parser

VSCODE = ROOT / "editors" / "vscode"
STARTERS = sorted((ROOT / "cjmdsl" / "starters").glob("*.cjm"))
MAPS = EXAMPLES + STARTERS

LITERALS = {t.name: t.pattern.value for t in parser().terminals if t.pattern.type == "str"}
KEYWORDS = sorted(word for word in LITERALS.values() if word.isidentifier())
SYMBOLS = sorted(word for word in LITERALS.values() if not word.isidentifier())


def test_the_grammar_has_the_keywords_we_expect():
    assert {"map", "persona", "touchpoint", "flow", "exit", "moment_of_truth"} <= set(KEYWORDS)
    assert {"{", "}", "->", "..", "%", ",", ":"} == set(SYMBOLS)


def keyword_tokens(text: str):
    """The tokens the real parser reads as keywords (a keyword in an id's place is an id)."""
    interactive = parser().parse_interactive(text)
    for token in interactive.iter_parse():
        if token.type in LITERALS and LITERALS[token.type].isidentifier():
            yield token


# ── Pygments ─────────────────────────────────────────────────────────────────
def pygments_types(text: str) -> list:
    """The Pygments token type of every character of `text`."""
    types = [None] * len(text)
    for index, kind, value in CjmLexer().get_tokens_unprocessed(text):
        types[index:index + len(value)] = [kind] * len(value)
    return types


@pytest.mark.parametrize("word", KEYWORDS)
def test_pygments_colours_every_keyword_as_a_keyword(word):
    assert all(t in Keyword for t in pygments_types(word))


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_pygments_colours_every_symbol_as_an_operator_or_punctuation(symbol):
    assert all(t in Operator or t in Punctuation for t in pygments_types(symbol))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_pygments_reads_every_map_without_an_error_token(path):
    text = path.read_text(encoding="utf-8")
    types = pygments_types(text)
    assert None not in types
    bad = [text[i:i + 20] for i, t in enumerate(types) if t in Error]
    assert bad == []
    for token in keyword_tokens(text):
        assert types[token.start_pos] in Keyword, f"{path.name}:{token.line}: {token}"


def test_pygments_names_what_a_keyword_declares_or_refers_to():
    text = 'kpi churn "Churn" churn start 1 end 1\nemotion maya +1\nchannel web\n'
    kinds = {value: kind for _, kind, value in CjmLexer().get_tokens_unprocessed(text)}
    assert kinds["churn"] in Keyword  # the last one seen: the KPI kind
    first = next(k for _, k, v in CjmLexer().get_tokens_unprocessed(text) if v == "churn")
    assert first in Name  # the KPI's id
    assert kinds["maya"] in Name and kinds["web"] in Name
    ids = {v: k for _, k, v in CjmLexer().get_tokens_unprocessed("flow end-date -> exit")}
    assert ids["end-date"] in Name  # not the keyword `end`


@pytest.mark.parametrize("text", ['description "no end\n', r'description "bad \q"'])
def test_pygments_marks_string_mistakes(text):
    assert any(t in Error for t in pygments_types(text))


def test_pygments_finds_the_lexer_by_name_and_file_name():
    assert get_lexer_by_name("cjm").__class__ is CjmLexer
    assert find_lexer_class_for_filename("journey.cjm") is CjmLexer


def test_pygmentize_highlights_a_map():
    result = subprocess.run([sys.executable, "-m", "pygments", "-l", "cjm", "-f", "html",
                             str(EXAMPLES[0])], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '<span class="kd">map</span>' in result.stdout


def test_pygments_stays_optional():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("pygments") for d in project["dependencies"])
    assert any(d.startswith("pygments") for d in project["optional-dependencies"]["highlight"])
    assert project["entry-points"]["pygments.lexers"]["cjm"] == "cjmdsl.integrations.pygments_lexer:CjmLexer"
    probe = ("import sys, cjmdsl, cjmdsl.cli, cjmdsl.language.format, cjmdsl.api; "
             "cjmdsl.render(open(sys.argv[1]).read()); print('pygments' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(EXAMPLES[0])],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


# ── the TextMate grammar ─────────────────────────────────────────────────────
GRAMMAR = json.loads((VSCODE / "syntaxes" / "cjm.tmLanguage.json").read_text(encoding="utf-8"))


def rules(patterns: list[dict]) -> list[dict]:
    """`patterns` with every `include` replaced by the repository's patterns."""
    flat = []
    for pattern in patterns:
        if "include" in pattern:
            included = GRAMMAR["repository"][pattern["include"].removeprefix("#")]
            flat += rules([included])
        elif "patterns" in pattern and "match" not in pattern and "begin" not in pattern:
            flat += rules(pattern["patterns"])
        else:
            flat.append(pattern)
    return flat


def textmate_scopes(line: str) -> list[list[str]]:
    """The scopes of every character of one line, as VS Code would give them."""
    scopes: list[list[str]] = [[] for _ in line]
    stack: list[dict] = []  # open begin/end rules
    position = 0
    while position <= len(line):
        inside = stack[-1] if stack else None
        candidates = ([{"match": inside["end"], "_end": True}] + rules(inside.get("patterns", []))
                      if inside else rules(GRAMMAR["patterns"]))
        best = None
        for rule in candidates:
            found = re.compile(rule.get("match") or rule["begin"]).search(line, position)
            if found and (best is None or found.start() < best[1].start()):
                best = (rule, found)
        if best is None:
            break
        rule, found = best
        outer = [inside["name"]] if inside and "name" in inside else []
        for i in range(position, found.start()):
            scopes[i] += outer
        span = range(found.start(), found.end())
        if rule.get("_end"):
            for i in span:
                scopes[i] += outer
            stack.pop()
        else:
            own = outer + ([rule["name"]] if "name" in rule else [])
            for i in span:
                scopes[i] += own
            captures = rule.get("captures") or rule.get("beginCaptures") or {}
            for group, capture in captures.items():
                if found.group(int(group)) is not None:
                    for i in range(found.start(int(group)), found.end(int(group))):
                        scopes[i].append(capture["name"])
            if "begin" in rule:
                stack.append(rule)
        if found.end() == found.start() and not rule.get("_end"):
            position += 1  # an empty match must not loop
        else:
            position = found.end()
        if position >= len(line) and not stack:
            break
    return scopes


def is_keyword(scopes: list[str]) -> bool:
    return any(s.startswith("keyword.") for s in scopes)


def test_every_textmate_pattern_compiles():
    for rule in rules(GRAMMAR["patterns"]):
        for key in ("match", "begin", "end"):
            if key in rule:
                re.compile(rule[key])
        for inner in rules(rule.get("patterns", [])):
            re.compile(inner["match"])


@pytest.mark.parametrize("word", KEYWORDS)
def test_textmate_colours_every_keyword_as_a_keyword(word):
    assert all(is_keyword(s) for s in textmate_scopes(word))
    assert all(is_keyword(s) for s in textmate_scopes(f"  {word} ")[2:-1])


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_textmate_scopes_every_symbol(symbol):
    assert all(any(s.startswith(("keyword.operator", "punctuation")) for s in scopes)
               for scopes in textmate_scopes(symbol))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_textmate_reads_every_map_without_an_invalid_scope(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    scoped = [textmate_scopes(line) for line in lines]
    for number, (line, scopes) in enumerate(zip(lines, scoped), start=1):
        for column, (char, char_scopes) in enumerate(zip(line, scopes), start=1):
            assert not any(s.startswith("invalid") for s in char_scopes), (number, column)
            assert char.isspace() or char_scopes, f"{path.name}:{number}:{column}: no scope"
    for token in keyword_tokens(text):
        assert is_keyword(scoped[token.line - 1][token.column - 1]), \
            f"{path.name}:{token.line}: {token}"


def test_textmate_names_declared_and_referenced_ids():
    scopes = textmate_scopes('touchpoint end-date "Ends" emotion maya +1 channel web')
    line = 'touchpoint end-date "Ends" emotion maya +1 channel web'
    assert scopes[line.index("end-date")] == ["entity.name.type.cjm"]
    assert scopes[line.index("maya")] == ["variable.other.persona.cjm"]
    assert scopes[line.index("web")] == ["support.constant.cjm"]
    assert "constant.character.escape.cjm" in textmate_scopes(r'"a \u{1F600}"')[4]
    assert "invalid.illegal.escape.cjm" in textmate_scopes(r'"a \q"')[3]
    assert textmate_scopes("  // note")[2] == ["comment.line.double-slash.cjm",
                                                "punctuation.definition.comment.cjm"]


# ── the VS Code extension ────────────────────────────────────────────────────
def test_extension_manifest_wires_language_grammar_and_server():
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    [language] = manifest["contributes"]["languages"]
    [grammar] = manifest["contributes"]["grammars"]
    assert language["id"] == grammar["language"] == "cjm"
    assert language["extensions"] == [".cjm"]
    assert (VSCODE / language["configuration"]).is_file()
    assert (VSCODE / grammar["path"]).is_file()
    assert grammar["scopeName"] == GRAMMAR["scopeName"] == "source.cjm"
    assert (VSCODE / manifest["main"]).is_file()
    assert "vscode-languageclient" in manifest["dependencies"]
    assert manifest["contributes"]["configuration"]["properties"]["cjm.server.command"][
        "default"] == "cjm"


def test_extension_starts_cjm_lsp_over_stdio():
    source = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in source and "TransportKind.stdio" in source
    assert 'require("vscode-languageclient/node")' in source


def test_extension_script_is_valid_javascript():
    node = shutil.which("node")
    require_tool("node", node is not None, "apt-get install nodejs")
    result = subprocess.run([node, "--check", str(VSCODE / "extension.js")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_language_configuration_knows_comments_brackets_and_quotes():
    config = json.loads((VSCODE / "language-configuration.json").read_text(encoding="utf-8"))
    assert config["comments"]["lineComment"] == "//"
    assert ["{", "}"] in config["brackets"]
    assert {"open": '"', "close": '"', "notIn": ["string", "comment"]} in config[
        "autoClosingPairs"]
    increase = re.compile(config["indentationRules"]["increaseIndentPattern"])
    assert increase.search('  stage s "S {" {') and increase.search('map "M" { // note')
    assert not increase.search('  action "{"')
    assert re.fullmatch(config["wordPattern"], "q3-retention")
