"""Model + theme to geometry: where every box, line of text and curve goes.

The map is a grid: a column per touchpoint, grouped under its stage; a row per
lane (actions, thoughts, emotions, pain points, opportunities), each as tall as
its tallest cell. Text is wrapped with the theme font's real metrics, so every
line fits its box. Lanes with no content in the map are left out. SVG and HTML
both draw this geometry; neither computes a position of its own.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from cjmdsl import geometry as g
from cjmdsl.channels import resolve_channel
from cjmdsl.curves import area_between, monotone_spline
from cjmdsl.escape import xml_chars
from cjmdsl.model import Journey, Kpi, Stage, Touchpoint
from cjmdsl.textmetrics import ascent, line_height, text_width, wrap
from cjmdsl.themes import Theme, mix

MARKER_SHAPES = ("circle", "square", "diamond", "triangle", "triangle-down", "hexagon")
MIN_WIDTH = 760
LEGEND_LABEL_WIDTH = 340
KPI_CARD_WIDTH = 214
WORD_LINES = 2
DODGE = 5.0


@dataclass(frozen=True)
class _Column:
    """Where one touchpoint (or an empty stage's placeholder) sits."""

    stage: Stage
    touchpoint: Touchpoint | None
    x: float
    width: float

    @property
    def center(self) -> float:
        return self.x + self.width / 2


class _Flow:
    """Places items left to right, starting a new row when one would not fit."""

    def __init__(self, left: float, top: float, right: float, row_height: float):
        self.left, self.right, self.row_height = left, right, row_height
        self.x, self.top = left, top

    def place(self, width: float) -> tuple[float, float]:
        if self.x + width > self.right and self.x > self.left:
            self.x, self.top = self.left, self.top + self.row_height
        placed = (self.x, self.top)
        self.x += width
        return placed

    @property
    def bottom(self) -> float:
        return self.top + self.row_height


class _Layout:
    """Walks down the map, one band after another, keeping the running `y`."""

    def __init__(self, journey: Journey, theme: Theme):
        self.journey = journey
        self.theme = theme
        self.font = theme.font
        self.colors = theme.colors
        space = theme.spacing
        self.margin = space["margin"]
        self.pad = space["padding"]
        self.gap = space["column_gap"]
        self.lane_gap = space["lane_gap"]
        self.label_width = space["label_width"]
        self.columns = self._columns(space["column_width"])
        self.stage_edges: dict[int, tuple[float, float]] = {}
        for column in self.columns:
            left, _ = self.stage_edges.get(id(column.stage), (column.x, 0))
            self.stage_edges[id(column.stage)] = (left, column.x + column.width)
        grid_right = self.columns[-1].x + self.columns[-1].width if self.columns else 0
        self.width = max(grid_right + self.margin, MIN_WIDTH)
        self.inner_width = self.width - 2 * self.margin
        self.grid_left = self.margin + self.label_width + self.gap
        self.y = self.margin

    # ── text ───────────────────────────────────────────────────────────────
    def text(self, text: str, x: float, top: float, width: float, size: float | None = None,
             color: str | None = None, bold: bool = False, italic: bool = False,
             anchor: str = "start", max_lines: int | None = None) -> g.TextBlock:
        """Wrap `text` into a block `width` wide whose first line's top is `top`."""
        size = size or self.font["size"]
        # Measure what will be drawn: characters XML cannot carry are drawn as U+FFFD.
        lines = tuple(wrap(xml_chars(text), width, size, bold, max_lines=max_lines)) or ("",)
        advance = line_height(size)
        first = top + (advance - size) / 2 + ascent(size)
        anchor_x = {"start": x, "middle": x + width / 2, "end": x + width}[anchor]
        return g.TextBlock(
            lines=lines, x=anchor_x,
            baselines=tuple(first + i * advance for i in range(len(lines))),
            size=size, color=color or self.colors["text"],
            box=g.Box(x, top, width, len(lines) * advance),
            bold=bold, italic=italic, anchor=anchor,
        )

    def small(self) -> float:
        return self.font["small_size"]

    # ── columns ────────────────────────────────────────────────────────────
    def _columns(self, column_width: float) -> list[_Column]:
        columns = []
        x = self.margin + self.label_width + self.gap
        for stage in self.journey.stages:
            for touchpoint in stage.touchpoints or (None,):
                columns.append(_Column(stage, touchpoint, x, column_width))
                x += column_width + self.gap
            x += self.gap  # stages sit a little further apart than their columns
        return columns

    def stage_span(self, stage: Stage) -> tuple[float, float]:
        """Left and right edge of a stage's columns."""
        return self.stage_edges[id(stage)]

    # ── bands, top to bottom ───────────────────────────────────────────────
    def title(self) -> tuple[g.TextBlock, g.TextBlock | None]:
        title = self.text(self.journey.title, self.margin, self.y, self.inner_width,
                          self.font["title_size"], bold=True)
        self.y = title.box.bottom + 4
        description = None
        if self.journey.description:
            description = self.text(self.journey.description, self.margin, self.y,
                                     min(self.inner_width, 900), color=self.colors["muted"])
            self.y = description.box.bottom
        self.y += self.lane_gap
        return title, description

    def legend(self) -> tuple[tuple[g.LegendEntry, ...], tuple[g.LegendKey, ...]]:
        """Personas (colour, marker, role), then keys for the other marks the map uses."""
        size = self.small() + 0.5
        row_height = line_height(size)
        flow = _Flow(self.margin, self.y, self.width - self.margin, row_height + 6)
        entries = []
        for index, persona in enumerate(self.journey.personas):
            role = persona.roles[0].text if persona.roles else ""
            text = f"{persona.name} · {role}" if role else persona.name
            x, top = flow.place(34 + self._text_width(text, size, LEGEND_LABEL_WIDTH) + 22)
            label = self.text(text, x + 34, top, LEGEND_LABEL_WIDTH, size, max_lines=1)
            color = self.persona_color(index)
            middle = top + row_height / 2
            marker = g.Marker(MARKER_SHAPES[index % len(MARKER_SHAPES)], x + 14, middle, 5,
                              self.colors["background"], color)
            entries.append(g.LegendEntry(persona.id, marker, x, x + 28, color, label))
        keys = []
        touchpoints = self.journey.touchpoints
        wanted = (
            ("expected", "Expected emotion", any(tp.expectations for tp in touchpoints)),
            ("gap", "Gap between expected and actual",
             any(tp.expectations and tp.emotions for tp in touchpoints)),
            ("moment", "Moment of truth", any(tp.moment_of_truth for tp in touchpoints)),
        )
        for kind, text, present in wanted:
            if present:
                x, top = flow.place(34 + self._text_width(text, size, LEGEND_LABEL_WIDTH) + 22)
                sample = g.Box(x, top + row_height / 2 - 5, 28, 10)
                label = self.text(text, x + 34, top, LEGEND_LABEL_WIDTH, size, max_lines=1,
                                  color=self.colors["muted"])
                keys.append(g.LegendKey(kind, sample, label))
        if entries or keys:
            self.y = flow.bottom + self.lane_gap - 2
        return tuple(entries), tuple(keys)

    def _text_width(self, text: str, size: float, limit: float) -> float:
        """Width of `text` on one line, capped at `limit` (where it will be cut short)."""
        return min(text_width(text, size), limit)

    def persona_color(self, index: int) -> str:
        persona = self.journey.personas[index]
        return self.theme.persona_color(index, persona.color)

    def stage_headers(self) -> tuple[g.StageHeader, ...]:
        size = self.font["heading_size"]
        labels = []
        for index, stage in enumerate(self.journey.stages):
            left, right = self.stage_span(stage)
            label = self.text(stage.name, left + self.pad, self.y + self.pad,
                              right - left - 2 * self.pad, size, self.theme.stages["text"],
                              bold=True, anchor="middle")
            labels.append((stage, left, right, label, self.theme.stage_fill(index)))
        height = max((lb.box.height for *_, lb, _ in labels), default=0) + 2 * self.pad
        headers = tuple(
            g.StageHeader(stage.id, g.Box(left, self.y, right - left, height), fill,
                          self._center_vertically(label, self.y, height))
            for stage, left, right, label, fill in labels
        )
        self.y += height + self.gap
        return headers

    def _center_vertically(self, block: g.TextBlock, top: float, height: float) -> g.TextBlock:
        shift = top + (height - block.box.height) / 2 - block.box.y
        return _shift(block, shift)

    def touchpoint_headers(self) -> tuple[g.TouchpointHeader, ...]:
        top = self.y
        drafts = []
        for column in self.columns:
            if column.touchpoint is not None:
                drafts.append(self._touchpoint_header(column, top))
        height = max((d[1] for d in drafts), default=0)
        headers = tuple(
            g.TouchpointHeader(
                touchpoint_id=h.touchpoint_id, stage_id=h.stage_id, column=h.column,
                card=g.Box(h.card.x, h.card.y, h.card.width, height),
                icon=h.icon, channel=h.channel, name=h.name, moment=h.moment)
            for h, _ in drafts
        )
        self.y = top + height + self.lane_gap
        return headers

    def _touchpoint_header(self, column: _Column, top: float):
        tp = column.touchpoint
        inner = column.width - 2 * self.pad
        y = top + self.pad
        icon = channel_text = None
        if tp.channel:
            known = resolve_channel(tp.channel)
            icon = g.Icon(known.name if known else "other", column.x + self.pad, y, 16,
                          self.colors["muted"])
            channel_text = self.text(known.label if known else tp.channel,
                                     column.x + self.pad + 22, y, inner - 22, self.small(),
                                     self.colors["muted"], max_lines=1)
            y = max(y + 16, channel_text.box.bottom) + 4
        name = self.text(tp.name, column.x + self.pad, y, inner, self.font["heading_size"] - 0.5,
                         bold=True)
        y = name.box.bottom
        moment = None
        if tp.moment_of_truth:
            label = "Moment of truth"
            if tp.moment_of_truth.reason:
                label += ": " + tp.moment_of_truth.reason
            moment = self.text(label, column.x + self.pad + 16, y + 4, inner - 16, self.small(),
                               self.colors["moment"], bold=True)
            y = moment.box.bottom
        card = g.Box(column.x, top, column.width, y + self.pad - top)
        header = g.TouchpointHeader(tp.id, column.stage.id, g.Box(column.x, top, column.width, 0),
                                    card, icon, channel_text, name, moment)
        return header, card.height

    def row_label(self, text: str, top: float) -> g.TextBlock:
        return self.text(text, self.margin, top + self.pad, self.label_width - self.pad,
                         self.font["size"], self.colors["muted"], bold=True)

    def text_lane(self, kind: str, label: str, items_of, style) -> g.Lane | None:
        """A lane of stacked cards per column; None when no touchpoint has any item."""
        if not any(items_of(c.touchpoint) for c in self.columns if c.touchpoint):
            return None
        top = self.y
        cards: list[g.Card] = []
        bottom = top
        for column in self.columns:
            if column.touchpoint is None:
                continue
            y = top + self.pad
            for item in items_of(column.touchpoint):
                card = style(column, y, item)
                cards.append(card)
                y = card.box.bottom + 6
            bottom = max(bottom, y - 6 + self.pad)
        height = max(bottom - top, line_height(self.font["size"]) + 2 * self.pad)
        lane = g.Lane(kind, g.Box(self.margin, top, self.width - 2 * self.margin, height),
                      self.row_label(label, top), tuple(cards))
        self.y = top + height + self.lane_gap
        return lane

    def plain_card(self, kind: str, fill: str, stroke: str, italic: bool = False):
        def style(column: _Column, top: float, item) -> g.Card:
            text = self.text(item, column.x + self.pad, top + 5, column.width - 2 * self.pad,
                             italic=italic)
            box = g.Box(column.x, top, column.width, text.box.height + 10)
            return g.Card(kind, column.touchpoint.id, box, fill, stroke, text)
        return style

    def finding_card(self, kind: str, fill: str, stroke: str):
        """A pain point or opportunity: its text, then tags for the source and the owner."""
        def style(column: _Column, top: float, finding) -> g.Card:
            inner = column.width - 2 * self.pad
            text = self.text(finding.text, column.x + self.pad, top + 5, inner)
            y = text.box.bottom + 4
            tags = []
            labels = []
            if finding.source:
                detail = f" · {finding.source.detail}" if finding.source.detail else ""
                labels.append(finding.source.kind.capitalize() + detail)
            if finding.owner:
                labels.append(f"Owner: {finding.owner}")
            for label in labels:
                tag_text = self.text(label, column.x + self.pad + 5, y + 2, inner - 10,
                                     self.small(), self.colors["text"])
                box = g.Box(column.x + self.pad, y, inner, tag_text.box.height + 4)
                tags.append(g.Tag(box, tag_text, self.colors["tag"]))
                y = box.bottom + 3
            box = g.Box(column.x, top, column.width, y - top + 2)
            return g.Card(kind, column.touchpoint.id, box, fill, stroke, text, tuple(tags))
        return style

    def emotion_lane(self) -> g.EmotionLane | None:
        journey = self.journey
        if not any(tp.emotions or tp.expectations for tp in journey.touchpoints):
            return None
        scale = journey.scale
        top = self.y
        label = self.row_label("Emotions", top)
        steps = scale.high - scale.low
        plot_height = max(self.theme.spacing["emotion_height"], steps * 26)
        plot_top = label.box.bottom + 4
        inset = 12
        plot = g.Box(self.grid_left, plot_top, self.width - self.margin - self.grid_left,
                     plot_height)

        def y_of(value: float) -> float:
            return plot.y + inset + (scale.high - value) / steps * (plot.height - 2 * inset)

        levels = self._levels(plot, y_of)
        word_bottom = plot.bottom
        curves = []
        for index, persona in enumerate(journey.personas):
            curve, bottom = self._curve(index, persona.id, y_of, plot)
            if curve:
                curves.append(curve)
                word_bottom = max(word_bottom, bottom)
        curves = self._separate_words(curves, plot)
        word_bottom = max([plot.bottom] + [p.word.box.bottom for c in curves for p in c.points
                                           if p.word])
        height = word_bottom + self.pad - top
        lane = g.EmotionLane(g.Box(self.margin, top, self.width - 2 * self.margin, height),
                             plot, label, levels, tuple(curves))
        self.y = top + height + self.lane_gap
        return lane

    def _levels(self, plot: g.Box, y_of) -> tuple[g.Level, ...]:
        scale = self.journey.scale
        step = y_of(scale.low) - y_of(scale.low + 1)
        size = self.small()
        every = max(1, int(line_height(size) // max(step, 1)) + 1)
        levels = []
        for value in range(scale.low, scale.high + 1):
            y = y_of(value)
            band_top = max(plot.y, y - step / 2)
            band = g.Box(plot.x, band_top, plot.width, min(plot.bottom, y + step / 2) - band_top)
            text = scale.label_for(value)
            shown = text is not None or (value - scale.low) % every == 0
            label = None
            if shown:
                number = _signed(value, with_plus=scale.low < 0)
                words = f"{text} ({number})" if text else number
                block = self.text(words, self.margin, 0, self.label_width - self.pad, size,
                                  self.colors["muted"], anchor="end", max_lines=1)
                label = _shift(block, y - block.box.height / 2)
            color = self.theme.emotion_color(value, scale.low, scale.high)
            levels.append(g.Level(value, y, band, color, label))
        return tuple(levels)

    def _curve(self, index: int, persona_id: str, y_of, plot: g.Box):
        color = self.persona_color(index)
        # Personas who feel the same at a touchpoint would hide each other's
        # markers; each curve is dodged a few pixels sideways.
        count = len(self.journey.personas)
        dodge = (index - (count - 1) / 2) * DODGE if count > 1 else 0.0

        def x_of(column: _Column) -> float:
            return column.center + dodge

        shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
        scale = self.journey.scale
        actual, expected = [], []
        for column in self.columns:
            tp = column.touchpoint
            if tp is None:
                continue
            emotion = tp.emotion_of(persona_id)
            if emotion:
                actual.append((column, emotion.value, emotion.word))
            expectation = tp.expectation_of(persona_id)
            if expectation:
                expected.append((column, expectation.value, None))
        if not actual and not expected:
            return None, plot.bottom

        def points(marks, radius, hollow):
            made = []
            for column, value, word in marks:
                fill = self.theme.emotion_color(value, scale.low, scale.high)
                marker = g.Marker(shape, x_of(column), y_of(value), radius,
                                  self.colors["background"] if hollow else fill, color)
                word_block = None
                if not hollow and self.theme.emotion["value_labels"]:
                    # Themes for print write the value out: the curve reads without colour.
                    number = _signed_number(value, with_plus=scale.low < 0)
                    word = f"{word} ({number})" if word else number
                if word:
                    word_block = self.text(word, column.x + self.pad, y_of(value) + radius + 3,
                                           column.width - 2 * self.pad, self.small(), color,
                                           italic=True, anchor="middle", max_lines=WORD_LINES)
                made.append(g.CurvePoint(column.touchpoint.id, value, marker, word_block))
            return tuple(made)

        actual_spline = monotone_spline([(x_of(c), y_of(v)) for c, v, _ in actual]) if actual else None
        expected_spline = monotone_spline([(x_of(c), y_of(v)) for c, v, _ in expected]) if expected else None
        gaps = self._gap_areas(actual, expected, actual_spline, expected_spline, x_of)
        curve = g.Curve(
            persona_id=persona_id, color=color,
            path=actual_spline.path() if actual_spline and len(actual) > 1 else "",
            points=points(actual, 5.5, False),
            expected_path=expected_spline.path() if expected_spline and len(expected) > 1 else None,
            expected_points=points(expected, 3.5, True),
            gap_areas=gaps,
        )
        return curve, plot.bottom

    def _gap_areas(self, actual, expected, actual_spline, expected_spline, x_of) -> tuple[str, ...]:
        """Shaded areas between the two curves wherever both are known, run by run.

        A run is a stretch of touchpoints where the persona has both an emotion and an
        expectation, with no touchpoint in between that has only one of them.
        """
        if not actual_spline or not expected_spline:
            return ()
        order = {id(c): i for i, c in enumerate(self.columns)}
        felt = {order[id(c)] for c, _, _ in actual}
        hoped = {order[id(c)] for c, _, _ in expected}
        lone = sorted(felt ^ hoped)  # touchpoints with only one of the two
        runs: list[list[_Column]] = []
        previous = None
        for index in sorted(felt & hoped):
            broken = previous is None or bisect.bisect_left(lone, previous) != bisect.bisect_left(lone, index)
            if broken:
                runs.append([])
            runs[-1].append(self.columns[index])
            previous = index
        areas = []
        for run in runs:
            x0, x1 = x_of(run[0]), x_of(run[-1])
            if x0 == x1:
                a, e = actual_spline.at(x0), expected_spline.at(x0)
                x0, x1 = x0 - 4, x1 + 4
                areas.append(f"M{x0:.2f} {a:.2f} L{x1:.2f} {a:.2f} L{x1:.2f} {e:.2f} "
                             f"L{x0:.2f} {e:.2f} Z")
            else:
                areas.append(area_between(actual_spline, expected_spline, x0, x1))
        return tuple(areas)

    def _separate_words(self, curves: list[g.Curve], plot: g.Box) -> list[g.Curve]:
        """Push apart the words of different personas at the same touchpoint."""
        placed: dict[str, list[g.Box]] = {}
        result = []
        for curve in curves:
            points = []
            for point in curve.points:
                word = point.word
                if word:
                    taken = placed.setdefault(point.touchpoint_id, [])
                    top = word.box.y
                    for box in sorted(taken, key=lambda b: b.y):
                        if top < box.bottom + 1 and top + word.box.height > box.y - 1:
                            top = box.bottom + 1
                    word = _shift(word, top - word.box.y)
                    taken.append(word.box)
                points.append(g.CurvePoint(point.touchpoint_id, point.value, point.marker, word))
            result.append(g.Curve(curve.persona_id, curve.color, curve.path, tuple(points),
                                  curve.expected_path, curve.expected_points, curve.gap_areas))
        return result

    def footers(self) -> tuple[tuple[g.StageFooter, ...], g.TextBlock | None]:
        stages = [s for s in self.journey.stages if s.goals or s.brand_actions or s.action_items]
        if not stages:
            return (), None
        top = self.y
        drafts = []
        for index, stage in enumerate(self.journey.stages):
            left, right = self.stage_span(stage)
            texts = self._footer_texts(stage, left + self.pad, top + self.pad,
                                       right - left - 2 * self.pad)
            bottom = max((t.box.bottom for t in texts), default=top)
            drafts.append((stage, left, right, texts, bottom, index))
        height = max(d[4] for d in drafts) + self.pad - top
        footers = tuple(
            g.StageFooter(stage.id, g.Box(left, top, right - left, height),
                          mix(self.theme.stage_fill(index), self.colors["background"], 0.55), texts)
            for stage, left, right, texts, _, index in drafts
        )
        label = self.row_label("Stage plan", top)
        self.y = top + height + self.lane_gap
        return footers, label

    def _footer_texts(self, stage: Stage, x: float, top: float, width: float):
        texts = []
        y = top
        size = self.small()
        sections = (
            ("Customer goal", [t.text for t in stage.goals]),
            ("Brand action", [t.text for t in stage.brand_actions]),
            ("Action items", [_action_item_text(a) for a in stage.action_items]),
        )
        for heading, items in sections:
            if not items:
                continue
            block = self.text(heading.upper(), x, y, width, size - 1, self.colors["muted"], bold=True)
            texts.append(block)
            y = block.box.bottom + 1
            for item in items:
                block = self.text(item, x, y, width, size)
                texts.append(block)
                y = block.box.bottom + 2
            y += 4
        return texts

    def kpi_cards(self) -> tuple[tuple[g.KpiCard, ...], g.TextBlock | None]:
        if not self.journey.kpis:
            return (), None
        label = self.row_label("KPIs", self.y)
        top = self.y
        x = self.grid_left
        width = KPI_CARD_WIDTH
        drafts = []
        row_top = top
        for kpi in self.journey.kpis:
            if x + width > self.width - self.margin and x > self.grid_left:
                row_bottom = max(d[1].box.bottom for d in drafts if d[1].box.y == row_top)
                x, row_top = self.grid_left, row_bottom + self.gap
            card = self._kpi_card(kpi, x, row_top, width)
            drafts.append((kpi, card))
            x += width + self.gap
        self.y = max(card.box.bottom for _, card in drafts) + self.lane_gap
        return tuple(card for _, card in drafts), label

    def _kpi_card(self, kpi: Kpi, x: float, top: float, width: float) -> g.KpiCard:
        inner = width - 2 * self.pad
        left = x + self.pad
        name = self.text(kpi.name, left, top + self.pad, inner, self.small(), self.colors["muted"],
                         bold=True)
        value = self.text(_kpi_value(kpi), left, name.box.bottom + 2, inner,
                          self.font["title_size"] - 2, bold=True)
        y = value.box.bottom
        detail = None
        if kpi.kind != "value":
            verb = "retained" if kpi.kind == "retention" else "lost"
            count = kpi.end if kpi.kind == "retention" else kpi.start - kpi.end
            detail = self.text(f"{kpi.kind.capitalize()}: {count:,} of {kpi.start:,} {verb}",
                               left, y + 2, inner, self.small(), self.colors["muted"])
            y = detail.box.bottom
        target = None
        if kpi.target is not None:
            status = "met" if kpi.met else "missed"
            unit = "%" if kpi.is_percent else ""
            color = self.colors["met"] if kpi.met else self.colors["missed"]
            target = self.text(f"Target {_number(kpi.target)}{unit} · {status}", left + 14, y + 3,
                               inner - 14, self.small(), color, bold=True)
            y = target.box.bottom
        box = g.Box(x, top, width, y + self.pad - top)
        return g.KpiCard(kpi.id, box, name, value, detail, target, kpi.met)


def layout(journey: Journey, theme: Theme) -> g.Geometry:
    """Place everything; the result is all a backend needs to draw the map."""
    lay = _Layout(journey, theme)
    colors = theme.colors
    title, description = lay.title()
    legend, legend_keys = lay.legend()
    stages = lay.stage_headers()
    header_top = lay.y
    touchpoints = lay.touchpoint_headers()
    row_labels = [lay.row_label("Touchpoints", header_top)]
    lanes = []
    lane_specs = (
        ("actions", "Actions", lambda tp: [t.text for t in tp.actions],
         lay.plain_card("action", colors["card"], colors["border"])),
        ("thoughts", "Thoughts", lambda tp: [t.text for t in (*tp.thoughts, *tp.questions)],
         lay.plain_card("thought", colors["panel"], colors["border"], italic=True)),
    )
    for kind, label, items_of, style in lane_specs:
        lane = lay.text_lane(kind, label, items_of, style)
        if lane:
            lanes.append(lane)
    emotion = lay.emotion_lane()
    for kind, label, items_of, style in (
        ("pains", "Pain points", lambda tp: tp.pains,
         lay.finding_card("pain", colors["pain"], colors["pain_border"])),
        ("opportunities", "Opportunities", lambda tp: tp.opportunities,
         lay.finding_card("opportunity", colors["opportunity"], colors["opportunity_border"])),
    ):
        lane = lay.text_lane(kind, label, items_of, style)
        if lane:
            lanes.append(lane)
    bands_bottom = lay.y - lay.lane_gap
    moment_bands = tuple(
        g.Box(h.card.x - 3, header_top - 3, h.card.width + 6, bands_bottom - header_top + 6)
        for h, tp in zip(touchpoints, [c.touchpoint for c in lay.columns if c.touchpoint])
        if tp.moment_of_truth
    )
    footers, footer_label = lay.footers()
    kpis, kpi_label = lay.kpi_cards()
    height = lay.y - lay.lane_gap + lay.margin
    return g.Geometry(
        width=round(lay.width, 2), height=round(height, 2), background=colors["background"],
        font_family=theme.font["family"], title=title, description=description, legend=legend,
        legend_keys=legend_keys,
        stages=stages, touchpoints=touchpoints, row_labels=tuple(row_labels),
        moment_bands=moment_bands, lanes=tuple(lanes), emotion=emotion, footers=footers,
        footer_label=footer_label, kpis=kpis, kpi_label=kpi_label, grid_color=colors["line"],
        colors=dict(colors),
    )


def _shift(block: g.TextBlock, dy: float) -> g.TextBlock:
    box = block.box
    return g.TextBlock(block.lines, block.x, tuple(b + dy for b in block.baselines), block.size,
                       block.color, g.Box(box.x, box.y + dy, box.width, box.height),
                       block.bold, block.italic, block.anchor)


def _action_item_text(item) -> str:
    text = "• " + item.text
    if item.outcome:
        text += f" → {item.outcome}"
    if item.owner:
        text += f" ({item.owner})"
    return text


def _kpi_value(kpi: Kpi) -> str:
    """A value as the user wrote it; a computed retention or churn to one decimal."""
    actual = kpi.actual
    if actual is None:
        return "–"
    text = _number(actual) if kpi.kind == "value" else _number(round(actual, 1))
    return f"{text}{'%' if kpi.is_percent else ''}"


def _number(value: float) -> str:
    """Thousands separated, no trailing zeros: 1,200 · 3.25 · 92.9."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0")


def _signed_number(value: float, with_plus: bool = True) -> str:
    return f"+{_number(value)}" if value > 0 and with_plus else _number(value)


def _signed(value: int, with_plus: bool = True) -> str:
    return f"+{value}" if value > 0 and with_plus else str(value)
