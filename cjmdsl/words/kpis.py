"""What a KPI says in words: its figure, the sentence under it, its target and whether it is
met. Written once, so the map, the HTML page, the Markdown and `cjm show` say the same."""
from __future__ import annotations

from cjmdsl.model import Kpi, Metric
from cjmdsl.words.locales import say
from cjmdsl.words.numbers import amount, number, percent

# A no-break space after the sign keeps it with its figure when a line ends there.
_SIGN_OF_BETTER = {"higher": "≥\u00a0", "lower": "≤\u00a0"}


def figure(kpi: Kpi) -> str:
    """The figure to show: a value as written, with its `%` or unit; a computed percentage to
    one decimal (growth with its sign: +30%); `–` when there is none."""
    actual = kpi.actual
    if actual is None:
        return "–"
    if kpi.kind == "value":
        if getattr(kpi, "out_of", None) is not None:
            return f"{number(actual)} of {number(kpi.out_of)}"
        return percent(actual) if kpi.percent else amount(actual, kpi.unit)
    return percent(round(actual, 1), with_sign=kpi.kind == "growth")


def sentence(kpi: Kpi) -> str | None:
    """What the counts say, `Retention: 950 of 1,000 retained`; None for a plain value."""
    if kpi.kind == "value" or kpi.start is None or kpi.end is None:
        return None
    if kpi.kind == "retention":
        return say("kpi_retention", end=number(kpi.end), start=number(kpi.start))
    if kpi.kind == "churn":
        return say("kpi_churn", lost=number(kpi.start - kpi.end), start=number(kpi.start))
    return say("kpi_growth", start=number(kpi.start), end=number(kpi.end))


def target(kpi: Kpi) -> str | None:
    """The target and the way that is better, `≥ 95%` or `≤ 30 days`; without a direction
    just the figure (`20%`); None without a target."""
    if kpi.target is None:
        return None
    value = percent(kpi.target) if kpi.is_percent else amount(kpi.target, kpi.unit)
    return _SIGN_OF_BETTER.get(kpi.better, "") + value


def metric_text(metric: Metric) -> str:
    """`csat 3.9 of 5 · Target ≥ 4.2 · missed`: its name, figure, target and status (in words:
    a card's text has no room for the KPI cards' drawn mark)."""
    parts = [f"{metric.name} {figure(metric)}"]
    if target(metric):
        parts.append(say("kpi_target", target=target(metric)))
    if status(metric):
        parts.append(say(f"kpi_{status(metric)}"))
    return " · ".join(parts)


def status(kpi: Kpi) -> str | None:
    """`met` or `missed` (a key: `kpi_met` is its word); None where it cannot be told (no
    target, or no direction)."""
    return None if kpi.met is None else "met" if kpi.met else "missed"
