"""`// cjm: allow RULE[, RULE…] [-- reason]`: a comment that allows rules on one line.

A comment at the end of a line allows the rules on that line; a comment alone on its line
allows them on that line and the next, so it can stand above the statement. The comments are
the lexer's (the same tokens `cjm fmt` keeps), so `//` inside a string is no comment. A rule
named that allows nothing where it stands is reported (`unused-allow`, as ruff's unused
`noqa`), so comments do not outlive the problem they excused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from cjmdsl.language.diagnostics import Diagnostic, did_you_mean, warning
from cjmdsl.model import Span
from cjmdsl.review.lint.rules import BY_CODE, BY_NAME, RULE_NAMES, UNKNOWN_ALLOW, UNUSED_ALLOW

_DIRECTIVE = re.compile(r"(?://|#)\s*cjm\s*:\s*([A-Za-z][\w-]*)")
_DIRECTIVE_WORD = re.compile(r"cjm\s*:")  # in every directive: a text without it has none
_WORD = re.compile(r"[^\s,]+")
ALLOW = "allow"


@dataclass
class Allowance:
    """One rule named in one comment, where it is written, and whether it allowed anything."""

    rule: str
    span: Span
    used: bool = False


@dataclass
class Allowed:
    """The rules each line allows, and the warnings about comments that cannot be read."""

    by_line: dict[int, list[Allowance]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    allowances: list[Allowance] = field(default_factory=list)

    def allows(self, diagnostic: Diagnostic, rule: str) -> bool:
        """Whether a comment allows `rule` on the diagnostic's line; such comments count as
        used."""
        hits = [a for a in self.by_line.get(diagnostic.span.line, ()) if a.rule == rule]
        for allowance in hits:
            allowance.used = True
        return bool(hits)

    def unused(self, switched_on: set[str]) -> list[Diagnostic]:
        """A warning for each rule named that allowed nothing. A rule that is off allows
        nothing by design (a per-file override may have turned it off), so it is not
        reported."""
        return [warning(UNUSED_ALLOW, f"`cjm: allow {a.rule}` allows nothing here", a.span,
                        f"nothing here breaks `{a.rule}`: remove it from the comment")
                for a in self.allowances if not a.used and a.rule in switched_on]


def allowed(text: str) -> Allowed:
    """Every `cjm:` comment of a map that compiled."""
    from cjmdsl.language.parser import comment_tokens

    found = Allowed()
    if not _DIRECTIVE_WORD.search(text):  # no directive can be there: no comment is read
        return found
    lines = text.split("\n")
    for token in comment_tokens(text):
        directive = _DIRECTIVE.match(str(token))
        if directive is None:
            continue
        alone = not lines[token.line - 1][:token.column - 1].strip()
        covered = (token.line, token.line + 1) if alone else (token.line,)
        column = token.column + directive.start(1)
        if directive.group(1) != ALLOW:
            found.problems.append(warning(
                UNKNOWN_ALLOW, f"unknown `cjm:` comment `{directive.group(1)}`",
                _span(token.line, column, directive.group(1)),
                did_you_mean(directive.group(1), [ALLOW]) or "write `// cjm: allow RULE`"))
            continue
        rest = str(token)[directive.end():].split(" -- ", 1)[0]
        start = token.column + directive.end()
        names = [(m.group(), start + m.start()) for m in _WORD.finditer(rest)]
        if not names:
            found.problems.append(warning(UNKNOWN_ALLOW, "`cjm: allow` names no rule",
                                          _span(token.line, column, ALLOW),
                                          "name the rule: // cjm: allow pain-without-opportunity"))
        for name, at in names:
            if name in BY_NAME:
                allowance = Allowance(name, _span(token.line, at, name))
                found.allowances.append(allowance)
                for line in covered:
                    found.by_line.setdefault(line, []).append(allowance)
            else:
                found.problems.append(warning(UNKNOWN_ALLOW, f"unknown rule `{name}`",
                                              _span(token.line, at, name), _rule_hint(name)))
    return found


def _rule_hint(name: str) -> str:
    rule = BY_CODE.get(name.upper())
    if rule:
        return f"name the rule, not its code: `{rule.name}`"
    return did_you_mean(name, RULE_NAMES) or "`cjm lint --help` lists the rules"


def _span(line: int, column: int, word: str) -> Span:
    return Span(line, column, line, column + len(word))
