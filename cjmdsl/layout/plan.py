"""The rows below the lanes: the stage plan (goals, brand actions, action items, notes) and
the KPI cards."""
from __future__ import annotations

from cjmdsl.layout import geometry as g
from cjmdsl.layout.base import KPI_CARD_WIDTH
from cjmdsl.layout.curves import polyline
from cjmdsl.model import Kpi, Stage
from cjmdsl.themes import mix
from cjmdsl.words import kpis
from cjmdsl.words.sentences import action_item, say


class StagePlan:
    """Mixed into the layout: needs its journey, theme, pieces, text() and row_label()."""

    def footers(self) -> tuple[tuple[g.StageFooter, ...], g.TextBlock | None]:
        """The stage plan of the row's stages, each under the row where the stage begins; no
        band in a row where none of the stages beginning there has a plan."""
        def has_plan(stage: Stage) -> bool:
            return bool(stage.action_items or stage.notes or stage.metrics)

        beginning = [piece for piece in self.pieces if not piece.continued]
        if not any(has_plan(piece.stage) for piece in beginning):
            return (), None
        top = self.y
        drafts = []
        for piece in beginning:
            left, right = piece.left, piece.right
            texts = self._footer_texts(piece.stage, left + self.pad, top + self.pad,
                                       right - left - 2 * self.pad)
            bottom = max((t.box.bottom for t in texts), default=top)
            drafts.append((piece, texts, bottom))
        footers = tuple(  # each as tall as what it says
            g.StageFooter(piece.stage.id,
                          g.Box(piece.left, top, piece.right - piece.left, bottom + self.pad - top),
                          mix(self.theme.stage_fill(piece.index), self.colors.background, 0.55),
                          texts)
            for piece, texts, bottom in drafts if texts
        )
        label = self.row_label(say("row_stage_plan"), top)
        self.y = max(footer.box.bottom for footer in footers) + self.lane_gap
        return footers, label

    def _footer_texts(self, stage: Stage, x: float, top: float, width: float):
        texts = []
        y = top
        size = self.small()
        sections = (
            (say("action_items"), ["• " + action_item(a) for a in stage.action_items]),
            (say("lane_metrics"), [kpis.metric_text(metric) for metric in stage.metrics]),
            (say("lane_notes"), [t.text for t in stage.notes]),
        )
        for heading, items in sections:
            if not items:
                continue
            block = self.text(heading.upper(), x, y, width, size - 1, self.colors.muted, bold=True)
            texts.append(block)
            y = block.box.bottom + 1
            for item in items:
                block = self.text(item, x, y, width)
                texts.append(block)
                y = block.box.bottom + 2
            y += 4
        return texts

    def block_kpis(self) -> list[Kpi]:
        """The KPIs the KPI block shows: every one (the map shows a stage's own under the
        stage's name instead, `Header.block_kpis`)."""
        return list(self.journey.kpis)

    def kpi_cards(self) -> tuple[tuple[g.KpiCard, ...], g.TextBlock | None]:
        """The `block_kpis` as cards that share the grid's width, so that a few KPIs leave no
        blank beside them."""
        whole_map = self.block_kpis()
        if not whole_map:
            return (), None
        label = self.row_label(say("row_kpis"), self.y)
        top = self.y
        x = self.grid_left
        room = self.width - self.margin - self.grid_left
        fit = max(1, int((room + self.gap) // (KPI_CARD_WIDTH + self.gap)))
        lines = -(-len(whole_map) // fit)
        across = -(-len(whole_map) // lines)  # as many on each line: 4 KPIs are 2 and 2
        width = (room - (across - 1) * self.gap) / across
        drafts = []
        row_top = top
        for kpi in whole_map:
            if x + width > self.width - self.margin + 0.01 and x > self.grid_left:
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
        name = self.text(kpi.name, left, top + self.pad, inner, self.small(), self.colors.muted,
                         bold=True)
        value = self.text(kpis.figure(kpi), left, name.box.bottom + 2, inner,
                          self.font.title_size - 2, bold=True)
        y = value.box.bottom
        detail = None
        if kpis.sentence(kpi):
            detail = self.text(kpis.sentence(kpi), left, y + 2, inner, self.small(),
                               self.colors.muted)
            y = detail.box.bottom
        target = None
        if kpi.target is not None:
            status = kpis.status(kpi)
            if status is None:  # no direction: the target alone, without tick or cross
                target = self.text(say("kpi_target", target=kpis.target(kpi)), left, y + 3, inner,
                                   self.small(), self.colors.muted, bold=True)
            else:
                color = self.colors.met if kpi.met else self.colors.missed
                words = say("kpi_target_status", target=kpis.target(kpi), status=say("kpi_" + status))
                target = self.text(words, left + 14, y + 3,
                                   inner - 14, self.small(), color, bold=True)
            y = target.box.bottom
        box = g.Box(x, top, width, y + self.pad - top)
        mark = _status_mark(target, kpi.met) if target is not None else None
        return g.KpiCard(kpi.id, box, name, value, detail, target, kpi.met, mark)


def _status_mark(target: g.TextBlock, met: bool | None) -> str | None:
    """The tick (met) or cross (missed) drawn before a KPI's target line, as a path."""
    x = target.box.x - 8
    y = target.baselines[0] - target.size * 0.35
    if met is True:
        return polyline([(x - 4, y), (x - 1, y + 3), (x + 4, y - 3)])
    if met is False:
        return (polyline([(x - 3.5, y - 3.5), (x + 3.5, y + 3.5)]) + " "
                + polyline([(x + 3.5, y - 3.5), (x - 3.5, y + 3.5)]))
    return None
