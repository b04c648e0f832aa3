"""What the stages view says of a stage's service (`cjmdsl.layout.stages`): how long its
steps take and wait, how many of its items can fail, and a small blueprint of the stage, a
row per blueprint lane the map uses with its items counted and the actors who do them,
the lines of interaction, visibility and internal interaction between the rows as the map
draws them. A pure blueprint (no emotions anywhere) has no emotion plot: these are what a
service designer looks for first."""
from __future__ import annotations

from functools import cached_property

from cjmdsl.lanes import LANES, STEP_KINDS, fail_points
from cjmdsl.language.blueprint import actor_label
from cjmdsl.language.durations import shown
from cjmdsl.layout import geometry as g
from cjmdsl.model import Journey, Stage
from cjmdsl.words.locales import say, say_counted

STEP_FIELDS = {kind.field for kind in STEP_KINDS}  # the customer's actions and the blueprint's
BADGE_RADIUS = 5
LEAD = 16  # from the facts' left edge to a label led by a badge


def blueprint_lanes(journey: Journey) -> tuple:
    """The lanes of a blueprint (rows of `LANES` whose items are steps: evidence, the
    customer's actions, frontstage, backstage, support) that some touchpoint has items in;
    none for a map without a blueprint lane besides the actions."""
    used = tuple(lane for lane in LANES if lane.fields and set(lane.fields) <= STEP_FIELDS
                 and any(lane.items_of(tp) for tp in journey.touchpoints))
    return used if any(lane.key != "actions" for lane in used) else ()


def has_emotions(journey: Journey) -> bool:
    return any(tp.emotions for tp in journey.touchpoints)


class StageService:
    """Mixed into the stages view's layout: needs its journey, theme, text() and small()."""

    @cached_property
    def service_lanes(self) -> tuple:
        """The map's `blueprint_lanes`, found once for all its stages: each is a walk over
        every touchpoint."""
        return blueprint_lanes(self.journey)

    def service_facts(self, stage: Stage, x: float, top: float,
                      width: float) -> tuple[list[g.StageFact], list[g.StageRule], float]:
        """The stage's time, fail points and lane rows from `top` down, the rules between
        the rows, and the bottom of the last."""
        facts, rules, y = [], [], top
        for kind, words, color, bold in self._led_lines(stage):
            label = self.text(words, x + LEAD, y, width - LEAD, self.small(), color, bold=bold)
            badge = g.Badge(kind, x + BADGE_RADIUS + 1, label.baselines[0] - label.size * 0.35,
                            BADGE_RADIUS, color, self.colors["panel"])
            facts.append(g.StageFact(label, badge=badge))
            y = label.box.bottom + 4
        above = False
        for lane in self.service_lanes:
            if above and lane.line_above:
                y += 3
                rules.append(g.StageRule(lane.line_above, g.Line(x, y, x + width, y)))
                y += 4
            items = [item for tp in stage.touchpoints for item in lane.items_of(tp)]
            label = self.text(lane.label, x, y, width - 30, self.small(), self.colors["text"],
                              bold=True)
            count = self.text(str(len(items)), x + width - 30, y, 30, self.small(),
                              self.colors["text"] if items else self.colors["muted"],
                              bold=True, anchor="end")
            facts.append(g.StageFact(label, value=count))
            y = max(label.box.bottom, count.box.bottom) + 1
            names = list(dict.fromkeys(name for item in items
                                       if (name := actor_label(item, self.journey))))
            if names:
                who = self.text(", ".join(names), x, y, width, self.small(),
                                self.colors["muted"])
                facts.append(g.StageFact(who))
                y = who.box.bottom + 1
            above = True
        return facts, rules, y

    def _led_lines(self, stage: Stage) -> list[tuple[str, str, str, bool]]:
        """(badge, words, colour, bold) for the stage's time and its fail points, if any."""
        lines = []
        touchpoints = stage.touchpoints
        took = sum(tp.time.minutes for tp in touchpoints if tp.time)
        waited = sum(tp.wait.minutes for tp in touchpoints if tp.wait)
        parts = ([say("stage_takes", time=shown(took))] if any(tp.time for tp in touchpoints)
                 else []) + ([say("time_wait", wait=shown(waited))]
                             if any(tp.wait for tp in touchpoints) else [])
        if parts:
            lines.append(("clock", " · ".join(parts), self.colors["muted"], False))
        failing = sum(len(fail_points(tp)) for tp in touchpoints)
        if failing:
            lines.append(("fail", say_counted("fail_points", failing), self.colors["fail"], True))
        return lines
