"""The stages view: an overview of a big map, one column per stage.

Past a few dozen touchpoints a reader first needs the shape of the journey. Each stage is a
column: its name, its touchpoints as small marks on each persona's curve over the emotion
bands, how many touchpoints, pain points, opportunities and moments of truth it has, and
each persona's lowest and highest moment there, named, and the KPIs written `at` the stage,
in the words the map says them under the stage's name. The columns wrap into rows that fit
the target width, so a 200-touchpoint map reads at 880 px; the cards of the map-wide KPIs
follow. Backends draw this geometry as they draw the map's.
"""
from __future__ import annotations

import math

from cjmdsl.layout import geometry as g
from cjmdsl.layout.base import MARKER_SHAPES, Base, persona_runs
from cjmdsl.layout.curves import monotone_spline, polyline
from cjmdsl.layout.emotion_marks import dash_of
from cjmdsl.layout.header import Header
from cjmdsl.layout.plan import StagePlan
from cjmdsl.layout.rows import MIN_WIDTH, Column, RowPlan
from cjmdsl.layout.stage_service import StageService, has_emotions
from cjmdsl.model import Journey, Stage
from cjmdsl.themes import Theme
from cjmdsl.words import kpis
from cjmdsl.words.numbers import on_scale
from cjmdsl.words.sentences import say, say_counted

STAGE_COLUMN_WIDTH = 220  # a stage's column without a target width
MIN_STAGE_COLUMN = 190  # columns narrow to this before the stages wrap into another row
MAX_STAGE_COLUMN = 320  # and widen to fill a row no further
MARK_RADIUS = 3.0  # a touchpoint's mark on the curve
PLOT_STEP = 16  # pixels per step of the scale in a stage's plot
PLOT_INSET = 8  # between the plot's edge and its outermost marks


def stages_view(journey: Journey, theme: Theme, width: float | None = None) -> g.StagesView:
    """The overview laid out for `width` pixels (None or 0: one row of every stage)."""
    return _StagesLayout(journey, theme, width or None).view()


class _StagesLayout(StagePlan, StageService, Base):
    """Walks down the overview: title, legend, the rows of stage columns, the KPIs."""

    def __init__(self, journey: Journey, theme: Theme, target: float | None):
        space = theme.spacing
        gap, margin = space["column_gap"], space["margin"]
        count = max(len(journey.stages), 1)
        if target is None:
            per_row = count
            column = STAGE_COLUMN_WIDTH
            width = max(2 * margin + count * column + (count - 1) * gap, MIN_WIDTH)
        else:
            width = target
            inner = width - 2 * margin
            fitting = max(1, math.floor((inner + gap) / (MIN_STAGE_COLUMN + gap)))
            rows = math.ceil(count / min(fitting, count))
            per_row = math.ceil(count / rows)  # rows as even as they can be
            column = min(MAX_STAGE_COLUMN, (inner - (per_row - 1) * gap) / per_row)
        # The overview's legend names each persona on a line: it is a summary, not the map.
        super().__init__(journey, theme, RowPlan(((),), width), persona_cards=False)
        self.per_row, self.column_width = per_row, column
        self.order = {persona.id: index for index, persona in enumerate(journey.personas)}

    # A KPI `at` a stage is in the stage's column, as the map shows it under the stage's
    # name: the cards below are the map-wide ones.
    stage_kpis = Header.stage_kpis
    block_kpis = Header.block_kpis

    def _legend_keys(self):
        """The overview draws no expected curve, gap or star: its legend is the personas."""
        return []

    def view(self) -> g.StagesView:
        title, description, details = self.title()
        legend, _ = self.legend()
        stages = self.journey.stages
        summaries: list[g.StageSummary] = []
        for start in range(0, len(stages), self.per_row):
            summaries += self._row(stages[start:start + self.per_row], start)
            self.y += self.lane_gap * 2
        cards, kpi_label = self.kpi_cards()
        height = self.y - self.lane_gap + self.margin
        theme = self.theme
        return g.StagesView(
            width=round(self.width, 2), height=round(height, 2),
            background=theme.colors["background"], font_family=theme.font["family"],
            title=title, description=description, details=details, legend=legend, stages=tuple(summaries),
            kpis=cards, kpi_label=kpi_label, grid_color=theme.colors["line"],
            colors=dict(theme.colors))

    def _row(self, stages: tuple[Stage, ...], first: int) -> list[g.StageSummary]:
        """A row of stage columns; the parts of each line up with its neighbours'."""
        top = self.y
        lefts = [self.margin + i * (self.column_width + self.gap) for i in range(len(stages))]
        width = self.column_width
        names = [self.text(stage.name, left + self.pad, top + self.pad, width - 2 * self.pad,
                           self.font["heading_size"], self.theme.stages["text"], bold=True,
                           anchor="middle") for stage, left in zip(stages, lefts)]
        header_height = max(name.box.height for name in names) + 2 * self.pad
        plot_top = top + header_height + self.gap
        scale = self.journey.scale
        # A map without emotions (a pure blueprint) has no plot: its facts come up under the name.
        plot_height = max(5, scale.high - scale.low) * PLOT_STEP if has_emotions(self.journey) else None
        drafts = []
        for offset, (stage, left, name) in enumerate(zip(stages, lefts, names)):
            index = first + offset
            header = g.StageHeader(stage.id, g.Box(left, top, width, header_height),
                                   self.theme.stage_fill(index),
                                   self._center_vertically(name, top, header_height))
            plot = (g.Box(left + self.pad, plot_top, width - 2 * self.pad, plot_height)
                    if plot_height else None)
            facts_top = plot.bottom + self.gap if plot else top + header_height + self.pad
            facts = self._facts(stage, left + self.pad, facts_top, width - 2 * self.pad)
            service, rules, service_bottom = self.service_facts(
                stage, left + self.pad, facts[-1].text.box.bottom + 6, width - 2 * self.pad)
            metrics = self._kpi_facts(stage, left + self.pad,
                                      service_bottom + 4 if service else service_bottom,
                                      width - 2 * self.pad)
            bottom = max([plot.bottom if plot else 0, service_bottom if service else 0]
                         + [fact.text.box.bottom for fact in facts + metrics])
            drafts.append((stage, header, plot, facts + service + metrics, rules, bottom))
        row_bottom = max(draft[-1] for draft in drafts) + self.pad
        self.y = row_bottom
        return [g.StageSummary(
                    stage_id=stage.id, box=g.Box(header.box.x, top, width, row_bottom - top),
                    header=header, plot=plot, levels=self._levels(plot) if plot else (),
                    curves=self._curves(stage, plot) if plot else (), facts=tuple(facts),
                    rules=tuple(rules), to_be=self._to_be(stage, plot) if plot else ())
                for stage, header, plot, facts, rules, _ in drafts]

    def _levels(self, plot: g.Box) -> tuple[g.Level, ...]:
        """The scale's bands across the plot, lowest at the bottom, without labels (the
        facts below name the values)."""
        scale = self.journey.scale
        levels = []
        for value in range(scale.low, scale.high + 1):
            y = self._y_of(plot, value)
            step = self._y_of(plot, scale.low) - self._y_of(plot, scale.low + 1)
            band_top = max(plot.y, y - step / 2)
            band = g.Box(plot.x, band_top, plot.width,
                         min(plot.bottom, y + step / 2) - band_top)
            levels.append(g.Level(value, y, band,
                                  self.theme.emotion_color(value, scale.low, scale.high), None))
        return tuple(levels)

    def _y_of(self, plot: g.Box, value: float) -> float:
        scale = self.journey.scale
        steps = max(scale.high - scale.low, 1)
        return plot.y + PLOT_INSET + (scale.high - value) / steps * (plot.height - 2 * PLOT_INSET)

    def _columns(self, stage: Stage, plot: g.Box) -> list[Column]:
        """The stage's touchpoints spread evenly across the plot."""
        touchpoints = stage.touchpoints
        step = (plot.width - 2 * PLOT_INSET) / max(len(touchpoints), 1)
        return [Column(stage, tp, plot.x + PLOT_INSET + i * step, step)
                for i, tp in enumerate(touchpoints)]

    def _curves(self, stage: Stage, plot: g.Box) -> tuple[g.Curve, ...]:
        """Each persona's curve over the stage in its dash pattern, as on the map, a small mark
        at each of its touchpoints; dotted across the touchpoints the persona skipped."""
        columns = self._columns(stage, plot)
        runs = persona_runs(columns)
        count = len(self.journey.personas)
        narrowest = min((column.width for column in columns), default=0)
        step = min(MARK_RADIUS, narrowest / 2 / (count - 1)) if count > 1 else 0.0
        scale = self.journey.scale
        curves = []
        # Only the personas with a value in this stage, in the legend's order.
        for index, persona_id in sorted((self.order[p], p) for p in runs):
            drawn = runs[persona_id]
            if not drawn.felt:
                continue
            color = self.persona_color(index)
            dodge = (index - (count - 1) / 2) * step
            splines = [monotone_spline([(column.center + dodge, self._y_of(plot, mark.value))
                                        for column, mark in run]) for run in drawn.felt]
            skipped = tuple(polyline([(a.xs[-1], a.ys[-1]), (b.xs[0], b.ys[0])])
                            for a, b in zip(splines, splines[1:]))
            points = tuple(
                g.CurvePoint(column.touchpoint.id, mark.value,
                             g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)],
                                      column.center + dodge, self._y_of(plot, mark.value),
                                      MARK_RADIUS,
                                      self.theme.emotion_color(mark.value, scale.low,
                                                               scale.high), color), None)
                for run in drawn.felt for column, mark in run)
            curves.append(g.Curve(persona_id=persona_id, color=color,
                                  segments=tuple(s.path() for s in splines if len(s.xs) > 1),
                                  skipped=skipped, points=points, expected_segments=(),
                                  expected_points=(), gap_areas=(), dash=dash_of(index)))
        return tuple(curves)

    def _to_be(self, stage: Stage, plot: g.Box) -> tuple[g.ToBeCurve, ...]:
        """With both states shown (`--state both`), each persona's to-be over the stage as
        on the map: a thin line through the planned values (the as-is where nothing is
        planned), a hollow mark where a to-be is planned."""
        columns = self._columns(stage, plot)
        planned = {f.persona for column in columns for f in column.touchpoint.futures}
        curves = []
        for index, persona in enumerate(self.journey.personas):
            if persona.id not in planned:
                continue
            color = self.persona_color(index)
            marks, points = [], []
            for column in columns:
                tp = column.touchpoint
                future, felt = tp.future_of(persona.id), tp.emotion_of(persona.id)
                value = future.value if future else felt.value if felt else None
                if value is None:
                    continue
                xy = (column.center, self._y_of(plot, value))
                marks.append(xy)
                if future:
                    points.append(g.CurvePoint(tp.id, value, g.Marker(
                        MARKER_SHAPES[index % len(MARKER_SHAPES)], *xy, MARK_RADIUS - 0.5,
                        self.colors.background, color), None))
            segments = (monotone_spline(marks).path(),) if len(marks) > 1 else ()
            curves.append(g.ToBeCurve(persona_id=persona.id, color=color, segments=segments,
                                      points=tuple(points), hatch=(), label=None))
        return tuple(curves)

    def _facts(self, stage: Stage, x: float, top: float, width: float) -> list[g.StageFact]:
        """What the stage holds, counted, then each persona's lowest and highest moment."""
        touchpoints = stage.touchpoints
        size = self.small()
        counted = [say_counted("touchpoints", len(touchpoints))]
        for key, found in (("stage_pains", sum(len(tp.pains) for tp in touchpoints)),
                           ("stage_opportunities",
                            sum(len(tp.opportunities) for tp in touchpoints)),
                           ("stage_moments", sum(1 for tp in touchpoints if tp.moment_of_truth))):
            if found:
                counted.append(say_counted(key, found))
        counts = self.text(" · ".join(counted), x, top, width, size, self.colors["muted"])
        facts = [g.StageFact(counts)]
        y = counts.box.bottom + 4
        felt_by: dict[str, list[tuple[float, str]]] = {}
        for tp in touchpoints:
            seen: set[str] = set()  # the first emotion per persona, as the map reads it
            for emotion in tp.emotions:
                if emotion.persona not in seen and emotion.persona in self.order:
                    seen.add(emotion.persona)
                    felt_by.setdefault(emotion.persona, []).append((emotion.value, tp.name))
        for index, persona_id in sorted((self.order[p], p) for p in felt_by):
            felt = felt_by[persona_id]
            low, high = min(felt, key=lambda f: f[0]), max(felt, key=lambda f: f[0])
            scale = self.journey.scale
            if len(felt) == 1:
                lines = [say("stage_felt", touchpoint=low[1], value=on_scale(low[0], scale))]
            else:
                lines = [say("stage_lowest", touchpoint=low[1], value=on_scale(low[0], scale))]
                if high[0] != low[0]:
                    lines.append(say("stage_highest", touchpoint=high[1],
                                     value=on_scale(high[0], scale)))
            for words in lines:
                block = self.text(words, x + 14, y, width - 14, size)
                marker = g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)], x + 5,
                                  block.baselines[0] - size * 0.35, 4,
                                  self.colors["background"], self.persona_color(index))
                facts.append(g.StageFact(block, marker))
                y = block.box.bottom + 2
        return facts

    def _kpi_facts(self, stage: Stage, x: float, top: float, width: float) -> list[g.StageFact]:
        """The stage's KPIs under the map's heading, each a line of its name, figure, target
        and whether it is met (`kpis.metric_text`); none without any."""
        metrics = self.stage_kpis(stage)
        if not metrics:
            return []
        heading = self.text(say("row_kpis"), x, top, width, self.small() - 1,
                            self.colors["muted"], bold=True)
        facts = [g.StageFact(heading)]
        for kpi in metrics:
            line = self.text(kpis.metric_text(kpi), x, facts[-1].text.box.bottom + 1, width,
                             self.small())
            facts.append(g.StageFact(line))
        return facts
