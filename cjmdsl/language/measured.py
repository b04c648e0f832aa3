"""Emotions from data: an emotion read off a metric of its touchpoint (`emotion maya from
csat`), and the responses behind an emotion with their spread (`n 212 sd 1.2`).

A metric maps onto the map's scale linearly over its range: a score `of N` runs from 1 to N
(a rating: stars, CSAT, a Likert item), a percentage from 0 to 100. A metric that is better
`lower` (a drop-off) maps the other way round, so the curve always rises with how the
persona feels.
"""
from __future__ import annotations

from dataclasses import replace

from cjmdsl import model as m
from cjmdsl.language.diagnostics import Diagnostic, did_you_mean, error
from cjmdsl.words.numbers import as_written as number, on_scale


def metric_range(metric: m.Metric) -> tuple[float, float] | None:
    """The lowest and highest value `metric` can take; None when it has no range (a plain
    value, a count, a value with a unit, a score out of 1 or less)."""
    if metric.percent:
        return (0.0, 100.0)
    if metric.out_of is not None and metric.out_of > 1:
        return (1.0, float(metric.out_of))
    return None


def on_map_scale(metric: m.Metric, scale: m.Scale) -> float:
    """`metric`'s value as an emotion on `scale` (its range must be known), kept inside the
    scale, to two decimals."""
    low, high = metric_range(metric)
    share = min(max((metric.value - low) / (high - low), 0.0), 1.0)
    if metric.direction == "lower":
        share = 1 - share
    return round(scale.low + share * (scale.high - scale.low), 2)


def measured_stages(stages: tuple[m.Stage, ...], scale: m.Scale,
                    diagnostics: list[Diagnostic]) -> tuple[m.Stage, ...]:
    """The stages with the value of every emotion written `from` a metric read off that
    metric; an unknown metric (E100) or one without a range (E101) is reported to
    `diagnostics`, and the emotion then stays at the middle of the scale."""
    if not any(e.metric for stage in stages for tp in stage.touchpoints for e in tp.emotions):
        return stages
    middle = (scale.low + scale.high) / 2

    def resolved(tp: m.Touchpoint) -> m.Touchpoint:
        if not any(e.metric for e in tp.emotions):
            return tp
        metrics = {metric.id: metric for metric in tp.metrics}
        emotions = []
        for emotion in tp.emotions:
            if emotion.metric is not None:
                found = _problem(emotion, metrics.get(emotion.metric), tp)
                if found:
                    diagnostics.append(found)
                value = middle if found else on_map_scale(metrics[emotion.metric], scale)
                emotion = replace(emotion, value=value)
            emotions.append(emotion)
        return replace(tp, emotions=tuple(emotions))

    return tuple(replace(stage, touchpoints=tuple(resolved(tp) for tp in stage.touchpoints))
                 for stage in stages)


def _problem(emotion: m.Emotion, metric: m.Metric | None, tp: m.Touchpoint) -> Diagnostic | None:
    """Why `emotion` cannot be read off `metric` (None: the metric at `tp` it names)."""
    name = emotion.metric
    if metric is None:
        ids = [metric.id for metric in tp.metrics]
        hint = did_you_mean(name, ids) or (
            f"known metrics at `{tp.id}`: " + ", ".join(f"`{i}`" for i in ids) if ids else
            f"add the metric to touchpoint `{tp.id}`, such as `metric {name} 3.9 of 5`")
        return error("E100", f"unknown metric `{name}` at touchpoint `{tp.id}`",
                     emotion.value_span, hint)
    span = emotion.value_span
    limits = metric_range(metric)
    if limits is None:
        return error("E101", f"metric `{name}` has no range to read an emotion off",
                     span, f"give `{name}` a range: a score (`metric {name} "
                           f"{number(metric.value)} of 5`) or a percentage")
    if not limits[0] <= metric.value <= limits[1]:
        return error("E101", f"metric `{name}` is {number(metric.value)}, outside its range "
                             f"{number(limits[0])} .. {number(limits[1])}", span,
                     "a score `of N` runs from 1 to N, a percentage from 0 to 100")
    return None


def _check_spreads(journey: m.Journey) -> list[Diagnostic]:
    """Spreads that cannot be (E102): a negative sd, a range that runs backwards, leaves the
    scale or does not hold the emotion, a spread of a single response."""
    found = []
    scale = journey.scale
    for tp in journey.touchpoints:
        for emotion in tp.emotions:
            why = _spread_problem(emotion, scale)
            if why:
                found.append(error("E102", why[0], emotion.spread_span, why[1]))
    return found


def _spread_problem(emotion: m.Emotion, scale: m.Scale) -> tuple[str, str] | None:
    if emotion.spread is None:
        return None
    if emotion.responses == 1:
        return ("one response has no spread",
                "remove the spread, or write how many responded (`n 212`)")
    if emotion.sd is not None:
        if emotion.sd < 0:
            return (f"a standard deviation cannot be negative ({number(emotion.sd)})",
                    f"write it without a sign: `sd {number(-emotion.sd)}`")
        return None
    low, high = emotion.low, emotion.high
    written = f"{on_scale(low, scale)} .. {on_scale(high, scale)}"
    if low > high:
        return (f"the range {written} runs backwards",
                f"write the lowest response first: `range {on_scale(high, scale)} .. "
                f"{on_scale(low, scale)}`")
    if not (scale.contains(low) and scale.contains(high)):
        return (f"the range {written} leaves the scale",
                f"the scale runs from {on_scale(scale.low, scale)} to "
                f"{on_scale(scale.high, scale)}")
    if not low <= emotion.value <= high:
        return (f"the range {written} does not hold the emotion "
                f"{on_scale(emotion.value, scale)}",
                "the range runs from the lowest response to the highest; the emotion, their "
                "mean, lies between them")
    return None


MEASURED_CHECKS = (_check_spreads,)


def responses_words(emotion: m.Emotion, scale: m.Scale) -> str | None:
    """How many responded and how they spread, as every output writes it: `n 212 · sd 1.2`,
    `n 40 · -2 to +1`; None for an emotion that says neither."""
    from cjmdsl.words.locales import say
    from cjmdsl.words.numbers import number as figure

    parts = [say("responses", count=figure(emotion.responses))] if emotion.responses else []
    if emotion.sd is not None:
        parts.append(say("spread_sd", sd=figure(emotion.sd)))
    elif emotion.spread is not None:
        parts.append(say("spread_range", low=on_scale(emotion.low, scale),
                         high=on_scale(emotion.high, scale)))
    return " · ".join(parts) or None
