"""Journey-quality rules (`cjm lint`): the compiler's diagnostics, then the rules of
`cjmdsl.review.lint.rules` tuned by `[lint]` (`cjmdsl.review.lint.settings`) and allowed per line by
`// cjm: allow` comments (`cjmdsl.review.lint.suppress`), and the coverage figures of each map.

    from cjmdsl.review.lint import lint_text
    result = lint_text(text, "shop.cjm")
    result.diagnostics, result.coverage["pains"].share
"""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime, timezone

from typing import TYPE_CHECKING

from cjmdsl.facts.answers import answering
from cjmdsl.language.diagnostics import Diagnosed, Diagnostic, Severity, sort_key
from cjmdsl.language.limits import DEFAULT_LIMITS, Limits
from cjmdsl.review.lint.rules import (BY_CODE, ERROR, OFF, RULES, Thresholds, claims, owned_items,
                                      stale_evidence)
from cjmdsl.review.lint.settings import FIGURES, LintSettings
from cjmdsl.model import Journey, record

if TYPE_CHECKING:
    from cjmdsl.language.compile import CompileResult

__all__ = ["FIGURES", "LintResult", "LintSettings", "Share", "aged", "below", "coverage",
           "lint_compiled", "lint_text", "rule_name", "today"]


@record
class Share:
    """How many of `total` things are covered; `share` is None when there are none."""

    covered: int
    total: int

    @property
    def share(self) -> float | None:
        return self.covered / self.total if self.total else None


@record
class LintResult(Diagnosed):
    """A map's diagnostics (sorted, tuned, allowed ones left out) and its coverage figures
    by FIGURES name (None when the map did not compile)."""

    diagnostics: list[Diagnostic]
    coverage: dict[str, Share] | None


def today() -> date:
    """The day evidence is aged against: `SOURCE_DATE_EPOCH` when set (reproducible builds
    and tests), else today in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date()
    return datetime.now(timezone.utc).date()


def aged(compiled: CompileResult, months: int, on: date | None = None) -> CompileResult:
    """A compiled map's result with its stale evidence added (L208, evidence older than
    `months` on `on`, default `today()`), as `cjm check --max-evidence-age` reports it."""
    limits = Thresholds(max_evidence_age=months, today=on or today())
    found = list(stale_evidence(compiled.journey, limits))
    if not found:
        return compiled
    return replace(compiled, diagnostics=sorted(compiled.diagnostics + found, key=sort_key))


def rule_name(code: str) -> str | None:
    """The rule whose diagnostics carry `code`; None for the compiler's other codes."""
    rule = BY_CODE.get(code)
    return rule.name if rule else None


def coverage(journey: Journey) -> dict[str, Share]:
    """The shares of pains with an opportunity, of claims with evidence, and of opportunities
    and action items with an owner. They count the map as written: severities and `allow`
    comments change what is reported, not the figures."""
    pains = [bool(answers) for _, _, answers in answering(journey)]
    evidence = [pain.source is not None for _, pain in claims(journey)]
    owners = [item.owner is not None for item in owned_items(journey)]
    return {"pains": Share(sum(pains), len(pains)),
            "evidence": Share(sum(evidence), len(evidence)),
            "owners": Share(sum(owners), len(owners))}


def below(figures: dict[str, Share] | None, bars: dict[str, float]) -> list[tuple[str, Share, float]]:
    """The figures under their bar, in FIGURES order; a figure with nothing to count meets
    any bar."""
    if figures is None:
        return []
    return [(name, figures[name], bars[name]) for name in FIGURES
            if name in bars and figures[name].share is not None
            and figures[name].share < bars[name]]


def lint_text(text: str, filename: str = "<input>", settings: LintSettings = LintSettings(),
              path: str | None = None, limits: Limits = DEFAULT_LIMITS,
              on: date | None = None, file=None) -> LintResult:
    """Compile `text` and apply the rules. `path` is the map's path relative to the config's
    folder (for `[[lint.overrides]]`); `on` the day evidence is aged against (`today()`);
    `file` where the text was read from, for its `use`s."""
    from cjmdsl.api import check

    compiled = check(text, filename, limits, file)
    return lint_compiled(text, compiled.journey, compiled.diagnostics, settings, path, on)


def lint_compiled(text: str, journey: Journey | None, diagnostics: list[Diagnostic],
                  settings: LintSettings = LintSettings(), path: str | None = None,
                  on: date | None = None) -> LintResult:
    """The rules over a map compiled already (`journey` None when it has errors), with the
    compiler's `diagnostics`: the language server compiles as the user types and lints
    what it compiled."""
    from cjmdsl.review.lint.suppress import allowed

    severities, thresholds = settings.for_file(path)
    thresholds = replace(thresholds, today=on or today())
    found = list(diagnostics)
    figures = None
    switched_on = {name for name, severity in severities.items() if severity != OFF}
    if journey is not None:
        for rule in RULES:
            if rule.check is not None and rule.name in switched_on:
                found += rule.check(journey, thresholds, switched_on)
        figures = coverage(journey)
    comments = allowed(text) if journey is not None else None
    kept = _tuned(found, severities, comments)
    if comments:
        if "unused-allow" in switched_on:
            kept += _tuned(comments.unused(switched_on), severities, None)
        kept += comments.problems
    return LintResult(sorted(kept, key=sort_key), figures)


def _tuned(found: list[Diagnostic], severities: dict[str, str], comments) -> list[Diagnostic]:
    """The diagnostics whose rule is on and not allowed where they are, each with its rule's
    severity; the compiler's other diagnostics as they are."""
    kept = []
    for diagnostic in found:
        name = rule_name(diagnostic.code)
        if name is not None:
            if severities[name] == OFF or (comments and comments.allows(diagnostic, name)):
                continue
            wanted = Severity.ERROR if severities[name] == ERROR else Severity.WARNING
            diagnostic = replace(diagnostic, severity=wanted)
        kept.append(diagnostic)
    return kept
