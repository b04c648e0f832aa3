"""A Pygments lexer for `.cjm` maps, so Sphinx, MkDocs and `pygmentize` colour them.

Registered through the `pygments.lexers` entry point (name `cjm`); nothing else in cjmdsl
imports this module, so Pygments stays optional (the `highlight` extra). The keyword lists
are checked against the grammar's literal terminals by tests/test_highlight.py: a keyword
added to grammar/cjm.lark and forgotten here fails that test.
"""
from __future__ import annotations

import re

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation,
                            String, Whitespace)

# Words that start a block or a top-level statement.
DECLARATIONS = ("map", "scale", "persona", "stage", "touchpoint", "flow", "kpi")
# Words that start a field or an option inside a statement.
FIELDS = ("description", "theme", "role", "goal", "need", "pain", "motivation", "quote",
          "color", "brand", "action_item", "channel", "action", "thought", "question",
          "emotion", "expect", "opportunity", "moment_of_truth", "source", "owner", "outcome",
          "value", "unit", "start", "end", "target")
# Words that are a value: a flow's drop-off, the kinds of KPI and which way is better.
CONSTANTS = ("exit", "retention", "churn", "growth", "higher", "lower")

_NAME = r"[A-Za-z_][A-Za-z0-9_\-]*"
_WORD_END = r"(?![A-Za-z0-9_\-])"  # ids may hold `-`: `end-date` is not `end`


class CjmLexer(RegexLexer):
    """Customer journey maps written in the cjmdsl language."""

    name = "cjm"
    aliases = ["cjm", "cjmdsl"]
    filenames = ["*.cjm"]
    mimetypes = ["text/x-cjm"]
    url = "https://pypi.org/project/cjmdsl/"

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"(//|#).*?$", Comment.Single),
            (r'"', String.Double, "string"),
            # The id a block declares, and the ids and names a field refers to.
            (r"(persona|stage|touchpoint|kpi)(\s+)(" + _NAME + ")",
             bygroups(Keyword.Declaration, Whitespace, Name.Class)),
            (r"(emotion|expect)(\s+)(" + _NAME + ")", bygroups(Keyword, Whitespace, Name.Variable)),
            (r"(channel|source)(\s+)(" + _NAME + ")", bygroups(Keyword, Whitespace, Name.Constant)),
            (words(DECLARATIONS, suffix=_WORD_END), Keyword.Declaration),
            (words(FIELDS, suffix=_WORD_END), Keyword),
            (words(CONSTANTS, suffix=_WORD_END), Keyword.Constant),
            (r"[+\-]?[0-9]+\.[0-9]+", Number.Float),
            (r"[+\-]?[0-9]+", Number.Integer),
            (r"->|\.\.|%", Operator),
            (r"[{}:,]", Punctuation),
            (_NAME, Name),
        ],
        "string": [
            (r'\\(u\{[0-9A-Fa-f]{1,6}\}|u[0-9A-Fa-f]{4}|["\\nt])', String.Escape),
            (r"\\.", Error),  # an escape the compiler rejects (E005)
            (r'[^"\\\n]+', String.Double),
            (r'"', String.Double, "#pop"),
            (r"\n", Error, "#pop"),  # unterminated string (E002)
        ],
    }

    def analyse_text(text: str) -> float:  # noqa: N805 - Pygments calls it on the class
        """Likely a map when a line starts with `map "…" {`."""
        return 0.5 if re.search(r'^\s*map\s+"[^"\n]*"\s*\{', text, re.MULTILINE) else 0.0
