"""The journey-quality rules, as a table: a name, a code, a default severity, a check.

A rule reads the compiled model and says where the map is weaker than its readers need: a
pain nobody answers, an idea nobody owns, a claim with no evidence. Two rules are warnings the
compiler already gives (W102, W103): the table names them so that `cjm lint` can tune and
allow them like the others, and no second check repeats the compiler's.

What answers what is `cjmdsl.facts.answers`, for the rules and the coverage figures alike
(an opportunity answers the pains of its own touchpoint and those it `addresses`); the claim that must have evidence is a pain point, and its
evidence is its `source`. Every claim (`model.Touchpoint.claims`) may cite a source, and
every source cited anywhere ages: a declared source by its `collected` date, reported once at
the declaration; an inline one by a date in its detail, at the citation.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date

from cjmdsl.facts.answers import answering
from cjmdsl.language.diagnostics import Diagnostic, warning
from cjmdsl.model import (ActionItem, Finding, Journey, Source, Span, Touchpoint, collected_date,
                          record)
from cjmdsl.words.numbers import signed

ERROR, WARNING, OFF = "error", "warning", "off"
SEVERITIES = (ERROR, WARNING, OFF)


@record
class Thresholds:
    """The tunable numbers of the rules: `gap_threshold` (a gap, felt minus expected, at or
    below it counts), `max_evidence_age` in months, and the day evidence is aged against."""

    gap_threshold: float = -2
    max_evidence_age: int = 12
    today: date = date(1970, 1, 1)


@record
class Rule:
    """One rule: `name` as config files and comments write it, the `code` its diagnostics
    carry, its default `severity`, and `check` (None: its diagnostics come from elsewhere,
    the compiler's warnings or, for `unused-allow`, the reading of the comments)."""

    name: str
    code: str
    severity: str
    summary: str
    check: Callable[[Journey, Thresholds, set[str]], Iterator[Diagnostic]] | None = None


# ── what must have evidence and an owner (shared with the coverage figures) ──
def claims(journey: Journey) -> Iterator[tuple[Touchpoint, Finding]]:
    """The claims of a map that evidence can back today: its pain points."""
    for tp in journey.touchpoints:
        for pain in tp.pains:
            yield tp, pain


def owned_items(journey: Journey) -> Iterator[Finding | ActionItem]:
    """What someone should own: every opportunity and action item."""
    for stage in journey.stages:
        for tp in stage.touchpoints:
            yield from tp.opportunities
        yield from stage.action_items


# ── the checks ───────────────────────────────────────────────────────────────
def _keyword(span: Span, keyword: str) -> Span:
    """The statement's keyword, where the caret goes: a whole statement would underline
    its text and options too."""
    return Span(span.line, span.column, span.line, span.column + len(keyword))


def _pains_without_opportunity(journey: Journey, limits: Thresholds, on: set[str]):
    for tp, pain, answers in answering(journey):
        if not answers:
            hint = f'add an `opportunity "…"` to touchpoint `{tp.id}` that answers it'
            if pain.id is not None:
                hint += f", or `addresses {pain.id}` to an opportunity elsewhere"
            yield warning("L201", f"pain point at `{tp.id}` has no opportunity",
                          _keyword(pain.span, "pain"), hint)


def _opportunities_without_owner(journey: Journey, limits: Thresholds, on: set[str]):
    for tp in journey.touchpoints:
        for opportunity in tp.opportunities:
            if opportunity.owner is None:
                yield warning("L202", f"opportunity at `{tp.id}` has no owner",
                              _keyword(opportunity.span, "opportunity"),
                              'name who takes it on: add `owner "Team"` after it')


def _action_items_without_owner(journey: Journey, limits: Thresholds, on: set[str]):
    for stage in journey.stages:
        for item in stage.action_items:
            if item.owner is None:
                yield warning("L203", f"action item in stage `{stage.id}` has no owner",
                              _keyword(item.span, "action_item"),
                              'name who does it: add `owner "Team"` after it')


def _moments_without_kpi(journey: Journey, limits: Thresholds, on: set[str]):
    """A moment of truth counts as measured by a KPI of the whole map, a KPI of its stage
    (`kpi … at STAGE`) or a metric at its touchpoint."""
    measured = {kpi.stage for kpi in journey.kpis}
    if None in measured:
        return
    for tp in journey.touchpoints:
        if tp.moment_of_truth is not None and not tp.metrics and tp.stage not in measured:
            yield warning("L204", f"moment of truth at `{tp.id}` has no KPI",
                          _keyword(tp.moment_of_truth.span, "moment_of_truth"),
                          'measure it: add a KPI to the map, such as '
                          '`kpi conversion "Conversion" value 30% higher target 40%`')


def _stages_without_goal(journey: Journey, limits: Thresholds, on: set[str]):
    for stage in journey.stages:
        if not stage.goals:
            yield warning("L205", f"stage `{stage.id}` has no goal", stage.id_span,
                          'add `goal "…"`: what the customer wants from this stage')


def _gaps_without_opportunity(journey: Journey, limits: Thresholds, on: set[str]):
    """A gap is answered where an opportunity answers the touchpoint or one of its pains; a
    touchpoint whose pains L201 already reports gets no second message for its gap: both say
    "add an opportunity here"."""
    answered = {id(tp) for tp, _, answers in answering(journey) if answers}
    for tp in journey.touchpoints:
        if (tp.opportunities or id(tp) in answered
                or (tp.pains and "pain-without-opportunity" in on)):
            continue
        for emotion in tp.emotions:
            expected = tp.expectation_of(emotion.persona)
            if expected is None:
                continue
            gap = emotion.value - expected.value
            if gap <= limits.gap_threshold:
                yield warning("L206", f"`{emotion.persona}` feels {signed(gap)} against what they "
                                      f"expected at `{tp.id}`, and nothing answers it",
                              emotion.span, f'add an `opportunity "…"` to touchpoint `{tp.id}`')


def _claims_without_evidence(journey: Journey, limits: Thresholds, on: set[str]):
    for tp, pain in claims(journey):
        if pain.source is None:
            yield warning("L207", f"pain point at `{tp.id}` has no evidence",
                          _keyword(pain.span, "pain"),
                          'cite where it was found: add `source interview "6 of 14 '
                          'participants"` (or survey, review, analytics, support, other)')


def stale_evidence(journey: Journey, limits: Thresholds, on: set[str] = frozenset()):
    """Evidence older than `limits.max_evidence_age` on `limits.today` (L208); `cjm check
    --max-evidence-age` runs this rule too."""
    citations: dict[str, int] = {}
    for tp in journey.touchpoints:
        for claim in tp.claims:
            source = claim.source
            if source is not None and source.cites:
                citations[source.cites] = citations.get(source.cites, 0) + 1
                continue
            dated = evidence_date(source) if source else None
            if dated is None:
                continue
            age = _months_between(dated, limits.today)
            if age > limits.max_evidence_age:
                yield warning("L208", f"evidence at `{tp.id}` is {age} months old, older than "
                                      f"{limits.max_evidence_age} months", source.span,
                              "research it again and update the source, or raise "
                              "`max-evidence-age`")
    for declared in journey.sources:
        dated = collected_date(declared.collected) if declared.collected else None
        if declared.id not in citations or dated is None:
            continue
        age = _months_between(dated, limits.today)
        if age > limits.max_evidence_age:
            count = citations[declared.id]
            yield warning("L208", f"source `{declared.id}` is {age} months old, older than "
                                  f"{limits.max_evidence_age} months (cited by {count} "
                                  f"claim{'s' if count != 1 else ''})", declared.collected_span,
                          "research it again and update `collected`, or raise "
                          "`max-evidence-age`")


# A date in a source's detail: 2025-03-14, 2025-03, or a year standing as a word (2024).
# A number after `=` is a count (`n=2024`), not a year.
_DATE = re.compile(r"(?<![\w=])((?:19|20)\d\d)(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?"
                   r"(?![\w])")


def evidence_date(source: Source) -> date | None:
    """When the evidence of a source was gathered, as its detail writes it; the last day of
    a month or year written without a day, so evidence ages only once all of it has. None
    when the detail holds no date (a declared source has its own date: `collected`)."""
    found = _DATE.search(source.detail or "")
    if found is None:
        return None
    year = int(found.group(1))
    month = int(found.group(2) or 12)
    last = calendar.monthrange(year, month)[1]
    day = min(int(found.group(3) or last), last)
    return date(year, month, day)


def _months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return max(months, 0)


RULES: tuple[Rule, ...] = (
    Rule("pain-without-opportunity", "L201", WARNING, "pain point without an opportunity",
         _pains_without_opportunity),
    Rule("opportunity-without-owner", "L202", WARNING, "opportunity without an owner",
         _opportunities_without_owner),
    Rule("action-item-without-owner", "L203", WARNING, "action item without an owner",
         _action_items_without_owner),
    Rule("moment-of-truth-without-kpi", "L204", WARNING, "moment of truth without a KPI",
         _moments_without_kpi),
    Rule("stage-without-goal", "L205", WARNING, "stage without a goal", _stages_without_goal),
    Rule("gap-without-opportunity", "L206", WARNING,
         "emotion far below the expectation, with no opportunity", _gaps_without_opportunity),
    Rule("claim-without-evidence", "L207", WARNING, "claim without evidence",
         _claims_without_evidence),
    Rule("stale-evidence", "L208", WARNING, "evidence older than the limit", stale_evidence),
    Rule("unused-allow", "L209", WARNING, "`cjm: allow` comment that allows nothing"),
    Rule("touchpoint-without-channel", "W102", WARNING, "touchpoint has no channel"),
    Rule("persona-without-emotions", "W103", WARNING, "persona has no emotions"),
)
RULE_NAMES = tuple(rule.name for rule in RULES)
BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}

# Lint's own code: a `cjm: allow` comment it cannot read. Not a rule; always a warning.
UNKNOWN_ALLOW = "L200"
UNUSED_ALLOW = "L209"  # the code of the rule `unused-allow`
# Every L code with its summary (the README's table of rules and `cjm explain` read these).
LINT_CODES: dict[str, str] = {
    UNKNOWN_ALLOW: "unknown rule in a `cjm: allow` comment",
    **{rule.code: rule.summary for rule in RULES if rule.code.startswith("L")},
}
