"""What the layout draws for how a service runs: fail points (a circled F on the touchpoint's
header and at the foot of each card whose item can fail, with the reason), each step's time
and the wait before it (by a clock in the header), and with `--time-axis` a ruler under the
stage names giving the time elapsed by each step. The figures come from `cjmdsl.language.durations`
and the items from the lane table (`cjmdsl.lanes.fail_points`), so a new lane's items get
their fail points drawn with no change here."""
from __future__ import annotations

import functools

from cjmdsl.facts.steps import timing_words
from cjmdsl.lanes import Lane, fail_points
from cjmdsl.language.durations import elapsed, shown
from cjmdsl.layout import geometry as g
from cjmdsl.layout.textmetrics import line_height
from cjmdsl.words.locales import say, say_counted

BADGE_RADIUS = 5
LEAD = 16  # from the text's left edge to a label led by a badge
BADGE_X = 7  # from the text's left edge to a badge's centre, under a moment's star
TICK = 6  # the length of a tick of the time ruler


class ServiceMarks:
    """Mixed into the layout: needs its journey, theme, columns, text() and small()."""

    def badge(self, kind: str, x: float, block: g.TextBlock) -> g.Badge:
        """A badge centred on `x` and on the middle of the first line of `block`."""
        middle = block.baselines[0] - block.size * 0.35
        return g.Badge(kind, x, middle, BADGE_RADIUS, block.color, self.colors["card"])

    def _led(self, kind: str, text: str, x: float, top: float, width: float, color: str,
             bold: bool = False) -> g.Marked:
        label = self.text(text, x + LEAD, top, width - LEAD, self.small(), color, bold=bold)
        return g.Marked(self.badge(kind, x + BADGE_X, label), label)

    # ── the touchpoint's header ────────────────────────────────────────────
    def timing_mark(self, tp, x: float, top: float, width: float) -> g.Marked | None:
        """`wait 2 days · 3 min` by a clock: the wait before the step, then its time."""
        words = timing_words(tp)
        if words is None:
            return None
        return self._led("clock", words, x, top, width, self.colors["muted"])

    def fail_mark(self, tp, x: float, top: float, width: float) -> g.Marked | None:
        """"Fail point" (or "2 fail points") by a circled F, when an item here can fail."""
        count = len(fail_points(tp))
        if not count:
            return None
        return self._led("fail", say_counted("fail_points", count), x, top, width,
                         self.colors["fail"], bold=True)

    # ── the cards ──────────────────────────────────────────────────────────
    def with_fail(self, card: g.Card, item) -> g.Card:
        """`card` with its item's fail point at its foot, made taller to hold it."""
        reason = Lane.fail_of(item)
        if reason is None:
            return card
        box = card.box
        mark = self._led("fail", reason or say("fail_point"), box.x + self.pad, box.bottom - 2,
                         box.width - 2 * self.pad, self.colors["fail"])
        taller = g.Box(box.x, box.y, box.width, mark.label.box.bottom + 5 - box.y)
        return card._replace(box=taller, fail=mark)

    # ── the time axis ──────────────────────────────────────────────────────
    @functools.cached_property
    def elapsed_by_touchpoint(self) -> dict[str, float]:
        """Minutes from the journey's start to each touchpoint's step, by touchpoint id."""
        touchpoints = self.journey.touchpoints
        return {tp.id: minutes for tp, minutes in zip(touchpoints, elapsed(touchpoints))}

    def time_ruler(self) -> g.TimeRuler | None:
        """The row's time ruler: a tick at the middle of each touchpoint's column and the time
        elapsed by its step under it ("0", "+2 d", "+2 d 3 h")."""
        columns = self.touchpoint_columns()
        if not columns:
            return None
        top, size = self.y, self.small()
        rule_y = top + 2
        label = self.text(say("row_elapsed"), self.margin, rule_y, self.label_width - self.pad,
                          self.font.size, self.colors["muted"], bold=True)
        ticks, times = [], []
        for column in columns:
            middle = column.x + column.width / 2
            minutes = self.elapsed_by_touchpoint[column.touchpoint.id]
            ticks.append(g.Line(middle, rule_y, middle, rule_y + TICK))
            times.append(self.text("+" + shown(minutes) if minutes else "0", column.x,
                                   rule_y + TICK, column.width, size, self.colors["muted"],
                                   anchor="middle", max_lines=1))
        rule = g.Line(columns[0].x, rule_y, columns[-1].x + columns[-1].width, rule_y)
        bottom = max(label.box.bottom, rule_y + TICK + line_height(size))
        self.y = bottom + self.gap
        return g.TimeRuler(label, rule, tuple(ticks), tuple(times))
