"""`cjm report`: what a map says, read out for the people who act on it: each persona's
worst moments, the largest gaps, pains by stage, evidence coverage (the lint figures,
`cjmdsl.review.lint.coverage`), opportunities ranked, KPIs against their targets; and across many
maps, where pains concentrate and which personas fare worst.

This module computes; `cjmdsl.review.report.markdown` and `cjmdsl.review.report.html` only write.

    from cjmdsl.review.report import map_report, portfolio
    report = map_report(journey, "shop.cjm")
    report.worst[0].moments[0].touchpoint.name
"""
from __future__ import annotations

from collections.abc import Iterable

from cjmdsl.facts.answers import answering
from cjmdsl.model import Journey, Kpi, Opportunity, PainPoint, Persona, Stage, Touchpoint, record
from cjmdsl.review.lint import Share, coverage

__all__ = ["MapReport", "Moment", "Portfolio", "map_report", "portfolio"]

WORST_PER_PERSONA = 3  # the lowest feelings listed for each persona
LARGEST_GAPS = 5  # the gaps (felt below expected) listed for a map
PORTFOLIO_ROWS = 10  # the stages and channels listed where pains concentrate


@record
class Moment:
    """What one persona feels at one touchpoint, and what it expected there."""

    persona: Persona
    stage: Stage
    touchpoint: Touchpoint
    value: float
    word: str | None
    expected: float | None

    @property
    def gap(self) -> float | None:
        """Felt minus expected: below zero where the touchpoint disappoints."""
        return None if self.expected is None else self.value - self.expected


@record
class PersonaMoments:
    """A persona's lowest feelings, lowest first (ties in map order), and all it felt."""

    persona: Persona
    moments: tuple[Moment, ...]
    felt: tuple[Moment, ...]

    @property
    def average(self) -> float | None:
        return sum(m.value for m in self.felt) / len(self.felt) if self.felt else None


@record
class StagePains:
    stage: Stage
    pains: tuple[tuple[Touchpoint, PainPoint], ...]

    @property
    def with_evidence(self) -> int:
        return sum(1 for _, pain in self.pains if pain.source is not None)


@record
class RankedOpportunity:
    """An opportunity with what makes it urgent: how many pains it answers (those of its
    touchpoint and those it `addresses`), the lowest feeling there and whether it is a
    moment of truth."""

    opportunity: Opportunity
    stage: Stage
    touchpoint: Touchpoint
    pains: int
    lowest: float | None
    moment_of_truth: bool


@record
class MapReport:
    journey: Journey
    name: str
    worst: tuple[PersonaMoments, ...]
    gaps: tuple[Moment, ...]
    pains_by_stage: tuple[StagePains, ...]
    coverage: dict[str, Share]
    opportunities: tuple[RankedOpportunity, ...]

    @property
    def kpis(self) -> tuple[Kpi, ...]:
        return self.journey.kpis

    @property
    def pain_count(self) -> int:
        return sum(len(stage.pains) for stage in self.pains_by_stage)


def moments(journey: Journey) -> list[Moment]:
    """Every feeling of the map, in map order, with its expectation."""
    personas = {}
    for persona in journey.personas:
        personas.setdefault(persona.id, persona)
    found = []
    for stage in journey.stages:
        for tp in stage.touchpoints:
            for emotion in tp.emotions:
                if emotion.persona not in personas or tp.emotion_of(emotion.persona) is not emotion:
                    continue
                expected = tp.expectation_of(emotion.persona)
                found.append(Moment(personas[emotion.persona], stage, tp, emotion.value,
                                    emotion.word, None if expected is None else expected.value))
    return found


def map_report(journey: Journey, name: str = "<input>") -> MapReport:
    """The report of one compiled map; `name` is the file it came from."""
    felt = moments(journey)
    worst = []
    for persona in journey.personas:
        own = tuple(m for m in felt if m.persona is persona)
        if own:
            lowest = tuple(sorted(own, key=lambda m: m.value)[:WORST_PER_PERSONA])
            worst.append(PersonaMoments(persona, lowest, own))
    gaps = sorted((m for m in felt if m.gap is not None and m.gap < 0), key=lambda m: m.gap)
    pains = tuple(StagePains(stage, tuple((tp, pain) for tp in stage.touchpoints
                                          for pain in tp.pains))
                  for stage in journey.stages)
    return MapReport(journey, name, tuple(worst), tuple(gaps[:LARGEST_GAPS]), pains,
                     coverage(journey), ranked_opportunities(journey, felt))


def ranked_opportunities(journey: Journey, felt: list[Moment]) -> tuple[RankedOpportunity, ...]:
    """Opportunities most urgent first: at a moment of truth, then where someone feels lowest
    (a touchpoint nobody has a feeling at comes after those with one), then answering more
    pains; ties keep map order."""
    lowest: dict[int, float] = {}
    for moment in felt:
        key = id(moment.touchpoint)
        lowest[key] = min(lowest.get(key, moment.value), moment.value)
    pains_answered: dict[int, int] = {}
    for _, _, answers in answering(journey):
        for opportunity in answers:
            pains_answered[id(opportunity)] = pains_answered.get(id(opportunity), 0) + 1
    ranked = [RankedOpportunity(opportunity, stage, tp, pains_answered.get(id(opportunity), 0),
                                lowest.get(id(tp)), tp.moment_of_truth is not None)
              for stage in journey.stages for tp in stage.touchpoints
              for opportunity in tp.opportunities]
    scale_top = journey.scale.high + 1
    ranked.sort(key=lambda r: (not r.moment_of_truth,
                               scale_top if r.lowest is None else r.lowest, -r.pains))
    return tuple(ranked)


# ── across maps ──────────────────────────────────────────────────────────────
@record
class PersonaStanding:
    """How one persona fares in one map: its average and lowest feeling, and `position`,
    the average as a share of its map's scale (0 the low end, 1 the high end), which
    compares personas of maps with different scales."""

    report: MapReport
    persona: PersonaMoments

    @property
    def position(self) -> float:
        scale = self.report.journey.scale
        span = scale.high - scale.low
        return 0.5 if span == 0 else (self.persona.average - scale.low) / span

    @property
    def gaps(self) -> int:
        return sum(1 for m in self.persona.felt if m.gap is not None and m.gap < 0)


@record
class Portfolio:
    """Many maps read together."""

    reports: tuple[MapReport, ...]
    stages: tuple[tuple[MapReport, StagePains], ...]
    channels: tuple[tuple[str | None, int], ...]  # each channel as shown (None: none), its pains
    personas: tuple[PersonaStanding, ...]
    coverage: dict[str, Share]

    @property
    def pain_count(self) -> int:
        return sum(report.pain_count for report in self.reports)

    @property
    def kpis(self) -> tuple[int, int]:
        """(met, missed) over the KPIs whose target can be told."""
        told = [kpi.met for report in self.reports for kpi in report.kpis if kpi.met is not None]
        return sum(told), len(told) - sum(told)


def portfolio(reports: Iterable[MapReport]) -> Portfolio:
    """The maps' reports read together: the stages with the most pains, the channels pains
    happen on, every persona from worst to best off, the coverage figures summed."""
    reports = tuple(reports)
    stages = [(report, stage) for report in reports for stage in report.pains_by_stage
              if stage.pains]
    stages.sort(key=lambda pair: -len(pair[1].pains))
    channels: dict[str, list] = {}  # channel key -> [its label, its pains]
    for report in reports:
        for stage in report.pains_by_stage:
            for tp, _ in stage.pains:
                for key, label in _channels_of(tp):
                    channels.setdefault(key, [label, 0])[1] += 1
    by_channel = sorted(((label, count) for key, (label, count) in channels.items()),
                        key=lambda item: (-item[1], item[0] is None, (item[0] or "").lower()))
    standings = [PersonaStanding(report, persona) for report in reports
                 for persona in report.worst]
    standings.sort(key=lambda standing: standing.position)
    figures = {}
    for report in reports:
        for figure, share in report.coverage.items():
            total = figures.get(figure, Share(0, 0))
            figures[figure] = Share(total.covered + share.covered, total.total + share.total)
    return Portfolio(reports, tuple(stages[:PORTFOLIO_ROWS]), tuple(by_channel[:PORTFOLIO_ROWS]),
                     tuple(standings), figures)


def _channels_of(touchpoint: Touchpoint) -> list[tuple[str, str | None]]:
    """Each channel the touchpoint names (`channel social, web` counts for both), keyed so
    that one a reader tells apart is one row: a built-in channel by its id (`web` and
    `website` are one), a map's own channel by its label (`Quora` in two maps is one row),
    another by its name as written; `~` with no label for none."""
    if not touchpoint.channels:
        return [("~", None)]
    keys: dict[str, str] = {}  # key -> label, the first use's
    for use in touchpoint.channels:
        if use.label is not None:
            key = "label:" + use.label.strip().lower()
        elif use.icon != "other" or use.written.strip().lower() == "other":
            key = use.icon
        else:
            key = "written:" + use.written.strip().lower()
        keys.setdefault(key, use.shown)
    return list(keys.items())