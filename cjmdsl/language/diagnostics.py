"""Diagnostics: every user mistake as a code, a span, a message and a hint.

Stages collect diagnostics instead of raising at the first one, so a user sees
every independent mistake in one run. `format_diagnostic` prints them the way a
good compiler does: `file:line:col: error[E012]: message`, the line, a caret.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from enum import Enum

from cjmdsl.model import Span, record
from cjmdsl.words.escape import terminal_text

# Every code the compiler emits, with a one-line summary (the README documents each).
CODES: dict[str, str] = {
    "E001": "syntax error: unexpected token",
    "E002": "unterminated string",
    "E003": "missing closing brace",
    "E004": "unexpected character",
    "E005": "invalid escape sequence in a string",
    "E006": "file is not valid UTF-8",
    "E010": "empty map: no touchpoints",
    "E011": "duplicate id",
    "E012": "unknown persona",
    "E013": "emotion value outside the scale",
    "E014": "KPI end count greater than start count (retention, churn)",
    "E015": "invalid emotion scale",
    "E016": "repeated field that may appear once",
    "E017": "unknown source of insight",
    "E018": "invalid colour",
    "E019": "unknown theme",
    "E020": "option that does not belong to its statement",
    "E021": "invalid KPI counts",
    "E022": "unknown touchpoint in a flow",
    "E023": "unknown language",
    "E024": "unknown stage for a KPI",
    "E030": "file larger than the size limit",
    "E031": "text longer than the string limit",
    "E032": "more touchpoints than the limit",
    "E040": "unknown pain point in `addresses`",
    "E041": "unknown built-in channel after `like`",
    "E042": "invalid date",
    "E070": "unknown impact or effort level",
    "E071": "invalid source declaration",
    "E090": "unknown actor after `by`",
    "E091": "unknown kind of actor",
    "E092": "unknown item to hand off to",
    "E093": "hand-off names a lane its target is not in",
    "E094": "item hands off to itself",
    "E095": "not a duration",
    "E096": "unknown unit of time",
    "E097": "ambiguous unit of time `m`",
    "E098": "negative duration",
    "E099": "duration in more than one part",
    "W101": "stage has no touchpoints",
    "W102": "touchpoint has no channel",
    "W103": "persona has no emotions",
    "W104": "unknown channel",
    "W105": "expectation without an emotion for the same persona",
    "W106": "KPI measured as retention or churn while its name says the other",
    "W107": "KPI target without a direction",
    "W110": "declared source never cited",
    "W111": "impact without effort, or effort without impact",
    "E100": "unknown metric for an emotion",
    "E101": "metric without a range for an emotion",
    "E102": "invalid responses or spread of an emotion",
    "E103": "aims at a persona without a to-be",
    "W190": "to-be without an as-is emotion",
    "W121": "text the map's font lacks",
    "W180": "declared actor that does nothing",
}
# Said while drawing, not while compiling: by the commands that render (`drawing_warning`).
DRAWING_CODES = {"W120": "a drawing tool warned about the map"}


def drawing_warning(message: str, span: Span) -> Diagnostic:
    """W120: what Graphviz's `dot` (or another drawing tool) said about the map, at the map;
    `message` names the tool."""
    return warning("W120", message, span,
                   "the picture may not be what the map says; see `cjm explain W120`")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@record
class Origin:
    """The file a span points into when it is not the one being compiled: a library that
    the map `use`s (see cjmdsl/language/libraries.py). `text` is that file's, for the excerpt."""

    filename: str
    text: str = field(default="", repr=False, compare=False)


@record
class Label:
    """A secondary place to show, such as the opening brace of an unclosed block; `origin`
    when it is in another file (the `use` line a library was imported from)."""

    span: Span
    message: str
    origin: Origin | None = None


# Slots: a generated map may carry hundreds of thousands of warnings, and an instance
# without a __dict__ is less than half the size.
@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    span: Span
    hint: str | None = None
    labels: tuple[Label, ...] = ()
    severity: Severity = field(default=Severity.ERROR)
    origin: Origin | None = None  # None: the file being compiled

    def located(self, origin: Origin, labels: tuple[Label, ...] = ()) -> Diagnostic:
        """This diagnostic of another file (a library), with `labels` added after its own:
        those of its own file get `origin` too."""
        own = tuple(label if label.origin else Label(label.span, label.message, origin)
                    for label in self.labels)
        return Diagnostic(self.code, self.message, self.span, self.hint, own + labels,
                          self.severity, self.origin or origin)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Diagnosed:
    """A result carrying `diagnostics` (compiling, linting): its errors and warnings apart."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def error(code: str, message: str, span: Span, hint: str | None = None,
          labels: tuple[Label, ...] = ()) -> Diagnostic:
    return Diagnostic(code, message, span, hint, labels, Severity.ERROR)


def warning(code: str, message: str, span: Span, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, span, hint, (), Severity.WARNING)


class CjmError(Exception):
    """Raised by the API when a map (or a theme, a config) has errors; carries every
    diagnostic found, with the `source` and `filename` they point into. A file that cannot
    be read or found has no diagnostics, only its `message`."""

    def __init__(self, diagnostics: list[Diagnostic] = (), source: str = "",
                 filename: str = "<input>", message: str | None = None):
        self.diagnostics = list(diagnostics)
        self.source = source
        self.filename = filename
        super().__init__(format_all(self.diagnostics, source, filename, color=False)
                         if message is None else message)

    def report(self) -> str:
        """The error as a terminal or a build log shows it: the diagnostics as `format_all`
        prints them, or the one-line message with its control characters escaped
        (`escape.terminal_text`), since it quotes names and paths from the input."""
        return str(self) if self.diagnostics else terminal_text(str(self))


# Did-you-mean compares a word with at most this many candidates of each length near its own
# (the nearest in alphabetical order, which share the longest start with it), so thousands
# of misspelt ids among thousands stay fast.
MOST_COMPARED = 40


class Candidates:
    """The words a misspelling may mean, sorted within each length: built once for a map's
    ids, then asked for each unknown one."""

    def __init__(self, words):
        by_length: dict[int, list[str]] = {}
        for word in set(words):
            by_length.setdefault(len(word), []).append(word)
        self.by_length = {length: sorted(group, key=lambda w: (w.lower(), w))
                          for length, group in by_length.items()}
        self.keys = {length: [w.lower() for w in group]
                     for length, group in self.by_length.items()}

    def near(self, word: str, limit: int) -> list[str]:
        """The words at most `limit` characters longer or shorter: of each length, the
        `MOST_COMPARED` nearest to `word` in alphabetical order."""
        picked: list[str] = []
        for length in range(len(word) - limit, len(word) + limit + 1):
            group = self.by_length.get(length, ())
            if len(group) > MOST_COMPARED:
                middle = bisect.bisect_left(self.keys[length], word.lower())
                start = min(max(middle - MOST_COMPARED // 2, 0), len(group) - MOST_COMPARED)
                group = group[start:start + MOST_COMPARED]
            picked += group
        return picked


def closest(word: str, candidates) -> str | None:
    """The candidate a misspelt word most likely means, or None when none is close.

    Close is rustc's rule for its suggestions: at most a third of the word's length in edits
    (at least one, but fewer than its length), counting a change of case as none. So
    `duration` is no misspelling of `action`, while `chanel`, `mya` and `defualt` still find
    `channel`, `maya` and `default`. Only `MOST_COMPARED` candidates are compared (see
    `Candidates.near`); pass a `Candidates` to ask about many words among the same ones.
    """
    if not isinstance(candidates, Candidates):
        candidates = Candidates(candidates)
    lowered = word.lower()
    limit = min(max(len(word), 3) // 3, max(len(word) - 1, 0))
    best: tuple[int, str] | None = None
    for candidate in candidates.near(word, limit):
        distance = edit_distance(lowered, candidate.lower(), limit)
        if distance <= limit and (best is None or (distance, candidate) < best):
            best = (distance, candidate)
    return best[1] if best else None


def edit_distance(a: str, b: str, most: int | None = None) -> int:
    """Edits from `a` to `b`: insert, delete or replace a character, or swap two neighbours
    (optimal string alignment, as rustc and most spelling checkers count). With `most`, any
    count above it may be returned as `most + 1`: the comparison stops once no row is within
    reach, so a long word costs nothing when it cannot be close."""
    before, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        if most is not None and min(previous) > most:
            return most + 1
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = current[j - 1] + 1, previous[j] + 1, previous[j - 1] + (char_a != char_b)
            value = min(cost)
            if before is not None and i > 1 and j > 1 and char_a == b[j - 2] \
                    and a[i - 2] == char_b:
                value = min(value, before[j - 2] + 1)
            current.append(value)
        before, previous = previous, current
    return previous[-1]


def did_you_mean(word: str, candidates) -> str | None:
    """The candidate a misspelt word most likely means, as a hint (see `closest`)."""
    match = closest(word, candidates)
    return f"did you mean `{match}`?" if match else None


def sort_key(diagnostic: Diagnostic) -> tuple:
    """The order diagnostics are shown in: errors before warnings (as compilers print them,
    so what fails the build comes first), each in the order of the file."""
    return (not diagnostic.is_error, diagnostic.origin.filename if diagnostic.origin else "",
            diagnostic.span.line, diagnostic.span.column, diagnostic.code)


_STYLES = {"error": "\033[1;31m", "warning": "\033[1;33m", "bold": "\033[1m",
           "dim": "\033[2;37m", "hint": "\033[36m", "reset": "\033[0m"}


# At most this many diagnostics of one file are shown (printed, published to an editor,
# logged by Sphinx or MkDocs); then one line says how many more there are, as rustc and
# compilers do, so that a generated map with 350,000 warnings prints 200 and a count.
MAX_SHOWN = 200


def shown(diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], str | None]:
    """The diagnostics of one file to show, and the line that counts the rest (None when
    every one is shown). The one cap every host uses."""
    rest = diagnostics[MAX_SHOWN:]
    if not rest:
        return list(diagnostics), None
    errors = sum(1 for d in rest if d.is_error)
    counts = [f"{count:,} more {word}{'s' if count != 1 else ''}"
              for count, word in ((errors, "error"), (len(rest) - errors, "warning")) if count]
    return list(diagnostics[:MAX_SHOWN]), f"and {' and '.join(counts)} (only the first " \
                                          f"{MAX_SHOWN} are shown)"


def source_lines(source: str, only: set[int] | None = None) -> list[str]:
    """The lines of a source as the parser counts them (only \\n ends one); split once per
    file, not once per diagnostic. With `only`, just those line numbers are filled in (the
    others are empty): a map of 350,000 warnings shows 200 of its 360,000 lines."""
    # No source (a file that was not read, or not quoted) has no line to show.
    if not source:
        return []
    if only is None:
        return [line.rstrip("\r") for line in source.split("\n")]
    lines = [""] * (source.count("\n") + 1)
    start, number = 0, 1
    for wanted in sorted(n for n in only if 1 <= n <= len(lines)):
        while number < wanted:
            start = source.index("\n", start) + 1
            number += 1
        end = source.find("\n", start)
        lines[wanted - 1] = source[start:end if end != -1 else len(source)].rstrip("\r")
    return lines


def format_diagnostic(diagnostic: Diagnostic, source: str, filename: str,
                      color: bool = False, located: bool = True,
                      lines: list[str] | None = None) -> str:
    """Render one diagnostic with its source line, a caret underline and the hint, every
    user text in it escaped for a terminal (`escape.terminal_text`).

    `located=False` leaves out the leading `file:line:col:`, for hosts that print the
    place themselves (Sphinx puts `page.rst:LINE:` before every warning). `lines` is
    `source_lines(source)`, for a caller that formats many diagnostics of one source."""
    def paint(style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_STYLES['reset']}" if color else text

    span = diagnostic.span
    severity = diagnostic.severity.value
    if diagnostic.origin is not None:  # a library's: its own file and lines
        filename, lines = diagnostic.origin.filename, source_lines(diagnostic.origin.text)
    elif lines is None:
        lines = source_lines(source)
    filename = terminal_text(filename)
    place = f"{paint('bold', f'{filename}:{span.line}:{span.column}:')} " if located else ""
    head = (f"{place}{paint(severity, f'{severity}[{diagnostic.code}]')}: "
            f"{terminal_text(diagnostic.message)}")
    out = [head]
    out += _excerpt(lines, span, terminal_text(diagnostic.hint or ""), paint, severity)
    for label in diagnostic.labels:
        where, quoted = ((terminal_text(label.origin.filename), source_lines(label.origin.text))
                         if label.origin else (filename, lines))
        out.append(paint("dim", f"  note: {where}:{label.span.line}:{label.span.column}: "
                                f"{terminal_text(label.message)}"))
        out += _excerpt(quoted, label.span, "", paint, "hint")
    return "\n".join(out)


_MOST_LINE = 200  # characters of a source line shown in an excerpt


def _excerpt(lines: list[str], span: Span, hint: str, paint, style: str) -> list[str]:
    if not 1 <= span.line <= len(lines):
        return [f"  = hint: {hint}"] if hint else []
    text = lines[span.line - 1].expandtabs(1)
    gutter = str(span.line)
    pad = " " * len(gutter)
    start = max(span.column, 1)
    end = span.end_column if span.end_line == span.line and span.end_column > start else start + 1
    end = min(end, max(len(text) + 1, start + 1))
    if len(text) > _MOST_LINE:  # a very long line: the part around the mark, cut with `…`
        low = max(start - 1 - _MOST_LINE // 4, 0)
        high = min(max(end - 1, low + _MOST_LINE // 2), low + _MOST_LINE, len(text))
        cut = "…" if low else ""
        start, end = start - low + len(cut), min(end, high + 1) - low + len(cut)
        text = cut + text[low:high] + ("…" if high < len(text) else "")
    # The caret counts columns of the line as printed, where a control character is escaped.
    before, marked = terminal_text(text[:start - 1]), terminal_text(text[start - 1:end - 1])
    caret = " " * (len(before) + max(start - 1 - len(text), 0)) + "^" * max(len(marked), 1)
    suffix = f" {hint}" if hint else ""
    return [f" {gutter} | {terminal_text(text)}",
            f" {pad} | {paint(style, caret)}{paint('hint', suffix)}"]


def format_all(diagnostics: list[Diagnostic], source: str, filename: str,
               color: bool = False) -> str:
    """Every diagnostic of one file, as `shown` caps them."""
    kept, more = shown(diagnostics)
    lines = source_lines(source, {span.line for d in kept if d.origin is None
                                  for span in (d.span, *(label.span for label in d.labels
                                                         if label.origin is None))})
    out = [format_diagnostic(d, source, filename, color, lines=lines) for d in kept]
    return "\n".join(out + ([more] if more else []))


def to_json(diagnostics: list[Diagnostic], filename: str) -> list[dict]:
    """The `cjm check --format json` shape: one object per diagnostic."""
    return [
        {
            "file": d.origin.filename if d.origin else filename,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "hint": d.hint,
            "line": d.span.line,
            "column": d.span.column,
            "end_line": d.span.end_line,
            "end_column": d.span.end_column,
            "labels": [{"line": l.span.line, "column": l.span.column, "message": l.message,
                        **({"file": l.origin.filename} if l.origin else {})}
                       for l in d.labels],
        }
        for d in diagnostics
    ]


def dumps(diagnostics: list[Diagnostic], filename: str) -> str:
    return json.dumps(to_json(diagnostics, filename), indent=2, ensure_ascii=False)
