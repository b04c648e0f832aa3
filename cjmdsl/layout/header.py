"""The header of the map: who the journey is about and what each stage is for.

Practitioners' tools (UXPressia, Smaply) open a map with the persona and the stage goals: a
card per persona (name, role, goal, need, pain, quote) under the title, wrapped into a grid
that fits the map's width; under each stage's name the customer's goal, the brand's action
and the KPIs that belong to the stage.
"""
from __future__ import annotations

from cjmdsl.lanes import CHANNELS
from cjmdsl.layout import geometry as g
from cjmdsl.layout.emotion_marks import dash_of
from cjmdsl.layout.textmetrics import line_height
from cjmdsl.model import Kpi, Persona, Stage
from cjmdsl.themes import mix
from cjmdsl.words import kpis
from cjmdsl.words.sentences import say

PERSONA_CARD_MIN = 230  # narrower than this, fewer cards go side by side
PERSONA_CARD_MAX = 420  # wider, lines get too long to read: the grid stays at the left
PERSONA_QUOTE = "“{quote}”"


class Header:
    """Mixed into the layout: needs its journey, theme, y, text() and row_label()."""

    def persona_cards(self, markers) -> list[g.LegendEntry]:
        """A card per persona in a grid across the map's width, each opening with the
        persona's colour, marker and name as the legend does; `markers[index]` is the
        marker shape of the persona at `index`."""
        personas = self.journey.personas
        if not personas:
            return []
        gap = self.gap
        across = max(1, min(len(personas),
                            int((self.inner_width + gap) // (PERSONA_CARD_MIN + gap))))
        width = min(PERSONA_CARD_MAX, (self.inner_width - (across - 1) * gap) / across)
        entries = []
        top = self.y
        row_bottom = top
        for index, persona in enumerate(personas):
            column = index % across
            if column == 0 and index:
                top = row_bottom + gap
            x = self.margin + column * (width + gap)
            entry = self._persona_card(persona, index, markers[index], x, top, width)
            entries.append(entry)
            row_bottom = max(row_bottom, entry.card.box.bottom)
        self.y = row_bottom + self.lane_gap
        return entries

    def _persona_card(self, persona: Persona, index: int, shape: str, x: float, top: float,
                      width: float) -> g.LegendEntry:
        pad = self.pad + 2
        inner = width - 2 * pad
        color = self.persona_color(index)
        name = self.text(persona.name, x + pad + 34, top + pad, inner - 34,
                         self.font.heading_size - 0.5, bold=True, max_lines=2)
        middle = top + pad + line_height(name.size) / 2
        marker = g.Marker(shape, x + pad + 14, middle, 5, self.colors.background, color)
        texts = []
        y = name.box.bottom + 2
        for role in persona.roles:
            texts.append(self.text(role.text, x + pad, y, inner, color=self.colors.muted))
            y = texts[-1].box.bottom
        sections = ((say("persona_goal"), persona.goals), (say("persona_need"), persona.needs),
                    (say("persona_pain"), persona.pains))
        for heading, items in sections:
            if not items:
                continue
            texts.append(self.text(heading.upper(), x + pad, y + 5, inner, self.small() - 1,
                                   self.colors.muted, bold=True))
            y = texts[-1].box.bottom + 1
            for item in items:
                texts.append(self.text(item.text, x + pad, y, inner))
                y = texts[-1].box.bottom + 1
        for quote in persona.quotes:
            texts.append(self.text(PERSONA_QUOTE.format(quote=quote.text), x + pad, y + 5, inner,
                                   color=self.colors.muted, italic=True))
            y = texts[-1].box.bottom
        card = g.PersonaCard(g.Box(x, top, width, y + pad - top), self.colors.card,
                             self.colors.border, tuple(texts))
        return g.LegendEntry(persona.id, marker, x + pad, x + pad + 28, color, name,
                             dash=dash_of(index), card=card)

    def stage_goals(self) -> tuple[tuple[g.StageFooter, ...], g.TextBlock | None]:
        """Under each stage's name (where the stage begins) its goals, brand actions and the
        KPIs that name it, each box as tall as what it says; no band in a row where no stage
        beginning there has any."""
        beginning = [piece for piece in self.pieces if not piece.continued]
        drafts = [(piece, self._goal_texts(piece.stage, piece.left + self.pad,
                                           self.y + self.pad,
                                           piece.right - piece.left - 2 * self.pad))
                  for piece in beginning]
        drafts = [(piece, texts) for piece, texts in drafts if texts]
        if not drafts:
            return (), None
        top = self.y
        boxes = tuple(
            g.StageFooter(piece.stage.id,
                          g.Box(piece.left, top, piece.right - piece.left,
                                texts[-1].box.bottom + self.pad - top),
                          mix(self.theme.stage_fill(piece.index), self.colors.background, 0.55),
                          tuple(texts))
            for piece, texts in drafts)
        label = self.row_label(say("row_stage_goals"), top)
        self.y = max(box.box.bottom for box in boxes) + self.gap
        return boxes, label

    def _goal_texts(self, stage: Stage, x: float, top: float, width: float):
        sections = (  # headings in capitals, but an acronym keeps its case: KPIs, not KPIS
            (say("customer_goal").upper(), [t.text for t in stage.goals]),
            (say("brand_action").upper(), [t.text for t in stage.brand_actions]),
            (say("row_kpis"), [kpis.metric_text(kpi) for kpi in self.stage_kpis(stage)]),
        )
        texts = []
        y = top
        for heading, items in sections:
            if not items:
                continue
            texts.append(self.text(heading, x, y, width, self.small() - 1, self.colors.muted,
                                   bold=True))
            y = texts[-1].box.bottom + 1
            for item in items:
                texts.append(self.text(item, x, y, width))
                y = texts[-1].box.bottom + 1
            y += 4
        return texts

    def channel_lane(self, label: str) -> g.Lane | None:
        """The row's channels: per touchpoint its icons (as many as fit on a line, each channel
        once) and their names, beside a single icon or under several; None when no touchpoint
        of the map names a channel."""
        if not any(c.touchpoint.channels for c in self.all_columns if c.touchpoint):
            return None
        top = self.y
        muted, background = self.colors["muted"], self.colors.background
        cards = []
        for column in self.touchpoint_columns():
            tp = column.touchpoint
            if not tp.channels:
                continue
            inner = column.width - 2 * self.pad
            left, y = column.x + self.pad, top + self.pad
            names = list(dict.fromkeys(use.icon for use in tp.channels))
            fit = max(1, int((inner + 6) // 22))
            icons = tuple(g.Icon(name, left + 22 * index, y, 16, muted)
                          for index, name in enumerate(names[:fit]))
            if len(names) == 1:
                text = self.text(tp.channel_label, left + 22, y, inner - 22, self.small(), muted,
                                 max_lines=2)
            else:
                text = self.text(tp.channel_label, left, y + 20, inner, self.small(), muted,
                                 max_lines=2)
            bottom = max(y + 16, text.box.bottom)
            cards.append(g.Card(CHANNELS, tp.id, g.Box(column.x, y, column.width, bottom - y),
                                background, background, text, icons=icons))
        bottom = max((card.box.bottom for card in cards), default=top) + self.pad
        lane = g.Lane(CHANNELS, g.Box(self.margin, top, self.width - 2 * self.margin,
                                      bottom - top),
                      self.row_label(label, top), tuple(cards), self.separator(top))
        self.y = bottom + self.lane_gap
        return lane

    def stage_kpis(self, stage: Stage) -> list[Kpi]:
        """The map's KPIs that belong to `stage`."""
        return [kpi for kpi in self.journey.kpis if kpi.stage == stage.id]

    def block_kpis(self) -> list[Kpi]:
        """The KPIs of the whole map, for the KPI block below the rows."""
        return [kpi for kpi in self.journey.kpis if kpi.stage is None]
