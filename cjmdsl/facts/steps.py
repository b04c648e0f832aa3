"""A journey's steps as the service runs them: where they can fail and how long they take,
for the lists and tables of every output (the HTML page, Markdown, `cjm show`, the language
server). The map draws the same facts (`cjmdsl.layout.service`)."""
from __future__ import annotations

from cjmdsl.lanes import Lane, fail_points
from cjmdsl.language.durations import elapsed, shown
from cjmdsl.model import Journey, Stage, Touchpoint
from cjmdsl.tuples import NamedTuple
from cjmdsl.words.locales import say


class FailPoint(NamedTuple):
    """A fail point written on an item (`fail "…"`), with where it is."""

    stage: Stage
    touchpoint: Touchpoint
    lane: Lane
    item: object

    @property
    def reason(self) -> str:
        return self.item.fail


class Step(NamedTuple):
    """A touchpoint's wait and time (None when not given) and the minutes elapsed from the
    journey's start to the start of its step (`cjmdsl.language.durations.elapsed`)."""

    stage: Stage
    touchpoint: Touchpoint
    elapsed: float

    @property
    def elapsed_text(self) -> str:
        """`+2 d 3 h`, or `0` at the start."""
        return "+" + shown(self.elapsed) if self.elapsed else "0"


def fail_points_of(journey: Journey) -> list[FailPoint]:
    """Every fail point of the map, in map order (stage, touchpoint, lane, item)."""
    return [FailPoint(stage, tp, lane, item) for stage in journey.stages
            for tp in stage.touchpoints for lane, item in fail_points(tp)]


def timeline(journey: Journey) -> list[Step]:
    """Every touchpoint as a step with its elapsed time, when any touchpoint has a `time` or
    a `wait` (else nothing: the map says nothing about time)."""
    pairs = [(stage, tp) for stage in journey.stages for tp in stage.touchpoints]
    if not any(tp.time or tp.wait for _, tp in pairs):
        return []
    minutes = elapsed([tp for _, tp in pairs])
    return [Step(stage, tp, at) for (stage, tp), at in zip(pairs, minutes)]


def timing_words(tp: Touchpoint) -> str | None:
    """The wait before a step and its time, as written: `wait 2 days · 3 min`; None without
    either."""
    parts = ([say("time_wait", wait=tp.wait.text)] if tp.wait else []) + \
            ([tp.time.text] if tp.time else [])
    return " · ".join(parts) or None
