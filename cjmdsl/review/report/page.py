"""The report in words, as sections of tables that the Markdown and the HTML writer share:
which columns there are, what each cell says and the sentence for an empty section are
decided here once, in the language being written (`cjmdsl.words.locales`). Cells hold the user's
text unescaped; each writer escapes it for its format.
"""
from __future__ import annotations

from cjmdsl.model import record
from cjmdsl.review.lint import Share
from cjmdsl.review.lint.report import percent
from cjmdsl.review.lint.settings import FIGURES
from cjmdsl.review.report import MapReport, Moment, Portfolio
from cjmdsl.words import kpis
from cjmdsl.words.locales import say, say_counted, speaking
from cjmdsl.words.numbers import on_scale
from cjmdsl.words.sentences import short_name, summary

NONE = "–"


@record
class Meter:
    """A cell with a share: the writers draw the bar (HTML) or just the text (Markdown)."""

    text: str
    share: float | None


# A cell: a text, the lines of a list, or a meter.
Cell = str | tuple[str, ...] | Meter


@record
class Section:
    heading: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str  # the sentence shown instead of a table without rows
    numeric: tuple[int, ...] = ()  # the columns of figures, aligned right in HTML


@record
class Page:
    """A map's report, or the part of a folder's report about all maps (`maps` then holds
    the map pages that follow it)."""

    title: str
    lines: tuple[str, ...]
    sections: tuple[Section, ...]
    lang: str | None = None
    maps: tuple["Page", ...] = ()
    overview: str = ""  # the heading over `sections` when `maps` follow them


def map_page(report: MapReport) -> Page:
    """One map's page, in the map's language."""
    journey = report.journey
    with speaking(journey.lang):
        scale = journey.scale
        return Page(say("report_title", title=journey.title),
                    (say("report_from", file=report.name), summary(journey)),
                    (_worst(report), _gaps(report), _pains(report),
                     _coverage(report.coverage), _opportunities(report), _kpis(report)),
                    journey.lang)


def portfolio_page(portfolio: Portfolio) -> Page:
    """A folder's report: what all the maps say together, then each map's page."""
    maps = say_counted("report_maps", len(portfolio.reports))
    touchpoints = sum(len(r.journey.touchpoints) for r in portfolio.reports)
    lines = (say("report_portfolio_summary", maps=maps,
                 touchpoints=say_counted("touchpoints", touchpoints),
                 pains=say_counted("report_pain_count", portfolio.pain_count)),)
    sections = (_concentrate(portfolio), _channels(portfolio), _personas(portfolio),
                _coverage(portfolio.coverage))
    return Page(say("report_title_maps", maps=maps), lines, sections, None,
                tuple(map_page(report) for report in portfolio.reports), say("report_across"))


# ── one map ──────────────────────────────────────────────────────────────────
def _value(value: float | None, scale) -> str:
    return NONE if value is None else on_scale(value, scale)


def _felt(moment: Moment, scale) -> str:
    value = on_scale(moment.value, scale)
    return f"{value} {moment.word}" if moment.word else value


def _gap(moment: Moment) -> str:
    from cjmdsl.words.numbers import signed

    return NONE if moment.gap is None else signed(moment.gap)


def _worst(report: MapReport) -> Section:
    scale = report.journey.scale
    rows = []
    for persona in report.worst:
        for index, moment in enumerate(persona.moments):
            rows.append((short_name(persona.persona.name) if index == 0 else "",
                         moment.touchpoint.name, moment.stage.name, _felt(moment, scale),
                         _value(moment.expected, scale), _gap(moment)))
    return Section(say("report_worst"),
                   (say("column_persona"), say("column_touchpoint"), say("column_stage"),
                    say("column_feels"), say("column_expected"), say("column_gap")),
                   tuple(rows), say("report_no_feelings"), (4, 5))


def _gaps(report: MapReport) -> Section:
    scale = report.journey.scale
    rows = tuple((short_name(m.persona.name), m.touchpoint.name, m.stage.name,
                  _felt(m, scale), _value(m.expected, scale), _gap(m)) for m in report.gaps)
    return Section(say("report_gaps"),
                   (say("column_persona"), say("column_touchpoint"), say("column_stage"),
                    say("column_feels"), say("column_expected"), say("column_gap")),
                   rows, say("report_no_gaps"), (4, 5))


def _pains(report: MapReport) -> Section:
    rows = tuple((stage.stage.name, str(len(stage.pains)), str(stage.with_evidence),
                  tuple(f"{tp.name}: {pain.text}" for tp, pain in stage.pains))
                 for stage in report.pains_by_stage)
    if not report.pain_count:
        rows = ()
    return Section(say("report_pains"),
                   (say("column_stage"), "#", say("column_with_evidence"),
                    say("column_pains")),
                   rows, say("report_no_pains"), (1, 2))


def share_cell(share: Share) -> Meter:
    if share.share is None:
        return Meter(say("report_nothing_to_count"), None)
    return Meter(say("report_share", covered=share.covered, total=share.total,
                     percent=percent(share.share)), share.share)


def _coverage(figures: dict[str, Share]) -> Section:
    rows = tuple((say(f"report_figure_{name}"), share_cell(figures[name])) for name in FIGURES)
    return Section(say("report_coverage"), (say("column_figure"), say("column_covered")),
                   rows, "")


def _opportunities(report: MapReport) -> Section:
    scale = report.journey.scale
    rows = []
    for rank, ranked in enumerate(report.opportunities, 1):
        why = []
        if ranked.moment_of_truth:
            why.append(say("report_why_moment"))
        if ranked.lowest is not None:
            why.append(say("report_why_lowest", value=on_scale(ranked.lowest, scale)))
        if ranked.pains:
            why.append(say_counted("report_why_pains", ranked.pains))
        rows.append((str(rank), ranked.opportunity.text,
                     f"{ranked.touchpoint.name} ({ranked.stage.name})",
                     ranked.opportunity.owner or NONE, say("list_separator").join(why)))
    return Section(say("report_opportunities"),
                   ("#", say("column_opportunity"), say("column_touchpoint"),
                    say("column_owner"), say("column_why")),
                   tuple(rows), say("report_no_opportunities"), (0,))


def _kpis(report: MapReport) -> Section:
    rows = []
    for kpi in report.kpis:
        status = kpis.status(kpi)
        rows.append((kpi.name, kpis.figure(kpi), kpis.target(kpi) or NONE,
                     say(f"kpi_{status}") if status else NONE))
    return Section(say("report_kpis"),
                   (say("column_kpi"), say("column_now"), say("column_target"),
                    say("column_status")),
                   tuple(rows), say("report_no_kpis"), (1, 2))


# ── across maps ──────────────────────────────────────────────────────────────
def _concentrate(portfolio: Portfolio) -> Section:
    total = portfolio.pain_count
    rows = tuple((stage.stage.name, report.journey.title, str(len(stage.pains)),
                  percent(len(stage.pains) / total)) for report, stage in portfolio.stages)
    return Section(say("report_concentrate"),
                   (say("column_stage"), say("column_map"), say("column_pains"), "%"),
                   rows, say("report_no_pains"), (2, 3))


def _channels(portfolio: Portfolio) -> Section:
    total = portfolio.pain_count
    rows = tuple((label if label is not None else say("report_no_channel"), str(count),
                  percent(count / total)) for label, count in portfolio.channels)
    return Section(say("report_channels"), (say("column_channel"), say("column_pains"), "%"),
                   rows, say("report_no_pains"), (1, 2))


def _personas(portfolio: Portfolio) -> Section:
    rows = []
    for standing in portfolio.personas:
        scale = standing.report.journey.scale
        lowest = standing.persona.moments[0]
        rows.append((short_name(standing.persona.persona.name), standing.report.journey.title,
                     say("report_on_scale",
                         value=on_scale(round(standing.persona.average, 1), scale),
                         low=on_scale(scale.low, scale), high=on_scale(scale.high, scale)),
                     say("report_at", touchpoint=lowest.touchpoint.name,
                         value=on_scale(lowest.value, scale)),
                     str(standing.gaps)))
    return Section(say("report_personas"),
                   (say("column_persona"), say("column_map"), say("column_average"),
                    say("column_lowest"), say("column_gaps")),
                   tuple(rows), say("report_no_feelings"), (2, 4))
