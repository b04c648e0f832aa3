"""What may be typed at the cursor: keywords the grammar accepts there, and ids by context.

The keywords come from the LALR parser itself (`expected_at_end`), so they follow the
grammar without a list to keep in step. The parser reads only the statement the cursor is
in, after the headers of the blocks around it: the newest analysis says where statements
start, for the text that has not changed since. So completion costs the same at the end of
a map of 10,000 touchpoints as in a small one. Where the grammar wants a name, the word
before the cursor says which: a persona after `emotion` and `expect`, a channel after
`channel`, a declared source or a kind of source after a claim's `source` (and a kind in a
declaration), touchpoints in a `flow`, an actor after `by` and a blueprint item after a
hand-off's `->`.
"""
from __future__ import annotations

import bisect
import re

from cjmdsl import model as m
from cjmdsl.language.blueprint import located_steps
from cjmdsl.channels import CHANNELS
from cjmdsl.lanes import STEP_KINDS
from cjmdsl.integrations.lsp.analysis import ID, Analysis, Statement, lines_of
from cjmdsl.language.parser import keywords_by_terminal, expected_at_end
from cjmdsl.model import record

_PARTIAL_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_DEFINED = {"persona": re.compile(r"\bpersona\s+([A-Za-z_][A-Za-z0-9_\-]*)"),
            "touchpoint": re.compile(r"\btouchpoint\s+([A-Za-z_][A-Za-z0-9_\-]*)"),
            "source": re.compile(r"\bsource\s+([A-Za-z_][A-Za-z0-9_\-]*)\s+[A-Za-z_][A-Za-z0-9_\-]*"
                                 r"\s+\"")}


# Names offered at once, at most: a flow in a map of 10,000 touchpoints would send them all
# on every keystroke. Of a longer list, those that start with the word typed so far are
# offered, this many, and the list is marked incomplete (the client asks again as the word
# grows).
MOST_NAMES = 200


@record
class Completion:
    label: str
    kind: str  # keyword, persona, touchpoint, channel, source, pain, actor or item
    detail: str = ""


@record
class Completions:
    items: list[Completion]
    incomplete: bool = False  # names were left out (see MOST_NAMES)


def complete(analysis: Analysis, line: int, column: int,
             text: str | None = None) -> Completions:
    """The completions at 1-based `line`, `column` of `text` (the document now, which
    `analysis` may be of an older version of; by default the analysed text)."""
    text = analysis.text if text is None else text
    lines = lines_of(text)
    if not 1 <= line <= len(lines):
        return Completions([])
    before = lines[line - 1][:column - 1]
    if _in_string_or_comment(before):
        return Completions([])
    prefix = _statement_so_far(analysis, text, lines, (line, column))
    partial = _PARTIAL_WORD.search(prefix)
    if partial:
        prefix = prefix[:partial.start()]
    accepts, stack = expected_at_end(prefix)
    keywords = keywords_by_terminal()
    found = [Completion(keywords[t], "keyword") for t in sorted(accepts)
             if t in keywords and keywords[t].isidentifier()]
    if "ID" not in accepts:
        return Completions(found)
    names = _names(analysis, _word_before(stack), stack)
    if len(names) <= MOST_NAMES:
        return Completions(found + names)
    typed = partial.group().lower() if partial else ""
    names = [name for name in names if name.label.lower().startswith(typed)]
    return Completions(found + names[:MOST_NAMES], incomplete=True)


# What the parser reads before the text of a statement, for the blocks around it: the same
# parser state as the real headers, whatever their ids and names.
_MAP_HEADER = 'map "" {\n'
_STAGE_HEADER = 'stage s "" {\n'


def _statement_so_far(analysis: Analysis, text: str, lines: tuple[str, ...],
                      cursor: tuple[int, int]) -> str:
    """The headers of the blocks around `cursor`, then the text from the start of the
    statement it is in (or the end of the one before it) up to it."""
    headers, (line, column) = _restart_in(analysis, text, lines, cursor)
    if line == cursor[0]:
        return headers + lines[line - 1][column - 1:cursor[1] - 1]
    return headers + "\n".join([lines[line - 1][column - 1:], *lines[line:cursor[0] - 1],
                                 lines[cursor[0] - 1][:cursor[1] - 1]])


def _restart_in(analysis: Analysis, text: str, lines: tuple[str, ...],
                cursor: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """`_restart` for `text`, which may differ from the analysed text: the analysis places
    the statements before the first change as they are. After it, lines are where they were
    or moved by as many lines as the text after the last change did; a restart there is
    trusted only if its line reads as analysed up to it (all of it, above the cursor's)."""
    old = analysis.text
    if old == text:
        return _restart(analysis.map, cursor)
    same = _common_prefix(old, text)
    until = _position(text, same)
    if cursor > until:
        after = min(_common_prefix(old[::-1], text[::-1]), min(len(old), len(text)) - same)
        shift = _position(text, len(text) - after)[0] - _position(old, len(old) - after)[0]
        for moved_by in dict.fromkeys((0, shift)):
            headers, (line, column) = _restart(analysis.map, (cursor[0] - moved_by, cursor[1]))
            if (line, column) <= until:
                return headers, (line, column)
            moved = (line + moved_by, column)
            if moved <= cursor and _reads_as_analysed(lines, analysis.lines, moved, line,
                                                      cursor[0]):
                return headers, moved
    return _restart(analysis.map, min(cursor, until))


def _reads_as_analysed(lines, analysed, at: tuple[int, int], line: int, cursor_line: int):
    """Whether `lines` at `at` read as line `line` of the `analysed` ones: the whole line, or
    on the cursor's line (being typed in) what comes before `at` and the word at it."""
    if not 0 < at[0] <= len(lines):
        return False
    now, then = lines[at[0] - 1], analysed[line - 1]
    if at[0] != cursor_line:
        return now == then
    word_now, word_then = (ID.match(text, at[1] - 1) for text in (now, then))
    return now[:at[1] - 1] == then[:at[1] - 1] and word_now is not None and \
        word_then is not None and word_now.group() == word_then.group()


def _restart(map_statement: Statement, before: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """Where the parser may start reading for a cursor at `before` (all the text before it
    is as analysed), and the headers to read first: the start of the map-level statement
    the cursor is in or after, or of the touchpoint in a stage; the end of a block closed
    before the cursor (a statement not closed by a `}`, such as a KPI, may go on)."""
    found = _last_before(map_statement, before)
    if found is None:
        return "", (1, 1)
    if found.closed and found.end <= before:
        return _MAP_HEADER, found.end
    if found.kind != "stage" or found.end <= before:
        return _MAP_HEADER, found.start
    touchpoint = _last_before(found, before)
    if touchpoint is None:
        return _MAP_HEADER, found.start
    return _MAP_HEADER + _STAGE_HEADER, (touchpoint.end if touchpoint.closed and
                                         touchpoint.end <= before else touchpoint.start)


def _last_before(block: Statement, before: tuple[int, int]) -> Statement | None:
    """The last statement in `block` that starts before `before`."""
    index = bisect.bisect_left(block.starts, before)
    return block.inner[index - 1] if index else None


def _common_prefix(old: str, new: str) -> int:
    """How many characters `old` and `new` share at their start, compared a block at a time
    (a few slices of a large text, not a loop over its characters)."""
    low, step, most = 0, 1 << 16, min(len(old), len(new))
    while low < most and old[low:low + step] == new[low:low + step]:
        low += step
    if low >= most:
        return most
    high = min(low + step, most) + 1
    while high - low > 1:  # old[:low] == new[:low], and they differ before `high`
        middle = (low + high) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle
    return low


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of `offset` in `text`, 1-based."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _names(analysis: Analysis, word: str, stack: list) -> list[Completion]:
    if word == "by":
        return _actors(analysis)
    if word == "->" and _in_a_block(stack):  # a hand-off, not a flow
        return _items(analysis)
    if word in _HANDOFF_LANES and len(stack) > 1 and _word_before(stack[:-1]) == "->":
        return _items(analysis, word)
    if word in ("emotion", "expect", ","):
        return _personas(analysis)
    if word in ("->", ":"):
        return _touchpoints(analysis)
    if word == "flow":
        return _personas(analysis) + _touchpoints(analysis)
    if word == "channel":
        return _declared_channels(analysis) + _built_in_channels()
    if word == "like":
        return _built_in_channels()
    if word == "for":
        return _personas(analysis)
    if word == "addresses":
        return _pain_points(analysis)
    kinds = [Completion(kind, "source") for kind in m.SOURCE_KINDS]
    if word == "source":
        return _sources(analysis) + kinds if _in_a_block(stack) else []  # else: a new id
    if len(stack) > 1 and _word_before(stack[:-1]) == "source" and not _in_a_block(stack):
        return kinds  # the kind of a declared source
    return []  # a new id (after `persona`, `stage`, …): nothing to offer


_HANDOFF_LANES = tuple(kind.keyword for kind in STEP_KINDS if kind.keyword != "action")


def _actors(analysis: Analysis) -> list[Completion]:
    """The actors the map declares, for `by`."""
    journey = analysis.journey
    return [Completion(a.id, "actor", f"{a.name} ({a.kind})") for a in journey.actors] \
        if journey else []


def _items(analysis: Analysis, lane: str | None = None) -> list[Completion]:
    """The blueprint items with an id (of one lane, when it is written), for a hand-off."""
    journey = analysis.journey
    if journey is None:
        return []
    return [Completion(step.id, "item", f"{step.text} ({keyword}, {tp.name})")
            for keyword, tp, step in located_steps(journey)
            if step.id and (lane is None or keyword == lane)]


def _built_in_channels() -> list[Completion]:
    return [Completion(c.name, "channel", c.label) for c in CHANNELS.values()]


def _declared_channels(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    return [Completion(c.id, "channel", c.label) for c in journey.channels] if journey else []


def _pain_points(analysis: Analysis) -> list[Completion]:
    """The pain points with an id, for `addresses`."""
    journey = analysis.journey
    if journey is None:
        return []
    return [Completion(pain.id, "pain", f"{pain.text} ({tp.name})")
            for tp in journey.touchpoints for pain in tp.pains if pain.id]


def _in_a_block(stack: list) -> bool:
    """Whether the parser is inside a stage (a claim or an action item), not at map level."""
    keywords = keywords_by_terminal()
    return any(keywords.get(getattr(value, "type", "")) == "stage" for value in stack)


def _sources(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    if journey is not None and journey.sources:
        return [Completion(s.id, "source", f"{s.title} ({s.kind})") for s in journey.sources]
    return [Completion(name, "source") for name in _defined(analysis.text, "source")]


def _personas(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    if journey is not None and (journey.personas or analysis.libraries):
        # the map's, then those of its libraries that it does not name yet
        offered = {p.id: p for p in journey.personas}
        for library in analysis.libraries:
            for persona in library.journey.personas if library.journey else ():
                offered.setdefault(persona.id, persona)
        return [Completion(p.id, "persona", p.name) for p in offered.values()]
    return [Completion(name, "persona") for name in _defined(analysis.text, "persona")]


def _touchpoints(analysis: Analysis) -> list[Completion]:
    journey = analysis.journey
    if journey is not None and journey.touchpoints:
        return [Completion(tp.id, "touchpoint", f"{tp.name} ({tp.stage})")
                for tp in journey.touchpoints]
    return [Completion(name, "touchpoint") for name in _defined(analysis.text, "touchpoint")]


def _defined(text: str, keyword: str) -> list[str]:
    """Ids declared with `keyword`, found by a plain search when nothing could be built."""
    return list(dict.fromkeys(_DEFINED[keyword].findall(text)))


def _word_before(stack: list) -> str:
    """The keyword or punctuation just before the cursor, from the parser's value stack
    (`:` also when the persona list of a flow has already been reduced)."""
    if not stack:
        return ""
    last = stack[-1]
    if getattr(last, "data", None) == "flow_personas":
        return ":"
    keywords = keywords_by_terminal()
    word = keywords.get(getattr(last, "type", ""), "")
    if word == ",":  # in a list of ids: what the list's keyword names
        for item in reversed(stack[:-1]):
            if getattr(item, "data", None) == "handoff_target":
                continue  # `-> a, b`: a list of hand-offs
            kind = getattr(item, "type", "")
            if kind not in ("ID", "COMMA"):
                listed = keywords.get(kind, "")
                return listed if listed in ("channel", "for", "addresses", "->") else ","
    return word


def _in_string_or_comment(before: str) -> bool:
    """Whether the cursor, after `before` on its line, sits in a string or a comment."""
    in_string = escaped = False
    for i, char in enumerate(before):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "#" or before.startswith("//", i):
            return True
    return in_string
