"""One document as an editor sees it: diagnostics, the journey so far, and every id in it.

`analyze` gives the same diagnostics as `cjm check` (limits included), but keeps the
journey built from whatever parsed (see `compile_partial`), so the outline, hover and
navigation keep working on a half-typed file. Ids are indexed as occurrences: where each
persona, stage, touchpoint and KPI is defined and where it is referred to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from cjmdsl import model as m
from cjmdsl.compile import compile_partial
from cjmdsl.diagnostics import Diagnostic, sort_key
from cjmdsl.limits import DEFAULT_LIMITS, check_journey, check_size

ID = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")

# Stages and touchpoints share one namespace; a flow may name either.
NAMESPACE = {"persona": "persona", "stage": "node", "touchpoint": "node", "kpi": "kpi"}


@dataclass(frozen=True)
class Occurrence:
    """An id written in the file: its kind, the id, where, and whether it defines it."""

    kind: str  # persona, stage, touchpoint or kpi
    id: str
    span: m.Span
    is_definition: bool

    @property
    def namespace(self) -> str:
        return NAMESPACE[self.kind]


@dataclass
class Analysis:
    text: str
    journey: m.Journey | None
    diagnostics: list[Diagnostic]
    occurrences: list[Occurrence] = field(default_factory=list)

    def occurrence_at(self, line: int, column: int) -> Occurrence | None:
        """The id under the cursor (a cursor just after an id counts too)."""
        return next((o for o in self.occurrences if _touches(o.span, line, column)), None)

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
        if self.journey is None:
            return None
        for tp in self.journey.touchpoints:
            for mark in (*tp.emotions, *tp.expectations):
                if _touches(mark.value_span, line, column):
                    return mark, tp
        return None


def analyze(text: str, filename: str = "<input>") -> Analysis:
    """Everything the server answers from, computed once per version of the text."""
    from cjmdsl.themes import builtin_names

    too_big = check_size(text, DEFAULT_LIMITS)
    if too_big:
        return Analysis(text, None, too_big)
    result = compile_partial(text, filename, known_themes=builtin_names())
    diagnostics = result.diagnostics
    if result.journey is not None and not any(d.is_error for d in diagnostics):
        diagnostics = sorted(diagnostics + check_journey(result.journey, DEFAULT_LIMITS),
                             key=sort_key)
    occurrences = index(result.journey) if result.journey else []
    return Analysis(text, result.journey, diagnostics, occurrences)


def index(journey: m.Journey) -> list[Occurrence]:
    """Every id written in the map, definitions and references, in file order."""
    found = [Occurrence("persona", p.id, p.id_span, True) for p in journey.personas]
    for stage in journey.stages:
        found.append(Occurrence("stage", stage.id, stage.id_span, True))
        for tp in stage.touchpoints:
            found.append(Occurrence("touchpoint", tp.id, tp.id_span, True))
            found += [Occurrence("persona", mark.persona, mark.persona_span, False)
                      for mark in (*tp.emotions, *tp.expectations)]
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
