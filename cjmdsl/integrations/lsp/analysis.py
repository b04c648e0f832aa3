"""One document as an editor sees it: diagnostics, the journey so far, and every id in it.

`analyze` gives the same diagnostics as `cjm lint` (the compiler's, limits included, then
the journey-quality rules as the project's `[lint]` tunes them), but keeps the journey built
from whatever parsed (see `compile_partial`), so the outline, hover and navigation keep
working on a half-typed file. Ids are indexed as occurrences: where each
persona, stage, touchpoint and KPI is defined and where it is referred to.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial

from cjmdsl import model as m
from cjmdsl.language.compile import CompileResult
from cjmdsl.language.diagnostics import Diagnostic
from cjmdsl.language.edits import compile_again
from cjmdsl.language.limits import DEFAULT_LIMITS, check_size
from cjmdsl.model import record

ID = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")

# Stages and touchpoints share one namespace; a flow may name either.
NAMESPACE = {"persona": "persona", "stage": "node", "touchpoint": "node", "kpi": "kpi",
             "finding": "finding", "channel": "channel", "source": "source", "actor": "actor",
             "item": "item"}


@record
class Occurrence:
    """An id written in the file: its kind, the id, where, and whether it defines it."""

    kind: str  # persona, stage, touchpoint, kpi, source, finding (a pain point's or
    # opportunity's id), channel (one the map declares), actor or item (a blueprint item's id)
    id: str
    span: m.Span
    is_definition: bool

    @property
    def namespace(self) -> str:
        return NAMESPACE[self.kind]


@record
class Statement:
    """A statement of the map where the newest analysis found it (`start` and `end` as
    (line, column)), and for a stage the touchpoints in it: what completion restarts from."""

    kind: str
    start: tuple[int, int]
    end: tuple[int, int]
    closed: bool = False  # it ends with the `}` of its block: nothing can continue it
    inner: tuple[Statement, ...] = ()

    @cached_property
    def starts(self) -> list[tuple[int, int]]:
        return [statement.start for statement in self.inner]


@dataclass
class Analysis:
    """One version of a document, analysed, with indexes that answer hover and completion by
    dict lookups and bisection: they run on the loop while the next analysis holds the CPU."""

    text: str
    journey: m.Journey | None
    diagnostics: list[Diagnostic]
    occurrences: list[Occurrence] = field(default_factory=list)
    seconds: float = 0.0  # how long the analysis took
    libraries: tuple = ()  # the libraries the map uses (cjmdsl.language.libraries.UsedLibrary)
    files: frozenset = frozenset()  # every library file it depends on, however deep
    compiled: CompileResult | None = None  # what the next analysis's compile can reuse

    def __post_init__(self):
        self.lines = lines_of(self.text)
        self._on_line: dict[int, list[Occurrence]] = {}
        for occurrence in self.occurrences:
            self._on_line.setdefault(occurrence.span.line, []).append(occurrence)
        self._feelings: dict[int, list] = {}
        self.personas: dict[str, m.Persona] = {}
        self.stages: dict[str, m.Stage] = {}
        self.touchpoints: dict[str, m.Touchpoint] = {}
        self.sources: dict[str, m.DeclaredSource] = {}
        self.map = Statement("map", (1, 1), (len(self.lines) + 1, 1))
        if self.journey is not None:
            self._index(self.journey)

    def _index(self, journey: m.Journey) -> None:
        for persona in journey.personas:
            self.personas.setdefault(persona.id, persona)
        for source in journey.sources:
            self.sources.setdefault(source.id, source)
        for stage in journey.stages:
            self.stages.setdefault(stage.id, stage)
            for tp in stage.touchpoints:
                self.touchpoints.setdefault(tp.id, tp)
                for mark in (*tp.emotions, *tp.expectations):
                    self._feelings.setdefault(mark.value_span.line, []).append((mark, tp))
        statement = partial(_statement, self.lines)
        statements = [statement("stage", stage, [statement("touchpoint", tp)
                                                 for tp in stage.touchpoints])
                      for stage in journey.stages]
        statements += [statement(kind, node) for kind, nodes in (
            ("persona", journey.personas), ("kpi", journey.kpis), ("flow", journey.flows),
            ("scale", (journey.scale,)), ("source", journey.sources)) for node in nodes]
        self.map = Statement("map", (1, 1), (len(self.lines) + 1, 1), False,
                             tuple(sorted((s for s in statements if s), key=_start)))

    def reads_as_analysed(self, line: int, lines) -> bool:
        """Whether `line` of `lines` (the text now, maybe newer) is the line analysed there: only
        then may this analysis describe what is on it."""
        return 0 < line <= min(len(lines), len(self.lines)) and \
            lines[line - 1] == self.lines[line - 1]

    def occurrence_at(self, line: int, column: int) -> Occurrence | None:
        """The id under the cursor (a cursor just after an id counts too)."""
        return next((o for o in self._on_line.get(line, ()) if _touches(o.span, line, column)),
                    None)

    def definition_of(self, occurrence: Occurrence) -> Occurrence | None:
        return next((o for o in self.occurrences if o.is_definition
                     and o.namespace == occurrence.namespace and o.id == occurrence.id), None)

    def references_to(self, occurrence: Occurrence, include_definition: bool = True):
        return [o for o in self.occurrences
                if o.namespace == occurrence.namespace and o.id == occurrence.id
                and (include_definition or not o.is_definition)]

    def ids(self, kind: str) -> list[str]:
        """The ids defined for `kind`, in file order, without repeats."""
        return list(dict.fromkeys(o.id for o in self.occurrences
                                  if o.is_definition and o.kind == kind))

    def feeling_at(self, line: int, column: int):
        """The emotion or expectation whose value is under the cursor, with its touchpoint."""
        return next(((mark, tp) for mark, tp in self._feelings.get(line, ())
                     if _touches(mark.value_span, line, column)), None)


@lru_cache(maxsize=4)
def lines_of(text: str) -> tuple[str, ...]:
    """A text's lines as the model counts them, split once per version of a document."""
    return tuple(text.split("\n"))


def _statement(lines: tuple[str, ...], kind: str, node, inner=()) -> Statement | None:
    span = node.span
    if span == m.NO_SPAN or None in (span.line, span.column, span.end_line, span.end_column):
        return None  # a block the parser's recovery made up
    closed = lines[span.end_line - 1][span.end_column - 2:span.end_column - 1] == "}"
    return Statement(kind, (span.line, span.column), (span.end_line, span.end_column), closed,
                     tuple(sorted((s for s in inner if s), key=_start)))


def _start(statement: Statement) -> tuple[int, int]:
    return statement.start


def analyze(text: str, filename: str = "<input>", before: Analysis | None = None) -> Analysis:
    """Everything the server answers from, computed once per version of the text; `before`,
    the analysis of an earlier version, lets the compile parse again only the stage an edit
    changed (`cjmdsl.language.edits`)."""
    from cjmdsl.themes import builtin_names

    started = time.perf_counter()
    too_big = check_size(text, DEFAULT_LIMITS)
    if too_big:
        return Analysis(text, None, too_big, seconds=time.perf_counter() - started)
    result = compile_again(text, before.compiled if before else None, filename,
                           builtin_names(), lambda: _importer(text, filename), partial=True,
                           limits=DEFAULT_LIMITS)
    diagnostics = result.diagnostics
    if result.journey is not None and not any(d.is_error for d in diagnostics):
        diagnostics = linted(text, result.journey, diagnostics, filename)
    used = {library.span for library in result.libraries}
    occurrences = [o for o in index(result.journey) if not (o.is_definition and o.span in used)
                   ] if result.journey else []  # an imported id is defined in its library
    return Analysis(text, result.journey, diagnostics, occurrences,
                    seconds=time.perf_counter() - started, libraries=result.libraries,
                    files=frozenset(result.files), compiled=result)


def _importer(text: str, filename: str):
    """The importer for a document saved as a file (its `use`s read the libraries from
    disk, as `cjm check` does); None for one that is not (E113 then)."""
    from pathlib import Path

    from cjmdsl.language.libraries import Libraries
    from cjmdsl.themes import builtin_names

    path = Path(filename)
    if not path.is_absolute():
        return None
    return Libraries(None, DEFAULT_LIMITS, builtin_names()).importer(path, filename, text)


def library_definition(libraries, occurrence: Occurrence):
    """Where a library the map uses (or one of theirs) defines the id of `occurrence`: the
    library's path and the span there; None when none does."""
    for library in libraries:
        if library.journey is None:
            continue
        nested = {used.span for used in library.libraries}
        found = next((o for o in index(library.journey) if o.is_definition
                      and o.namespace == occurrence.namespace and o.id == occurrence.id
                      and o.span not in nested), None)
        if found is not None:
            return library.path, found.span
        deeper = library_definition(library.libraries, occurrence)
        if deeper is not None:
            return deeper
    return None


def used_library_at(analysis: Analysis, line: int, column: int):
    """The library whose `use` path is under the cursor, if any."""
    return next((library for library in analysis.libraries
                 if _touches(library.span, line, column)), None)


def linked_map_at(analysis: Analysis, line: int, column: int) -> m.LinkedMap | None:
    """The map whose `details` path is under the cursor, if any."""
    if analysis.journey is None:
        return None
    return next((tp.details for tp in analysis.journey.touchpoints
                 if tp.details and _touches(tp.details.span, line, column)), None)


def linted(text: str, journey: m.Journey, diagnostics: list[Diagnostic],
           filename: str) -> list[Diagnostic]:
    """The diagnostics with the rules of `cjm lint` applied, tuned by the `[lint]` of the
    project the file is in. A config with mistakes is `cjm lint`'s to report: here the rules
    then run with their defaults."""
    from pathlib import Path

    from cjmdsl.config import ConfigError, project_config
    from cjmdsl.review.lint import lint_compiled
    from cjmdsl.review.lint.settings import LintSettings, path_in_project

    path = Path(filename)
    settings, relative = LintSettings(), None
    if path.is_absolute():
        try:
            config = project_config(path.parent)
        except (ConfigError, OSError):
            config = None
        if config is not None:
            settings = config.lint or settings
            relative = path_in_project(path, config.path)
    return lint_compiled(text, journey, diagnostics, settings, relative).diagnostics


def index(journey: m.Journey) -> list[Occurrence]:
    """Every id written in the map, definitions and references, in file order."""
    found = [Occurrence("persona", p.id, p.id_span, True) for p in journey.personas]
    found += [Occurrence("source", s.id, s.id_span, True) for s in journey.sources]
    for stage in journey.stages:
        found.append(Occurrence("stage", stage.id, stage.id_span, True))
        for tp in stage.touchpoints:
            found.append(Occurrence("touchpoint", tp.id, tp.id_span, True))
            found += [Occurrence("persona", mark.persona, mark.persona_span, False)
                      for mark in (*tp.emotions, *tp.expectations)]
            found += [Occurrence("channel", use.written, use.span, False)
                      for use in tp.channels if use.label is not None]
            for finding in (*tp.pains, *tp.opportunities):
                if finding.id:
                    found.append(Occurrence("finding", finding.id, finding.id_span, True))
                found += [Occurrence("persona", name, span, False)
                          for name, span in zip(finding.personas, finding.persona_spans)]
                found += [Occurrence("finding", name, span, False)
                          for name, span in zip(finding.addresses, finding.address_spans)]
            found += [Occurrence("source", claim.source.cites, claim.source.kind_span, False)
                      for claim in tp.claims if claim.source and claim.source.cites]
            for step in tp.steps:
                if step.id:
                    found.append(Occurrence("item", step.id, step.id_span, True))
                if step.actor:
                    found.append(Occurrence("actor", step.actor, step.actor_span, False))
                found += [Occurrence("item", handoff.to, handoff.to_span, False)
                          for handoff in step.handoffs]
    found += [Occurrence("channel", c.id, c.id_span, True) for c in journey.channels]
    found += [Occurrence("actor", a.id, a.id_span, True) for a in journey.actors]
    found += [Occurrence("kpi", kpi.id, kpi.id_span, True) for kpi in journey.kpis]
    stages = {s.id for s in journey.stages} - {tp.id for tp in journey.touchpoints}
    for flow in journey.flows:
        found += [Occurrence("persona", name, span, False)
                  for name, span in zip(flow.personas, flow.persona_spans)]
        steps = [(flow.start, flow.start_span)]
        steps += [(step.to, step.to_span) for step in flow.steps if not step.is_exit]
        found += [Occurrence("stage" if name in stages else "touchpoint", name, span, False)
                  for name, span in steps]
    found = [o for o in found if o.span != m.NO_SPAN]
    found.sort(key=lambda o: (o.span.line, o.span.column))
    return found


def suggestion(diagnostic: Diagnostic) -> str | None:
    """The word a did-you-mean hint proposes, if the diagnostic has one."""
    match = _DID_YOU_MEAN.fullmatch(diagnostic.hint or "")
    return match.group(1) if match else None


def _touches(span: m.Span, line: int, column: int) -> bool:
    return (span != m.NO_SPAN and span.line == line == span.end_line
            and span.column <= column <= span.end_column)
